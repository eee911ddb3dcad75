// Pure logic: stays free of vscode.
// What the post scaffold tells the user (template and settings problems, refused writes), as
// English templates; src/extension/scaffold/scaffold-notices.ts says each in VS Code's display
// language. Placeholder names such as {{slug}} travel as values: a literal brace beside a slot
// would stop vscode.l10n.t from filling it.
export const SCAFFOLD_MESSAGES = {
  templateTooLarge: 'The template is larger than {0} KB.',
  templateCursorInFrontMatter: '{0} belongs in the body, not in the front matter ({1}, line {2}).',
  templateUnclosedFrontMatter: 'The front matter has no closing "---" line.',
  templateInFile: '{0}: {1}',
  templateMetaNotMapping: '"template:" must be a mapping with label, description and icon.',
  templateMetaNotText: '"template.{0}" must be text.',
  templateUnknownPlaceholder: 'Unknown placeholder {0} ({1}). Known: {2}. Write \\{0} for literal braces.',
  templateUnknownPlaceholderDidYouMean: 'Unknown placeholder {0} ({1}). Did you mean {2}? Known: {3}. Write \\{0} for literal braces.',
  templatePlaceInFile: '{0}, line {1}',
  templatePlaceLine: 'line {0}',
  templateUnreadable: '{0} could not be read or is larger than 256 KB.',
  templateOutsideWorkspace: '{0} is a link to a file outside the workspace folder; it is skipped until you trust the workspace.',
  templateDuplicateKind: '{0} and {1} both define the kind "{2}"; {1} is used.',
  fileNameUnknownPlaceholder: 'Unknown placeholder {0} in {1}. Use {2}.',
  fileNameNeedsSlug: '{0} must contain {1}, so each post gets its own file.',
  fileNameExtension: '{0} must end in .md, .mdx or .markdown.',
  fileNameOutsidePosts: '{0} must stay inside the posts folder (no "..", no absolute path).',
  fileNameUnsafePart: 'The file name "{0}" has an unsafe part "{1}".',
  frontMatterSettingUnknownPlaceholder: 'Unknown placeholder {0} in learnInPublic.scaffold.frontMatter.',
  postLeavesWorkspace: '{0} leads outside the workspace folder (through a symbolic link); nothing was written.',
  postNoFreeFileName: 'No free file name for "{0}" in {1}.',
  postPermissionDenied: 'Cannot write in {0}: permission denied.',
  postReadOnlyFileSystem: 'Cannot write in {0}: the file system is read-only.',
  postFileInTheWay: 'Cannot create {0}: a file with that name is in the way.',
  postDiskFull: 'Cannot write in {0}: the disk is full.',
  postFolderUnreachable: 'Cannot create {0}: part of its path is a link to a folder that does not exist (or it was removed meanwhile).',
} as const;

export type ScaffoldMessageId = keyof typeof SCAFFOLD_MESSAGES;

// The post scaffold's notices (src/core/scaffold/scaffold-messages.ts) in VS Code's display language.
// One vscode.l10n.t call per id, with the English template as its key, so the l10n export
// finds every string; a unit test checks these say what the core's English says.
import * as vscode from 'vscode';
import type { SCAFFOLD_MESSAGES } from '../../core/scaffold/scaffold-messages';

/** A notice of this area with its values already said (see sayNotice in src/extension/notices.ts). */
export interface ScaffoldNotice {
  readonly id: keyof typeof SCAFFOLD_MESSAGES;
  readonly values: readonly string[];
}

export function sayScaffoldNotice(n: ScaffoldNotice): string {
  const v = n.values;
  switch (n.id) {
    case 'templateTooLarge':
      return vscode.l10n.t('The template is larger than {0} KB.', v[0]);
    case 'templateCursorInFrontMatter':
      return vscode.l10n.t('{0} belongs in the body, not in the front matter ({1}, line {2}).', v[0], v[1], v[2]);
    case 'templateUnclosedFrontMatter':
      return vscode.l10n.t('The front matter has no closing "---" line.');
    case 'templateInFile':
      return vscode.l10n.t('{0}: {1}', v[0], v[1]);
    case 'templateMetaNotMapping':
      return vscode.l10n.t('"template:" must be a mapping with label, description and icon.');
    case 'templateMetaNotText':
      return vscode.l10n.t('"template.{0}" must be text.', v[0]);
    case 'templateUnknownPlaceholder':
      return vscode.l10n.t('Unknown placeholder {0} ({1}). Known: {2}. Write \\{0} for literal braces.', v[0], v[1], v[2]);
    case 'templateUnknownPlaceholderDidYouMean':
      return vscode.l10n.t('Unknown placeholder {0} ({1}). Did you mean {2}? Known: {3}. Write \\{0} for literal braces.', v[0], v[1], v[2], v[3]);
    case 'templatePlaceInFile':
      return vscode.l10n.t('{0}, line {1}', v[0], v[1]);
    case 'templatePlaceLine':
      return vscode.l10n.t('line {0}', v[0]);
    case 'templateUnreadable':
      return vscode.l10n.t('{0} could not be read or is larger than 256 KB.', v[0]);
    case 'templateOutsideWorkspace':
      return vscode.l10n.t('{0} is a link to a file outside the workspace folder; it is skipped until you trust the workspace.', v[0]);
    case 'templateDuplicateKind':
      return vscode.l10n.t('{0} and {1} both define the kind "{2}"; {1} is used.', v[0], v[1], v[2]);
    case 'fileNameUnknownPlaceholder':
      return vscode.l10n.t('Unknown placeholder {0} in {1}. Use {2}.', v[0], v[1], v[2]);
    case 'fileNameNeedsSlug':
      return vscode.l10n.t('{0} must contain {1}, so each post gets its own file.', v[0], v[1]);
    case 'fileNameExtension':
      return vscode.l10n.t('{0} must end in .md, .mdx or .markdown.', v[0]);
    case 'fileNameOutsidePosts':
      return vscode.l10n.t('{0} must stay inside the posts folder (no "..", no absolute path).', v[0]);
    case 'fileNameUnsafePart':
      return vscode.l10n.t('The file name "{0}" has an unsafe part "{1}".', v[0], v[1]);
    case 'frontMatterSettingUnknownPlaceholder':
      return vscode.l10n.t('Unknown placeholder {0} in learnInPublic.scaffold.frontMatter.', v[0]);
    case 'postLeavesWorkspace':
      return vscode.l10n.t('{0} leads outside the workspace folder (through a symbolic link); nothing was written.', v[0]);
    case 'postNoFreeFileName':
      return vscode.l10n.t('No free file name for "{0}" in {1}.', v[0], v[1]);
    case 'postPermissionDenied':
      return vscode.l10n.t('Cannot write in {0}: permission denied.', v[0]);
    case 'postReadOnlyFileSystem':
      return vscode.l10n.t('Cannot write in {0}: the file system is read-only.', v[0]);
    case 'postFileInTheWay':
      return vscode.l10n.t('Cannot create {0}: a file with that name is in the way.', v[0]);
    case 'postDiskFull':
      return vscode.l10n.t('Cannot write in {0}: the disk is full.', v[0]);
    case 'postFolderUnreachable':
      return vscode.l10n.t('Cannot create {0}: part of its path is a link to a folder that does not exist (or it was removed meanwhile).', v[0]);
  }
}

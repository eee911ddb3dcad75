// Pure logic: stays free of vscode.
// What the shared file helpers (safe-fs.ts, front-matter.ts) tell the user, as English
// templates; notices.ts combines the areas' tables and src/extension/notices.ts says them.
export const SHARED_MESSAGES = {
  pathHasNul: 'The path contains a NUL character.',
  pathIsAbsolute: '"{0}" is an absolute path; expected a path inside {1}.',
  pathLeavesFolder: '"{0}" leaves the folder {1}.',
  frontMatterRunsCode: 'Front matter in {0} is not allowed: it could run code. Use YAML.',
  frontMatterNotYaml: 'Front matter in "{0}" is not supported: only YAML is read, nothing is evaluated.',
  frontMatterInvalidYaml: 'The front matter is not valid YAML: {0}.',
  frontMatterInvalidYamlAtLine: 'The front matter is not valid YAML (line {0}): {1}.',
  frontMatterHasNul: 'The front matter is not valid YAML: it contains a NUL character.',
  frontMatterUnclosed: 'The front matter that starts on line 1 is never closed with a "---" line.',
  frontMatterNotFields: 'The front matter is not a set of fields ("key: value" lines). If the file starts with a horizontal rule, write it as "***" instead.',
  // Text that has no notice of its own (a library's message), passed through as it is.
  untranslated: '{0}',
} as const;

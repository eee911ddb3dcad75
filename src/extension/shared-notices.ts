// The shared file helpers (src/core/shared-messages.ts) in VS Code's display language.
// One vscode.l10n.t call per id, with the English template as its key, so the l10n export
// finds every string; a unit test checks these say what the core's English says.
import * as vscode from 'vscode';
import type { SHARED_MESSAGES } from '../core/shared-messages';

/** A notice of this area with its values already said (see sayNotice in src/extension/notices.ts). */
export interface SharedNotice {
  readonly id: keyof typeof SHARED_MESSAGES;
  readonly values: readonly string[];
}

export function saySharedNotice(n: SharedNotice): string {
  const v = n.values;
  switch (n.id) {
    case 'pathHasNul':
      return vscode.l10n.t('The path contains a NUL character.');
    case 'pathIsAbsolute':
      return vscode.l10n.t('"{0}" is an absolute path; expected a path inside {1}.', v[0], v[1]);
    case 'pathLeavesFolder':
      return vscode.l10n.t('"{0}" leaves the folder {1}.', v[0], v[1]);
    case 'frontMatterRunsCode':
      return vscode.l10n.t('Front matter in {0} is not allowed: it could run code. Use YAML.', v[0]);
    case 'frontMatterNotYaml':
      return vscode.l10n.t('Front matter in "{0}" is not supported: only YAML is read, nothing is evaluated.', v[0]);
    case 'frontMatterInvalidYaml':
      return vscode.l10n.t('The front matter is not valid YAML: {0}.', v[0]);
    case 'frontMatterInvalidYamlAtLine':
      return vscode.l10n.t('The front matter is not valid YAML (line {0}): {1}.', v[0], v[1]);
    case 'frontMatterHasNul':
      return vscode.l10n.t('The front matter is not valid YAML: it contains a NUL character.');
    case 'frontMatterUnclosed':
      return vscode.l10n.t('The front matter that starts on line 1 is never closed with a "---" line.');
    case 'frontMatterNotFields':
      return vscode.l10n.t('The front matter is not a set of fields ("key: value" lines). If the file starts with a horizontal rule, write it as "***" instead.');
    case 'untranslated':
      return vscode.l10n.t('{0}', v[0]);
  }
}

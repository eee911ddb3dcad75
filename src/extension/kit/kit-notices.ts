// The job-search kit's notices (src/core/kit/kit-messages.ts) in VS Code's display language.
// One vscode.l10n.t call per id, with the English template as its key, so the l10n export
// finds every string; a unit test checks these say what the core's English says.
import * as vscode from 'vscode';
import type { KIT_MESSAGES } from '../../core/kit/kit-messages';

/** A notice of this area with its values already said (see sayNotice in src/extension/notices.ts). */
export interface KitNotice {
  readonly id: keyof typeof KIT_MESSAGES;
  readonly values: readonly string[];
}

export function sayKitNotice(n: KitNotice): string {
  const v = n.values;
  switch (n.id) {
    case 'kitNameControlCharacters':
      return vscode.l10n.t('{0} contains control characters; type it again without them.', v[0]);
    case 'kitNameRequired':
      return vscode.l10n.t('{0} is required.', v[0]);
    case 'kitNameTooLong':
      return vscode.l10n.t('{0} is {1} characters long; keep it under {2}.', v[0], v[1], v[2]);
    case 'kitDateEmpty':
      return vscode.l10n.t('Type a date as YYYY-MM-DD, for example 2025-09-01.');
    case 'kitDateNotWritten':
      return vscode.l10n.t('"{0}" is not written as YYYY-MM-DD (four-digit year, two-digit month and day), for example 2025-09-01.', v[0]);
    case 'kitDateYearOutOfRange':
      return vscode.l10n.t('The year {0} is outside 1900–2200.', v[0]);
    case 'kitDateNoSuchMonth':
      return vscode.l10n.t('There is no month {0}; months run from 01 to 12.', v[0]);
    case 'kitDateNoSuchDay':
      return vscode.l10n.t('{0} {1} has {2} days, so day {3} does not exist.', v[0], v[1], v[2], v[3]);
    case 'kitWorksheetLocationNul':
      return vscode.l10n.t('The offer worksheet location contains a NUL character.');
    case 'kitWorksheetLocationNeedsWorkspace':
      return vscode.l10n.t('"{0}" is relative to a workspace folder, but none is open. Use an absolute path or leave the setting empty for private storage.', v[0]);
    case 'kitNoFreeFileName':
      return vscode.l10n.t('Could not find a free file name for {0} in {1}.', v[0], v[1]);
    case 'kitDocumentNoFrontMatter':
      return vscode.l10n.t('The file has no front matter (the block between --- lines at the top).');
    case 'kitDocumentFrontMatterUnreadable':
      return vscode.l10n.t('The front matter could not be read: {0}', v[0]);
    case 'kitDocumentFieldMissing':
      return vscode.l10n.t('`{0}` is missing from the front matter.', v[0]);
    case 'kitDocumentFieldNotDate':
      return vscode.l10n.t('`{0}` is not a date written as YYYY-MM-DD.', v[0]);
    case 'kitDocumentTooLarge':
      return vscode.l10n.t('The file is larger than {0} MB, so it was not read.', v[0]);
    case 'kitDocumentUnreadable':
      return vscode.l10n.t('The file could not be read ({0}).', v[0]);
  }
}

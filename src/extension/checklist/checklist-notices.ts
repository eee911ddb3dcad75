// The checklist's notices (src/core/checklist/checklist-messages.ts) in VS Code's display language.
// One vscode.l10n.t call per id, with the English template as its key, so the l10n export
// finds every string; a unit test checks these say what the core's English says.
import * as vscode from 'vscode';
import type { CHECKLIST_MESSAGES } from '../../core/checklist/checklist-messages';

/** A notice of this area with its values already said (see sayNotice in src/extension/notices.ts). */
export interface ChecklistNotice {
  readonly id: keyof typeof CHECKLIST_MESSAGES;
  readonly values: readonly string[];
}

export function sayChecklistNotice(n: ChecklistNotice): string {
  const v = n.values;
  switch (n.id) {
    case 'checklistUnreadable':
      return vscode.l10n.t('The checklist file {0} cannot be read: {1}.', v[0], v[1]);
    case 'checklistFileMarkedReadOnly':
      return vscode.l10n.t('The checklist file is marked read-only, so changes cannot be saved.');
    case 'checklistFolderMarkedReadOnly':
      return vscode.l10n.t('The folder of the checklist file is marked read-only, so changes cannot be saved.');
    case 'checklistFileReadOnly':
      return vscode.l10n.t('The checklist file is read-only ({0}), so changes cannot be saved.', v[0]);
    case 'checklistFolderReadOnly':
      return vscode.l10n.t('The folder of the checklist file is read-only ({0}), so changes cannot be saved.', v[0]);
    case 'checklistReadOnly':
      return vscode.l10n.t('The checklist file is read-only.');
    case 'checklistNotUtf8':
      return vscode.l10n.t('The checklist file is not saved as UTF-8, so it is shown read-only: saving it here would change the characters it has in another encoding. Reopen it with its encoding and save it as UTF-8 to edit it here.');
    case 'checklistReasonPermissionDenied':
      return vscode.l10n.t('permission denied');
    case 'checklistReasonIsFolder':
      return vscode.l10n.t('it is a folder, not a file');
    case 'checklistReasonReadOnlyFileSystem':
      return vscode.l10n.t('the file system is read-only');
    case 'checklistReasonDiskFull':
      return vscode.l10n.t('the disk is full');
    case 'checklistGone':
      return vscode.l10n.t('The checklist file {0} no longer exists.', v[0]);
    case 'checklistWouldEmpty':
      return vscode.l10n.t('That change would have emptied the checklist file, so it was not saved.');
    case 'checklistSaveFailed':
      return vscode.l10n.t('The checklist could not be saved: {0}. The file was left as it was.', v[0]);
    case 'checklistKeptChanging':
      return vscode.l10n.t('The checklist file kept changing while saving; please try again.');
    case 'checklistNewerFormat':
      return vscode.l10n.t('This checklist was written by a newer version of Learn in Public (format {0}); it is shown read-only. Update the extension to edit it.', v[0]);
    case 'checklistUnknownSection':
      return vscode.l10n.t('Unknown section "{0}" on line {1}; its items are shown as your own.', v[0], v[1]);
    case 'checklistDuplicateSection':
      return vscode.l10n.t('The section "{0}" appears more than once (line {1}); new items go to the first one.', v[0], v[1]);
    case 'checklistOddId':
      return vscode.l10n.t('The id "{0}" on line {1} has unusual characters; it is kept as written.', v[0], v[1]);
    case 'checklistIdNotTask':
      return vscode.l10n.t('The id "{0}" on line {1} is not on a checkbox task, so that item is not counted. Put "- [ ] " back at the start of the line.', v[0], v[1]);
    case 'checklistDuplicateId':
      return vscode.l10n.t('The id "{0}" is used again on line {1}; that copy is shown as your own item.', v[0], v[1]);
    case 'checklistFrontMatterUnclosed':
      return vscode.l10n.t('The front matter that starts on line 1 is never closed with a "---" line.');
    case 'checklistFrontMatterUnreadable':
      return vscode.l10n.t('The front matter could not be read: {0}', v[0]);
    case 'checklistItemGone':
      return vscode.l10n.t('That item is no longer in the checklist file (it may have been changed in the editor). The list has been refreshed.');
    case 'checklistEditReadOnly':
      return vscode.l10n.t('This checklist was written by a newer version of Learn in Public, so it is read-only here.');
    case 'checklistUnsafeShape':
      return vscode.l10n.t('The checklist file has a shape this change cannot be made safely in (for example an unclosed code block); make it in the Markdown file instead.');
    case 'checklistHideNeedsId':
      return vscode.l10n.t('Only items with an id can be hidden; remove this one instead.');
    case 'checklistItemNeedsText':
      return vscode.l10n.t('A checklist item needs some text.');
    case 'checklistNestedText':
      return vscode.l10n.t('This item has other text nested under it; remove it in the Markdown file so nothing is lost by accident.');
    case 'checklistSectionGone':
      return vscode.l10n.t('That section is no longer in the checklist file.');
    case 'checklistFrontMatterBlocksAdd':
      return vscode.l10n.t('The front matter of the checklist file cannot be read, so new items are not added. Fix it and try again.');
  }
}

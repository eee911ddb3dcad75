// Pure logic: stays free of vscode.
// What the checklist tells the user (refused saves, file problems, Markdown warnings), as
// English templates; src/extension/checklist/checklist-notices.ts says each in VS Code's
// display language.
export const CHECKLIST_MESSAGES = {
  checklistUnreadable: 'The checklist file {0} cannot be read: {1}.',
  checklistFileMarkedReadOnly: 'The checklist file is marked read-only, so changes cannot be saved.',
  checklistFolderMarkedReadOnly: 'The folder of the checklist file is marked read-only, so changes cannot be saved.',
  checklistFileReadOnly: 'The checklist file is read-only ({0}), so changes cannot be saved.',
  checklistFolderReadOnly: 'The folder of the checklist file is read-only ({0}), so changes cannot be saved.',
  checklistReadOnly: 'The checklist file is read-only.',
  checklistNotUtf8: 'The checklist file is not saved as UTF-8, so it is shown read-only: saving it here would change the characters it has in another encoding. Reopen it with its encoding and save it as UTF-8 to edit it here.',
  checklistReasonPermissionDenied: 'permission denied',
  checklistReasonIsFolder: 'it is a folder, not a file',
  checklistReasonReadOnlyFileSystem: 'the file system is read-only',
  checklistReasonDiskFull: 'the disk is full',
  checklistGone: 'The checklist file {0} no longer exists.',
  checklistWouldEmpty: 'That change would have emptied the checklist file, so it was not saved.',
  checklistSaveFailed: 'The checklist could not be saved: {0}. The file was left as it was.',
  checklistKeptChanging: 'The checklist file kept changing while saving; please try again.',
  checklistNewerFormat: 'This checklist was written by a newer version of Learn in Public (format {0}); it is shown read-only. Update the extension to edit it.',
  checklistUnknownSection: 'Unknown section "{0}" on line {1}; its items are shown as your own.',
  checklistDuplicateSection: 'The section "{0}" appears more than once (line {1}); new items go to the first one.',
  checklistOddId: 'The id "{0}" on line {1} has unusual characters; it is kept as written.',
  checklistIdNotTask: 'The id "{0}" on line {1} is not on a checkbox task, so that item is not counted. Put "- [ ] " back at the start of the line.',
  checklistDuplicateId: 'The id "{0}" is used again on line {1}; that copy is shown as your own item.',
  checklistFrontMatterUnclosed: 'The front matter that starts on line 1 is never closed with a "---" line.',
  checklistFrontMatterUnreadable: 'The front matter could not be read: {0}',
  checklistItemGone: 'That item is no longer in the checklist file (it may have been changed in the editor). The list has been refreshed.',
  checklistEditReadOnly: 'This checklist was written by a newer version of Learn in Public, so it is read-only here.',
  checklistUnsafeShape: 'The checklist file has a shape this change cannot be made safely in (for example an unclosed code block); make it in the Markdown file instead.',
  checklistHideNeedsId: 'Only items with an id can be hidden; remove this one instead.',
  checklistItemNeedsText: 'A checklist item needs some text.',
  checklistNestedText: 'This item has other text nested under it; remove it in the Markdown file so nothing is lost by accident.',
  checklistSectionGone: 'That section is no longer in the checklist file.',
  checklistFrontMatterBlocksAdd: 'The front matter of the checklist file cannot be read, so new items are not added. Fix it and try again.',
} as const;

export type ChecklistMessageId = keyof typeof CHECKLIST_MESSAGES;

// Pure logic: stays free of vscode.
// What the job-search kit tells the user (input box checks, its settings), as English
// templates; src/extension/kit/kit-notices.ts says each in VS Code's display language.
export const KIT_MESSAGES = {
  kitNameControlCharacters: '{0} contains control characters; type it again without them.',
  kitNameRequired: '{0} is required.',
  kitNameTooLong: '{0} is {1} characters long; keep it under {2}.',
  kitDateEmpty: 'Type a date as YYYY-MM-DD, for example 2025-09-01.',
  kitDateNotWritten: '"{0}" is not written as YYYY-MM-DD (four-digit year, two-digit month and day), for example 2025-09-01.',
  kitDateYearOutOfRange: 'The year {0} is outside 1900–2200.',
  kitDateNoSuchMonth: 'There is no month {0}; months run from 01 to 12.',
  // {0} is the month's English name: dates in the kit's documents are spelled out in English.
  kitDateNoSuchDay: '{0} {1} has {2} days, so day {3} does not exist.',
  kitWorksheetLocationNul: 'The offer worksheet location contains a NUL character.',
  kitWorksheetLocationNeedsWorkspace: '"{0}" is relative to a workspace folder, but none is open. Use an absolute path or leave the setting empty for private storage.',
  kitNoFreeFileName: 'Could not find a free file name for {0} in {1}.',
  kitDocumentNoFrontMatter: 'The file has no front matter (the block between --- lines at the top).',
  kitDocumentFrontMatterUnreadable: 'The front matter could not be read: {0}',
  kitDocumentFieldMissing: '`{0}` is missing from the front matter.',
  kitDocumentFieldNotDate: '`{0}` is not a date written as YYYY-MM-DD.',
  kitDocumentTooLarge: 'The file is larger than {0} MB, so it was not read.',
  kitDocumentUnreadable: 'The file could not be read ({0}).',
} as const;

export type KitMessageId = keyof typeof KIT_MESSAGES;

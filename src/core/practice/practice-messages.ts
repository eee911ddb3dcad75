// Pure logic: stays free of vscode.
// What interview practice tells the user about decks, imports and the review history, as
// English templates; src/extension/practice/practice-notices.ts says each in VS Code's display
// language.
export const PRACTICE_MESSAGES = {
  deckFrontMatterSkipped: '{0} The deck is skipped until this is fixed.',
  deckIdNotText: 'The deck id must be text. The deck is skipped until this is fixed.',
  deckIdInvalid: 'The deck id "{0}" may only use letters, digits, "-", "_" and "." (no spaces or "/"). The deck is skipped until this is fixed.',
  deckQuestionIdTaken: 'The id "{0}" is already used by the question on line {1}; this question is skipped. Give it its own id.',
  deckNoQuestions: 'The deck has no questions. Each question is a "## " heading ending in <!-- id: some-id -->, with its model answer below.',
  deckHeadingNoText: 'This "## " heading has no question text; it is skipped.',
  deckQuestionNoId: 'The question "{0}" has no id, so its history could not be kept; it is skipped. End the heading with <!-- id: {1} -->.',
  deckQuestionIdInvalid: 'The id "{0}" may only use letters, digits, "-", "_" and "." (no spaces or "/"); the question is skipped.',
  deckQuestionNoAnswer: 'The question "{0}" has no model answer below it; it is skipped.',
  deckIdTaken: 'The deck id "{0}" is already used by {1}; this deck is skipped. Give it its own id in the front matter.',
  importNoRows: 'The file has no rows to import (expected front,back on each line).',
  importOneColumn: 'Read as {0}, the first row has one column; a deck needs two: front (the question), back (the answer).',
  importTabSeparated: 'tab-separated',
  importCommaSeparated: 'comma-separated',
  importOtherSeparated: '"{0}"-separated',
  importRowWidthOne: 'This row has 1 field but the first row has {0}. Quote fields that contain {1} or line breaks.',
  importRowWidth: 'This row has {0} fields but the first row has {1}. Quote fields that contain {2} or line breaks.',
  importTabs: 'tabs',
  importNoQuestion: 'This row has no question (the front column is empty).',
  importNoAnswer: 'The question "{0}" has no answer (the back column is empty).',
  importHeaderOnly: 'The file has a header row but no questions below it.',
  importUnclosedQuote: 'A quoted field is never closed (a `"` is missing), so the rest of the file was read as one field.',
  historyLastLineCut: 'The last line of the review history is incomplete (cut off while it was written); it was skipped. The file was left as it is.',
  historyNotJson: 'This line of the review history is not valid JSON; it was skipped. The file was left as it is.',
  historyLineSkipped: '{0} The line was skipped; the file was left as it is.',
  historyNotRecord: 'This line is not a review record.',
  historyNewerVersion: 'This line was written by a newer version (v{0}).',
  historyNoVersion: 'This line has no version ("v": 1).',
  historyNoId: 'This line names no question ("id").',
  historyNoTime: 'This line has no time ("at").',
  historyTimeNotDate: 'This line\'s time "{0}" is not a date.',
  historyUndoNoLine: 'This undo line does not name the line it reverses.',
  historyBadRating: 'This line\'s rating {0} is not one of again, hard, good, easy.',
  historyUndoAlreadyUndone: 'This undo refers to line {0}, which was already undone; it was ignored.',
  historyUndoNotRating: 'This undo refers to line {0}, which is not a rating in the history; it was ignored.',
  historyUndoOtherQuestion: 'This undo refers to line {0}, which rates "{1}", not "{2}"; it was ignored.',
} as const;

export type PracticeMessageId = keyof typeof PRACTICE_MESSAGES;

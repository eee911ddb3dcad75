// The interview practice's notices (src/core/practice/practice-messages.ts) in VS Code's display language.
// One vscode.l10n.t call per id, with the English template as its key, so the l10n export
// finds every string; a unit test checks these say what the core's English says.
import * as vscode from 'vscode';
import type { PRACTICE_MESSAGES } from '../../core/practice/practice-messages';

/** A notice of this area with its values already said (see sayNotice in src/extension/notices.ts). */
export interface PracticeNotice {
  readonly id: keyof typeof PRACTICE_MESSAGES;
  readonly values: readonly string[];
}

export function sayPracticeNotice(n: PracticeNotice): string {
  const v = n.values;
  switch (n.id) {
    case 'deckFrontMatterSkipped':
      return vscode.l10n.t('{0} The deck is skipped until this is fixed.', v[0]);
    case 'deckIdNotText':
      return vscode.l10n.t('The deck id must be text. The deck is skipped until this is fixed.');
    case 'deckIdInvalid':
      return vscode.l10n.t('The deck id "{0}" may only use letters, digits, "-", "_" and "." (no spaces or "/"). The deck is skipped until this is fixed.', v[0]);
    case 'deckQuestionIdTaken':
      return vscode.l10n.t('The id "{0}" is already used by the question on line {1}; this question is skipped. Give it its own id.', v[0], v[1]);
    case 'deckNoQuestions':
      return vscode.l10n.t('The deck has no questions. Each question is a "## " heading ending in <!-- id: some-id -->, with its model answer below.');
    case 'deckHeadingNoText':
      return vscode.l10n.t('This "## " heading has no question text; it is skipped.');
    case 'deckQuestionNoId':
      return vscode.l10n.t('The question "{0}" has no id, so its history could not be kept; it is skipped. End the heading with <!-- id: {1} -->.', v[0], v[1]);
    case 'deckQuestionIdInvalid':
      return vscode.l10n.t('The id "{0}" may only use letters, digits, "-", "_" and "." (no spaces or "/"); the question is skipped.', v[0]);
    case 'deckQuestionNoAnswer':
      return vscode.l10n.t('The question "{0}" has no model answer below it; it is skipped.', v[0]);
    case 'deckIdTaken':
      return vscode.l10n.t('The deck id "{0}" is already used by {1}; this deck is skipped. Give it its own id in the front matter.', v[0], v[1]);
    case 'importDeckIdTaken':
      return vscode.l10n.t('Its deck id "{0}" is already used by {1}, so it is probably imported already. To add it as another deck, give it its own id in its front matter.', v[0], v[1]);
    case 'importNoRows':
      return vscode.l10n.t('The file has no rows to import (expected front,back on each line).');
    case 'importOneColumn':
      return vscode.l10n.t('Read as {0}, the first row has one column; a deck needs two: front (the question), back (the answer).', v[0]);
    case 'importTabSeparated':
      return vscode.l10n.t('tab-separated');
    case 'importCommaSeparated':
      return vscode.l10n.t('comma-separated');
    case 'importOtherSeparated':
      return vscode.l10n.t('"{0}"-separated', v[0]);
    case 'importRowWidthOne':
      return vscode.l10n.t('This row has 1 field but the first row has {0}. Quote fields that contain {1} or line breaks.', v[0], v[1]);
    case 'importRowWidth':
      return vscode.l10n.t('This row has {0} fields but the first row has {1}. Quote fields that contain {2} or line breaks.', v[0], v[1], v[2]);
    case 'importTabs':
      return vscode.l10n.t('tabs');
    case 'importNoQuestion':
      return vscode.l10n.t('This row has no question (the front column is empty).');
    case 'importNoAnswer':
      return vscode.l10n.t('The question "{0}" has no answer (the back column is empty).', v[0]);
    case 'importHeaderOnly':
      return vscode.l10n.t('The file has a header row but no questions below it.');
    case 'importUnclosedQuote':
      return vscode.l10n.t('A quoted field is never closed (a `"` is missing), so the rest of the file was read as one field.');
    case 'historyLastLineCut':
      return vscode.l10n.t('The last line of the review history is incomplete (cut off while it was written); it was skipped. The file was left as it is.');
    case 'historyNotJson':
      return vscode.l10n.t('This line of the review history is not valid JSON; it was skipped. The file was left as it is.');
    case 'historyLineSkipped':
      return vscode.l10n.t('{0} The line was skipped; the file was left as it is.', v[0]);
    case 'historyNotRecord':
      return vscode.l10n.t('This line is not a review record.');
    case 'historyNewerVersion':
      return vscode.l10n.t('This line was written by a newer version (v{0}).', v[0]);
    case 'historyNoVersion':
      return vscode.l10n.t('This line has no version ("v": 1).');
    case 'historyNoId':
      return vscode.l10n.t('This line names no question ("id").');
    case 'historyNoTime':
      return vscode.l10n.t('This line has no time ("at").');
    case 'historyTimeNotDate':
      return vscode.l10n.t('This line\'s time "{0}" is not a date.', v[0]);
    case 'historyTimeOutOfRange':
      return vscode.l10n.t('This line\'s time "{0}" is outside the years 1970 to 9899.', v[0]);
    case 'historyRatingInFuture':
      return vscode.l10n.t('This rating of "{0}" is dated {1}, more than a day from now (the clock was probably wrong when it was written). It is left out until then; the file was left as it is.', v[0], v[1]);
    case 'historyUndoNoLine':
      return vscode.l10n.t('This undo line does not name the line it reverses.');
    case 'historyBadRating':
      return vscode.l10n.t('This line\'s rating {0} is not one of again, hard, good, easy.', v[0]);
    case 'historyUndoAlreadyUndone':
      return vscode.l10n.t('This undo refers to line {0}, which was already undone; it was ignored.', v[0]);
    case 'historyUndoNotRating':
      return vscode.l10n.t('This undo refers to line {0}, which is not a rating in the history; it was ignored.', v[0]);
    case 'historyUndoOtherQuestion':
      return vscode.l10n.t('This undo refers to line {0}, which rates "{1}", not "{2}"; it was ignored.', v[0], v[1], v[2]);
  }
}

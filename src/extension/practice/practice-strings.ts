// Every label the practice webview shows, localised here so the webview carries no text of its own.
import * as vscode from 'vscode';
import type { IntervalUnit } from '../../core/practice/interval';
import type { PracticeRating, PracticeStrings } from '../../core/protocol/practice';

export function practiceStrings(): PracticeStrings {
  return {
    dueToday: vscode.l10n.t('Due today'),
    newToday: vscode.l10n.t('New today'),
    nextDue: vscode.l10n.t('Next due'),
    nothingScheduled: vscode.l10n.t('Nothing scheduled yet'),
    nothingElseScheduled: vscode.l10n.t('Nothing else scheduled'),
    thisWeek: vscode.l10n.t('This week'),
    daysPractised: vscode.l10n.t('{0} of {1} days practised so far this week'),
    practiseDue: vscode.l10n.t('Practise due questions'),
    practiseNew: vscode.l10n.t("Start today's new questions"),
    practiseChoose: vscode.l10n.t('Practise a question…'),
    continueSession: vscode.l10n.t('Continue: {0}'),
    decks: vscode.l10n.t('Decks'),
    questionCount: vscode.l10n.t('1 question'),
    questionsCount: vscode.l10n.t('{0} questions'),
    dueCount: vscode.l10n.t('{0} due'),
    openDeck: vscode.l10n.t('Open deck {0} as Markdown'),
    importDeck: vscode.l10n.t('Import deck from CSV/TSV…'),
    undo: vscode.l10n.t('Undo last rating'),
    origin: {
      builtin: vscode.l10n.t('built-in'),
      workspace: vscode.l10n.t('workspace'),
      global: vscode.l10n.t('this machine'),
    },
    historyProblems: vscode.l10n.t('Review history: lines skipped (the file is left as it is)'),
    line: vscode.l10n.t('Line {0}:'),
    loading: vscode.l10n.t('Loading decks…'),
    answerHint: vscode.l10n.t('Write your answer in the editor, then reveal the model answer to compare.'),
    openAnswer: vscode.l10n.t('Go to my answer'),
    openLastAnswer: vscode.l10n.t('Open your last answer'),
    reveal: vscode.l10n.t('Reveal model answer'),
    yourAnswer: vscode.l10n.t('Your answer'),
    modelAnswer: vscode.l10n.t('Model answer'),
    noAnswerYet: vscode.l10n.t('You have not written an answer. Recall it in your head, or write it now and reveal again.'),
    keyPoints: vscode.l10n.t('Key points'),
    keyPointsCovered: vscode.l10n.t('{0} of {1} covered'),
    rateHint: vscode.l10n.t('How well did you recall it?'),
    ratings: ratingLabels(),
    source: vscode.l10n.t('Source: {0}'),
    remaining: vscode.l10n.t('{0} more today'),
    doneTitle: vscode.l10n.t('All done for today'),
    doneBody: vscode.l10n.t('Every due question is practised and today\'s new questions are started.'),
    practiseAhead: vscode.l10n.t('Practise the least recently practised question'),
    reason: {
      due: vscode.l10n.t('Due'),
      new: vscode.l10n.t('New'),
      leastRecent: vscode.l10n.t('Least recently practised'),
      chosen: vscode.l10n.t('Chosen'),
    },
  };
}

export function ratingLabels(): Record<PracticeRating, string> {
  return {
    again: vscode.l10n.t('Again'),
    hard: vscode.l10n.t('Hard'),
    good: vscode.l10n.t('Good'),
    easy: vscode.l10n.t('Easy'),
  };
}

export function intervalLabel(value: number, unit: IntervalUnit): string {
  const n = value.toLocaleString(vscode.env.language || undefined);
  switch (unit) {
    case 'd':
      return vscode.l10n.t('{0}d', n);
    case 'w':
      return vscode.l10n.t('{0}w', n);
    case 'mo':
      return vscode.l10n.t('{0}mo', n);
    case 'y':
      return vscode.l10n.t('{0}y', n);
  }
}

/** A day key (`YYYY-MM-DD`) as the user reads dates: "Mon, 13 Jan". */
export function formatDay(dayKey: string, options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' }): string {
  try {
    return new Intl.DateTimeFormat(vscode.env.language || undefined, { ...options, timeZone: 'UTC' }).format(new Date(`${dayKey}T00:00:00Z`));
  } catch {
    return dayKey;
  }
}

/** The keyboard shortcut label as the platform writes it. */
export function shortcutLabel(key: string): string {
  // Not Ctrl+Alt on Windows and Linux: that is AltGr on many layouts, which types characters.
  return process.platform === 'darwin' ? `⌥⌘${key}` : `Alt+${key}`;
}

// Pure logic: stays free of vscode — and of Node: the webview bundle imports this module too.
// Messages between the extension and the interview-practice webview. One bundle serves two
// places: the sidebar view (mode "sidebar": due counts, week, decks) and the panel beside the
// answer document (mode "session": question, reveal, key points, rating buttons).
import type { InlineSpan, MarkdownBlock } from '../practice/markdown-blocks';
import type { ReadyMessage, WebviewErrorMessage } from './common';

export type PracticeRating = 'again' | 'hard' | 'good' | 'easy';

/** Every label the webview shows, localised by the extension (vscode.l10n). */
export interface PracticeStrings {
  readonly dueToday: string;
  readonly newToday: string;
  readonly nextDue: string;
  readonly nothingScheduled: string;
  readonly nothingElseScheduled: string;
  readonly thisWeek: string;
  readonly daysPractised: string;
  readonly practiseDue: string;
  /** The same button when nothing is due but new questions are waiting. */
  readonly practiseNew: string;
  readonly practiseChoose: string;
  readonly continueSession: string;
  readonly decks: string;
  readonly questionCount: string;
  readonly questionsCount: string;
  readonly dueCount: string;
  readonly openDeck: string;
  readonly importDeck: string;
  readonly undo: string;
  readonly origin: Readonly<Record<'builtin' | 'workspace' | 'global', string>>;
  readonly historyProblems: string;
  /** "Line {0}" before a problem in a known file. */
  readonly line: string;
  readonly loading: string;
  readonly answerHint: string;
  readonly openAnswer: string;
  /** Opens the answer written the last time the question came up. */
  readonly openLastAnswer: string;
  readonly reveal: string;
  readonly yourAnswer: string;
  readonly modelAnswer: string;
  readonly noAnswerYet: string;
  readonly keyPoints: string;
  readonly keyPointsCovered: string;
  readonly rateHint: string;
  readonly ratings: Readonly<Record<PracticeRating, string>>;
  readonly source: string;
  readonly remaining: string;
  readonly doneTitle: string;
  readonly doneBody: string;
  readonly practiseAhead: string;
  readonly reason: Readonly<Record<'due' | 'new' | 'leastRecent' | 'chosen', string>>;
}

export interface ProblemView {
  /** Path shown to the user. */
  readonly file: string;
  readonly line?: number;
  readonly message: string;
  /** What `openProblem` sends back to open the file at the line (absent: not openable). */
  readonly target?: string;
}

export interface DeckSummary {
  readonly name: string;
  readonly file: string;
  readonly origin: 'builtin' | 'workspace' | 'global';
  /** The workspace folder it is in, when the workspace has several (shown instead of "workspace"). */
  readonly place?: string;
  readonly questions: number;
  readonly due: number;
  /** Sent back with `openDeck`. */
  readonly target: string;
  readonly problems: readonly ProblemView[];
}

export interface WeekDayView {
  /** Short weekday name ("M"). */
  readonly label: string;
  /** Full date for the tooltip and screen readers. */
  readonly title: string;
  readonly practised: boolean;
  readonly today: boolean;
}

export interface SidebarState {
  readonly mode: 'sidebar';
  readonly strings: PracticeStrings;
  readonly loading: boolean;
  readonly dueToday: number;
  readonly newToday: number;
  /** Formatted date of the next due question after today, if any. */
  readonly nextDue?: string;
  readonly week: readonly WeekDayView[];
  readonly daysPractisedThisWeek: number;
  readonly decks: readonly DeckSummary[];
  /** Decks that could not be read at all. */
  readonly brokenDecks: readonly ProblemView[];
  readonly historyProblems: readonly ProblemView[];
  /** The question of a session in progress, to continue it. */
  readonly sessionQuestion?: string;
  readonly canUndo: boolean;
}

export interface RatingButton {
  readonly rating: PracticeRating;
  readonly label: string;
  /** "3d", "2w": when the question comes back with this rating. */
  readonly interval: string;
  /** Full sentence for screen readers and the tooltip. */
  readonly description: string;
  /** The keyboard shortcut, e.g. "Alt+3". */
  readonly shortcut: string;
}

export interface SessionQuestionView {
  readonly key: string;
  readonly text: readonly InlineSpan[];
  readonly deckName: string;
  readonly reason: 'due' | 'new' | 'leastRecent' | 'chosen';
}

export interface SessionState {
  readonly mode: 'session';
  readonly strings: PracticeStrings;
  readonly phase: 'answering' | 'revealed' | 'done';
  readonly question?: SessionQuestionView;
  /** Questions left in today's walk after this one. */
  readonly remaining: number;
  readonly userAnswer: readonly MarkdownBlock[];
  readonly modelAnswer: readonly MarkdownBlock[];
  readonly keyPoints: readonly { readonly text: readonly InlineSpan[]; readonly checked: boolean }[];
  readonly sources: readonly string[];
  readonly ratings: readonly RatingButton[];
  readonly revealShortcut: string;
  /**
   * The last time this question came up: "Last time: Nov 24, 2026 — rated Good", and whether
   * there is an earlier answer to open (the extension knows which file; the webview never does).
   */
  readonly lastAttempt?: { readonly text: string; readonly canOpenAnswer: boolean };
  /** A line about the last rating ("Good: back in 3 days"). */
  readonly lastRated?: string;
  /** Formatted next due date, for the "done" screen. */
  readonly nextDue?: string;
}

export type PracticeToWebview = { readonly type: 'state'; readonly state: SidebarState | SessionState };

export type PracticeToExtension =
  | ReadyMessage
  | WebviewErrorMessage
  | { readonly type: 'practiseDue' }
  | { readonly type: 'practiseChoose' }
  | { readonly type: 'practiseAhead' }
  | { readonly type: 'showSession' }
  | { readonly type: 'importDeck' }
  | { readonly type: 'undo' }
  | { readonly type: 'reveal'; readonly key: string }
  | { readonly type: 'openAnswer' }
  /** Opens the current question's last answer; the extension decides which file that is. */
  | { readonly type: 'openLastAnswer'; readonly key: string }
  | { readonly type: 'rate'; readonly key: string; readonly rating: PracticeRating }
  | { readonly type: 'toggleKeyPoint'; readonly key: string; readonly index: number; readonly checked: boolean }
  | { readonly type: 'openDeck'; readonly target: string }
  | { readonly type: 'openProblem'; readonly target: string; readonly line?: number };

/**
 * What the practice panel keeps with VS Code (`setState`) so a window reload brings the same
 * question back: VS Code hands it to the panel serializer. It comes back from storage, so the
 * extension checks it with `parseSavedPanelState` before use.
 */
export interface SavedPanelState {
  readonly key: string;
  readonly reason: SessionQuestionView['reason'];
  readonly revealed: boolean;
  readonly checked: readonly boolean[];
}

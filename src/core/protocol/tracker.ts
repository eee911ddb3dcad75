// Pure logic: stays free of vscode — and of Node: the tracker webview bundles this module too.
// Messages between the Learning Tracker view and the extension. The webview sends `ready`
// first; the host answers with the whole state, and again whenever a scan changes it.
// Everything from git (repository names, paths) travels as plain strings and is inserted
// into the page as text, never as HTML.
import type { ReadyMessage, WebviewErrorMessage } from './common';

export type HeatLevel = 0 | 1 | 2 | 3 | 4;

export interface TrackerHeatmapCell {
  /** `YYYY-MM-DD` in the tracker's time zone. */
  readonly day: string;
  readonly commits: number;
  /** Colour step: 0 = none, 1–4 = quartiles of the busy days in the window. */
  readonly level: HeatLevel;
  /** Any learning that day (commits, or posts etc. when they count): keeps the streak. */
  readonly active: boolean;
  /** The learning besides commits that counted that day, so the tooltip can name it. */
  readonly other?: TrackerOtherLearning;
}

/** Counts per kind, present only when above zero and counted as learning. */
export interface TrackerOtherLearning {
  readonly posts?: number;
  readonly checklist?: number;
  readonly practice?: number;
}

export interface TrackerStreakView {
  /** Days in daily mode, ISO weeks in weekly mode. */
  readonly unit: 'day' | 'week';
  readonly length: number;
  readonly start?: string;
  readonly end?: string;
  /** Alive, but today (this week) has no activity yet. */
  readonly atRisk?: boolean;
}

export interface TrackerRepoView {
  readonly name: string;
  readonly path: string;
  readonly status: 'ok' | 'empty' | 'missing' | 'not-a-repo' | 'error';
  readonly message?: string;
  /** The user's commits there, all time (a commit in two repositories counts in both). */
  readonly commits: number;
  readonly activeDays: number;
  readonly lastDay?: string;
  readonly published: number;
}

export interface TrackerPublishedView {
  readonly kind: 'post' | 'readme' | 'project';
  readonly path: string;
  readonly day: string;
  readonly repo: string;
  /** Index into `repos`, for opening the file. */
  readonly repoIndex: number;
  /** A post's title from its front matter in the working tree, when it has one. */
  readonly title?: string;
}

export interface TrackerModel {
  readonly today: string;
  readonly timeZone: string;
  /** First cell's day (a Monday); cells run day by day up to today. */
  readonly firstDay: string;
  readonly cells: readonly TrackerHeatmapCell[];
  readonly commitsInWindow: number;
  /** Days with commits in the last 365 days ("N commits on M days"). */
  readonly commitDaysInWindow: number;
  /** Days with anything counted as learning in the last 365 days: what the streak and the progress card count. */
  readonly activeDaysInWindow: number;
  readonly commitsThisWeek: number;
  readonly commitsLastWeek: number;
  readonly current: TrackerStreakView;
  readonly longest: TrackerStreakView;
  /** The last day with learning, up to today (absent when there is none). */
  readonly lastActiveDay?: string;
  readonly repos: readonly TrackerRepoView[];
  /** The last 12 months, oldest first, zeros included: `YYYY-MM` → posts published. */
  readonly postsPerMonth: ReadonlyArray<{ readonly month: string; readonly posts: number }>;
  readonly postsInWindow: number;
  /** Most recent first. */
  readonly published: readonly TrackerPublishedView[];
  readonly warnings: readonly string[];
}

/**
 * Singular forms of the counts (one key per form, as VS Code does). Optional in the webview:
 * a state saved by an older version lacks them.
 */
export interface TrackerCountStrings {
  readonly oneCommitOnOneDay: string; // "1 commit on 1 day"
  readonly oneCommitOnDays: string; // "1 commit on {1} days"
  readonly commitsOnOneDay: string; // "{0} commits on 1 day"
  readonly monthOnePost: string; // "{0}: 1 post"
}

/** Every word the webview shows, localised by the extension (`{0}` marks a value). */
export interface TrackerStrings {
  readonly lastTwelveMonths: string;
  readonly heatmapLabel: string; // "{0} commits on {1} days"
  readonly cellNone: string; // "No commits on {0}"
  readonly cellOne: string; // "1 commit on {0}"
  readonly cellMany: string; // "{0} commits on {1}"
  readonly cellLearningOnly: string; // "No commits but learning activity on {0}"
  /** "{0} · {1}": a day's commit sentence, then the other learning that counted (optional: older saved states). */
  readonly cellWithOther?: string;
  readonly cellPost?: string; // "1 post published"
  readonly cellPosts?: string; // "{0} posts published"
  readonly cellChecklistStep?: string; // "1 checklist step done"
  readonly cellChecklistSteps?: string; // "{0} checklist steps done"
  readonly cellPracticeAnswer?: string; // "1 interview question practised"
  readonly cellPracticeAnswers?: string; // "{0} interview questions practised"
  readonly currentStreak: string;
  readonly longestStreak: string;
  readonly days: string; // "{0} days"
  readonly day: string; // "1 day"
  readonly weeks: string; // "{0} weeks"
  readonly week: string; // "1 week"
  readonly atRisk: string; // "at risk today"
  readonly atRiskWeek: string; // "at risk this week"
  readonly atRiskHint: string;
  readonly atRiskHintWeek: string; // "Learn something this week to keep it going."
  readonly noStreak: string;
  /** "Last active {0}": the current streak is 0 but there was learning before (optional: older saved states). */
  readonly lastActive?: string;
  readonly range: string; // "{0} – {1}"
  readonly thisWeek: string;
  readonly lastWeek: string;
  readonly activeDays: string;
  /** Tooltips saying what each number counts (optional: older saved states). */
  readonly thisWeekHint?: string;
  readonly lastWeekHint?: string;
  readonly activeDaysHint?: string;
  readonly commitsInWindow: string;
  readonly repositories: string;
  readonly repoCommits: string; // "{0} commits on {1} days"
  readonly repoLast: string; // "last {0}"
  readonly postsPerMonth: string;
  readonly postsChartLabel: string; // "Posts published per month: {0}"
  readonly monthPosts: string; // "{0}: {1} posts"
  readonly published: string;
  readonly noPublished: string;
  readonly kindPost: string;
  readonly kindReadme: string;
  readonly kindProject: string;
  readonly openFile: string; // "Open {0}"
  readonly refresh: string;
  readonly cancel: string;
  readonly scanning: string;
  readonly fromCache: string;
  readonly untrustedTitle: string;
  readonly untrustedBody: string;
  readonly manageTrust: string;
  readonly noRepositoriesTitle: string;
  readonly noRepositoriesBody: string;
  readonly openSettings: string;
  readonly openFolder: string;
  readonly loading: string;
  readonly less: string;
  readonly more: string;
  readonly weekdayMon: string;
  readonly weekdayWed: string;
  readonly weekdayFri: string;
}

export type TrackerState =
  | { readonly kind: 'untrusted'; readonly strings: TrackerStrings }
  | {
      readonly kind: 'no-repositories';
      readonly strings: TrackerStrings;
      /** A folder is open (it holds no repository); without one the view offers to open one. */
      readonly folderOpen: boolean;
    }
  | { readonly kind: 'loading'; readonly strings: TrackerStrings; readonly progress?: string }
  | { readonly kind: 'error'; readonly strings: TrackerStrings; readonly message: string }
  | {
      readonly kind: 'ready';
      readonly strings: TrackerStrings;
      readonly model: TrackerModel;
      /** A scan is running (the model is from the cache or the previous scan). */
      readonly scanning: boolean;
      readonly progress?: string;
      /** Shown from the disk cache; new commits may not be counted yet. */
      readonly fromCache: boolean;
      /** The last scan failed; the model is older. */
      readonly error?: string;
    };

export type TrackerToWebview =
  | { readonly type: 'state'; readonly state: TrackerState; readonly language: string };

export type TrackerToExtension =
  | ReadyMessage
  | WebviewErrorMessage
  | { readonly type: 'refresh' }
  | { readonly type: 'cancel' }
  | { readonly type: 'manageTrust' }
  | { readonly type: 'openSettings' }
  | { readonly type: 'openFolder' }
  | { readonly type: 'openFile'; readonly repoIndex: number; readonly path: string };

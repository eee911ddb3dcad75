// Pure logic: stays free of vscode.
// What the Learning Tracker view shows, computed from a scan: the heatmap of the last 12
// months with colour levels, streaks (the shared rules of streaks.ts), this week against last
// week, active days, per-repository totals, posts per month and the published timeline.
import type { HeatLevel, TrackerHeatmapCell, TrackerModel, TrackerOtherLearning, TrackerPublishedView, TrackerRepoView } from '../protocol/tracker';
import { addDays, dayNumber, weekdayOf } from './calendar';
import { computeStreaks, mergeLearningActivity, type LearningKind, type StreakMode } from './streaks';
import type { ScanResult } from './scan';
import { currentFile } from './posts';
import { englishText, notice, type TrackerNotice } from './tracker-messages';

export interface TrackerModelOptions {
  /** `YYYY-MM-DD` of today in the scan's time zone. */
  readonly today: string;
  readonly restDays?: readonly number[];
  readonly mode?: StreakMode;
  /** What keeps a streak alive (default: commits and posts). */
  readonly countAsLearning?: readonly LearningKind[];
  /** Other learning per day (checklist items, practice sessions), when counted. */
  readonly extraActivity?: Partial<Record<'checklist' | 'practice', ReadonlyMap<string, number>>>;
  /** Most published items listed. */
  readonly publishedLimit?: number;
  /** Says a notice in the user's language (the extension's vscode.l10n); English by default. */
  readonly say?: (n: TrackerNotice) => string;
}

/** Monday of the week of `day` (ISO weeks: the heatmap's columns and "this week"). */
export function mondayOf(day: string): string {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

/** First day of the heatmap: the Monday 52 weeks before this week's Monday (53 columns). */
export function heatmapStart(today: string): string {
  return addDays(mondayOf(today), -52 * 7);
}

/** Colour levels by quartiles of the busy days' counts (as contribution graphs do). */
export function levelThresholds(counts: readonly number[]): [number, number, number] {
  const busy = counts.filter((n) => n > 0).sort((a, b) => a - b);
  if (busy.length === 0) return [1, 2, 3];
  const at = (q: number) => busy[Math.min(busy.length - 1, Math.floor(q * (busy.length - 1)))];
  return [at(0.25), at(0.5), at(0.75)];
}

function levelOf(count: number, [q1, q2, q3]: readonly [number, number, number]): HeatLevel {
  if (count <= 0) return 0;
  if (count <= q1) return 1;
  if (count <= q2) return 2;
  if (count <= q3) return 3;
  return 4;
}

function sumBetween(days: ReadonlyMap<string, number>, from: string, to: string): number {
  let total = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) total += days.get(d) ?? 0;
  return total;
}

export function buildTrackerModel(scan: ScanResult, options: TrackerModelOptions): TrackerModel {
  const say = options.say ?? englishText;
  const today = options.today;
  const first = heatmapStart(today);
  const count = dayNumber(today) - dayNumber(first) + 1;
  const kinds = options.countAsLearning ?? ['commits', 'posts'];

  const postDays = new Map<string, number>();
  for (const p of scan.posts) if (p.kind === 'post') postDays.set(p.day, (postDays.get(p.day) ?? 0) + 1);
  const learning = mergeLearningActivity(
    { commits: scan.days, posts: postDays, checklist: options.extraActivity?.checklist, practice: options.extraActivity?.practice },
    kinds,
  );

  const windowCounts: number[] = [];
  for (let i = 0; i < count; i++) windowCounts.push(scan.days.get(addDays(first, i)) ?? 0);
  const thresholds = levelThresholds(windowCounts);
  const counted = new Set(kinds);
  const otherKinds: Array<[keyof TrackerOtherLearning, ReadonlyMap<string, number> | undefined]> = [
    ['posts', counted.has('posts') ? postDays : undefined],
    ['checklist', counted.has('checklist') ? options.extraActivity?.checklist : undefined],
    ['practice', counted.has('practice') ? options.extraActivity?.practice : undefined],
  ];
  const cells: TrackerHeatmapCell[] = windowCounts.map((commits, i) => {
    const day = addDays(first, i);
    const cell = { day, commits, level: levelOf(commits, thresholds), active: (learning.get(day) ?? 0) > 0 };
    const other: { -readonly [K in keyof TrackerOtherLearning]: number } = {};
    for (const [kind, days] of otherKinds) {
      const n = days?.get(day) ?? 0;
      if (n > 0) other[kind] = n;
    }
    return Object.keys(other).length > 0 ? { ...cell, other } : cell;
  });

  const windowStart = addDays(today, -364);
  const inWindow = (day: string) => day >= windowStart && day <= today;
  let commitsInWindow = 0;
  let commitDaysInWindow = 0;
  for (const [day, n] of scan.days) {
    if (!inWindow(day)) continue;
    commitsInWindow += n;
    if (n > 0) commitDaysInWindow++;
  }
  let activeDaysInWindow = 0;
  for (const [day, n] of learning) if (n > 0 && inWindow(day)) activeDaysInWindow++;

  let lastActiveDay: string | undefined;
  for (const [day, n] of learning) if (n > 0 && day <= today && (!lastActiveDay || day > lastActiveDay)) lastActiveDay = day;

  const monday = mondayOf(today);
  const streaks = computeStreaks(learning, { today, restDays: options.restDays ? [...options.restDays] : undefined, mode: options.mode });

  const repos: TrackerRepoView[] = scan.perRepo.map((r) => ({
    name: r.name,
    path: r.root ?? r.folder,
    status: r.status,
    message: r.notice ? say(r.notice) : r.message,
    // Commits dated after today are left out here too, as in the heatmap (see the warning).
    commits: r.commits - (r.future?.commits ?? 0),
    activeDays: r.activeDays - (r.future?.days ?? 0),
    lastDay: r.lastDay,
    published: r.published,
  }));

  const months: { month: string; posts: number }[] = [];
  const [ty, tm] = today.split('-').map(Number);
  for (let i = 11; i >= 0; i--) {
    const m = new Date(Date.UTC(ty, tm - 1 - i, 1));
    months.push({ month: m.toISOString().slice(0, 7), posts: 0 });
  }
  const monthIndex = new Map(months.map((m, i) => [m.month, i]));
  let postsInWindow = 0;
  for (const p of scan.posts) {
    if (p.kind !== 'post' || p.day > today) continue;
    const i = monthIndex.get(p.day.slice(0, 7));
    if (i !== undefined) months[i].posts++;
    if (inWindow(p.day)) postsInWindow++;
  }

  // Items carry their repository's index: two repositories may share a folder name.
  const published: TrackerPublishedView[] = scan.posts
    .filter((p) => p.day <= today)
    .slice()
    .reverse()
    .slice(0, options.publishedLimit ?? 30)
    // The path is where the file is now: what the list shows, opens and reads the title from.
    .map((p) => ({ kind: p.kind, path: currentFile(p), day: p.day, repo: p.repo, repoIndex: scan.perRepo[p.repoIndex] ? p.repoIndex : -1 }));

  const warnings = scan.notices ? scan.notices.map(say) : [...scan.warnings];
  // Named per repository, so the user knows where the clock was wrong.
  const futureIn = scan.perRepo.filter((r) => r.future && r.future.commits > 0);
  for (const r of futureIn) warnings.push(say(r.future!.commits === 1 ? notice('futureDayIn', r.name) : notice('futureDaysIn', r.name, r.future!.commits)));
  const future = [...scan.days.keys()].filter((d) => d > today).length;
  if (future > 0 && futureIn.length === 0) warnings.push(say(notice('futureDays', future)));

  return {
    today,
    timeZone: scan.timeZone,
    firstDay: first,
    cells,
    commitsInWindow,
    commitDaysInWindow,
    activeDaysInWindow,
    commitsThisWeek: sumBetween(scan.days, monday, today),
    commitsLastWeek: sumBetween(scan.days, addDays(monday, -7), addDays(monday, -1)),
    current: { unit: streaks.unit, ...streaks.current },
    longest: { unit: streaks.unit, ...streaks.longest },
    lastActiveDay,
    repos,
    postsPerMonth: months,
    postsInWindow,
    published,
    warnings,
  };
}

/**
 * The published item an `openFile` message from the webview asks for, with its repository;
 * undefined unless the message is well formed and names an item the model lists (the
 * webview is not trusted to name any other file).
 */
export function publishedItemToOpen(model: TrackerModel, message: unknown): { item: TrackerPublishedView; repo: TrackerRepoView } | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { repoIndex, path } = message as { repoIndex?: unknown; path?: unknown };
  if (typeof repoIndex !== 'number' || typeof path !== 'string') return undefined;
  const item = model.published.find((p) => p.repoIndex === repoIndex && p.path === path);
  const repo = item ? model.repos[repoIndex] : undefined;
  return item && repo ? { item, repo } : undefined;
}

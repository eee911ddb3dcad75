// Pure logic: stays free of vscode.
// Streak rules people can trust (the rules learners know from streak cards, computed from
// local day counts instead of the GitHub API):
// - a day counts when it has at least one activity;
// - today without activity does not break the current streak: it is "at risk" until the
//   day is over, and the length counts up to yesterday;
// - rest days (weekdays the user picks) bridge a streak when empty but never start one, and
//   an empty rest day adds nothing to the length (as GitHub streak cards do); an active rest
//   day counts like any other day;
// - weekly mode counts ISO weeks (Monday–Sunday) with at least one active day; rest days do
//   not apply there;
// - days after `today` and malformed keys are ignored.
// Work is proportional to the number of active days, not the calendar span.
import { dayKeyFromNumber, dayNumber, weekdayOf } from './calendar';

export type StreakMode = 'daily' | 'weekly';

export interface StreakSummary {
  /** What `length` counts: days in daily mode, ISO weeks in weekly mode. */
  unit: 'day' | 'week';
  current: {
    length: number;
    /** First active day (daily) or the Monday of the first active week (weekly). */
    start?: string;
    /** Last active day (daily) or the last day of the last active week, never after today (weekly). */
    end?: string;
    /** True when a streak is alive but today (or this week) has no activity yet and is not a rest day. */
    atRisk: boolean;
  };
  longest: { length: number; start?: string; end?: string };
}

export interface StreakOptions {
  /** Day key `YYYY-MM-DD` of today in the user's time zone. */
  today: string;
  /** Weekdays that bridge a streak when empty: 0 = Sunday … 6 = Saturday. */
  restDays?: readonly number[];
  mode?: StreakMode;
}

const DAY_KEY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a well-formed `YYYY-MM-DD` that names a real calendar date. */
export function isDayKey(key: string): boolean {
  return DAY_KEY.test(key) && dayKeyFromNumber(dayNumber(key)) === key;
}

interface Run {
  length: number;
  first: number;
  last: number;
}

export function computeStreaks(days: ReadonlyMap<string, number>, opts: StreakOptions): StreakSummary {
  if (!isDayKey(opts.today)) throw new RangeError(`"${opts.today}" is not a day key (expected YYYY-MM-DD).`);
  const today = dayNumber(opts.today);
  const active = activeDayNumbers(days, today);
  return opts.mode === 'weekly' ? weeklyStreaks(active, today) : dailyStreaks(active, today, restDaySet(opts.restDays));
}

function restDaySet(restDays: readonly number[] | undefined): boolean[] {
  const set = new Array<boolean>(7).fill(false);
  for (const d of restDays ?? []) if (Number.isInteger(d) && d >= 0 && d <= 6) set[d] = true;
  return set;
}

/** Sorted day numbers with activity, up to and including today. */
function activeDayNumbers(days: ReadonlyMap<string, number>, today: number): number[] {
  const out: number[] = [];
  for (const [key, count] of days) {
    if (!(count >= 1) || !isDayKey(key)) continue;
    const n = dayNumber(key);
    if (n <= today) out.push(n);
  }
  return out.sort((a, b) => a - b);
}

/** Every day strictly between `from` and `to` is a rest day (so the gap bridges). */
function gapIsRest(from: number, to: number, rest: boolean[]): boolean {
  // A gap of 7+ days covers every weekday, so checking at most 7 days is enough.
  const end = Math.min(to - 1, from + 7);
  for (let n = from + 1; n <= end; n++) {
    if (!rest[weekdayOf(dayKeyFromNumber(n))]) return false;
  }
  return true;
}

/** Splits sorted active units into runs; `joins(a, b)` says whether b continues a's run. */
function runsOf(active: number[], joins: (a: number, b: number) => boolean): Run[] {
  const runs: Run[] = [];
  let run: Run | undefined;
  for (const n of active) {
    if (run && joins(run.last, n)) {
      run.length++;
      run.last = n;
    } else {
      run = { length: 1, first: n, last: n };
      runs.push(run);
    }
  }
  return runs;
}

/** The longest run; on a tie the most recent one, so a current streak that ties the record shows as the record. */
function longestOf(runs: Run[]): Run | undefined {
  let best: Run | undefined;
  for (const r of runs) if (!best || r.length >= best.length) best = r;
  return best;
}

function dailyStreaks(active: number[], today: number, rest: boolean[]): StreakSummary {
  const runs = runsOf(active, (a, b) => b === a + 1 || gapIsRest(a, b, rest));
  const latest = runs[runs.length - 1];
  const todayActive = latest !== undefined && latest.last === today;
  // Alive when the latest run reaches today, or reaches yesterday through rest days only
  // (today itself is always in grace).
  const alive = latest !== undefined && gapIsRest(latest.last, today, rest);
  const todayIsRest = rest[weekdayOf(dayKeyFromNumber(today))];
  const longest = longestOf(runs);
  return {
    unit: 'day',
    current: alive
      ? { length: latest.length, start: dayKeyFromNumber(latest.first), end: dayKeyFromNumber(latest.last), atRisk: !todayActive && !todayIsRest }
      : { length: 0, atRisk: false },
    longest: longest ? { length: longest.length, start: dayKeyFromNumber(longest.first), end: dayKeyFromNumber(longest.last) } : { length: 0 },
  };
}

/** Day number of the Monday that starts the ISO week holding day `n`. */
function mondayOf(n: number): number {
  const weekday = weekdayOf(dayKeyFromNumber(n)); // 0 = Sunday
  return n - ((weekday + 6) % 7);
}

function weeklyStreaks(active: number[], today: number): StreakSummary {
  const weeks: number[] = [];
  for (const n of active) {
    const monday = mondayOf(n);
    if (weeks[weeks.length - 1] !== monday) weeks.push(monday);
  }
  const runs = runsOf(weeks, (a, b) => b === a + 7);
  const thisWeek = mondayOf(today);
  const latest = runs[runs.length - 1];
  const thisWeekActive = latest !== undefined && latest.last === thisWeek;
  const alive = latest !== undefined && (thisWeekActive || latest.last === thisWeek - 7);
  const endOf = (monday: number): string => dayKeyFromNumber(Math.min(monday + 6, today));
  const longest = longestOf(runs);
  return {
    unit: 'week',
    current: alive
      ? { length: latest.length, start: dayKeyFromNumber(latest.first), end: endOf(latest.last), atRisk: !thisWeekActive }
      : { length: 0, atRisk: false },
    longest: longest ? { length: longest.length, start: dayKeyFromNumber(longest.first), end: endOf(longest.last) } : { length: 0 },
  };
}

// ---------------------------------------------------------------------------------------
// What counts as learning: commits, and optionally posts published, checklist items
// completed and practice sessions, each given as day-key counts.

export type LearningKind = 'commits' | 'posts' | 'checklist' | 'practice';
export const LEARNING_KINDS: readonly LearningKind[] = ['commits', 'posts', 'checklist', 'practice'];
/** The default of `learnInPublic.tracker.countAsLearning`. */
export const DEFAULT_COUNT_AS_LEARNING: readonly LearningKind[] = ['commits', 'posts', 'checklist', 'practice'];

export type ActivityByKind = Partial<Record<LearningKind, ReadonlyMap<string, number>>>;

/** Keeps only the known kinds from a user setting (unknown strings are dropped, order kept). */
export function parseCountAsLearning(value: unknown): LearningKind[] {
  if (!Array.isArray(value)) return [...DEFAULT_COUNT_AS_LEARNING];
  const out: LearningKind[] = [];
  for (const v of value) if ((LEARNING_KINDS as readonly unknown[]).includes(v) && !out.includes(v as LearningKind)) out.push(v as LearningKind);
  return out;
}

/**
 * Sums the day counts of the kinds the user counts as learning into one day map
 * (the input to `computeStreaks`). Kinds missing from `activity` are skipped.
 */
export function mergeLearningActivity(activity: ActivityByKind, countAsLearning: readonly LearningKind[]): Map<string, number> {
  const merged = new Map<string, number>();
  for (const kind of new Set(countAsLearning)) {
    const days = activity[kind];
    if (!days) continue;
    for (const [key, count] of days) {
      if (!(count > 0)) continue;
      merged.set(key, (merged.get(key) ?? 0) + count);
    }
  }
  return merged;
}

/** Turns instants (epoch seconds) into day-key counts with a day-key function such as `dayKeyFor(t, zone)`. */
export function countPerDay(epochSeconds: Iterable<number>, dayKey: (epochSeconds: number) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of epochSeconds) {
    if (!Number.isFinite(t)) continue;
    const key = dayKey(t);
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * Parses rest days such as `sat,sun`, `saturday,sunday` or `6,0` (a string or a list)
 * into sorted weekday numbers (0 = Sunday). Throws a readable error for anything else.
 */
export function parseRestDays(value: string | readonly (string | number)[]): number[] {
  const parts = typeof value === 'string' ? value.split(',') : value;
  const out = new Set<number>();
  for (const raw of parts) {
    const p = String(raw).trim().toLowerCase();
    if (p === '') continue;
    const d = /^[0-6]$/.test(p) ? Number(p) : WEEKDAY_NAMES.findIndex((name) => p.length >= 3 && name.startsWith(p));
    if (d < 0) throw new RangeError(`"${String(raw).trim()}" is not a weekday (use sun, mon, tue, wed, thu, fri, sat or 0–6).`);
    out.add(d);
  }
  return [...out].sort((a, b) => a - b);
}

/** Weekday number (0 = Sunday) → its English name, as used in settings. */
export function weekdayName(day: number): string {
  return WEEKDAY_NAMES[day] ?? '';
}

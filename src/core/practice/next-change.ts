// Pure logic: stays free of vscode.
// When the practice numbers next change with nobody doing anything: a question's due day
// begins (at local midnight), or a rating dated ahead starts to count. A long-running window
// refreshes then, instead of waiting for the next rating, reload or window focus.
import { dayKeyFor } from '../tracker/calendar';

/** Refresh at least this often, whatever is scheduled: a wrong guess costs at most a day. */
export const MAX_REFRESH_WAIT_MS = 24 * 3_600_000;

const HOUR_MS = 3_600_000;

/**
 * The first whole second at which `dayKey` has begun in `timeZone`. Local midnight lies
 * within UTC-12…UTC+14 of the UTC one; a zone that skips midnight (a DST change at 00:00)
 * starts the day at the first instant that exists.
 */
export function startOfDayMs(dayKey: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${dayKey}T00:00:00Z`);
  let lo = (utcMidnight - 15 * HOUR_MS) / 1000; // still the day before everywhere
  let hi = (utcMidnight + 13 * HOUR_MS) / 1000; // already this day everywhere
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayKeyFor(mid, timeZone) >= dayKey) hi = mid;
    else lo = mid;
  }
  return hi * 1000;
}

export interface NextChangeInput {
  readonly nowMs: number;
  readonly timeZone: string;
  /** Due days of the questions with history (`YYYY-MM-DD`, local). */
  readonly dueDays: Iterable<string>;
  /** Instants at which ratings now left out as dated in the future start to count. */
  readonly postponedStartsMs: Iterable<number>;
  readonly maxWaitMs?: number;
}

/** The next instant (ms) the due counts can change by themselves, at most `maxWaitMs` away. */
export function nextPracticeChangeMs(input: NextChangeInput): number {
  const { nowMs, timeZone } = input;
  let next = nowMs + (input.maxWaitMs ?? MAX_REFRESH_WAIT_MS);
  const today = dayKeyFor(nowMs / 1000, timeZone);
  let earliestDueDay: string | undefined;
  for (const day of input.dueDays) if (day > today && (!earliestDueDay || day < earliestDueDay)) earliestDueDay = day;
  if (earliestDueDay) next = Math.min(next, startOfDayMs(earliestDueDay, timeZone));
  for (const start of input.postponedStartsMs) if (start > nowMs && start < next) next = start;
  return next;
}

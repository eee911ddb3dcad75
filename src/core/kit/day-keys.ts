// Pure logic: stays free of vscode.
// Dates typed by a user, as calendar day keys (`YYYY-MM-DD`). Day keys carry no time of day
// and no zone, so adding days to them can never drift across a daylight-saving change.
import { englishText, notice, type CoreNotice } from '../notices';
import { addDays, dayKeyFor, dayKeyFromNumber, dayNumber, weekdayOf } from '../tracker/calendar';

export type DayKeyCheck = { ok: true; dayKey: string } | { ok: false; message: string; notice: CoreNotice };

const refuse = (n: CoreNotice): DayKeyCheck => ({ ok: false, message: englishText(n), notice: n });

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Checks that `raw` is a real calendar date written as YYYY-MM-DD, with a message saying what is wrong. */
export function parseDayKey(raw: string): DayKeyCheck {
  const text = raw.trim();
  if (text === '') return refuse(notice('kitDateEmpty'));
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) {
    return refuse(notice('kitDateNotWritten', text.slice(0, 40)));
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2200) return refuse(notice('kitDateYearOutOfRange', year));
  if (month < 1 || month > 12) return refuse(notice('kitDateNoSuchMonth', match[2]));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    return refuse(notice('kitDateNoSuchDay', MONTHS[month - 1], year, daysInMonth, match[3]));
  }
  return { ok: true, dayKey: text };
}

/** Today's day key in `timeZone` at the instant `nowMs`. */
export function todayKey(nowMs: number, timeZone: string): string {
  return dayKeyFor(Math.floor(nowMs / 1000), timeZone);
}

/** The first Monday strictly after `dayKey` (a sensible default start date). */
export function nextMonday(dayKey: string): string {
  const weekday = weekdayOf(dayKey);
  return addDays(dayKey, ((8 - weekday) % 7) || 7);
}

/** "Monday 1 September 2025" — spelled out, so the plan reads the same in every locale and zone. */
export function longDate(dayKey: string): string {
  const [y, m, d] = dayKey.split('-').map(Number);
  return `${WEEKDAYS[weekdayOf(dayKey)]} ${d} ${MONTHS[m - 1]} ${y}`;
}

/** "Mon 1 Sep" — for tree descriptions. */
export function shortDate(dayKey: string): string {
  const [, m, d] = dayKey.split('-').map(Number);
  return `${WEEKDAYS[weekdayOf(dayKey)].slice(0, 3)} ${d} ${MONTHS[m - 1].slice(0, 3)}`;
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Reads a date from front matter: YAML turns an unquoted `2025-09-01` into a Date at UTC
 * midnight, a quoted one stays a string. Returns undefined for anything else.
 *
 * That Date has lost what the user wrote: YAML rolls `2025-02-30` over to March 2 and moves
 * `2025-01-01T23:30:00-05:00` to the next day in UTC. So when `written` (the value as it
 * stands in the file) is known, the day is read from it and checked like a typed date.
 */
export function dayKeyFromFrontMatter(value: unknown, written?: string): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const typed = written === undefined ? undefined : /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[Tt \t])/.exec(written.trim());
    if (typed) {
      const check = parseDayKey(`${typed[1]}-${typed[2].padStart(2, '0')}-${typed[3].padStart(2, '0')}`);
      return check.ok ? check.dayKey : undefined;
    }
    return dayKeyFromNumber(Math.floor(value.getTime() / 86_400_000));
  }
  if (typeof value === 'string') {
    const check = parseDayKey(value);
    return check.ok ? check.dayKey : undefined;
  }
  return undefined;
}

export { addDays };

// Dates and numbers for the tracker view, in VS Code's display language. Day keys are
// calendar dates (already in the user's time zone), so they are formatted as UTC dates.
// Pure (no DOM): the status bar formats its dates here too, so both say them the same way.
import type { TrackerCountStrings, TrackerHeatmapCell, TrackerStreakView, TrackerStrings } from '../../core/protocol/tracker';

export type TrackerViewStrings = TrackerStrings & Partial<TrackerCountStrings>;

/** Fills `{0}`, `{1}`… in a localised template. */
export function fill(template: string, ...values: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => (values[Number(index)] !== undefined ? String(values[Number(index)]) : match));
}

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
    } catch {
      f = new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' });
    }
    cache.set(key, f);
  }
  return f;
}

function dateOf(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d || 1));
}

/** "5 Mar 2024", or with the weekday "Tue, 5 Mar 2024". */
export function formatDay(day: string, language: string, withWeekday = false): string {
  return formatter(language, { year: 'numeric', month: 'short', day: 'numeric', ...(withWeekday ? { weekday: 'short' } : {}) }).format(dateOf(day));
}

/** "Mar" for a day or `YYYY-MM`. */
export function formatMonthShort(dayOrMonth: string, language: string): string {
  return formatter(language, { month: 'short' }).format(dateOf(dayOrMonth.length === 7 ? `${dayOrMonth}-01` : dayOrMonth));
}

/** "March 2024" for `YYYY-MM`. */
export function formatMonthLong(month: string, language: string): string {
  return formatter(language, { month: 'long', year: 'numeric' }).format(dateOf(`${month}-01`));
}

/** "12 commits on 5 days", "1 commit on 1 day"… */
export function commitsOnDays(strings: TrackerViewStrings, commits: number, days: number, language: string): string {
  const template = commits === 1 ? (days === 1 ? strings.oneCommitOnOneDay : strings.oneCommitOnDays) : days === 1 ? strings.commitsOnOneDay : undefined;
  return fill(template ?? strings.heatmapLabel, commits.toLocaleString(language), days.toLocaleString(language));
}

/** "March 2024: 3 posts", "March 2024: 1 post". */
export function monthPosts(strings: TrackerViewStrings, month: string, posts: number, language: string): string {
  const template = posts === 1 ? strings.monthOnePost : undefined;
  return fill(template ?? strings.monthPosts, formatMonthLong(month, language), posts.toLocaleString(language));
}

/**
 * A streak's length as a big number and a small unit: "12 days" → "12" + "days", "12日" →
 * "12" + "日". A translation that does not start with the number is shown whole, as the figure.
 */
/**
 * The line under a streak of 0: "Last active Nov 14" for the current streak when there was
 * learning before (a streak that ended is not "no streak yet"), else "No streak yet".
 */
export function noStreakDetail(strings: TrackerStrings, isCurrent: boolean, lastActiveDay: string | undefined, language: string): string {
  return isCurrent && lastActiveDay && strings.lastActive ? fill(strings.lastActive, formatDay(lastActiveDay, language)) : strings.noStreak;
}

export function streakFigure(streak: TrackerStreakView, strings: TrackerStrings, language: string): { figure: string; unit: string } {
  const week = streak.unit === 'week';
  const count = streak.length.toLocaleString(language);
  const text = streak.length === 1 ? (week ? strings.week : strings.day) : fill(week ? strings.weeks : strings.days, count);
  return text.startsWith(count) ? { figure: count, unit: text.slice(count.length).trim() } : { figure: text, unit: '' };
}

/** The sentence for one day: tooltip, aria-label and the detail line under the heatmap. */
export function describeCell(cell: TrackerHeatmapCell, strings: TrackerStrings, language: string): string {
  const day = formatDay(cell.day, language, true);
  const other = otherLearning(cell, strings, language);
  if (other && strings.cellWithOther) {
    const commits = cell.commits === 0 ? fill(strings.cellNone, day) : commitSentence(cell, strings, language, day);
    return fill(strings.cellWithOther, commits, other);
  }
  if (cell.commits === 0) return cell.active ? fill(strings.cellLearningOnly, day) : fill(strings.cellNone, day);
  return commitSentence(cell, strings, language, day);
}

function commitSentence(cell: TrackerHeatmapCell, strings: TrackerStrings, language: string, day: string): string {
  return cell.commits === 1 ? fill(strings.cellOne, day) : fill(strings.cellMany, cell.commits.toLocaleString(language), day);
}

/** "1 post published, 2 checklist steps done": what else counted that day (undefined for none, or an older saved state). */
function otherLearning(cell: TrackerHeatmapCell, strings: TrackerStrings, language: string): string | undefined {
  const parts: string[] = [];
  const add = (n: number | undefined, one: string | undefined, many: string | undefined) => {
    if (!n || !one || !many) return;
    parts.push(n === 1 ? one : fill(many, n.toLocaleString(language)));
  };
  add(cell.other?.posts, strings.cellPost, strings.cellPosts);
  add(cell.other?.checklist, strings.cellChecklistStep, strings.cellChecklistSteps);
  add(cell.other?.practice, strings.cellPracticeAnswer, strings.cellPracticeAnswers);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

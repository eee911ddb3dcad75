// Pure logic: stays free of vscode.
// The five first-day tips from the sources turned into a dated plan. Every date is computed
// on day keys (calendar arithmetic), so the plan is the same in every time zone and across
// daylight-saving changes, and written as ISO with a short English weekday ("Mon 2026-11-30"):
// unambiguous in every locale, and the same date the task lines and the file name carry.
import { stringifyFrontMatter } from '../front-matter';
import { NoticeError, notice } from '../notices';
import { addDays, parseDayKey } from './day-keys';
import { weekdayOf } from '../tracker/calendar';
import type { SourceKey } from './sources';
import { citation } from './sources';

export const FIRST_WEEK_PLAN_TYPE = 'first-week-plan';

export interface PlanTask {
  /** Day key the task is due. */
  readonly date: string;
  /** Days relative to the start date (negative = before). */
  readonly offset: number;
  /** Last day key of a task spread over several days (the one-to-one chats). */
  readonly lastDate?: string;
  readonly title: string;
  readonly details: string;
  readonly source: SourceKey;
}

/** Monday to Friday; weekdays as in `weekdayOf` (0 = Sunday). */
export const DEFAULT_WORKING_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];

/** Working days of week one after day one that hold the one-to-one chats (days 2-5). */
const ONE_TO_ONE_DAYS = 4;

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mon 2026-11-30": the one way the plan writes a date a reader looks at. */
export function planDate(dayKey: string): string {
  return `${WEEKDAY_NAMES[weekdayOf(dayKey)]} ${dayKey}`;
}

/** Offsets (days after the start) of the next `count` working days after day one. */
function workingDayOffsets(startDate: string, count: number, workingWeekdays: readonly number[]): number[] {
  const offsets: number[] = [];
  if (workingWeekdays.length === 0) return offsets;
  // Every weekday is 0-6 (checked by planFirstWeek), so each week adds at least one day.
  for (let offset = 1; offsets.length < count; offset++) {
    if (workingWeekdays.includes(weekdayOf(addDays(startDate, offset)))) offsets.push(offset);
  }
  return offsets;
}

/**
 * The dated plan. Throws for a start that is not a real date between 1900 and 2200 (the
 * dates a user can type) and for a weekday outside 0-6: either would leave no day to count.
 */
export function planFirstWeek(startDate: string, workingWeekdays: readonly number[] = DEFAULT_WORKING_WEEKDAYS): PlanTask[] {
  const start = parseDayKey(startDate);
  if (!start.ok || start.dayKey !== startDate) throw new NoticeError(start.ok ? notice('kitDateNotWritten', startDate.slice(0, 40)) : start.notice);
  const badWeekday = workingWeekdays.find((d) => !Number.isInteger(d) || d < 0 || d > 6);
  if (badWeekday !== undefined) throw new RangeError(`Working weekdays are 0 (Sunday) to 6 (Saturday), not ${badWeekday}.`);
  const task = (offset: number, title: string, details: string): PlanTask => ({
    date: addDays(startDate, offset),
    offset,
    title,
    details,
    source: 'firstDay',
  });
  const chatDays = workingDayOffsets(startDate, ONE_TO_ONE_DAYS, workingWeekdays);
  const chats: PlanTask[] =
    chatDays.length === 0
      ? []
      : [
          {
            ...task(chatDays[0], 'Hold your one-to-one chats', 'Get to know each person and ask your questions. Note what you learn in the table below.'),
            lastDate: addDays(startDate, chatDays[chatDays.length - 1]),
          },
        ];
  return [
    task(-7, 'Email your manager', 'Confirm the day, start time and place (or the call link), ask anything still open, and say you are looking forward to starting.'),
    task(-2, 'Write a two-minute introduction', 'Your role, what you did before, your skills, and one or two personal facts people can chat about.'),
    task(-1, 'Do a test run', 'Working on site: travel the commute at the hour you will travel. Working remotely: check your equipment, accounts and internet connection.'),
    task(0, 'Put your phone away', 'Silent and out of sight all day, even if others have theirs out.'),
    task(0, 'Introduce yourself', 'Use your two-minute introduction in meetings and with everyone you meet this week.'),
    task(0, 'Book one-to-one chats', 'Fifteen minutes each, over days 2-5, with everyone on your immediate team and with others you want to get to know.'),
    ...chats,
  ];
}

const NUMBER_WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];

/** The heading a task goes under: its day, or the block of days it spans. */
function heading(t: PlanTask & { late: boolean }): string {
  if (t.late) return `Before you start (do today, ${planDate(t.date)})`;
  if (t.lastDate !== undefined) return `Days 2-5: one-to-one chats (${planDate(t.date)} to ${planDate(t.lastDate)})`;
  if (t.offset === 0) return `${planDate(t.date)} (day one)`;
  if (t.offset === -1) return `${planDate(t.date)} (the day before)`;
  return `${planDate(t.date)} (${-t.offset} days before)`;
}

/** A few empty rows to fill in during the chats. */
const CHAT_NOTES_TABLE = ['| Name | Role | When | What I learned |', '| --- | --- | --- | --- |', ...Array<string>(4).fill('|  |  |  |  |')];

export function firstWeekPlanFileName(startDate: string): string {
  return `first-week-${startDate}.md`;
}

/**
 * The plan as Markdown. With `today` (the day it is made) and a start still ahead, a task
 * whose date has already passed (a week's notice is not always there) is dated today, to
 * catch up on, rather than written as overdue from the first minute.
 */
export function renderFirstWeekPlan(startDate: string, today?: string): string {
  const catchUp = today !== undefined && today <= startDate;
  const tasks = planFirstWeek(startDate).map((t) => (catchUp && t.date < today ? { ...t, date: today, late: true } : { ...t, late: false }));
  const lines = [
    `# First-week plan: starting ${planDate(startDate)}`,
    '',
    `${NUMBER_WORDS[tasks.length] ?? tasks.length} steps for a good start, each under the day it is due. Tick them off as you go.`,
    '',
  ];
  let currentHeading = '';
  for (const t of tasks) {
    // A heading per day, and one on today for what is caught up on, apart from today's own tasks.
    const title = heading(t);
    if (title !== currentHeading) {
      if (currentHeading !== '') lines.push('');
      lines.push(`## ${title}`, '');
      currentHeading = title;
    }
    // The bare (YYYY-MM-DD) after the title is what the Job Search view reads as the task's date.
    lines.push(`- [ ] **${t.title}** (${t.date}): ${t.details}`);
    if (t.lastDate !== undefined) lines.push('', ...CHAT_NOTES_TABLE);
  }
  lines.push('', 'They already chose you: relax and enjoy the first day.', '', citation('firstDay'), '');
  return stringifyFrontMatter(lines.join('\n'), { type: FIRST_WEEK_PLAN_TYPE, start: startDate });
}

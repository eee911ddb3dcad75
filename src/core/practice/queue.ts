// Pure logic: stays free of vscode.
// Which question comes next, and the numbers the sidebar shows.
import { addDays, dayNumber, weekdayOf } from '../tracker/calendar';
import type { Deck, DeckQuestion } from './deck';
import { isDue, type ReviewSchedule } from './schedule';

export type PickReason = 'due' | 'new' | 'leastRecent';

export interface Pick {
  readonly question: DeckQuestion;
  readonly deck: Deck;
  readonly reason: PickReason;
}

export interface QueueOptions {
  readonly today: string;
  /** New questions a day (the setting); ≤ 0 means none. */
  readonly dailyNewLimit: number;
}

interface Located {
  readonly question: DeckQuestion;
  readonly deck: Deck;
  /** Position within its deck, then deck order: new questions interleave the decks. */
  readonly order: [number, number];
}

function locate(decks: readonly Deck[]): Located[] {
  const all: Located[] = [];
  decks.forEach((deck, d) => deck.questions.forEach((question, q) => all.push({ question, deck, order: [q, d] })));
  return all;
}

function byOrder(a: Located, b: Located): number {
  return a.order[0] - b.order[0] || a.order[1] - b.order[1];
}

/** Questions due today, most overdue first (ties: the one practised longest ago). */
export function dueQuestions(decks: readonly Deck[], schedule: ReviewSchedule, today: string): Pick[] {
  return locate(decks)
    .flatMap((l) => {
      const s = schedule.get(l.question.key);
      return s && isDue(s, today) ? [{ l, s }] : [];
    })
    .sort((a, b) => (a.s.dueDay < b.s.dueDay ? -1 : a.s.dueDay > b.s.dueDay ? 1 : 0) || (a.s.lastDay < b.s.lastDay ? -1 : a.s.lastDay > b.s.lastDay ? 1 : 0) || byOrder(a.l, b.l))
    .map(({ l }) => ({ question: l.question, deck: l.deck, reason: 'due' as const }));
}

/** How many new questions may still be started today. */
export function newAllowanceLeft(schedule: ReviewSchedule, options: QueueOptions): number {
  return Math.max(0, Math.floor(options.dailyNewLimit) - schedule.introducedOn(options.today));
}

/** Never-practised questions, up to today's allowance, interleaving the decks. */
export function newQuestions(decks: readonly Deck[], schedule: ReviewSchedule, options: QueueOptions): Pick[] {
  const left = newAllowanceLeft(schedule, options);
  if (left === 0) return [];
  return locate(decks)
    .filter((l) => !schedule.get(l.question.key))
    .sort(byOrder)
    .slice(0, left)
    .map((l) => ({ question: l.question, deck: l.deck, reason: 'new' as const }));
}

/** Today's walk: due questions, then new ones up to the daily limit. */
export function todaysQueue(decks: readonly Deck[], schedule: ReviewSchedule, options: QueueOptions): Pick[] {
  return [...dueQuestions(decks, schedule, options.today), ...newQuestions(decks, schedule, options)];
}

/**
 * For "practise a question" when today's walk is empty: the question practised longest ago
 * (a never-practised one if there is no history at all).
 */
export function leastRecentlyPractised(decks: readonly Deck[], schedule: ReviewSchedule, exclude: ReadonlySet<string> = new Set()): Pick | undefined {
  const all = locate(decks).filter((l) => !exclude.has(l.question.key));
  let best: { l: Located; last: string; due: string } | undefined;
  for (const l of all) {
    const s = schedule.get(l.question.key);
    if (!s) continue;
    if (!best || s.lastDay < best.last || (s.lastDay === best.last && (s.dueDay < best.due || (s.dueDay === best.due && byOrder(l, best.l) < 0)))) {
      best = { l, last: s.lastDay, due: s.dueDay };
    }
  }
  const chosen = best?.l ?? all.filter((l) => !schedule.get(l.question.key)).sort(byOrder)[0];
  return chosen ? { question: chosen.question, deck: chosen.deck, reason: 'leastRecent' } : undefined;
}

/** The next question: today's walk first, then the least recently practised. */
export function pickNext(decks: readonly Deck[], schedule: ReviewSchedule, options: QueueOptions, exclude: ReadonlySet<string> = new Set()): Pick | undefined {
  const queue = todaysQueue(decks, schedule, options).filter((p) => !exclude.has(p.question.key));
  return queue[0] ?? leastRecentlyPractised(decks, schedule, exclude);
}

export interface PracticeStats {
  readonly today: string;
  readonly dueToday: number;
  readonly newToday: number;
  /** The earliest day after today a practised question falls due. */
  readonly nextDueDay?: string;
  /** Monday to Sunday of this week, with whether a rating stands on that day. */
  readonly week: readonly { readonly day: string; readonly practised: boolean }[];
  readonly daysPractisedThisWeek: number;
  readonly totalQuestions: number;
  readonly practisedQuestions: number;
}

/** The week (Monday first) that contains `day`. */
export function weekOf(day: string): string[] {
  const monday = addDays(day, -((weekdayOf(day) + 6) % 7));
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

export function practiceStats(decks: readonly Deck[], schedule: ReviewSchedule, options: QueueOptions): PracticeStats {
  const { today } = options;
  let dueToday = 0;
  let practisedQuestions = 0;
  let totalQuestions = 0;
  let nextDueDay: string | undefined;
  for (const deck of decks) {
    for (const q of deck.questions) {
      totalQuestions++;
      const s = schedule.get(q.key);
      if (!s) continue;
      practisedQuestions++;
      if (isDue(s, today)) dueToday++;
      else if (!nextDueDay || s.dueDay < nextDueDay) nextDueDay = s.dueDay;
    }
  }
  const practised = schedule.practisedDays();
  const week = weekOf(today).map((day) => ({ day, practised: practised.has(day) }));
  return {
    today,
    dueToday,
    newToday: newQuestions(decks, schedule, options).length,
    nextDueDay,
    week,
    daysPractisedThisWeek: week.filter((d) => d.practised).length,
    totalQuestions,
    practisedQuestions,
  };
}

/** Days from `today` to `day` (negative when `day` is past). */
export function daysUntil(today: string, day: string): number {
  return dayNumber(day) - dayNumber(today);
}

// Pure logic: stays free of vscode.
// The schedule is derived, never stored: replaying the history log through FSRS gives every
// question's state. Reviews are day-level (FSRS with short-term steps off): a review counts
// for the user's local calendar day, and a question is due on a local day, not at an hour.
//
// Days are fed to FSRS as UTC midnights of the local day key, so FSRS's own day arithmetic
// (which works in UTC days) counts exactly the user's calendar days.
import { createEmptyCard, fsrs, Rating, type Card, type Grade as FsrsGrade } from 'ts-fsrs';
import { addDays, dayKeyFor, dayNumber } from '../tracker/calendar';
import { GRADES, isSupportedTime, isUndo, type Grade, type HistoryEntry, type HistoryProblem } from './history-log';
import { notice, told } from '../notices';

const DAY_MS = 86_400_000;

const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false });

const FSRS_RATING: Record<Grade, FsrsGrade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

export interface AppliedRating {
  readonly line: number;
  readonly id: string;
  readonly rating: Grade;
  /** Local day the rating counts for (never before the question's previous review). */
  readonly day: string;
  /** Local day of `at` as recorded (may be earlier than `day` if the clock went back). */
  readonly recordedDay: string;
}

export interface QuestionState {
  readonly id: string;
  readonly card: Card;
  /** Effective ratings, oldest first. */
  readonly ratings: readonly AppliedRating[];
  readonly firstDay: string;
  readonly lastDay: string;
  readonly dueDay: string;
}

function dayDate(dayKey: string): Date {
  return new Date(`${dayKey}T00:00:00.000Z`);
}

function dayOfDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function replay(id: string, ratings: readonly AppliedRating[]): QuestionState | undefined {
  if (ratings.length === 0) return undefined;
  let card: Card = createEmptyCard(dayDate(ratings[0].day));
  for (const r of ratings) card = scheduler.next(card, dayDate(r.day), FSRS_RATING[r.rating]).card;
  return { id, card, ratings, firstDay: ratings[0].day, lastDay: ratings[ratings.length - 1].day, dueDay: dayOfDate(card.due) };
}

/**
 * The schedule, built step by step as log entries are applied. `rebuild` (all entries at
 * once) and applying the same entries one by one give the same state — a tested property.
 */
export class ReviewSchedule {
  private readonly states = new Map<string, QuestionState>();
  /** Effective ratings by log line, in log order. */
  private readonly effective = new Map<number, AppliedRating>();
  private readonly undone = new Set<number>();
  private readonly problemList: HistoryProblem[] = [];
  /** Ratings dated in the future, by log line: left out (and reported) until their time comes. */
  private readonly postponed = new Map<number, { readonly id: string; readonly atMs: number; readonly problem: HistoryProblem }>();

  /**
   * `clock` is "now": a rating dated more than a day after it was written by a clock that was
   * wrong, and is left out rather than pin its question to that far day. Without a clock
   * every rating counts.
   */
  constructor(
    readonly timeZone: string,
    private readonly clock?: () => Date,
  ) {}

  static rebuild(entries: readonly HistoryEntry[], timeZone: string, clock?: () => Date): ReviewSchedule {
    const schedule = new ReviewSchedule(timeZone, clock);
    for (const e of entries) schedule.apply(e);
    return schedule;
  }

  /** Problems met while applying entries (undo of an unknown line, a rating dated in the future, …). */
  get problems(): readonly HistoryProblem[] {
    if (this.postponed.size === 0) return this.problemList;
    return [...this.problemList, ...[...this.postponed.values()].map((p) => p.problem)].sort((a, b) => a.line - b.line);
  }

  apply(entry: HistoryEntry): void {
    const { record } = entry;
    if (isUndo(record)) {
      const target = this.effective.get(record.undo);
      const waiting = this.postponed.get(record.undo);
      if (!target && waiting?.id === record.id) {
        // Undoing a rating that was left out: it will never count, so it is no longer a problem.
        this.postponed.delete(record.undo);
        this.undone.add(record.undo);
        return;
      }
      if (!target) {
        const n = this.undone.has(record.undo) ? notice('historyUndoAlreadyUndone', record.undo) : notice('historyUndoNotRating', record.undo);
        this.problemList.push({ line: entry.line, ...told(n) });
        return;
      }
      if (target.id !== record.id) {
        this.problemList.push({ line: entry.line, ...told(notice('historyUndoOtherQuestion', record.undo, target.id, record.id)) });
        return;
      }
      this.effective.delete(record.undo);
      this.undone.add(record.undo);
      const remaining = (this.states.get(target.id)?.ratings ?? []).filter((r) => r.line !== record.undo);
      // Re-derive from the remaining ratings (their days re-clamped in order).
      this.setState(target.id, replay(target.id, this.reclamp(remaining)));
      return;
    }
    if (!isSupportedTime(entry.atMs)) {
      this.problemList.push({ line: entry.line, ...told(notice('historyLineSkipped', notice('historyTimeOutOfRange', record.at))) });
      return;
    }
    if (this.clock && entry.atMs > this.clock().getTime() + DAY_MS) {
      const n = notice('historyRatingInFuture', record.id, dayKeyFor(entry.atMs / 1000, this.timeZone));
      this.postponed.set(entry.line, { id: record.id, atMs: entry.atMs, problem: { line: entry.line, ...told(n) } });
      return;
    }
    const previous = this.states.get(record.id);
    const recordedDay = dayKeyFor(entry.atMs / 1000, this.timeZone);
    // A clock that went backwards must not make time run backwards for a question.
    const day = previous && recordedDay < previous.lastDay ? previous.lastDay : recordedDay;
    const applied: AppliedRating = { line: entry.line, id: record.id, rating: record.rating, day, recordedDay };
    this.effective.set(entry.line, applied);
    if (!previous) {
      this.setState(record.id, replay(record.id, [applied]));
    } else {
      const card = scheduler.next(previous.card, dayDate(day), FSRS_RATING[record.rating]).card;
      const ratings = [...previous.ratings, applied];
      this.states.set(record.id, { id: record.id, card, ratings, firstDay: previous.firstDay, lastDay: day, dueDay: dayOfDate(card.due) });
    }
  }

  private reclamp(ratings: readonly AppliedRating[]): AppliedRating[] {
    let last = '';
    return ratings.map((r) => {
      const day = r.recordedDay < last ? last : r.recordedDay;
      last = day;
      return { ...r, day };
    });
  }

  private setState(id: string, state: QuestionState | undefined): void {
    if (state) this.states.set(id, state);
    else this.states.delete(id);
  }

  /**
   * When each rating left out as dated in the future starts to count (a day before its date).
   * It counts only once the schedule is rebuilt from the log at or after that instant.
   */
  postponedStartsMs(): number[] {
    return [...this.postponed.values()].map((p) => p.atMs - DAY_MS);
  }

  get(id: string): QuestionState | undefined {
    return this.states.get(id);
  }

  /** Every question with history, including ids no deck has any more. */
  all(): IterableIterator<QuestionState> {
    return this.states.values();
  }

  /** The most recent rating that has not been undone. */
  lastRating(): AppliedRating | undefined {
    let last: AppliedRating | undefined;
    for (const r of this.effective.values()) if (!last || r.line > last.line) last = r;
    return last;
  }

  /** Local days with at least one rating that stands. */
  practisedDays(): Set<string> {
    const days = new Set<string>();
    for (const r of this.effective.values()) days.add(r.recordedDay);
    return days;
  }

  /** Ratings that stand, counted per local day (what the learning tracker counts as practice). */
  ratingsPerDay(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.effective.values()) counts.set(r.recordedDay, (counts.get(r.recordedDay) ?? 0) + 1);
    return counts;
  }

  /** How many questions had their first rating on `day` (for the daily new limit). */
  introducedOn(day: string): number {
    let n = 0;
    for (const s of this.states.values()) if (s.firstDay === day) n++;
    return n;
  }
}

export interface IntervalPreview {
  readonly rating: Grade;
  readonly dueDay: string;
  /** Days from `today` to `dueDay`. */
  readonly days: number;
}

/** What each rating would do to a question rated on `today` (shown on the buttons). */
export function previewRatings(state: QuestionState | undefined, today: string): IntervalPreview[] {
  const day = state && today < state.lastDay ? state.lastDay : today;
  const card: Card = state ? state.card : createEmptyCard(dayDate(day));
  const preview = scheduler.repeat(card, dayDate(day));
  return GRADES.map((rating) => {
    const dueDay = dayOfDate(preview[FSRS_RATING[rating]].card.due);
    return { rating, dueDay, days: dayNumber(dueDay) - dayNumber(today) };
  });
}

/** `true` when a question with this state is due on `today` (or overdue). */
export function isDue(state: QuestionState, today: string): boolean {
  return state.dueDay <= today;
}

export { addDays };

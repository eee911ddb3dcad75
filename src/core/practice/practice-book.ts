// Pure logic: stays free of vscode.
// Decks + review history + schedule, with an injected clock: what the extension asks
// ("what is due?", "rate this", "undo") answered in one place that unit tests can drive.
import { dayKeyFor } from '../tracker/calendar';
import { buildLibrary, type Deck, type DeckLibrary, type DeckQuestion, type ParsedDeck } from './deck';
import { HistoryFile } from './history-file';
import { isGrade, type Grade, type HistoryProblem, type RatingRecord, type UndoRecord } from './history-log';
import { nextPracticeChangeMs } from './next-change';
import { pickNext, practiceStats, todaysQueue, type Pick, type PracticeStats, type QueueOptions } from './queue';
import { previewRatings, ReviewSchedule, type AppliedRating, type IntervalPreview, type QuestionState } from './schedule';

export interface PracticeBookOptions {
  readonly historyFile: string;
  readonly clock: () => Date;
  readonly timeZone: () => string;
  readonly dailyNewLimit: () => number;
}

export interface RatingOutcome {
  readonly line: number;
  readonly state: QuestionState | undefined;
}

export class PracticeBook {
  private libraryValue: DeckLibrary = { decks: [], problems: [] };
  private scheduleValue: ReviewSchedule;
  private historyProblemList: readonly HistoryProblem[] = [];
  private knownLineCount = 0;
  private readonly history: HistoryFile;

  constructor(private readonly options: PracticeBookOptions) {
    this.history = new HistoryFile(options.historyFile);
    this.scheduleValue = new ReviewSchedule(options.timeZone(), options.clock);
  }

  get library(): DeckLibrary {
    return this.libraryValue;
  }

  get decks(): readonly Deck[] {
    return this.libraryValue.decks;
  }

  get schedule(): ReviewSchedule {
    return this.scheduleValue;
  }

  /** Lines of the log that could not be used (cut off, invalid, undo of nothing). */
  get historyProblems(): readonly HistoryProblem[] {
    return [...this.historyProblemList, ...this.scheduleValue.problems].sort((a, b) => a.line - b.line);
  }

  setDecks(parsed: readonly ParsedDeck[]): void {
    this.libraryValue = buildLibrary(parsed);
  }

  async loadHistory(): Promise<void> {
    const parsed = await this.history.read();
    this.historyProblemList = parsed.problems;
    this.knownLineCount = parsed.lineCount;
    this.scheduleValue = ReviewSchedule.rebuild(parsed.entries, this.options.timeZone(), this.options.clock);
  }

  today(): string {
    return dayKeyFor(this.options.clock().getTime() / 1000, this.scheduleValue.timeZone);
  }

  private queueOptions(): QueueOptions {
    return { today: this.today(), dailyNewLimit: this.options.dailyNewLimit() };
  }

  find(key: string): { question: DeckQuestion; deck: Deck } | undefined {
    for (const deck of this.decks) for (const question of deck.questions) if (question.key === key) return { question, deck };
    return undefined;
  }

  stats(): PracticeStats {
    return practiceStats(this.decks, this.scheduleValue, this.queueOptions());
  }

  /** The next instant the due counts change by themselves (see next-change.ts): refresh then. */
  nextChangeMs(): number {
    return nextPracticeChangeMs({
      nowMs: this.options.clock().getTime(),
      timeZone: this.scheduleValue.timeZone,
      dueDays: [...this.scheduleValue.all()].map((s) => s.dueDay),
      postponedStartsMs: this.scheduleValue.postponedStartsMs(),
    });
  }

  todaysQueue(): Pick[] {
    return todaysQueue(this.decks, this.scheduleValue, this.queueOptions());
  }

  pickNext(exclude?: ReadonlySet<string>): Pick | undefined {
    return pickNext(this.decks, this.scheduleValue, this.queueOptions(), exclude);
  }

  preview(key: string): IntervalPreview[] {
    return previewRatings(this.scheduleValue.get(key), this.today());
  }

  state(key: string): QuestionState | undefined {
    return this.scheduleValue.get(key);
  }

  async rate(key: string, rating: Grade): Promise<RatingOutcome> {
    // Checked here too (not only by the type): a line the log cannot read back would be skipped forever.
    if (!isGrade(rating)) throw new Error(`"${String(rating)}" is not a rating; use again, hard, good or easy.`);
    const record: RatingRecord = { v: 1, id: key, rating, at: this.options.clock().toISOString() };
    const line = await this.appendAndApply(record);
    return { line, state: this.scheduleValue.get(key) };
  }

  /** Reverses the most recent rating that stands; undefined when there is none. */
  async undoLast(): Promise<AppliedRating | undefined> {
    await this.loadHistory(); // another window may have rated since
    const last = this.scheduleValue.lastRating();
    if (!last) return undefined;
    const record: UndoRecord = { v: 1, undo: last.line, id: last.id, at: this.options.clock().toISOString() };
    await this.appendAndApply(record);
    return last;
  }

  private async appendAndApply(record: RatingRecord | UndoRecord): Promise<number> {
    const { entry, before } = await this.history.append(record);
    if (before.lineCount !== this.knownLineCount) {
      // Someone else (another window) appended: start again from the file.
      this.historyProblemList = before.problems;
      this.scheduleValue = ReviewSchedule.rebuild(before.entries, this.options.timeZone(), this.options.clock);
    }
    this.scheduleValue.apply(entry);
    this.knownLineCount = entry.line;
    return entry.line;
  }
}

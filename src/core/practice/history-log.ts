// Pure logic: stays free of vscode.
// The review history is an append-only JSON Lines file — the only truth the schedule is
// rebuilt from. One line per event:
//   {"v":1,"id":"ml-interview/precision-vs-recall","rating":"good","at":"2025-01-10T08:30:00.000Z"}
//   {"v":1,"undo":12,"id":"ml-interview/precision-vs-recall","at":"2025-01-10T08:31:00.000Z"}
// `undo` names the 1-based line of the rating it reverses. Lines are never rewritten: a line
// that cannot be read (e.g. cut off by a crash) is reported and skipped, and the next append
// starts on a fresh line so it cannot glue itself to the broken one.
import { notice, told, type CoreNotice } from '../notices';

export const GRADES = ['again', 'hard', 'good', 'easy'] as const;
export type Grade = (typeof GRADES)[number];

export interface RatingRecord {
  readonly v: 1;
  readonly id: string;
  readonly rating: Grade;
  readonly at: string;
}

export interface UndoRecord {
  readonly v: 1;
  /** Line number of the rating being reversed. */
  readonly undo: number;
  /** The question id of that rating, so a wrong reference is caught. */
  readonly id: string;
  readonly at: string;
}

export type HistoryRecord = RatingRecord | UndoRecord;

export interface HistoryEntry {
  /** 1-based line in the log file. */
  readonly line: number;
  readonly record: HistoryRecord;
  /** `at` as epoch milliseconds. */
  readonly atMs: number;
}

export interface HistoryProblem {
  readonly line: number;
  readonly message: string;
  /** The message as an id and values, for the extension to say in the display language. */
  readonly notice?: CoreNotice;
}

export interface ParsedHistory {
  readonly entries: readonly HistoryEntry[];
  readonly problems: readonly HistoryProblem[];
  /** Lines in the file, counting a last line without its newline. */
  readonly lineCount: number;
  /** False when the file is non-empty and its last line has no newline (cut off). */
  readonly endsWithNewline: boolean;
}

export function isGrade(value: unknown): value is Grade {
  return typeof value === 'string' && (GRADES as readonly string[]).includes(value);
}

export function isUndo(record: HistoryRecord): record is UndoRecord {
  return 'undo' in record;
}

/** Earliest and (exclusive) latest instant a rating may carry: 1970 to 9899. */
const EARLIEST_MS = 0;
const LATEST_MS = Date.UTC(9900, 0, 1);

/**
 * True for instants the schedule can work with: a due day up to FSRS's longest interval
 * (100 years) later must still be a four-digit `YYYY-MM-DD`, which JavaScript dates and
 * day keys stop being after 9999.
 */
export function isSupportedTime(atMs: number): boolean {
  return Number.isFinite(atMs) && atMs >= EARLIEST_MS && atMs < LATEST_MS;
}

export function parseHistory(text: string): ParsedHistory {
  const entries: HistoryEntry[] = [];
  const problems: HistoryProblem[] = [];
  // A byte-order mark (an editor that saved the file "with BOM") is not part of the first line.
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text === '') return { entries, problems, lineCount: 0, endsWithNewline: true };
  const endsWithNewline = text.endsWith('\n');
  const lines = text.split('\n');
  if (endsWithNewline) lines.pop();
  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/\r$/, '');
    if (!content.trim()) return;
    const isLast = index === lines.length - 1;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch {
      problems.push({
        line,
        ...told(isLast && !endsWithNewline ? notice('historyLastLineCut') : notice('historyNotJson')),
      });
      return;
    }
    const checked = checkRecord(value);
    if ('problem' in checked) {
      problems.push({ line, ...told(notice('historyLineSkipped', checked.problem)) });
      return;
    }
    entries.push({ line, record: checked.record, atMs: checked.atMs });
  });
  return { entries, problems, lineCount: lines.length, endsWithNewline };
}

function checkRecord(value: unknown): { record: HistoryRecord; atMs: number } | { problem: CoreNotice } {
  const problem = (n: CoreNotice) => ({ problem: n });
  if (!value || typeof value !== 'object' || Array.isArray(value)) return problem(notice('historyNotRecord'));
  const r = value as Record<string, unknown>;
  if (r.v !== 1) return problem(typeof r.v === 'number' && r.v > 1 ? notice('historyNewerVersion', r.v) : notice('historyNoVersion'));
  if (typeof r.id !== 'string' || !r.id) return problem(notice('historyNoId'));
  if (typeof r.at !== 'string') return problem(notice('historyNoTime'));
  const atMs = Date.parse(r.at);
  if (!Number.isFinite(atMs)) return problem(notice('historyTimeNotDate', r.at));
  if (!isSupportedTime(atMs)) return problem(notice('historyTimeOutOfRange', r.at));
  if ('undo' in r) {
    if (typeof r.undo !== 'number' || !Number.isInteger(r.undo) || r.undo < 1) return problem(notice('historyUndoNoLine'));
    return { record: { v: 1, undo: r.undo, id: r.id, at: r.at }, atMs };
  }
  if (!isGrade(r.rating)) return problem(notice('historyBadRating', String(JSON.stringify(r.rating))));
  return { record: { v: 1, id: r.id, rating: r.rating, at: r.at }, atMs };
}

/**
 * The text to append for `record`: one JSON line, preceded by a newline when the file's
 * last line was cut off. Also returns the line number the record will have.
 */
export function appendition(history: Pick<ParsedHistory, 'lineCount' | 'endsWithNewline'>, record: HistoryRecord): { text: string; line: number } {
  const json = JSON.stringify(record);
  return history.endsWithNewline ? { text: `${json}\n`, line: history.lineCount + 1 } : { text: `\n${json}\n`, line: history.lineCount + 1 };
}

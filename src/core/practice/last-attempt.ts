// Pure logic: stays free of vscode.
// What the user did the last time a question came up: the rating that still stands (from the
// review history) and the newest answer they wrote before today (from the answers folder).
// Shown when the question comes back, so they can see how it went and read what they wrote.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { dayKeyFor } from '../tracker/calendar';
import { answerPath, extractAnswer } from './answer-document';
import { HistoryFile } from './history-file';
import { isUndo, type Grade, type HistoryEntry } from './history-log';

export interface LastRating {
  readonly rating: Grade;
  readonly atMs: number;
  /** Its line in the history log. */
  readonly line: number;
}

export interface LastAnswer {
  readonly file: string;
  /** The day in its name (`YYYY-MM-DD`). */
  readonly day: string;
}

export interface LastAttempt {
  readonly rating?: LastRating;
  /** Local day of the rating, in the time zone asked for. */
  readonly ratedDay?: string;
  readonly answer?: LastAnswer;
}

/** The most recent rating of `key` that no undo line reversed. */
export function lastRatingOf(entries: readonly HistoryEntry[], key: string): LastRating | undefined {
  const standing = new Map<number, LastRating>();
  for (const { line, record, atMs } of entries) {
    if (record.id !== key) continue;
    if (isUndo(record)) standing.delete(record.undo);
    else standing.set(line, { rating: record.rating, atMs, line });
  }
  let last: LastRating | undefined;
  for (const r of standing.values()) if (!last || r.line > last.line) last = r;
  return last;
}

const ANSWER_NAME = /^(.+)-(\d{4}-\d{2}-\d{2})\.md$/;

/**
 * The newest answer file of `key` dated before `beforeDay` (today's is the one being written),
 * by the day in its name, that holds an answer: a file still holding only the template the
 * session wrote (the question was shown, nothing was typed) is not one. Only files whose path
 * is exactly where `answerPath` puts that day's answer count: nothing else in the folder, no
 * folders, no links.
 */
export async function lastAnswerFile(answersRoot: string, key: string, beforeDay?: string): Promise<LastAnswer | undefined> {
  let folder: string;
  try {
    folder = path.dirname(answerPath(answersRoot, key, '0000-00-00'));
  } catch {
    return undefined; // a key that cannot have an answers folder
  }
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch {
    return undefined; // no answers yet
  }
  const candidates: LastAnswer[] = [];
  for (const entry of entries) {
    const m = ANSWER_NAME.exec(entry.name);
    if (!m || !entry.isFile()) continue;
    const day = m[2];
    if (beforeDay !== undefined && day >= beforeDay) continue;
    const file = path.join(folder, entry.name);
    if (!isAnswerFileOf(answersRoot, key, file)) continue;
    candidates.push({ file, day });
  }
  candidates.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
  for (const candidate of candidates) {
    if (await holdsAnswer(candidate.file)) return candidate;
  }
  return undefined;
}

/**
 * Whether the user wrote anything in an answer file: what is left without the question heading
 * and the hint comments. The question is not compared: the deck may have reworded it since, and
 * the hint may be in another display language.
 */
async function holdsAnswer(file: string): Promise<boolean> {
  try {
    return extractAnswer(await fs.readFile(file, 'utf8')) !== '';
  } catch {
    return false; // gone or unreadable since the folder was listed: nothing to open
  }
}

/** Whether `file` is one of `key`'s answer files under `answersRoot` (the only files the panel may open). */
export function isAnswerFileOf(answersRoot: string, key: string, file: string): boolean {
  const m = ANSWER_NAME.exec(path.basename(file));
  if (!m) return false;
  try {
    return path.resolve(file) === answerPath(answersRoot, key, m[2]);
  } catch {
    return false;
  }
}

/** Reads the history and the answers folder for `key`. A missing history is no history. */
export async function readLastAttempt(options: {
  readonly historyFile: string;
  readonly answersRoot: string;
  readonly key: string;
  readonly timeZone: string;
  /** Answers from this day on are not "last time" (today's is open in the editor). */
  readonly beforeDay?: string;
}): Promise<LastAttempt> {
  const [history, answer] = await Promise.all([new HistoryFile(options.historyFile).read(), lastAnswerFile(options.answersRoot, options.key, options.beforeDay)]);
  const rating = lastRatingOf(history.entries, options.key);
  return {
    ...(rating ? { rating, ratedDay: dayKeyFor(rating.atMs / 1000, options.timeZone) } : {}),
    ...(answer ? { answer } : {}),
  };
}

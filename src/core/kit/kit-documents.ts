// Pure logic: stays free of vscode.
// Reads the kit's files back for the Job Search view: what each one is, its date, its
// progress, and — when the front matter is broken or incomplete — what is wrong, so the
// file still shows up and the user can fix it.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { FrontMatterError, parseFrontMatter, type FrontMatterData } from '../front-matter';
import { englishText, notice, noticeOf, type CoreNotice } from '../notices';
import { dayKeyFromFrontMatter } from './day-keys';

export type KitDocumentKind = 'informational-interview' | 'first-week-plan' | 'offer-worksheet';

export interface KitTaskProgress {
  readonly done: number;
  readonly total: number;
  /** The earliest open task that carries a `(YYYY-MM-DD)` date. */
  readonly next?: { readonly title: string; readonly date: string };
}

export interface KitDocument {
  readonly kind: KitDocumentKind;
  readonly file: string;
  readonly title: string;
  /** Interview notes: who and where, as written in the front matter. */
  readonly person?: string;
  readonly company?: string;
  /** Day key the document is about (interview date, start date). */
  readonly date?: string;
  readonly status?: string;
  readonly followUp?: string;
  readonly tasks: KitTaskProgress;
  /** Set when the file cannot be read as intended; the item still shows, with this as the reason. */
  readonly problem?: string;
  /** The problem as notices (said one after another), for the extension to say in the display language. */
  readonly problemNotices?: readonly CoreNotice[];
}

/** Files larger than this are not parsed (nobody writes notes this long; it is probably not ours). */
export const MAX_DOCUMENT_BYTES = 1_000_000;

const TASK_LINE = /^\s*[-*+]\s+\[([ xX])\]\s+(.*)$/;
const TASK_DATE = /\((\d{4}-\d{2}-\d{2})\)/;

export function taskProgress(body: string): KitTaskProgress {
  let done = 0;
  let total = 0;
  let next: { title: string; date: string } | undefined;
  for (const line of body.split(/\r?\n/)) {
    const m = TASK_LINE.exec(line);
    if (!m) continue;
    total++;
    if (m[1] !== ' ') {
      done++;
      continue;
    }
    const date = TASK_DATE.exec(m[2])?.[1];
    if (date && (!next || date < next.date)) {
      const title = m[2].replace(/\*\*/g, '').split(/\s*\(\d{4}-\d{2}-\d{2}\)/, 1)[0].trim();
      next = { title, date };
    }
  }
  return next ? { done, total, next } : { done, total };
}

function text(data: FrontMatterData, key: string): string | undefined {
  const value = data[key];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

function parse(content: string): { data: FrontMatterData; body: string; problem?: CoreNotice } {
  try {
    const parsed = parseFrontMatter(content);
    if (!parsed.hasFrontMatter) return { data: {}, body: content, problem: notice('kitDocumentNoFrontMatter') };
    return { data: parsed.data, body: parsed.body };
  } catch (err) {
    const problem = err instanceof FrontMatterError ? noticeOf(err) ?? notice('untranslated', err.message) : notice('kitDocumentFrontMatterUnreadable', String(err));
    return { data: {}, body: content, problem };
  }
}

/**
 * The value of a top-level `key:` as written in the front matter (comment removed), for
 * dates whose YAML reading lost what the user typed; undefined when not found on one line.
 */
function writtenValue(content: string, key: string): string | undefined {
  const lines = content.split(/\r?\n/);
  if (!/^\uFEFF?---/.test(lines[0] ?? '')) return undefined;
  for (const line of lines.slice(1)) {
    if (/^(---|\.\.\.)\s*$/.test(line)) return undefined;
    if (line.startsWith(`${key}:`)) return line.slice(key.length + 1).replace(/\s#.*$/, '').trim();
  }
  return undefined;
}

/** A front-matter date as the day the user wrote. */
function dateField(data: FrontMatterData, content: string, key: string): string | undefined {
  return dayKeyFromFrontMatter(data[key], data[key] instanceof Date ? writtenValue(content, key) : undefined);
}

/** The problems as one English sentence plus their notices; nothing when there are none. */
function withProblems(problems: readonly CoreNotice[]): { problem?: string; problemNotices?: readonly CoreNotice[] } {
  return problems.length > 0 ? { problem: problems.map(englishText).join(' '), problemNotices: problems } : {};
}

/** Describes one informational-interview notes file from its name and content. */
export function describeInterview(file: string, content: string): KitDocument {
  const { data, body, problem } = parse(content);
  const person = text(data, 'person');
  const company = text(data, 'company');
  const rawDate = data.date;
  const date = dateField(data, content, 'date');
  const followUp = dateField(data, content, 'follow_up');
  const problems: CoreNotice[] = [];
  if (problem) problems.push(problem);
  else {
    if (!person) problems.push(notice('kitDocumentFieldMissing', 'person'));
    if (rawDate === undefined) problems.push(notice('kitDocumentFieldMissing', 'date'));
    else if (!date) problems.push(notice('kitDocumentFieldNotDate', 'date'));
    if (data.follow_up !== undefined && !followUp) problems.push(notice('kitDocumentFieldNotDate', 'follow_up'));
  }
  const title = person ? [person, company].filter(Boolean).join(' · ') : path.basename(file, path.extname(file));
  return {
    kind: 'informational-interview',
    file,
    title,
    person,
    company,
    date,
    status: text(data, 'status'),
    followUp,
    tasks: taskProgress(body),
    ...withProblems(problems),
  };
}

/** Describes one first-week plan. */
export function describeFirstWeekPlan(file: string, content: string): KitDocument {
  const { data, body, problem } = parse(content);
  const start = dateField(data, content, 'start');
  const problems: CoreNotice[] = [];
  if (problem) problems.push(problem);
  else if (data.start === undefined) problems.push(notice('kitDocumentFieldMissing', 'start'));
  else if (!start) problems.push(notice('kitDocumentFieldNotDate', 'start'));
  return {
    kind: 'first-week-plan',
    file,
    title: start ? `First week from ${start}` : path.basename(file, path.extname(file)),
    date: start,
    tasks: taskProgress(body),
    ...withProblems(problems),
  };
}

export function describeOfferWorksheet(file: string, content: string): KitDocument {
  const { body, problem } = parse(content);
  return { kind: 'offer-worksheet', file, title: 'Offer worksheet', tasks: taskProgress(body), ...withProblems(problem ? [problem] : []) };
}

const DESCRIBERS: Record<KitDocumentKind, (file: string, content: string) => KitDocument> = {
  'informational-interview': describeInterview,
  'first-week-plan': describeFirstWeekPlan,
  'offer-worksheet': describeOfferWorksheet,
};

/** Reads one file; unreadable or oversized files come back with a problem instead of throwing. */
export async function readKitDocument(file: string, kind: KitDocumentKind): Promise<KitDocument> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_DOCUMENT_BYTES) {
      return { kind, file, title: path.basename(file, path.extname(file)), tasks: { done: 0, total: 0 }, ...withProblems([notice('kitDocumentTooLarge', MAX_DOCUMENT_BYTES / 1_000_000)]) };
    }
    return DESCRIBERS[kind](file, await fs.readFile(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { kind, file, title: path.basename(file, path.extname(file)), tasks: { done: 0, total: 0 }, ...withProblems([notice('kitDocumentUnreadable', code ?? String(err))]) };
  }
}

/** Newest first; undated documents after dated ones, by title. */
export function compareByDate(a: KitDocument, b: KitDocument): number {
  if (a.date && b.date && a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.date && !b.date) return -1;
  if (!a.date && b.date) return 1;
  return a.title.localeCompare(b.title) || a.file.localeCompare(b.file);
}

/**
 * The Markdown files directly inside `folder` (hidden and temporary files skipped), described
 * as `kind` and sorted by date. A missing folder is an empty list.
 */
export async function listKitDocuments(folder: string, kind: KitDocumentKind): Promise<KitDocument[]> {
  let names: string[];
  try {
    const entries = await fs.readdir(folder, { withFileTypes: true });
    names = entries.filter((e) => e.isFile() && !e.name.startsWith('.') && /\.(md|markdown)$/i.test(e.name)).map((e) => e.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw err;
  }
  const documents = await Promise.all(names.map((name) => readKitDocument(path.join(folder, name), kind)));
  return documents.sort(compareByDate);
}

/** True when the follow-up date has come and the notes do not say it happened. */
export function isFollowUpDue(document: KitDocument, today: string): boolean {
  if (document.kind !== 'informational-interview' || !document.followUp) return false;
  if (document.status === 'followed-up') return false;
  return document.followUp <= today;
}

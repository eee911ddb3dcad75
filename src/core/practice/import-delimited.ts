// Pure logic: stays free of vscode.
// Turns a CSV/TSV of front,back (what Anki's "Notes in Plain Text" and spreadsheets export)
// into a deck. All or nothing: a file with any bad row writes no deck, and every bad row is
// named with its line so it can be fixed in one pass.
import { ID_PATTERN, slugify } from './deck';
import { parseDelimited } from './delimited';
import { writeDeck, type DeckCard } from './deck-writer';
import { notice, told, type CoreNotice } from '../notices';

export interface ImportOptions {
  /** The file's name, for messages, the deck name when none is chosen, and the delimiter guess (`.tsv`). */
  readonly fileName: string;
  /** Deck ids already in use: the new deck gets a different one. */
  readonly existingDeckIds?: ReadonlySet<string>;
  /** `YYYY-MM-DD` written into the front matter. */
  readonly today: string;
  /** The name the user chose for the deck (its id and file name follow from it); else one made from the file name. */
  readonly deckName?: string;
}

export interface ImportProblem {
  readonly line: number;
  readonly message: string;
  /** The message as an id and values, for the extension to say in the display language. */
  readonly notice?: CoreNotice;
}

export type ImportResult =
  | { readonly ok: true; readonly markdown: string; readonly deckId: string; readonly deckName: string; readonly count: number }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

const FRONT_NAMES = new Set(['front', 'question', 'questions', 'prompt', 'term']);
const BACK_NAMES = new Set(['back', 'answer', 'answers', 'response', 'definition']);
const SOURCE_NAMES = new Set(['source', 'sources']);
const KEY_POINT_NAMES = new Set(['key points', 'keypoints', 'key_points', 'points']);
const ANKI_SEPARATORS: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', pipe: '|', space: ' ' };

/** Delimiter from the file name, else from the first data line (a tab wins). */
export function guessDelimiter(fileName: string, firstLine: string): string {
  if (/\.(tsv|tab)$/i.test(fileName)) return '\t';
  if (/\.csv$/i.test(fileName)) return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  return firstLine.includes('\t') ? '\t' : ',';
}

/** Anki writes `<br>` and `<div>`s when `#html:true`; a deck wants plain Markdown text. */
export function ankiHtmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(div|p|li)>/gi, '\n')
    .replace(/<li[^>]*>/gi, '- ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function importDelimited(text: string, options: ImportOptions): ImportResult {
  // Anki's header lines (`#separator:tab`, `#html:true`, …) come first.
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let skip = 0;
  let separator: string | undefined;
  let html = false;
  while (skip < lines.length && /^#[a-z ]+:/i.test(lines[skip])) {
    const [, key, value] = /^#([a-z ]+):(.*)$/i.exec(lines[skip]) ?? [];
    if (key?.toLowerCase() === 'separator') separator = ANKI_SEPARATORS[value.trim().toLowerCase()] ?? value.trim().charAt(0);
    if (key?.toLowerCase() === 'html') html = value.trim().toLowerCase() === 'true';
    skip++;
  }
  const rest = lines.slice(skip).join('\n');
  const firstDataLine = lines.slice(skip).find((l) => l.trim()) ?? '';
  const delimiter = separator ?? guessDelimiter(options.fileName, firstDataLine);
  const parsed = parseDelimited(rest, delimiter, skip + 1);
  const problems: ImportProblem[] = [...parsed.problems];
  const rows = parsed.rows;
  const kind = delimiter === '\t' ? notice('importTabSeparated') : delimiter === ',' ? notice('importCommaSeparated') : notice('importOtherSeparated', delimiter);
  if (rows.length === 0) return { ok: false, problems: [{ line: 1, ...told(notice('importNoRows')) }] };

  const width = rows[0].fields.length;
  if (width < 2) {
    return {
      ok: false,
      problems: [{ line: rows[0].line, ...told(notice('importOneColumn', kind)) }],
    };
  }
  const quoteWhat = delimiter === '\t' ? notice('importTabs') : `"${delimiter}"`;
  for (const row of rows) {
    if (row.fields.length !== width) {
      problems.push({
        line: row.line,
        ...told(row.fields.length === 1 ? notice('importRowWidthOne', width, quoteWhat) : notice('importRowWidth', row.fields.length, width, quoteWhat)),
      });
    }
  }

  // An optional header row names the columns.
  const header = rows[0].fields.map((f) => f.trim().toLowerCase());
  const hasHeader = header.some((h) => FRONT_NAMES.has(h)) && header.some((h) => BACK_NAMES.has(h));
  const column = (names: Set<string>, fallback: number | undefined) => {
    if (!hasHeader) return fallback;
    const at = header.findIndex((h) => names.has(h));
    return at >= 0 ? at : fallback;
  };
  const frontAt = column(FRONT_NAMES, 0)!;
  const backAt = column(BACK_NAMES, 1)!;
  const sourceAt = column(SOURCE_NAMES, undefined);
  const pointsAt = column(KEY_POINT_NAMES, undefined);

  const clean = (s: string) => (html ? ankiHtmlToText(s) : s.replace(/\r\n?/g, '\n').trim());
  const cards: DeckCard[] = [];
  for (const row of hasHeader ? rows.slice(1) : rows) {
    if (row.fields.length !== width) continue;
    const question = clean(row.fields[frontAt] ?? '');
    const answer = clean(row.fields[backAt] ?? '');
    const keyPoints = pointsAt === undefined ? [] : clean(row.fields[pointsAt] ?? '').split(/\n|;\s*/).map((p) => p.replace(/^[-*]\s+/, '').trim()).filter(Boolean);
    if (!question) problems.push({ line: row.line, ...told(notice('importNoQuestion')) });
    else if (!answer && keyPoints.length === 0) problems.push({ line: row.line, ...told(notice('importNoAnswer', truncate(question))) });
    const sources = sourceAt === undefined ? [] : [clean(row.fields[sourceAt] ?? '')].filter(Boolean);
    cards.push({ question, answer, keyPoints, sources });
  }
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  if (cards.length === 0) return { ok: false, problems: [{ line: rows[0].line, ...told(notice('importHeaderOnly')) }] };

  const stem = options.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const chosen = options.deckName === undefined ? '' : oneLine(options.deckName);
  const deckName = chosen || stem.replace(/[-_]+/g, ' ').trim() || 'Imported deck';
  let deckId = slugify(chosen || stem, 40);
  if (!ID_PATTERN.test(deckId)) deckId = 'imported';
  const base = deckId;
  for (let n = 2; options.existingDeckIds?.has(deckId); n++) deckId = `${base}-${n}`;

  const markdown = writeDeck({
    id: deckId,
    name: deckName,
    description: `Imported from ${options.fileName.replace(/^.*[\\/]/, '')} on ${options.today}. Edit freely: each "## " heading is a question, its id (in the comment) keeps its review history.`,
    extra: { imported_from: options.fileName.replace(/^.*[\\/]/, ''), imported_on: options.today },
    cards,
  });
  return { ok: true, markdown, deckId, deckName, count: cards.length };
}

/**
 * Why `name` cannot be a new deck's: it is empty, or a deck already has it (compared as a
 * reader sees names: case and runs of spaces aside). Two decks with one name could not be told
 * apart in the sidebar or the question picker.
 */
export function deckNameProblem(name: string, existingNames: Iterable<string>): 'empty' | 'taken' | undefined {
  const wanted = comparableName(name);
  if (!wanted) return 'empty';
  for (const existing of existingNames) if (comparableName(existing) === wanted) return 'taken';
  return undefined;
}

function comparableName(name: string): string {
  return oneLine(name).normalize('NFC').toLowerCase();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function truncate(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

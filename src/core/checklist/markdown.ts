// Pure logic: stays free of vscode.
// Reads the checklist Markdown file the user owns. The format, kept readable on GitHub and in
// any Markdown preview:
//
//   ---
//   checklistFormat: 1
//   catalogVersion: 1
//   ---
//   ## Learn the skills <!-- section:skills -->
//   - [x] Start a tiny daily learning habit ✅ 2024-05-01 <!-- id:skills-tiny-daily-habit -->
//     > my note, one or more quoted lines under the task
//   - [ ] A step I added myself <!-- id:custom-a-step-i-added-myself -->
//   - [ ] A built-in step I don't need <!-- id:offer-win-win hidden -->
//
// HTML comments carry the stable ids and flags (invisible when rendered); the completion date
// follows the Obsidian Tasks convention (`✅ YYYY-MM-DD`), so checking an item edits one line.
// Parsing never throws: odd shapes become warnings and the rest is still read.
import { FrontMatterError, parseFrontMatter } from '../front-matter';
import type { Catalog } from './catalog';
import { englishText, notice, noticeOf, type CoreNotice } from '../notices';

/** The Markdown layout version this code writes; files with a higher number are read only. */
export const CHECKLIST_FORMAT = 1;

export interface SourceLine {
  text: string;
  /** The line's own ending: '\n', '\r\n', '\r' or '' for a last line without one. */
  eol: string;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface ChecklistItem {
  /** Identifies the item between the webview and the host: the id, or a derived key. */
  readonly key: string;
  readonly id?: string;
  readonly flags: readonly string[];
  readonly hidden: boolean;
  readonly checked: boolean;
  readonly title: string;
  readonly doneDate?: string;
  readonly note?: string;
  readonly sectionKey: string;
  /** 0-based line index of the task line. */
  readonly line: number;
  readonly indent: string;
  /** Width of the bullet and the spaces after it (`- ` → 2), for writing note lines. */
  readonly bulletWidth: number;
  /** Index, in the line's text, of the character inside the brackets. */
  readonly checkOffset: number;
  readonly marker?: Span;
  /** The date with the whitespace before it. */
  readonly date?: Span;
  /** Lines [start, end) of the quoted note under the task. */
  readonly noteLines?: Span;
  /** Lines [line, blockEnd) hold the task and everything indented under it. */
  readonly blockEnd: number;
  /** True when something other than the note is indented under the task (nested tasks, text). */
  readonly hasOtherChildren: boolean;
  /** Second and later items with the same id. */
  readonly duplicate: boolean;
}

export interface ChecklistSection {
  /** The catalog section id, or a key derived from the heading; 'top' for items before any `##`. */
  readonly key: string;
  readonly catalogId?: string;
  readonly title: string;
  readonly headingLine?: number;
  /** The first line after the section (the next `##` heading or the end of the file). */
  readonly endLine: number;
  readonly items: ChecklistItem[];
}

export type WarningCode =
  | 'front-matter-invalid'
  | 'front-matter-unclosed'
  | 'newer-format'
  | 'duplicate-id'
  | 'duplicate-section'
  | 'unknown-section'
  | 'odd-id'
  | 'id-not-a-task';

export interface ChecklistWarning {
  readonly code: WarningCode;
  /** 1-based line number, when the warning is about one line. */
  readonly line?: number;
  readonly message: string;
  /** The message as an id and values, for the extension to say in the display language. */
  readonly notice?: CoreNotice;
}

export interface FrontMatterInfo {
  readonly status: 'none' | 'ok' | 'invalid';
  readonly data: Record<string, unknown>;
  readonly message?: string;
  /** Line index of the closing `---`, when there is one. */
  readonly closeLine?: number;
  /** First line index after the front matter (0 when there is none). */
  readonly bodyStart: number;
}

export interface ParsedChecklist {
  readonly bom: string;
  readonly lines: SourceLine[];
  /** The line ending new lines get: the one most lines already use. */
  readonly eol: string;
  readonly frontMatter: FrontMatterInfo;
  readonly format?: number;
  readonly catalogVersion?: number;
  readonly sections: ChecklistSection[];
  readonly items: ChecklistItem[];
  readonly warnings: ChecklistWarning[];
}

// ---------------------------------------------------------------------------------------------
// Lines

export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text))) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

export function joinLines(bom: string, lines: readonly SourceLine[]): string {
  let out = bom;
  for (const line of lines) out += line.text + line.eol;
  return out;
}

function dominantEol(lines: readonly SourceLine[]): string {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (const line of lines) {
    if (line.eol === '\r\n') crlf++;
    else if (line.eol === '\n') lf++;
    else if (line.eol === '\r') cr++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

// ---------------------------------------------------------------------------------------------
// Task lines

const TASK_LINE = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)\[([ xX])\](?=[ \t]|$)/;
const HEADING_2 = /^ {0,3}##(?:[ \t]+|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export interface TaskLineParts {
  readonly indent: string;
  readonly bulletWidth: number;
  readonly checkOffset: number;
  readonly checked: boolean;
  readonly title: string;
  readonly id?: string;
  readonly flags: readonly string[];
  readonly marker?: Span;
  readonly date?: Span;
  readonly doneDate?: string;
}

/** Reads one GFM task line; undefined when the line is not a task. Linear in the line length. */
export function parseTaskLine(text: string): TaskLineParts | undefined {
  const match = TASK_LINE.exec(text);
  if (!match) return undefined;
  const [whole, indent, bullet, spaces, mark] = match;
  const checkOffset = indent.length + bullet.length + spaces.length + 1;
  const restStart = whole.length;
  const marker = findIdMarker(text, restStart);
  let date: Span | undefined;
  let doneDate: string | undefined;
  // Look for the date before the marker, then after it.
  for (const [from, to] of marker ? [[restStart, marker.span.start], [marker.span.end, text.length]] : [[restStart, text.length]]) {
    const found = findDoneDate(text, from, to);
    if (found) {
      date = found.span;
      doneDate = found.date;
      break;
    }
  }
  let title = text.slice(restStart);
  // Remove the later span first so the earlier one's offsets stay right.
  const cuts = [marker?.span, date].filter((s): s is Span => !!s).sort((a, b) => b.start - a.start);
  for (const cut of cuts) title = title.slice(0, cut.start - restStart) + ' ' + title.slice(cut.end - restStart);
  return {
    indent,
    bulletWidth: bullet.length + spaces.length,
    checkOffset,
    checked: mark !== ' ',
    title: title.replace(/\s+/g, ' ').trim(),
    id: marker?.id,
    flags: marker?.flags ?? [],
    marker: marker?.span,
    date,
    doneDate,
  };
}

/**
 * The first `✅ YYYY-MM-DD` in text[from, to), with the whitespace before it. Written as a scan,
 * not one regex, so a very long line of spaces cannot make it slow.
 */
function findDoneDate(text: string, from: number, to: number): { span: Span; date: string } | undefined {
  let at = from;
  for (;;) {
    const tick = text.indexOf('✅', at);
    if (tick < 0 || tick >= to) return undefined;
    at = tick + 1;
    let start = tick;
    while (start > from && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    if (start !== from && start === tick) continue; // glued to a word: not a date marker
    let digits = tick + 1;
    while (digits < to && (text[digits] === ' ' || text[digits] === '\t')) digits++;
    const date = text.slice(digits, digits + 10);
    const end = digits + 10;
    if (end > to || !/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    if (end < to && text[end] !== ' ' && text[end] !== '\t') continue;
    return { span: { start, end }, date };
  }
}

interface IdMarker {
  span: Span;
  id: string;
  flags: string[];
}

/** The last `<!-- id:… flags -->` comment at or after `from`. */
function findIdMarker(text: string, from: number): IdMarker | undefined {
  let found: IdMarker | undefined;
  let at = from;
  for (;;) {
    const open = text.indexOf('<!--', at);
    if (open < 0) break;
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    const inner = text.slice(open + 4, close).trim();
    const idMatch = /^id:(\S+)/.exec(inner);
    if (idMatch) {
      const flags = inner
        .slice(idMatch[0].length)
        .split(/\s+/)
        .filter((f) => f !== '')
        .map((f) => f.toLowerCase());
      found = { span: { start: open, end: close + 3 }, id: idMatch[1], flags };
    }
    at = close + 3;
  }
  return found;
}

function indentWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

const isBlank = (text: string) => text.trim() === '';

/** FNV-1a, for keys of items that have no id. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

function headingTitle(text: string): { title: string; sectionId?: string } {
  let rest = text.replace(/^ {0,3}##/, '');
  let sectionId: string | undefined;
  const open = rest.indexOf('<!--');
  const close = open >= 0 ? rest.indexOf('-->', open + 4) : -1;
  if (open >= 0 && close >= 0) {
    const inner = rest.slice(open + 4, close).trim();
    const match = /^section:(\S+)$/.exec(inner);
    if (match) {
      sectionId = match[1];
      rest = rest.slice(0, open) + rest.slice(close + 3);
    }
  }
  // A closing sequence of #s is not part of the title (scanned by hand: a regex here is slow on long runs of spaces).
  rest = rest.trimEnd();
  let hashes = rest.length;
  while (hashes > 0 && rest[hashes - 1] === '#') hashes--;
  if (hashes < rest.length && (hashes === 0 || rest[hashes - 1] === ' ' || rest[hashes - 1] === '\t')) rest = rest.slice(0, hashes);
  const title = rest.replace(/\s+/g, ' ').trim();
  return { title, sectionId };
}

const normaliseTitle = (title: string) => title.toLowerCase().replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------------------------
// Parse

/** Reads a checklist file. Never throws; whatever it cannot read becomes a warning. */
export function parseChecklist(text: string, catalog?: Catalog): ParsedChecklist {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const lines = splitLines(text.slice(bom.length));
  const warnings: ChecklistWarning[] = [];
  const frontMatter = readFrontMatter(text, lines, warnings);
  const format = typeof frontMatter.data.checklistFormat === 'number' ? frontMatter.data.checklistFormat : undefined;
  const catalogVersion = typeof frontMatter.data.catalogVersion === 'number' ? frontMatter.data.catalogVersion : undefined;
  if (format !== undefined && format > CHECKLIST_FORMAT) {
    warnings.push(warning('newer-format', undefined, notice('checklistNewerFormat', format)));
  }

  const catalogSectionByTitle = new Map((catalog?.sections ?? []).map((s) => [normaliseTitle(s.title), s.id]));
  const catalogSectionIds = new Set((catalog?.sections ?? []).map((s) => s.id));

  const sections: Array<{ key: string; catalogId?: string; title: string; headingLine?: number; endLine: number; items: ChecklistItem[] }> = [];
  const sectionKeyCount = new Map<string, number>();
  let current: (typeof sections)[number] = { key: 'top', title: '', endLine: lines.length, items: [] };
  sections.push(current);

  const items: ChecklistItem[] = [];
  const idCount = new Map<string, number>();
  const anonCount = new Map<string, number>();
  let fence: string | undefined;
  let inComment = false;

  for (let index = frontMatter.bodyStart; index < lines.length; index++) {
    const text = lines[index].text;
    if (fence) {
      const close = FENCE.exec(text);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length && text.trim() === close[1]) fence = undefined;
      continue;
    }
    if (inComment) {
      if (text.includes('-->')) inComment = false;
      continue;
    }
    const open = FENCE.exec(text);
    if (open) {
      fence = open[1];
      continue;
    }
    if (/^\s*<!--/.test(text) && !text.includes('-->', text.indexOf('<!--') + 4)) {
      inComment = true;
      continue;
    }
    if (HEADING_2.test(text)) {
      current.endLine = index;
      const { title, sectionId } = headingTitle(text);
      let catalogId: string | undefined;
      if (sectionId !== undefined) {
        if (catalogSectionIds.has(sectionId) || !catalog) catalogId = sectionId;
        else warnings.push(warning('unknown-section', index + 1, notice('checklistUnknownSection', sectionId, index + 1)));
      } else {
        catalogId = catalogSectionByTitle.get(normaliseTitle(title));
      }
      const baseKey = catalogId ?? `heading-${shortHash(normaliseTitle(title))}`;
      const seen = (sectionKeyCount.get(baseKey) ?? 0) + 1;
      sectionKeyCount.set(baseKey, seen);
      if (seen > 1 && catalogId) {
        warnings.push(warning('duplicate-section', index + 1, notice('checklistDuplicateSection', title, index + 1)));
      }
      current = { key: seen > 1 ? `${baseKey}~${seen}` : baseKey, catalogId: seen > 1 ? undefined : catalogId, title, headingLine: index, endLine: lines.length, items: [] };
      sections.push(current);
      warnIfStrayId(text, index, warnings);
      continue;
    }
    const task = parseTaskLine(text);
    if (!task) {
      warnIfStrayId(text, index, warnings);
      continue;
    }

    let key: string;
    let duplicate = false;
    if (task.id !== undefined) {
      if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(task.id)) {
        warnings.push(warning('odd-id', index + 1, notice('checklistOddId', task.id, index + 1)));
      }
      const seen = (idCount.get(task.id) ?? 0) + 1;
      idCount.set(task.id, seen);
      duplicate = seen > 1;
      key = duplicate ? `${task.id}~${seen}` : task.id;
      if (duplicate) {
        warnings.push(warning('duplicate-id', index + 1, notice('checklistDuplicateId', task.id, index + 1)));
      }
    } else {
      // From the title alone, so the key does not depend on how the section was recognised.
      const base = `~${shortHash(normaliseTitle(task.title))}`;
      const seen = (anonCount.get(base) ?? 0) + 1;
      anonCount.set(base, seen);
      key = seen > 1 ? `${base}~${seen}` : base;
    }

    // Everything indented deeper than the task belongs to it; the note is the quoted block right under it.
    const ownWidth = indentWidth(task.indent);
    let blockEnd = index + 1;
    for (let next = index + 1; next < lines.length; next++) {
      const nextText = lines[next].text;
      if (isBlank(nextText)) continue;
      if (indentWidth(nextText) > ownWidth && !HEADING_2.test(nextText)) blockEnd = next + 1;
      else break;
    }
    let noteEnd = index + 1;
    const noteParts: string[] = [];
    while (noteEnd < blockEnd && /^[ \t]*>/.test(lines[noteEnd].text) && indentWidth(lines[noteEnd].text) > ownWidth) {
      noteParts.push(lines[noteEnd].text.replace(/^[ \t]*> ?/, ''));
      noteEnd++;
    }
    let hasOtherChildren = false;
    for (let child = noteEnd; child < blockEnd; child++) if (!isBlank(lines[child].text)) hasOtherChildren = true;

    const item: ChecklistItem = {
      key,
      id: task.id,
      flags: task.flags,
      hidden: task.flags.includes('hidden'),
      checked: task.checked,
      title: task.title,
      doneDate: task.doneDate,
      note: noteParts.length ? noteParts.join('\n') : undefined,
      sectionKey: current.key,
      line: index,
      indent: task.indent,
      bulletWidth: task.bulletWidth,
      checkOffset: task.checkOffset,
      marker: task.marker,
      date: task.date,
      noteLines: noteParts.length ? { start: index + 1, end: noteEnd } : undefined,
      blockEnd,
      hasOtherChildren,
      duplicate,
    };
    items.push(item);
    current.items.push(item);
  }
  current.endLine = lines.length;

  return {
    bom,
    lines,
    eol: dominantEol(lines),
    frontMatter,
    format,
    catalogVersion,
    sections: sections.filter((s) => s.key !== 'top' || s.items.length > 0),
    items,
    warnings,
  };
}

function readFrontMatter(text: string, lines: readonly SourceLine[], warnings: ChecklistWarning[]): FrontMatterInfo {
  if (lines.length === 0 || !/^---[ \t]*[A-Za-z]*[ \t]*$/.test(lines[0].text)) return { status: 'none', data: {}, bodyStart: 0 };
  let closeLine: number | undefined;
  for (let index = 1; index < lines.length; index++) {
    if (/^---[ \t]*$/.test(lines[index].text)) {
      closeLine = index;
      break;
    }
  }
  if (closeLine === undefined) {
    const unclosed = warning('front-matter-unclosed', 1, notice('checklistFrontMatterUnclosed'));
    const message = unclosed.message;
    warnings.push(unclosed);
    return { status: 'invalid', data: {}, message, bodyStart: 1 };
  }
  try {
    // Hand the front-matter parser only the block, so text further down can never change how it is read.
    const block = lines.slice(0, closeLine + 1).map((l) => `${l.text}\n`).join('');
    const parsed = parseFrontMatter(text.startsWith('\uFEFF') ? `\uFEFF${block}` : block);
    return { status: 'ok', data: parsed.data, closeLine, bodyStart: closeLine + 1 };
  } catch (err) {
    const unreadable = notice('checklistFrontMatterUnreadable', String(err));
    const message = err instanceof FrontMatterError ? err.message : englishText(unreadable);
    warnings.push({ code: 'front-matter-invalid', line: err instanceof FrontMatterError ? err.line : 1, message, notice: err instanceof FrontMatterError ? noticeOf(err) : unreadable });
    return { status: 'invalid', data: {}, message, closeLine, bodyStart: closeLine + 1 };
  }
}

/**
 * A line with an item's id that is not a task (its `- [ ]` deleted or broken) would make the
 * item silently vanish from the view and the counts: say so.
 */
function warnIfStrayId(text: string, index: number, warnings: ChecklistWarning[]): void {
  if (!text.includes('<!--')) return;
  // A marker shown as code (the file's own intro explains `<!-- id:… -->`) is text, not a marker.
  const marker = findIdMarker(blankCodeSpans(text), 0);
  if (marker) warnings.push(warning('id-not-a-task', index + 1, notice('checklistIdNotTask', marker.id, index + 1)));
}

/** The text with the inside of each inline code span blanked out (same length). Linear in the length. */
function blankCodeSpans(text: string): string {
  if (!text.includes('`')) return text;
  const runs: Array<{ start: number; end: number }> = [];
  for (let at = 0; at < text.length; ) {
    if (text[at] !== '`') {
      at++;
      continue;
    }
    const start = at;
    while (text[at] === '`') at++;
    runs.push({ start, end: at });
  }
  // A span closes at the next run of exactly as many backticks; a run without one is literal.
  const nextOfSameLength = new Array<number>(runs.length);
  const seen = new Map<number, number>();
  for (let run = runs.length - 1; run >= 0; run--) {
    const width = runs[run].end - runs[run].start;
    nextOfSameLength[run] = seen.get(width) ?? -1;
    seen.set(width, run);
  }
  const parts: string[] = [];
  let copied = 0;
  for (let run = 0; run < runs.length; ) {
    const close = nextOfSameLength[run];
    if (close < 0) {
      run++;
      continue;
    }
    parts.push(text.slice(copied, runs[run].end), ' '.repeat(runs[close].start - runs[run].end));
    copied = runs[close].start;
    run = close + 1;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

function warning(code: WarningCode, line: number | undefined, n: CoreNotice): ChecklistWarning {
  return line === undefined ? { code, message: englishText(n), notice: n } : { code, line, message: englishText(n), notice: n };
}

/** True when the sidebar may change item lines of this file (front matter problems don't matter for that). */
export function canEditItems(parsed: ParsedChecklist): boolean {
  return !parsed.warnings.some((w) => w.code === 'newer-format');
}

/** Items completed on a day in [from, to] (YYYY-MM-DD, inclusive), for summaries and streaks. */
export function completedBetween(parsed: ParsedChecklist, from: string, to: string): ChecklistItem[] {
  return parsed.items.filter((item) => item.checked && item.doneDate !== undefined && item.doneDate >= from && item.doneDate <= to);
}

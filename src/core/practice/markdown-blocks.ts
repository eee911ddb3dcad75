// Pure logic: stays free of vscode.
// Free of Node too: the protocol sends these shapes to the webview.
// A small, safe reading of Markdown (paragraphs, headings, lists, quotes, code, tables, emphasis):
// the webview builds elements from these blocks with text nodes, never from HTML strings.

export interface InlineSpan {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly code?: boolean;
}

export type MarkdownBlock =
  | { readonly kind: 'paragraph'; readonly spans: readonly InlineSpan[] }
  | { readonly kind: 'heading'; readonly level: number; readonly spans: readonly InlineSpan[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly InlineSpan[])[] }
  | { readonly kind: 'quote'; readonly spans: readonly InlineSpan[] }
  | { readonly kind: 'code'; readonly text: string }
  | {
      readonly kind: 'table';
      readonly align: readonly ('left' | 'center' | 'right' | undefined)[];
      readonly header: readonly (readonly InlineSpan[])[];
      readonly rows: readonly (readonly (readonly InlineSpan[])[])[];
    };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** The `#`s of an ATX heading; its text is cut out by `headingText` (a single pattern for both backtracked without end on long runs of spaces). */
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;

/** An ATX heading's text: without the opening `#`s and an optional closing run of `#`s. */
function headingText(line: string, opening: string): string {
  let text = line.slice(opening.length).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t') text = text.slice(0, end).trimEnd();
  return text;
}
const BULLET = /^ {0,3}[-*+]\s+(?:\[[ xX]\]\s+)?(.*)$/;
const NUMBERED = /^ {0,3}\d{1,9}[.)]\s+(.*)$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;
/**
 * A GitHub table's delimiter row (`| --- | :-: |`) with `columns` cells. It must hold a pipe: a
 * line of dashes alone under a line of text is a heading underline. Checked cell by cell, not
 * with one pattern, which backtracked for seconds on a long run of spaces.
 */
function isTableDelimiter(line: string, columns: number): boolean {
  if (!line.includes('|') || /^ {4}/.test(line)) return false;
  const cells = tableCells(line);
  return cells.length === columns && cells.every((cell) => /^:?-+:?$/.test(cell));
}

/** Whether a line starts another block, which ends a table even without a blank line. */
function startsOtherBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || BULLET.test(line) || NUMBERED.test(line) || QUOTE.test(line);
}

/** The cells of a table row: split on pipes not escaped with `\`, the outer ones optional. */
function tableCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\' && line[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (line[i] === '|') {
      cells.push(cell);
      cell = '';
    } else {
      cell += line[i];
    }
  }
  cells.push(cell);
  const trimmed = line.trim();
  if (trimmed.startsWith('|')) cells.shift();
  if (trimmed.endsWith('|') && !trimmed.endsWith('\\|')) cells.pop();
  return cells.map((c) => c.trim());
}

export function markdownBlocks(markdown: string): MarkdownBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '').split('\n');
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;
  let quote: string[] = [];

  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', spans: inlineSpans(paragraph.join(' ')) });
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(inlineSpans) });
    if (quote.length) blocks.push({ kind: 'quote', spans: inlineSpans(quote.join(' ')) });
    paragraph = [];
    list = undefined;
    quote = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length; i++) {
        const close = FENCE.exec(lines[i]);
        if (close && close[1][0] === fence[1][0] && close[1].length >= fence[1].length && lines[i].trim() === close[1]) break;
        code.push(lines[i]);
      }
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    // A table: a row of cells, then the delimiter row with as many columns; rows follow until a blank line.
    const header = line.includes('|') && i + 1 < lines.length && !startsOtherBlock(line) ? tableCells(line) : undefined;
    if (header && isTableDelimiter(lines[i + 1], header.length)) {
      flush();
      const align = tableCells(lines[i + 1]).map((d) => (d.startsWith(':') && d.endsWith(':') ? 'center' : d.endsWith(':') ? 'right' : d.startsWith(':') ? 'left' : undefined));
      const rows: InlineSpan[][][] = [];
      for (i += 2; i < lines.length && lines[i].trim() !== '' && lines[i].includes('|') && !startsOtherBlock(lines[i]); i++) {
        const cells = tableCells(lines[i]);
        rows.push(header.map((_, c) => inlineSpans(cells[c] ?? '')));
      }
      i--;
      blocks.push({ kind: 'table', align, header: header.map(inlineSpans), rows });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1].length, spans: inlineSpans(headingText(line, heading[0])) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? undefined : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = !!numbered;
      if (!list || list.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push((bullet ?? numbered)![1]);
      continue;
    }
    const q = QUOTE.exec(line);
    if (q) {
      if (!quote.length) flush();
      quote.push(q[1]);
      continue;
    }
    if (list && /^\s+\S/.test(line)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`; // continuation of a list item
      continue;
    }
    if (list || quote.length) flush();
    paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

/** `**bold**`, `*italic*`/`_italic_`, `` `code` ``, `[text](url)` (text only) and `\` escapes. */
export function inlineSpans(text: string): InlineSpan[] {
  const spans: InlineSpan[] = [];
  const push = (t: string, style: Omit<InlineSpan, 'text'> = {}) => {
    if (!t) return;
    const last = spans[spans.length - 1];
    if (last && !!last.bold === !!style.bold && !!last.italic === !!style.italic && !!last.code === !!style.code) {
      spans[spans.length - 1] = { ...last, text: last.text + t };
    } else {
      spans.push({ text: t, ...style });
    }
  };
  const walk = (s: string, style: { bold?: boolean; italic?: boolean }) => {
    let i = 0;
    let plain = '';
    const emit = () => {
      push(plain, style);
      plain = '';
    };
    while (i < s.length) {
      const c = s[i];
      if (c === '\\' && i + 1 < s.length && /[!-/:-@[-`{-~]/.test(s[i + 1])) {
        plain += s[i + 1];
        i += 2;
        continue;
      }
      if (c === '`') {
        const end = s.indexOf('`', i + 1);
        if (end > i) {
          emit();
          push(s.slice(i + 1, end), { ...style, code: true });
          i = end + 1;
          continue;
        }
      }
      if ((c === '*' || c === '_') && s[i + 1] === c) {
        const end = s.indexOf(c + c, i + 2);
        if (end > i + 2) {
          emit();
          walk(s.slice(i + 2, end), { ...style, bold: true });
          i = end + 2;
          continue;
        }
      }
      if ((c === '*' || c === '_') && s[i + 1] !== ' ' && (c === '*' || i === 0 || /\W/.test(s[i - 1]))) {
        const end = findClosing(s, c, i + 1);
        if (end > i + 1) {
          emit();
          walk(s.slice(i + 1, end), { ...style, italic: true });
          i = end + 1;
          continue;
        }
      }
      if (c === '[') {
        const link = /^\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/.exec(s.slice(i));
        if (link) {
          emit();
          walk(link[1], style);
          i += link[0].length;
          continue;
        }
      }
      plain += c;
      i++;
    }
    emit();
  };
  walk(text, {});
  return spans;
}

function findClosing(s: string, marker: string, from: number): number {
  for (let j = from; j < s.length; j++) {
    if (s[j] === '\\') {
      j++;
      continue;
    }
    if (s[j] === marker && s[j - 1] !== ' ' && s[j + 1] !== marker && (marker === '*' || j === s.length - 1 || /\W/.test(s[j + 1]))) return j;
  }
  return -1;
}

/** Plain text of spans (for checks and screen readers). */
export function spansText(spans: readonly InlineSpan[]): string {
  return spans.map((s) => s.text).join('');
}

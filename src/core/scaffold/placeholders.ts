// Pure logic: stays free of vscode.
// `{{name}}` placeholders in templates and file-name patterns. An unknown name is an
// error that names it (and where it is), never text that ships to the blog by accident.
// `\{{name}}` writes a literal `{{name}}`. Hugo shortcodes (`{{< … >}}`, `{{% … %}}`) and
// Go templates (`{{ .Title }}`) do not match and pass through untouched.
import { messageAndNotice, notice, type CoreNotice } from '../notices';

/** Every placeholder a post template may use, with what it becomes. */
export const POST_PLACEHOLDERS = {
  title: 'the title you typed',
  slug: 'the title as a file-name-safe slug',
  date: "today's date, YYYY-MM-DD",
  datetime: 'now, ISO 8601 with your UTC offset',
  year: 'four-digit year',
  month: 'two-digit month',
  day: 'two-digit day of the month',
  kind: 'the template kind (til, tutorial, …)',
  tags: 'the tags (a list in front matter, comma-separated in text)',
  selection: 'the selected text; code becomes a fenced block in its language',
  selectionLanguage: "the selection's language id (python, typescript, …)",
  selectionSource: 'a "From file, lines N-M" link to the selected lines, when known',
  sourceFile: 'the path of the file the selection came from',
  permalink: 'a link to the selected lines at the current commit (GitHub, GitLab, Bitbucket)',
  repoUrl: 'the web address of the git remote `origin`',
  cursor: 'where the cursor lands when the file opens',
} as const;

export type PostPlaceholder = keyof typeof POST_PLACEHOLDERS;
export type PlaceholderValue = string | readonly string[];
export type PlaceholderValues = Partial<Record<string, PlaceholderValue>>;

export class TemplateError extends Error {
  /** The same message as an id and values, for the extension to say in the display language. */
  readonly notice?: CoreNotice;
  constructor(
    what: string | CoreNotice,
    readonly file?: string,
    readonly line?: number,
  ) {
    const { message, notice: n } = messageAndNotice(what);
    super(message);
    this.name = 'TemplateError';
    this.notice = n;
  }
}

/** Group 1: a backslash (escape); group 2: the name. */
const PLACEHOLDER = /(\\?)\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g;

export interface PlaceholderUse {
  name: string;
  /** 1-based line in the text. */
  line: number;
  index: number;
  escaped: boolean;
}

export function findPlaceholders(text: string): PlaceholderUse[] {
  const uses: PlaceholderUse[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const index = m.index ?? 0;
    uses.push({ name: m[2], index, line: lineAt(text, index), escaped: m[1] === '\\' });
  }
  return uses;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Throws TemplateError for the first unknown placeholder, suggesting the closest known one. */
export function assertKnownPlaceholders(text: string, known: readonly string[], where: { file?: string; lineOffset?: number } = {}): void {
  for (const use of findPlaceholders(text)) {
    if (use.escaped || known.includes(use.name)) continue;
    const line = use.line + (where.lineOffset ?? 0);
    throw new TemplateError(unknownMessage(use.name, known, where.file, line), where.file, line);
  }
}

function unknownMessage(name: string, known: readonly string[], file: string | undefined, line: number): CoreNotice {
  const place = file ? notice('templatePlaceInFile', file, line) : notice('templatePlaceLine', line);
  const close = closest(name, known);
  const knownList = known.map((k) => `{{${k}}}`).join(' ');
  // Whole sentences, with and without the suggestion: a translator never sees half of one.
  return close
    ? notice('templateUnknownPlaceholderDidYouMean', `{{${name}}}`, place, `{{${close}}}`, knownList)
    : notice('templateUnknownPlaceholder', `{{${name}}}`, place, knownList);
}

function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

export function valueAsText(value: PlaceholderValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.join(', ');
}

export interface RenderedText {
  text: string;
  /** Offset of the first {{cursor}} in `text`, if any. */
  cursor?: number;
}

/**
 * Replaces placeholders in one pass (inserted values are never scanned again, so a
 * selection containing `{{title}}` stays as typed). Unknown names throw TemplateError.
 */
export function renderPlaceholders(text: string, values: PlaceholderValues, known: readonly string[], where: { file?: string; lineOffset?: number } = {}): RenderedText {
  assertKnownPlaceholders(text, known, where);
  let out = '';
  let last = 0;
  let cursor: number | undefined;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const index = m.index ?? 0;
    out += text.slice(last, index);
    last = index + m[0].length;
    if (m[1] === '\\') {
      out += m[0].slice(1);
      continue;
    }
    if (m[2] === 'cursor') {
      cursor ??= out.length;
      continue;
    }
    out += valueAsText(values[m[2]]);
  }
  out += text.slice(last);
  return { text: out, cursor };
}

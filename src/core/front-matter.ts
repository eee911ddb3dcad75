// Pure logic: stays free of vscode.
// The one place that calls gray-matter. It is always called with explicit options (its
// no-options cache shares objects between calls) and every engine that could evaluate
// code (`---js`, `---javascript`, `---coffee`) is replaced by one that refuses.
import matter from 'gray-matter';
import { messageAndNotice, notice, type CoreNotice } from './notices';

export type FrontMatterData = Record<string, unknown>;

export interface ParsedFrontMatter {
  data: FrontMatterData;
  /** Text after the closing delimiter, exactly as in the file. */
  body: string;
  /** True when the text starts with a front-matter block. */
  hasFrontMatter: boolean;
}

export class FrontMatterError extends Error {
  /** The same message as an id and values, for the extension to say in the display language. */
  readonly notice?: CoreNotice;
  constructor(what: string | CoreNotice, readonly line?: number) {
    const { message, notice: n } = messageAndNotice(what);
    super(message);
    this.name = 'FrontMatterError';
    this.notice = n;
  }
}

function refuse(language: string) {
  return () => {
    throw new FrontMatterError(notice('frontMatterRunsCode', language));
  };
}

const safeEngines = {
  js: { parse: refuse('JavaScript'), stringify: refuse('JavaScript') },
  javascript: { parse: refuse('JavaScript'), stringify: refuse('JavaScript') },
  coffee: { parse: refuse('CoffeeScript'), stringify: refuse('CoffeeScript') },
  coffeescript: { parse: refuse('CoffeeScript'), stringify: refuse('CoffeeScript') },
};

/** gray-matter options that never evaluate code. Exported for tests. */
export const SAFE_MATTER_OPTIONS = { engines: safeEngines, language: 'yaml' } as const;

/** Languages we accept after the opening `---` (e.g. `---yaml`). */
const ALLOWED_LANGUAGES = new Set(['', 'yaml', 'yml']);

/**
 * The line that closes a front-matter block: exactly `---`, as Hugo and Jekyll read it, after a
 * line feed (not the `m` flag: it would also take a lone CR or U+2028 for a line start).
 */
const CLOSING_LINE = /(?:^|\n)---[ \t]*(?=\r?\n|$)/;

/**
 * Parses YAML front matter. Throws FrontMatterError with a readable message for
 * non-YAML languages, a block that is never closed, malformed YAML and YAML that is not a
 * set of fields; never evaluates code.
 */
export function parseFrontMatter(text: string): ParsedFrontMatter {
  const firstLine = /^\uFEFF?---([^\r\n]*)\r?\n/.exec(text);
  // `----…` opens a horizontal rule, not front matter (as gray-matter and the site generators read it).
  if (!firstLine || firstLine[1].startsWith('-')) return { data: {}, body: text, hasFrontMatter: false };
  const language = firstLine[1].trim().toLowerCase();
  if (!ALLOWED_LANGUAGES.has(language)) {
    throw new FrontMatterError(notice('frontMatterNotYaml', firstLine[1].trim()), 1);
  }
  // The block ends at the first line that is exactly `---`. gray-matter would end it at any
  // line that starts with `---` (a `----` inside the YAML), or run to the end of the file
  // when nothing closes it: so we find the end, and hand gray-matter the block alone.
  const afterOpening = firstLine.index + firstLine[0].length;
  const close = CLOSING_LINE.exec(text.slice(afterOpening));
  if (!close) throw new FrontMatterError(notice('frontMatterUnclosed'), 1);
  const closeStart = afterOpening + close.index + (close[0].startsWith('\n') ? 1 : 0);
  const block = text.slice(afterOpening, closeStart);
  const closeEnd = afterOpening + close.index + close[0].length;
  const body = text.slice(text.startsWith('\r\n', closeEnd) ? closeEnd + 2 : text[closeEnd] === '\n' ? closeEnd + 1 : closeEnd);
  let data: unknown;
  try {
    // gray-matter gets the block closed by a delimiter it cannot meet inside it (YAML allows
    // no NUL), so it parses exactly the block. A fresh options object each call: gray-matter
    // caches results when no options are given.
    if (block.includes('\0')) throw new FrontMatterError(notice('frontMatterHasNul'));
    const options = { ...SAFE_MATTER_OPTIONS, engines: { ...safeEngines }, delimiters: ['---', '\0'] as [string, string] };
    data = matter(`---${firstLine[1]}\n${block}\n\0`, options).data;
  } catch (err) {
    if (err instanceof FrontMatterError) throw err;
    const e = err as { message?: string; mark?: { line?: number }; reason?: string };
    // YAML's zero-based line in the block is the file's one-based line minus one (the `---`).
    const line = typeof e.mark?.line === 'number' ? e.mark.line + 1 : undefined;
    // The sentence adds its own full stop.
    const reason = String(e.reason ?? e.message ?? err).replace(/\.+\s*$/, '');
    throw new FrontMatterError(line ? notice('frontMatterInvalidYamlAtLine', line, reason) : notice('frontMatterInvalidYaml', reason), line);
  }
  // A block of `key: value` fields, or nothing at all; a lone sentence between two rules is
  // not front matter a site generator would read, and its text must not vanish silently.
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new FrontMatterError(notice('frontMatterNotFields'), 2);
  }
  return { data: (data ?? {}) as FrontMatterData, body, hasFrontMatter: true };
}

/** Writes `data` as a YAML front-matter block followed by `body`. */
export function stringifyFrontMatter(body: string, data: FrontMatterData): string {
  // js-yaml writes each character beyond U+FFFF (an emoji) as an escape such as `\U0001F680`:
  // a title should read as typed. Such characters go in as private-use stand-ins, which it
  // writes as they are, and come back out of the block after it (never out of the body).
  const standIns = new Map<string, string>();
  const swap = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(/[\u{10000}-\u{10FFFF}]/gu, (char) => {
        let standIn = standIns.get(char);
        if (standIn === undefined) standIns.set(char, (standIn = String.fromCharCode(STAND_IN_FIRST + standIns.size)));
        return standIn;
      });
    }
    if (Array.isArray(value)) return value.map(swap);
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [swap(k), swap(v)]));
    }
    return value;
  };
  const options = { ...SAFE_MATTER_OPTIONS, engines: { ...safeEngines } };
  const plain = () => matter.stringify(body, data, options);
  if (STAND_IN_RANGE.test(JSON.stringify(data) ?? '')) return plain(); // stand-ins would be ambiguous
  const swapped = swap(data) as FrontMatterData;
  if (standIns.size === 0 || standIns.size > STAND_IN_COUNT) return plain();
  const text = matter.stringify(body, swapped, { ...options });
  const blockEnd = text.indexOf('\n---\n', 3);
  if (!text.startsWith('---\n') || blockEnd === -1) return plain();
  const back = new Map([...standIns].map(([char, standIn]) => [standIn, char]));
  return text.slice(0, blockEnd).replace(STAND_IN_RANGE_GLOBAL, (standIn) => back.get(standIn) ?? standIn) + text.slice(blockEnd);
}

/** The private-use characters standing in for characters beyond U+FFFF while js-yaml writes. */
const STAND_IN_FIRST = 0xe000;
const STAND_IN_COUNT = 0x1900;
const STAND_IN_RANGE = /[\ue000-\uf8ff]/;
const STAND_IN_RANGE_GLOBAL = /[\ue000-\uf8ff]/g;

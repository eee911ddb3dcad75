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
 * Parses YAML front matter. Throws FrontMatterError with a readable message for
 * non-YAML languages and malformed YAML; never evaluates code.
 */
export function parseFrontMatter(text: string): ParsedFrontMatter {
  const firstLine = /^\uFEFF?---([^\r\n]*)\r?\n/.exec(text);
  if (!firstLine) return { data: {}, body: text, hasFrontMatter: false };
  const language = firstLine[1].trim().toLowerCase();
  if (!ALLOWED_LANGUAGES.has(language)) {
    throw new FrontMatterError(notice('frontMatterNotYaml', firstLine[1].trim()), 1);
  }
  try {
    // A fresh options object each call: gray-matter caches results when no options are given.
    const result = matter(text, { ...SAFE_MATTER_OPTIONS, engines: { ...safeEngines } });
    const data = result.data && typeof result.data === 'object' && !Array.isArray(result.data) ? (result.data as FrontMatterData) : {};
    return { data, body: result.content, hasFrontMatter: true };
  } catch (err) {
    if (err instanceof FrontMatterError) throw err;
    const e = err as { message?: string; mark?: { line?: number }; reason?: string };
    // gray-matter hands YAML the text from the newline after `---`, so YAML's zero-based line
    // number is already offset by one: +1 makes it the file's one-based line.
    const line = typeof e.mark?.line === 'number' ? e.mark.line + 1 : undefined;
    const reason = e.reason ?? e.message ?? String(err);
    throw new FrontMatterError(line ? notice('frontMatterInvalidYamlAtLine', line, reason) : notice('frontMatterInvalidYaml', reason), line);
  }
}

/** Writes `data` as a YAML front-matter block followed by `body`. */
export function stringifyFrontMatter(body: string, data: FrontMatterData): string {
  return matter.stringify(body, data, { ...SAFE_MATTER_OPTIONS, engines: { ...safeEngines } });
}

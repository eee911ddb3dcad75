// Pure logic: stays free of vscode.
// Adds or updates the progress card's `<picture>` block in a README between two marker
// comments, leaving every other byte of the README as it was (line endings included).
// Ambiguous markers (one alone, the pair twice, end before start) are refused with the
// line numbers, because guessing could delete the user's own text.

export const CARD_MARKER_START = '<!-- learn-in-public:card:start -->';
export const CARD_MARKER_END = '<!-- learn-in-public:card:end -->';

export interface CardPictureOptions {
  /** Paths of the two SVGs relative to the README's folder (forward slashes). */
  lightSrc: string;
  darkSrc: string;
  /** Alternative text for the image (what a screen reader says on GitHub). */
  alt: string;
}

export type ReadmeUpdate =
  | { ok: true; text: string; action: 'added' | 'updated' | 'unchanged' }
  | { ok: false; message: string; lines: number[] };

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\r\n]+/g, ' ');
}

/** A relative path made safe for `src`/`srcset` (spaces and commas would split a srcset). */
function encodeSrc(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/**
 * The `<picture>` block GitHub understands: the dark SVG for `prefers-color-scheme: dark`,
 * the light one otherwise. Lines joined with `eol`.
 */
export function cardPictureBlock(opts: CardPictureOptions, eol = '\n'): string {
  return [
    '<picture>',
    `  <source media="(prefers-color-scheme: dark)" srcset="${escapeAttribute(encodeSrc(opts.darkSrc))}">`,
    `  <source media="(prefers-color-scheme: light)" srcset="${escapeAttribute(encodeSrc(opts.lightSrc))}">`,
    `  <img alt="${escapeAttribute(opts.alt)}" src="${escapeAttribute(encodeSrc(opts.lightSrc))}">`,
    '</picture>',
  ].join(eol);
}

/** The line ending the file already uses: the first one found, `\n` for a file without any. */
export function detectLineEnding(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** 1-based line number of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function offsetsOf(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

/**
 * Puts `block` (lines separated by `\n`; converted to the README's own line ending)
 * between the card markers: replaced when the pair exists once, appended at the end
 * (with the markers) when there is none, refused otherwise.
 */
export function upsertCardBlock(readme: string, block: string, fileName = 'README.md'): ReadmeUpdate {
  const eol = detectLineEnding(readme);
  const body = block.replace(/\r?\n/g, eol);
  const starts = offsetsOf(readme, CARD_MARKER_START);
  const ends = offsetsOf(readme, CARD_MARKER_END);
  const startLines = starts.map((o) => lineOf(readme, o));
  const endLines = ends.map((o) => lineOf(readme, o));
  const lines = [...startLines, ...endLines].sort((a, b) => a - b);
  const list = (ns: number[]) => (ns.length === 1 ? `line ${ns[0]}` : `lines ${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}`);

  if (starts.length === 0 && ends.length === 0) {
    const section = `${CARD_MARKER_START}${eol}${body}${eol}${CARD_MARKER_END}${eol}`;
    if (readme.length === 0) return { ok: true, text: section, action: 'added' };
    const separator = readme.endsWith(eol + eol) ? '' : readme.endsWith('\n') ? eol : eol + eol;
    return { ok: true, text: readme + separator + section, action: 'added' };
  }
  if (starts.length === 1 && ends.length === 0) {
    return { ok: false, lines, message: `${fileName} has the card's start marker on ${list(startLines)} but no end marker (${CARD_MARKER_END}). Add it after the card, or remove the start marker, then try again.` };
  }
  if (starts.length === 0 && ends.length === 1) {
    return { ok: false, lines, message: `${fileName} has the card's end marker on ${list(endLines)} but no start marker (${CARD_MARKER_START}). Add it before the card, or remove the end marker, then try again.` };
  }
  if (starts.length > 1 || ends.length > 1) {
    return { ok: false, lines, message: `${fileName} has the card's markers more than once (start on ${list(startLines)}, end on ${list(endLines)}). Keep one pair, then try again.` };
  }
  if (ends[0] < starts[0]) {
    return { ok: false, lines, message: `${fileName} has the card's end marker (line ${endLines[0]}) before its start marker (line ${startLines[0]}). Swap or remove them, then try again.` };
  }
  const innerStart = starts[0] + CARD_MARKER_START.length;
  const replacement = `${eol}${body}${eol}`;
  if (readme.slice(innerStart, ends[0]) === replacement) return { ok: true, text: readme, action: 'unchanged' };
  return { ok: true, text: readme.slice(0, innerStart) + replacement + readme.slice(ends[0]), action: 'updated' };
}

/** Picks the README to update among a folder's entries (README.md first, any case), if any. */
export function findReadmeName(entries: readonly string[]): string | undefined {
  const candidates = ['readme.md', 'readme.markdown', 'readme.mdown', 'readme'];
  for (const wanted of candidates) {
    const matches = entries.filter((e) => e.toLowerCase() === wanted);
    if (matches.length > 0) return matches.find((e) => e.startsWith('README')) ?? matches[0];
  }
  return undefined;
}

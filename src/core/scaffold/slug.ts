// Pure logic: stays free of vscode.
// Titles → slugs that are safe as a file or folder name on every OS: no path separators,
// no dots, no Windows device names, bounded length, never empty.

/** Longest slug we produce (in characters); keeps full paths far below OS limits. */
export const MAX_SLUG_LENGTH = 80;

/** Names Windows reserves for devices, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

export interface SlugOptions {
  /** Used when nothing usable is left of the title. */
  fallback?: string;
  maxLength?: number;
}

/**
 * `"Notes on: Getting an ML job!"` → `notes-on-getting-an-ml-job`.
 * Letters and digits of any script are kept (lower-cased, accents removed); everything
 * else — slashes, dots, emoji, punctuation — becomes a single dash.
 */
export function slugify(title: string, options: SlugOptions = {}): string {
  const fallback = options.fallback ?? 'untitled-post';
  const maxLength = Math.max(8, options.maxLength ?? MAX_SLUG_LENGTH);
  let slug = slugWords(title, maxLength);
  if (!slug) slug = fallback === '' ? 'untitled-post' : slugify(fallback, { fallback: 'untitled-post', maxLength });
  if (WINDOWS_RESERVED.test(slug)) slug = `${slug}-post`;
  return slug;
}

/**
 * The words of `text` as a slug of at most `maxLength` code points, cut at a dash where one
 * is near: '' when no letter or digit is left. The base of every file-name slug (posts,
 * interview notes); callers add their own fallback.
 */
export function slugWords(text: string, maxLength: number): string {
  const folded = text
    .normalize('NFKD')
    .replace(/(\p{L})(\p{M}+)|\p{M}+/gu, keepScriptMarks)
    .toLowerCase()
    .replace(/[ßæœøłđðþħıŧ]/g, (letter) => LATIN_WITHOUT_DECOMPOSITION[letter] ?? letter)
    .replace(/['’‘`]/g, '') // don't → dont, not don-t
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .normalize('NFC'); // Hangul and kana recomposed, as typed
  return truncateAtDash(folded, maxLength);
}

/**
 * Latin letters Unicode does not split into a base letter and an accent, spelled as their
 * languages write them in ASCII: without this, Łódź would become `łodz`, half converted.
 */
const LATIN_WITHOUT_DECOMPOSITION: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
};

/** Scripts whose accents a slug drops (é → e), as slugs on the web usually do. */
const ACCENTED_SCRIPTS = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;

/**
 * Accents go; the marks other scripts spell with stay (the voicing of ブ, the vowel signs of
 * हिन्दी: without them the word changes). Marks on no letter (emoji variation selectors,
 * keycaps) go too.
 */
function keepScriptMarks(whole: string, base: string | undefined): string {
  if (base === undefined) return '';
  return ACCENTED_SCRIPTS.test(base) ? base : whole;
}

/** Cuts to at most `max` code points, preferring a word boundary, never leaving a dash at the end. */
function truncateAtDash(slug: string, max: number): string {
  const chars = Array.from(slug);
  if (chars.length <= max) return slug;
  const cut = chars.slice(0, max).join('');
  const lastDash = cut.lastIndexOf('-');
  const trimmed = lastDash >= max / 2 ? cut.slice(0, lastDash) : cut;
  return trimmed.replace(/-+$/g, '');
}

/**
 * A title cleaned for front matter: one line, no control characters, trimmed, bounded.
 * Returns '' when nothing is left (callers then ask again or use a fallback).
 */
export function cleanTitle(title: string, maxLength = 300): string {
  const oneLine = title.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(oneLine);
  return chars.length > maxLength ? chars.slice(0, maxLength).join('').trimEnd() : oneLine;
}

/** True when `name` could not be created as a file or folder on some OS we support. */
export function isUnsafeFileName(name: string): boolean {
  if (name === '' || name === '.' || name === '..') return true;
  if (/[\\/:*?"<>|\u0000-\u001f]/.test(name)) return true;
  if (/[. ]$/.test(name)) return true;
  const stem = name.split('.')[0];
  return WINDOWS_RESERVED.test(stem);
}

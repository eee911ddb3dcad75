// Pure logic: stays free of vscode.
// What a user types into the kit's input boxes (a person, a company, a role) and the file
// names made from it. Names may contain anything printable — "AI/ML Engineer", "Zoë",
// "../x" — because they only ever reach the disk through `slugify`, never as a path.
import { slugWords } from '../scaffold/slug';
import { englishText, notice, type CoreNotice } from '../notices';

/** Longer names are almost certainly a paste mistake, and make unusable file names and titles. */
export const MAX_NAME_LENGTH = 120;
/** The slug part of a file name stays short enough for every file system and path limit. */
export const MAX_SLUG_LENGTH = 48;

export type NameCheck = { ok: true; value: string } | { ok: false; message: string; notice: CoreNotice };

const refuse = (n: CoreNotice): NameCheck => ({ ok: false, message: englishText(n), notice: n });

/**
 * Checks one input-box answer. `label` names the field in the message ("The person's name").
 * Required fields refuse empty text; every field refuses control characters and overlong text.
 */
export function checkName(raw: string, label: string, required: boolean): NameCheck {
  const value = raw.replace(/\s+/g, ' ').trim();
  if (/[\u0000-\u001f\u007f]/.test(raw.replace(/[\t\r\n]/g, ''))) {
    return refuse(notice('kitNameControlCharacters', label));
  }
  if (value === '') {
    return required ? refuse(notice('kitNameRequired', label)) : { ok: true, value: '' };
  }
  if (value.length > MAX_NAME_LENGTH) {
    return refuse(notice('kitNameTooLong', label, value.length, MAX_NAME_LENGTH));
  }
  return { ok: true, value };
}

/**
 * A file-name-safe slug: lower case, accents dropped, letters and digits of any script kept,
 * everything else (slashes, dots, spaces) turned into single hyphens. `..` cannot survive it.
 * The scaffold's slug rules, without its fallback: '' when nothing usable is left.
 */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  return slugWords(text, maxLength);
}

/** Joins slugs of the parts, skipping empty ones; `fallback` when nothing is left. */
export function fileStem(parts: readonly string[], fallback: string): string {
  const stem = parts.map((p) => slugify(p)).filter((s) => s !== '').join('-');
  return stem === '' ? fallback : stem;
}

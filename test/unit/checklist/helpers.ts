// Shared helpers for the checklist tests.
import { splitLines, type SourceLine } from '../../../src/core/checklist/markdown';

export interface LineDiff {
  /** Lines kept at the start and end. */
  readonly prefix: number;
  readonly suffix: number;
  readonly removed: SourceLine[];
  readonly added: SourceLine[];
}

/** The one changed region between two texts, line endings included. A byte-order mark must be kept. */
export function diffLines(before: string, after: string): LineDiff {
  const bom = (text: string) => text.startsWith('\uFEFF');
  if (bom(before) !== bom(after)) throw new Error('The byte-order mark was added or lost.');
  const a = splitLines(bom(before) ? before.slice(1) : before);
  const b = splitLines(bom(after) ? after.slice(1) : after);
  const same = (x: SourceLine, y: SourceLine) => x.text === y.text && x.eol === y.eol;
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && same(a[prefix], b[prefix])) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && same(a[a.length - 1 - suffix], b[b.length - 1 - suffix])) suffix++;
  return { prefix, suffix, removed: a.slice(prefix, a.length - suffix), added: b.slice(prefix, b.length - suffix) };
}

/** Lines as written, for building fixtures readably. */
export const lines = (...text: string[]) => text.join('\n') + '\n';

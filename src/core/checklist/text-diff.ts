// Pure logic: stays free of vscode.
// The part of a text an edit changed, so an open editor receives a minimal replacement
// (its undo history and cursor stay meaningful) instead of a whole new document.

/** The smallest span of `oldText` to replace (by whole lines) to get `newText`. */
export function changedRange(oldText: string, newText: string): { start: number; end: number; replacement: string } {
  let start = 0;
  const limit = Math.min(oldText.length, newText.length);
  while (start < limit && oldText[start] === newText[start]) start++;
  // Back to the start of the line, so the edit replaces whole lines.
  while (start > 0 && oldText[start - 1] !== '\n') start--;
  let suffix = 0;
  while (suffix < oldText.length - start && suffix < newText.length - start && oldText[oldText.length - 1 - suffix] === newText[newText.length - 1 - suffix]) suffix++;
  // Forward to the end of the line, for the same reason.
  while (suffix > 0 && oldText[oldText.length - suffix] !== '\n' && oldText[oldText.length - suffix] !== '\r') suffix--;
  return { start, end: oldText.length - suffix, replacement: newText.slice(start, newText.length - suffix) };
}

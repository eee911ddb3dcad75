// Pure logic: stays free of vscode.
// Intervals as flashcard tools show them on rating buttons: 1d, 6d, 3w, 2.5mo, 1.2y.

export type IntervalUnit = 'd' | 'w' | 'mo' | 'y';

export interface CompactInterval {
  /** Rounded to one decimal for months and years, whole otherwise. */
  readonly value: number;
  readonly unit: IntervalUnit;
}

export function compactInterval(days: number): CompactInterval {
  const d = Math.max(0, Math.round(days));
  if (d < 14) return { value: d, unit: 'd' };
  if (d < 60) return { value: Math.round(d / 7), unit: 'w' };
  if (d < 365) return { value: Math.round((d / 30.4) * 10) / 10, unit: 'mo' };
  return { value: Math.round((d / 365.25) * 10) / 10, unit: 'y' };
}

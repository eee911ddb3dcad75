// Pure logic: stays free of vscode.
// Commit counts per day, and the compact commit keys that let the tracker count a commit
// present in several repositories (a fork and its clone) once.

/** `YYYY-MM-DD` → number of the user's commits that day. */
export type DayCounts = Map<string, number>;

export function addDayCounts(into: DayCounts, from: ReadonlyMap<string, number>): DayCounts {
  for (const [day, n] of from) into.set(day, (into.get(day) ?? 0) + n);
  return into;
}

export function totalOf(days: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const n of days.values()) total += n;
  return total;
}

/** Days as a plain object with sorted keys (stable JSON for the cache). */
export function dayCountsToObject(days: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const day of [...days.keys()].sort()) out[day] = days.get(day)!;
  return out;
}

/**
 * A commit key packs the commit's day (days since 1970, < 2^18) and the first 35 bits of its
 * SHA into one exactly-representable double: `day · 2^35 + shaBits`. Two commits collide
 * only with the same 35-bit prefix on the same day (≈ n²/2^36 for n commits that day), so a
 * key is a safe dedup id at 8 bytes per commit. The keys are kept only when two or more
 * repositories are scanned together; with one repository memory grows with days only.
 */
export const KEY_SHA_BITS = 2 ** 35;
export const MAX_KEY_DAY = 2 ** 18;

export function commitKey(dayNumber: number, shaBits35: number): number {
  return dayNumber * KEY_SHA_BITS + shaBits35;
}

export function dayNumberOfKey(key: number): number {
  return Math.floor(key / KEY_SHA_BITS);
}

/** The first 35 bits of a hex SHA (its first 9 hex digits, halved). */
export function shaBits35(sha: string): number {
  return Math.floor(parseInt(sha.slice(0, 9), 16) / 2);
}

/** A growable list of commit keys (one Float64Array, doubled when full). */
export class CommitKeyList {
  private data: Float64Array;
  private count = 0;

  constructor(initial?: Float64Array) {
    this.data = initial ? initial.slice() : new Float64Array(1024);
    this.count = initial ? initial.length : 0;
  }

  get length(): number {
    return this.count;
  }

  push(key: number): void {
    if (this.count === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.count++] = key;
  }

  /** The keys, sorted ascending (a fresh array). */
  sorted(): Float64Array {
    return this.data.slice(0, this.count).sort();
  }
}

/** Merges two ascending key arrays into one ascending array (duplicates kept once). */
export function mergeSortedKeys(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0, j = 0, n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i], y = b[j];
    if (x < y) { out[n++] = x; i++; }
    else if (y < x) { out[n++] = y; j++; }
    else { out[n++] = x; i++; j++; }
  }
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  return n === out.length ? out : out.slice(0, n);
}

/**
 * Day counts over several repositories with each commit counted once: the per-repository
 * counts added up, minus one for every key already seen in an earlier repository.
 * `keys[r]` must be ascending; a repository without keys cannot share commits with others.
 */
export function combineRepositories(
  repos: ReadonlyArray<{ readonly days: ReadonlyMap<string, number>; readonly keys?: Float64Array }>,
  dayKeyFromNumber: (n: number) => string,
): { days: DayCounts; duplicates: number } {
  const days: DayCounts = new Map();
  for (const r of repos) addDayCounts(days, r.days);
  let union: Float64Array | undefined;
  let duplicates = 0;
  for (const r of repos) {
    if (!r.keys || r.keys.length === 0) continue;
    if (!union) {
      union = r.keys;
      continue;
    }
    const a = union, b = r.keys;
    let i = 0;
    for (let j = 0; j < b.length; j++) {
      const y = b[j];
      while (i < a.length && a[i] < y) i++;
      if (i < a.length && a[i] === y) {
        duplicates++;
        const day = dayKeyFromNumber(dayNumberOfKey(y));
        const left = (days.get(day) ?? 0) - 1;
        if (left > 0) days.set(day, left);
        else days.delete(day);
      }
    }
    union = mergeSortedKeys(a, b);
  }
  return { days, duplicates };
}

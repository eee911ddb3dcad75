// Pure logic: stays free of vscode.
// Calendar days in a chosen IANA time zone. A "day key" is `YYYY-MM-DD` in that zone.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The machine's own time zone (what a user means by "today" unless they set one). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Throws a readable error for a zone name Intl does not know. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`"${timeZone}" is not a known time zone (expected an IANA name such as Europe/Berlin).`);
  }
}

function keyFromParts(f: Intl.DateTimeFormat, epochMs: number): string {
  let y = '', m = '', d = '';
  for (const p of f.formatToParts(epochMs)) {
    if (p.type === 'year') y = p.value;
    else if (p.type === 'month') m = p.value;
    else if (p.type === 'day') d = p.value;
  }
  return `${y.padStart(4, '0')}-${m}-${d}`;
}

/**
 * Day-key cache per zone, by 15-minute slot: every modern UTC offset is a multiple of
 * 15 minutes, so local midnight falls on a slot boundary and one slot maps to one day.
 * Some historic offsets were not (Kiritimati was UTC-10:40 until 1979, Liberia -0:44:30):
 * a slot whose two ends fall on different days is not cached, and the instant itself is
 * asked. This keeps Intl (slow, ~µs per call) off the per-commit hot path.
 */
const slotCaches = new Map<string, Map<number, string>>();
const SLOT_SECONDS = 900;

/** `YYYY-MM-DD` of the instant `epochSeconds` in `timeZone`. */
export function dayKeyFor(epochSeconds: number, timeZone: string): string {
  let cache = slotCaches.get(timeZone);
  if (!cache) {
    cache = new Map();
    slotCaches.set(timeZone, cache);
  }
  const slot = Math.floor(epochSeconds / SLOT_SECONDS);
  let key = cache.get(slot);
  if (key === undefined) {
    const f = formatterFor(timeZone);
    key = keyFromParts(f, slot * SLOT_SECONDS * 1000);
    if (keyFromParts(f, (slot * SLOT_SECONDS + SLOT_SECONDS - 1) * 1000) !== key) return keyFromParts(f, epochSeconds * 1000);
    if (cache.size > 500_000) cache.clear();
    cache.set(slot, key);
  }
  return key;
}

/** Day key → days since 1970-01-01 (calendar arithmetic, no time zone involved). */
export function dayNumber(dayKey: string): number {
  const [y, m, d] = dayKey.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

/**
 * Days since 1970-01-01 → day key. Civil-calendar arithmetic (the proleptic Gregorian
 * calendar, as Date uses) rather than a Date and toISOString per call: a scan turns every
 * active day into a key, thousands per repository.
 */
export function dayKeyFromNumber(n: number): string {
  // Days counted from 0000-03-01, so that the leap day ends each 4/100/400-year cycle.
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1000 || year > 9999) return new Date(n * 86_400_000).toISOString().slice(0, 10); // ISO's own padding
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** 0 = Sunday … 6 = Saturday, for a day key. */
export function weekdayOf(dayKey: string): number {
  return (dayNumber(dayKey) + 4) % 7; // 1970-01-01 was a Thursday
}

/** Adds `delta` days to a day key. */
export function addDays(dayKey: string, delta: number): string {
  return dayKeyFromNumber(dayNumber(dayKey) + delta);
}

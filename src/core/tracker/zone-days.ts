// Pure logic: stays free of vscode.
// The local calendar day of an instant, fast enough for a million commits. Intl gives the
// right answer but costs microseconds per call; commits spread over years hit a new
// 15-minute slot almost every time, so calendar.ts's slot cache alone spent ~0.5 s per 100k
// commits here (measured). Instead we ask Intl for the zone's UTC offset at the start of each
// UTC week (a sample shared with the week before) and do arithmetic in between; a week with
// a transition (DST, a zone change such as Samoa skipping 2011-12-30) is bisected to the
// second. Assumes at most one transition per week, true of every zone in the tz database
// since 1970. Agrees with calendar.ts's dayKeyFor (property-tested in
// test/unit/tracker/git-log-reader.test.ts).

interface WeekOffsets {
  /** Offset (seconds east of UTC) in force from the start of the week… */
  readonly before: number;
  /** …and from the instant `changeAt` to its end. */
  readonly after: number;
  readonly changeAt: number;
}

const SECONDS_PER_DAY = 86_400;
const SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;

export class ZoneDays {
  private static readonly shared = new Map<string, ZoneDays>();

  /**
   * One instance per zone for the whole process: a refresh then finds the offsets of recent
   * weeks already known, and skips building an Intl formatter (~0.5 ms each time, measured).
   */
  static for(timeZone: string): ZoneDays {
    let zone = ZoneDays.shared.get(timeZone);
    if (!zone) {
      zone = new ZoneDays(timeZone);
      if (ZoneDays.shared.size >= 8) ZoneDays.shared.clear();
      ZoneDays.shared.set(timeZone, zone);
    }
    return zone;
  }

  private readonly format: Intl.DateTimeFormat;
  private readonly byWeek = new Map<number, WeekOffsets>();
  private readonly byBoundary = new Map<number, number>();
  private lastWeek = Number.NaN;
  private last: WeekOffsets | undefined;

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Days since 1970-01-01 of the local calendar date at `epochSeconds`. */
  dayNumberAt(epochSeconds: number): number {
    const week = Math.floor(epochSeconds / SECONDS_PER_WEEK);
    let offsets = this.last;
    if (week !== this.lastWeek || !offsets) {
      offsets = this.byWeek.get(week);
      if (!offsets) {
        offsets = this.offsetsForWeek(week);
        if (this.byWeek.size > 100_000) this.byWeek.clear();
        this.byWeek.set(week, offsets);
      }
      this.lastWeek = week;
      this.last = offsets;
    }
    const offset = epochSeconds < offsets.changeAt ? offsets.before : offsets.after;
    return Math.floor((epochSeconds + offset) / SECONDS_PER_DAY);
  }

  /**
   * UTC offset in seconds at an instant, from Intl's wall-clock reading. The en-US numeric
   * form is "M/D/YYYY, HH:MM:SS"; reading its six numbers costs half of what formatToParts
   * does (~3 vs ~7.5 µs a call, measured), which adds up over the weeks of a long history.
   */
  offsetAt(epochSeconds: number): number {
    const text = this.format.format(epochSeconds * 1000);
    const numbers = text.match(/\d+/g);
    if (!numbers || numbers.length !== 6) throw new Error(`Unexpected date format from Intl: ${text}`);
    const [mo, d, y, h, mi, s] = numbers.map(Number);
    const date = new Date(0);
    date.setUTCFullYear(y, mo - 1, d);
    date.setUTCHours(h, mi, s, 0);
    return Math.round(date.getTime() / 1000 - epochSeconds);
  }

  /** Offset at the first second of a week; shared by that week and the one before it. */
  private boundaryOffset(week: number): number {
    let offset = this.byBoundary.get(week);
    if (offset === undefined) {
      offset = this.offsetAt(week * SECONDS_PER_WEEK);
      if (this.byBoundary.size > 100_000) this.byBoundary.clear();
      this.byBoundary.set(week, offset);
    }
    return offset;
  }

  private offsetsForWeek(week: number): WeekOffsets {
    // Sampled at this week's first second and the next week's: adjacent weeks share a sample,
    // so a history walked week by week costs one Intl call per week, not two (the first
    // Intl calls of a process are slow: ~30 µs each).
    const start = week * SECONDS_PER_WEEK;
    const next = start + SECONDS_PER_WEEK;
    const before = this.boundaryOffset(week);
    const after = this.boundaryOffset(week + 1);
    if (before === after) return { before, after, changeAt: next };
    // Bisect to the first second with the new offset (`next` itself when the change falls
    // exactly on the boundary: the whole week keeps `before`). Quarter hours first: nearly
    // every change falls on one, which one more call confirms (11 Intl calls per change, not
    // 20); one that does not (St. John's changed at 00:01 local until 2011) is bisected on to
    // the second.
    const QUARTER = 900;
    let lo = start, hi = next;
    while (hi - lo > QUARTER) {
      const mid = start + Math.floor((lo - start + hi - start) / 2 / QUARTER) * QUARTER;
      if (this.offsetAt(mid) === before) lo = mid;
      else hi = mid;
    }
    if (this.offsetAt(hi - 1) !== before) {
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.offsetAt(mid) === before) lo = mid;
        else hi = mid;
      }
    }
    return { before, after, changeAt: hi };
  }
}

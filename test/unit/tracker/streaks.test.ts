import assert from 'node:assert/strict';
import { dayKeyFor } from '../../../src/core/tracker/calendar';
import {
  computeStreaks,
  countPerDay,
  mergeLearningActivity,
  parseCountAsLearning,
  parseRestDays,
} from '../../../src/core/tracker/streaks';

// June 2025: Fri 6, Sat 7, Sun 8, Mon 9, Tue 10, Wed 11, Thu 12.
const SAT_SUN = [6, 0];

function days(...keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** Epoch seconds of a wall-clock time written with its explicit UTC offset. */
const at = (isoWithOffset: string): number => Date.parse(isoWithOffset) / 1000;

/** Day counts for commits at these instants, as the user in `zone` sees them. */
const daysIn = (zone: string, ...instants: string[]): Map<string, number> => countPerDay(instants.map(at), (t) => dayKeyFor(t, zone));

describe('streaks: daily rules', () => {
  it('no activity at all gives no streak and nothing at risk', () => {
    const s = computeStreaks(new Map(), { today: '2025-06-11' });
    assert.deepEqual(s, { unit: 'day', current: { length: 0, atRisk: false }, longest: { length: 0 } });
  });

  it('consecutive active days up to today make the current streak, with its dates', () => {
    const s = computeStreaks(days('2025-06-09', '2025-06-10', '2025-06-11', '2025-06-11'), { today: '2025-06-11' });
    assert.deepEqual(s.current, { length: 3, start: '2025-06-09', end: '2025-06-11', atRisk: false });
    assert.deepEqual(s.longest, { length: 3, start: '2025-06-09', end: '2025-06-11' });
  });

  it('today without activity keeps the streak alive, counted up to yesterday, and marks it at risk', () => {
    const s = computeStreaks(days('2025-06-09', '2025-06-10'), { today: '2025-06-11' });
    assert.deepEqual(s.current, { length: 2, start: '2025-06-09', end: '2025-06-10', atRisk: true });
  });

  it('a whole missed day breaks the current streak but the longest remembers it', () => {
    const s = computeStreaks(days('2025-06-08', '2025-06-09'), { today: '2025-06-11' });
    assert.deepEqual(s.current, { length: 0, atRisk: false });
    assert.deepEqual(s.longest, { length: 2, start: '2025-06-08', end: '2025-06-09' });
  });

  it('days with a zero or negative count, and malformed keys, do not count', () => {
    const m = new Map<string, number>([
      ['2025-06-10', 0],
      ['2025-06-11', -2],
      ['2025-6-9', 3],
      ['2025-02-30', 1],
      ['not a day', 1],
    ]);
    const s = computeStreaks(m, { today: '2025-06-11' });
    assert.equal(s.current.length, 0);
    assert.equal(s.longest.length, 0);
  });

  it('activity dated in the future is ignored', () => {
    const s = computeStreaks(days('2025-06-10', '2025-06-12', '2025-06-13', '2025-06-14', '2030-01-01'), { today: '2025-06-11' });
    assert.deepEqual(s.current, { length: 1, start: '2025-06-10', end: '2025-06-10', atRisk: true });
    assert.deepEqual(s.longest, { length: 1, start: '2025-06-10', end: '2025-06-10' });
  });

  it('an invalid today is refused with a readable message', () => {
    assert.throws(() => computeStreaks(new Map(), { today: '11/06/2025' }), /not a day key/);
  });

  it('the longest streak is the longest run; on a tie the most recent one wins', () => {
    const s = computeStreaks(days('2025-05-01', '2025-05-02', '2025-05-03', '2025-05-10', '2025-05-11', '2025-05-12', '2025-06-01'), {
      today: '2025-06-11',
    });
    assert.deepEqual(s.longest, { length: 3, start: '2025-05-10', end: '2025-05-12' });
    const longer = computeStreaks(days('2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-10'), { today: '2025-06-11' });
    assert.deepEqual(longer.longest, { length: 4, start: '2025-05-01', end: '2025-05-04' });
  });

  it('the current streak is also the longest when it is the longest run', () => {
    const s = computeStreaks(days('2025-05-01', '2025-06-08', '2025-06-09', '2025-06-10'), { today: '2025-06-11' });
    assert.deepEqual(s.longest, { length: 3, start: '2025-06-08', end: '2025-06-10' });
    assert.equal(s.current.length, 3);
  });

  it('a streak across a month and a year boundary keeps going', () => {
    const s = computeStreaks(days('2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02'), { today: '2025-01-02' });
    assert.deepEqual(s.current, { length: 4, start: '2024-12-30', end: '2025-01-02', atRisk: false });
  });

  it('a leap day is a day like any other', () => {
    const s = computeStreaks(days('2024-02-28', '2024-02-29', '2024-03-01'), { today: '2024-03-01' });
    assert.equal(s.current.length, 3);
    const broken = computeStreaks(days('2024-02-28', '2024-03-01'), { today: '2024-03-01' });
    assert.equal(broken.current.length, 1);
  });

  it('a long history is computed without walking every calendar day', () => {
    const m = new Map<string, number>();
    for (let n = 0; n < 20_000; n++) m.set(new Date(Date.UTC(1980, 0, 1) + n * 86_400_000).toISOString().slice(0, 10), 1);
    const s = computeStreaks(m, { today: '2034-10-04' });
    assert.equal(s.longest.length, 20_000);
    assert.equal(s.longest.start, '1980-01-01');
  });
});

describe('streaks: rest days', () => {
  it('empty rest days bridge a streak and add nothing to its length', () => {
    // Fri active, Sat + Sun empty rest days, Mon + Tue active.
    const s = computeStreaks(days('2025-06-06', '2025-06-09', '2025-06-10'), { today: '2025-06-10', restDays: SAT_SUN });
    assert.deepEqual(s.current, { length: 3, start: '2025-06-06', end: '2025-06-10', atRisk: false });
  });

  it('without rest days the same weekend breaks the streak', () => {
    const s = computeStreaks(days('2025-06-06', '2025-06-09', '2025-06-10'), { today: '2025-06-10' });
    assert.deepEqual(s.current, { length: 2, start: '2025-06-09', end: '2025-06-10', atRisk: false });
  });

  it('rest days never start a streak: it starts on the first active day', () => {
    // Thu missed, Fri missed (workdays), Sat + Sun empty, Mon active.
    const s = computeStreaks(days('2025-06-04', '2025-06-09'), { today: '2025-06-09', restDays: SAT_SUN });
    assert.deepEqual(s.current, { length: 1, start: '2025-06-09', end: '2025-06-09', atRisk: false });
  });

  it('only empty rest days are not a streak', () => {
    const s = computeStreaks(new Map(), { today: '2025-06-08', restDays: SAT_SUN });
    assert.deepEqual(s.current, { length: 0, atRisk: false });
    assert.equal(s.longest.length, 0);
  });

  it('activity on a rest day counts like any day, and can start a streak', () => {
    const s = computeStreaks(days('2025-06-07', '2025-06-09'), { today: '2025-06-09', restDays: SAT_SUN });
    assert.deepEqual(s.current, { length: 2, start: '2025-06-07', end: '2025-06-09', atRisk: false });
  });

  it('an empty rest day today is not "at risk"; the streak is safe', () => {
    // Today is Sunday; Friday was the last active day.
    const s = computeStreaks(days('2025-06-05', '2025-06-06'), { today: '2025-06-08', restDays: SAT_SUN });
    assert.deepEqual(s.current, { length: 2, start: '2025-06-05', end: '2025-06-06', atRisk: false });
  });

  it('the first workday after a rest weekend is at risk until it has activity', () => {
    const s = computeStreaks(days('2025-06-05', '2025-06-06'), { today: '2025-06-09', restDays: SAT_SUN });
    assert.deepEqual(s.current, { length: 2, start: '2025-06-05', end: '2025-06-06', atRisk: true });
  });

  it('a missed workday after the rest days breaks the streak', () => {
    const s = computeStreaks(days('2025-06-05', '2025-06-06'), { today: '2025-06-10', restDays: SAT_SUN });
    assert.equal(s.current.length, 0);
    assert.deepEqual(s.longest, { length: 2, start: '2025-06-05', end: '2025-06-06' });
  });

  it('a gap of a week or more breaks even with rest days, unless every weekday rests', () => {
    const m = days('2025-05-30', '2025-06-09');
    assert.equal(computeStreaks(m, { today: '2025-06-09', restDays: [0, 1, 2, 3, 4, 6] }).current.length, 1);
    assert.equal(computeStreaks(m, { today: '2025-06-09', restDays: [0, 1, 2, 3, 4, 5, 6] }).current.length, 2);
  });

  it('out-of-range rest day numbers are ignored', () => {
    const s = computeStreaks(days('2025-06-06', '2025-06-09'), { today: '2025-06-09', restDays: [7, -1, 1.5] });
    assert.equal(s.current.length, 1);
  });
});

describe('streaks: weekly mode', () => {
  it('counts ISO weeks (Monday to Sunday) with at least one active day', () => {
    // Sun 1 June closes week of 26 May; Mon 2 June opens the next week; then week of 9 June.
    const s = computeStreaks(days('2025-06-01', '2025-06-02', '2025-06-11'), { today: '2025-06-11', mode: 'weekly' });
    assert.deepEqual(s, {
      unit: 'week',
      current: { length: 3, start: '2025-05-26', end: '2025-06-11', atRisk: false },
      longest: { length: 3, start: '2025-05-26', end: '2025-06-11' },
    });
  });

  it('an empty current week is at risk, not broken; the streak counts up to last week', () => {
    const s = computeStreaks(days('2025-05-27', '2025-06-08'), { today: '2025-06-11', mode: 'weekly' });
    assert.deepEqual(s.current, { length: 2, start: '2025-05-26', end: '2025-06-08', atRisk: true });
  });

  it('a whole empty week breaks the weekly streak', () => {
    const s = computeStreaks(days('2025-05-20', '2025-06-10'), { today: '2025-06-11', mode: 'weekly' });
    assert.deepEqual(s.current, { length: 1, start: '2025-06-09', end: '2025-06-11', atRisk: false });
    const gone = computeStreaks(days('2025-05-20', '2025-05-27'), { today: '2025-06-11', mode: 'weekly' });
    assert.equal(gone.current.length, 0);
    assert.deepEqual(gone.longest, { length: 2, start: '2025-05-19', end: '2025-06-01' });
  });

  it('an ISO week spanning New Year is one week', () => {
    const s = computeStreaks(days('2024-12-31', '2025-01-03'), { today: '2025-01-05', mode: 'weekly' });
    assert.deepEqual(s.current, { length: 1, start: '2024-12-30', end: '2025-01-05', atRisk: false });
  });

  it('weekly mode ignores future activity', () => {
    const s = computeStreaks(days('2025-06-20'), { today: '2025-06-11', mode: 'weekly' });
    assert.equal(s.current.length, 0);
  });
});

describe('streaks: time zones and daylight saving', () => {
  it('New York: evening commits across the spring-forward night make four days, not three as in UTC', () => {
    // 19:30 local each evening, 7–10 March 2025; clocks jump 02:00→03:00 on 9 March.
    const instants = ['2025-03-07T19:30-05:00', '2025-03-08T19:30-05:00', '2025-03-09T19:30-04:00', '2025-03-10T19:30-04:00'];
    const ny = computeStreaks(daysIn('America/New_York', ...instants), { today: '2025-03-10' });
    assert.deepEqual(ny.current, { length: 4, start: '2025-03-07', end: '2025-03-10', atRisk: false });
    // The same instants in UTC: 8, 9, 9, 10 March (two land on one day).
    const utcDays = daysIn('UTC', ...instants);
    assert.deepEqual([...utcDays.keys()], ['2025-03-08', '2025-03-09', '2025-03-10']);
  });

  it('New York: a commit at 00:30 after the fall-back night belongs to the new day', () => {
    // 2 November 2025 01:00–02:00 happens twice; 23:59 on 1 Nov and 00:30 on 3 Nov.
    const m = daysIn('America/New_York', '2025-11-01T23:59-04:00', '2025-11-02T01:30-05:00', '2025-11-03T00:30-05:00');
    assert.deepEqual([...m.keys()], ['2025-11-01', '2025-11-02', '2025-11-03']);
    assert.equal(computeStreaks(m, { today: '2025-11-03' }).current.length, 3);
  });

  it('Berlin: the 25-hour day when clocks go back is still one day', () => {
    // 26 October 2025: 03:00 CEST → 02:00 CET. Commits at 00:15 (CEST) and 23:45 (CET) that day.
    const m = daysIn('Europe/Berlin', '2025-10-25T23:59+02:00', '2025-10-26T00:15+02:00', '2025-10-26T23:45+01:00', '2025-10-27T00:01+01:00');
    assert.deepEqual(m, new Map([['2025-10-25', 1], ['2025-10-26', 2], ['2025-10-27', 1]]));
    const s = computeStreaks(m, { today: '2025-10-28' });
    assert.deepEqual(s.current, { length: 3, start: '2025-10-25', end: '2025-10-27', atRisk: true });
  });

  it('Berlin: the 23-hour spring-forward day with rest days on the weekend', () => {
    // Fri 28 Mar, (Sat 29, Sun 30 = DST starts) empty, Mon 31 Mar at 00:05 CEST.
    const m = daysIn('Europe/Berlin', '2025-03-28T23:55+01:00', '2025-03-31T00:05+02:00');
    const s = computeStreaks(m, { today: '2025-03-31', restDays: SAT_SUN });
    assert.deepEqual(s.current, { length: 2, start: '2025-03-28', end: '2025-03-31', atRisk: false });
  });

  it('Lord Howe: the half-hour clock change keeps days apart correctly', () => {
    // 6 April 2025 02:00 (+11:00) → 01:30 (+10:30).
    const instants = ['2025-04-05T23:50+11:00', '2025-04-06T00:10+11:00', '2025-04-06T23:50+10:30', '2025-04-07T00:05+10:30'];
    const m = daysIn('Australia/Lord_Howe', ...instants);
    assert.deepEqual(m, new Map([['2025-04-05', 1], ['2025-04-06', 2], ['2025-04-07', 1]]));
    assert.equal(computeStreaks(m, { today: '2025-04-07' }).current.length, 3);
    assert.equal(computeStreaks(daysIn('UTC', ...instants), { today: '2025-04-06' }).current.length, 2);
  });

  it('Kiritimati (UTC+14): a streak that UTC would call broken is whole in local days', () => {
    // 15:00 on 1 Jan, 09:00 on 2 Jan, 15:00 on 3 Jan, local time.
    const instants = ['2025-01-01T15:00+14:00', '2025-01-02T09:00+14:00', '2025-01-03T15:00+14:00'];
    const local = computeStreaks(daysIn('Pacific/Kiritimati', ...instants), { today: '2025-01-03' });
    assert.deepEqual(local.current, { length: 3, start: '2025-01-01', end: '2025-01-03', atRisk: false });
    const utc = computeStreaks(daysIn('UTC', ...instants), { today: '2025-01-03' });
    assert.equal(utc.current.length, 1);
  });

  it("today's grace follows the user's zone: just after local midnight the streak is at risk, not gone", () => {
    const commits = daysIn('Pacific/Kiritimati', '2025-01-01T20:00+14:00', '2025-01-02T20:00+14:00');
    const now = at('2025-01-02T10:30Z'); // 00:30 on 3 Jan in Kiritimati, 23:30 on 1 Jan in Pago Pago
    const today = dayKeyFor(now, 'Pacific/Kiritimati');
    assert.equal(today, '2025-01-03');
    assert.equal(dayKeyFor(now, 'Pacific/Pago_Pago'), '2025-01-01');
    assert.deepEqual(computeStreaks(commits, { today }).current, { length: 2, start: '2025-01-01', end: '2025-01-02', atRisk: true });
  });

  it('weekly mode in a zone where the week turns at a different UTC instant', () => {
    // Sunday 23:30 in New York is Monday in UTC: it belongs to the New York week that ends that Sunday.
    const m = daysIn('America/New_York', '2025-06-08T23:30-04:00', '2025-06-09T08:00-04:00');
    const s = computeStreaks(m, { today: '2025-06-09', mode: 'weekly' });
    assert.deepEqual(s.current, { length: 2, start: '2025-06-02', end: '2025-06-09', atRisk: false });
    const utc = computeStreaks(daysIn('UTC', '2025-06-08T23:30-04:00', '2025-06-09T08:00-04:00'), { today: '2025-06-09', mode: 'weekly' });
    assert.equal(utc.current.length, 1);
  });
});

describe('streaks: what counts as learning', () => {
  const commits = days('2025-06-09');
  const posts = days('2025-06-10');
  const checklist = days('2025-06-11', '2025-06-11');
  const practice = days('2025-06-08');

  it('posts, checklist items and practice sessions join commits when the setting counts them', () => {
    const merged = mergeLearningActivity({ commits, posts, checklist, practice }, ['commits', 'posts', 'checklist', 'practice']);
    assert.deepEqual(merged, new Map([['2025-06-09', 1], ['2025-06-10', 1], ['2025-06-11', 2], ['2025-06-08', 1]]));
    assert.equal(computeStreaks(merged, { today: '2025-06-11' }).current.length, 4);
  });

  it('a kind left out of the setting does not count, commits included', () => {
    const onlyPosts = mergeLearningActivity({ commits, posts, checklist }, ['posts']);
    assert.deepEqual(onlyPosts, new Map([['2025-06-10', 1]]));
    const commitsOnly = mergeLearningActivity({ commits, posts }, ['commits']);
    assert.equal(computeStreaks(commitsOnly, { today: '2025-06-11' }).current.length, 0);
  });

  it('same-day activity of several kinds adds up, and a kind listed twice counts once', () => {
    const merged = mergeLearningActivity({ commits: days('2025-06-09', '2025-06-09'), posts: days('2025-06-09') }, ['commits', 'posts', 'commits']);
    assert.deepEqual(merged, new Map([['2025-06-09', 3]]));
  });

  it('a feature that does not exist yet is simply skipped', () => {
    assert.deepEqual(mergeLearningActivity({ commits }, ['commits', 'practice']), commits);
  });

  it('the setting keeps known kinds only and defaults to all of them', () => {
    assert.deepEqual(parseCountAsLearning(['posts', 'bogus', 'commits', 'posts']), ['posts', 'commits']);
    assert.deepEqual(parseCountAsLearning(undefined), ['commits', 'posts', 'checklist', 'practice']);
    assert.deepEqual(parseCountAsLearning([]), []);
  });

  it('rest days are read from names, abbreviations or numbers, and nonsense is refused', () => {
    assert.deepEqual(parseRestDays('sat,sun'), [0, 6]);
    assert.deepEqual(parseRestDays(['Saturday', 'sunday']), [0, 6]);
    assert.deepEqual(parseRestDays(' 5 , 6 ,'), [5, 6]);
    assert.deepEqual(parseRestDays(''), []);
    assert.throws(() => parseRestDays('sat,caturday'), /"caturday" is not a weekday/);
    assert.throws(() => parseRestDays('7'), /not a weekday/);
    assert.throws(() => parseRestDays('s'), /not a weekday/);
  });
});

describe('streaks: agree with a day-by-day walk', () => {
  // A deliberately naive reference: walk every calendar day from the first one to today.
  function reference(active: Set<number>, today: number, rest: Set<number>) {
    const weekday = (n: number) => (n + 4) % 7;
    let runLen = 0, runStart = -1, runEnd = -1;
    let best = { length: 0, start: -1, end: -1 };
    const first = Math.min(...active, today);
    for (let n = first; n <= today; n++) {
      if (active.has(n)) {
        if (runLen === 0) runStart = n;
        runLen++;
        runEnd = n;
      } else if (n === today || (rest.has(weekday(n)) && runLen > 0)) {
        // grace for today; an empty rest day bridges
      } else {
        runLen = 0;
      }
      if (runLen > 0 && runLen >= best.length && runEnd === n) best = { length: runLen, start: runStart, end: runEnd };
    }
    return { current: runLen, currentStart: runLen ? runStart : -1, atRisk: runLen > 0 && !active.has(today) && !rest.has(weekday(today)), best };
  }

  it('for random histories, rest days and todays', async () => {
    const fc = await import('fast-check');
    const base = 20_000; // 2024-10-04
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 70 }), { maxLength: 50 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }),
        fc.integer({ min: 0, max: 80 }),
        (offsets, restDays, todayOffset) => {
          const key = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
          const m = new Map(offsets.map((o) => [key(base + o), 1] as [string, number]));
          const today = base + todayOffset;
          const s = computeStreaks(m, { today: key(today), restDays });
          const ref = reference(new Set(offsets.map((o) => base + o).filter((n) => n <= today)), today, new Set(restDays));
          assert.equal(s.current.length, ref.current);
          assert.equal(s.current.start, ref.current ? key(ref.currentStart) : undefined);
          assert.equal(s.current.atRisk, ref.atRisk);
          assert.equal(s.longest.length, ref.best.length);
          if (ref.best.length) assert.deepEqual([s.longest.start, s.longest.end], [key(ref.best.start), key(ref.best.end)]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CommitDayCounter } from '../../../src/core/tracker/git-log-reader';
import { dayKeyFor, dayKeyFromNumber, dayNumber } from '../../../src/core/tracker/calendar';
import { ZoneDays } from '../../../src/core/tracker/zone-days';
import { combineRepositories, dayNumberOfKey } from '../../../src/core/tracker/day-buckets';

const sha = (n: number) => n.toString(16).padStart(40, '0');
const record = (s: string, seconds: string | number, email: string) => `\x1e${s}\0${seconds}\0${email}\0\n`;

function count(text: string | Buffer, chunkSize = 1 << 16, identities = ['me@example.com'], collectKeys = false) {
  const counter = new CommitDayCounter({ identities: new Set(identities), timeZone: 'UTC', collectKeys });
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  for (let i = 0; i < buf.length; i += chunkSize) counter.feed(buf.subarray(i, i + chunkSize));
  counter.end();
  return counter;
}

describe('tracker: reading the git log stream', () => {
  it('gives the same days whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.integer({ min: 0, max: 2_000_000_000 }), mine: fc.boolean(), upper: fc.boolean() }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 97 }),
        (commits, chunkSize) => {
          const text = commits.map((c, i) => record(sha(i + 1), c.t, c.mine ? (c.upper ? 'ME@Example.com' : 'me@example.com') : 'you@example.com')).join('');
          const whole = count(text);
          const pieces = count(text, chunkSize);
          assert.deepEqual([...pieces.days], [...whole.days]);
          assert.equal(pieces.commitsCounted, commits.filter((c) => c.mine).length);
          assert.equal(pieces.malformed, 0);
        },
      ),
    );
  });

  it('counts the right commits among many authors, more than it remembers at once', () => {
    // 20 authors, 3 of them the user's (one of those in capitals): the reader keeps only the
    // last few emails as bytes, so authors come and go from what it remembers.
    const authors = Array.from({ length: 20 }, (_, i) => `author${i}@example.com`);
    const identities = ['author3@example.com', 'author11@example.com', 'author19@example.com'];
    const spelled = (i: number) => (i === 11 ? 'Author11@Example.COM' : authors[i]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 19 }), { maxLength: 200 }), (order) => {
        const text = order.map((a, i) => record(sha(i + 1), 86_400 * (1 + (i % 5)), spelled(a))).join('');
        const counter = count(text, 1 << 16, identities);
        assert.equal(counter.commitsCounted, order.filter((a) => a === 3 || a === 11 || a === 19).length);
      }),
    );
  });

  it('drops a record cut off at the end of the stream', () => {
    const text = record(sha(1), 86_400, 'me@example.com') + record(sha(2), 2 * 86_400, 'me@example.com').slice(0, 50);
    const counter = count(text);
    assert.deepEqual([...counter.days], [['1970-01-02', 1]]);
    assert.equal(counter.malformed, 1);
  });

  it('skips malformed records and keeps reading the next ones', () => {
    const text =
      'garbage before' +
      record('not-a-sha', 86_400, 'me@example.com') +
      record(sha(2), '12x', 'me@example.com') +
      record(sha(5), 'x' + '9'.repeat(1001), 'me@example.com') + // a letter, then digits
      `\x1e${sha(3)}\0${86_400}\0me@example.com\0X` + // wrong terminator
      record(sha(4), 3 * 86_400, 'me@example.com');
    const counter = count(text, 7);
    assert.deepEqual([...counter.days], [['1970-01-04', 1]]);
    assert.equal(counter.malformed, 5);
    assert.equal(counter.undated, 0);
  });

  it('counts commits without a usable date apart, not on some made-up day', () => {
    const counter = count(record(sha(1), '', 'me@example.com') + record(sha(2), '99999999999999', 'me@example.com'));
    assert.equal(counter.days.size, 0);
    assert.equal(counter.undated, 2);
  });

  it('accepts SHA-256 repositories (64-hex object names)', () => {
    const counter = count(record('a'.repeat(64), 86_400, 'me@example.com'));
    assert.equal(counter.commitsCounted, 1);
  });

  it('reads the shorter records without a SHA (one repository, no keys) to the same days', () => {
    const withSha = [record(sha(1), 86_400, 'me@example.com'), record(sha(2), 86_400 + 60, 'ME@example.com'), record(sha(3), 3 * 86_400, 'you@example.com')].join('');
    const withoutSha = withSha.replace(/\x1e[0-9a-f]{40}\0/g, '\x1e');
    const counter = new CommitDayCounter({ identities: new Set(['me@example.com']), timeZone: 'UTC', collectKeys: false, withSha: false });
    const buf = Buffer.from(withoutSha + '\x1e12x\0me@example.com\0\n');
    for (let i = 0; i < buf.length; i += 5) counter.feed(buf.subarray(i, i + 5));
    counter.end();
    assert.deepEqual([...counter.days], [...count(withSha).days]);
    assert.deepEqual([...counter.days], [['1970-01-02', 2]]);
    assert.equal(counter.recordsRead, 3);
    assert.equal(counter.malformed, 1);
  });

  it('keys each counted commit by its day and SHA prefix', () => {
    const counter = count(record('f'.repeat(40), 86_400 * 3 + 5, 'me@example.com'), 1 << 16, ['me@example.com'], true);
    const [key] = counter.keys!.sorted();
    assert.equal(dayNumberOfKey(key), 3);
  });
});

describe('tracker: day keys from day numbers', () => {
  it('match the ISO date of every day from 1896 to 2404 (1900, 2000, 2100 and 2400 included) and round-trip', () => {
    for (let n = dayNumber('1896-01-01'); n <= dayNumber('2404-12-31'); n++) {
      const key = dayKeyFromNumber(n);
      assert.equal(key, new Date(n * 86_400_000).toISOString().slice(0, 10));
      assert.equal(dayNumber(key), n);
    }
    assert.equal(dayKeyFromNumber(dayNumber('2000-02-29')), '2000-02-29');
    assert.equal(dayKeyFromNumber(dayNumber('2100-02-28') + 1), '2100-03-01');
  });

  it('keep four-digit years below 1000 (ISO padding)', () => {
    assert.equal(dayKeyFromNumber(dayNumber('0999-12-31')), '0999-12-31');
  });
});

describe('tracker: the fast local-day computation agrees with calendar.ts', () => {
  const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Apia', 'Pacific/Kiritimati', 'America/Sao_Paulo', 'Africa/Casablanca'];

  it('for random instants from 1970 to 2100 in zones with DST, half-hour offsets and skipped days', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.array(fc.integer({ min: 0, max: 4_102_444_800 }), { minLength: 1, maxLength: 50 }), (zone, instants) => {
        const fast = new ZoneDays(zone);
        for (const t of instants) {
          assert.equal(dayKeyFromNumber(fast.dayNumberAt(t)), dayKeyFor(t, zone), `${zone} ${t}`);
          // The per-process instance every scan shares, whatever it answered before, agrees.
          assert.equal(ZoneDays.for(zone).dayNumberAt(t), fast.dayNumberAt(t), `${zone} ${t} (shared)`);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('in a zone whose old offset was not a multiple of 15 minutes (Kiritimati, UTC-10:40 until 1979)', () => {
    // 1977-12-13 00:00 local is 10:40 UTC: the day starts 10 minutes into a 15-minute slot.
    const midnight = 250_857_600;
    assert.equal(dayKeyFor(midnight, 'Pacific/Kiritimati'), '1977-12-13');
    assert.equal(dayKeyFor(midnight - 1, 'Pacific/Kiritimati'), '1977-12-12');
    const fast = new ZoneDays('Pacific/Kiritimati');
    assert.equal(dayKeyFromNumber(fast.dayNumberAt(midnight)), '1977-12-13');
    assert.equal(dayKeyFromNumber(fast.dayNumberAt(midnight - 1)), '1977-12-12');
  });

  it('around changes that fall inside an hour of UTC, next to local midnight (St. John\'s, 00:01 local until 2011)', () => {
    // 2010-03-14 00:01 NST → 01:01 NDT (03:31 UTC); 2010-11-07 00:01 NDT → 2010-11-06 23:01 NST (02:31 UTC):
    // a change placed even a minute off would put these instants on the wrong day.
    const fast = new ZoneDays('America/St_Johns');
    for (const change of [Date.UTC(2010, 2, 14, 3, 31) / 1000, Date.UTC(2010, 10, 7, 2, 31) / 1000]) {
      for (let t = change - 7200; t < change + 7200; t += 7) assert.equal(dayKeyFromNumber(fast.dayNumberAt(t)), dayKeyFor(t, 'America/St_Johns'), `${t}`);
    }
  });

  it('around every second of a DST change', () => {
    const fast = new ZoneDays('Europe/Berlin');
    const change = Date.UTC(2024, 2, 31, 1, 0, 0) / 1000; // 03:00 CEST
    for (let t = change - 3600 * 3; t < change + 3600 * 24; t += 61) assert.equal(dayKeyFromNumber(fast.dayNumberAt(t)), dayKeyFor(t, 'Europe/Berlin'));
  });

  it('across the day Samoa skipped (2011-12-30)', () => {
    const fast = new ZoneDays('Pacific/Apia');
    const start = Date.UTC(2011, 11, 29, 0, 0, 0) / 1000;
    for (let t = start; t < start + 3 * 86_400; t += 600) assert.equal(dayKeyFromNumber(fast.dayNumberAt(t)), dayKeyFor(t, 'Pacific/Apia'));
  });
});

describe('tracker: combining repositories', () => {
  it('subtracts each shared commit once from its day', () => {
    const key = (day: string, bits: number) => dayNumber(day) * 2 ** 35 + bits;
    const a = { days: new Map([['2024-01-01', 2], ['2024-01-02', 1]]), keys: Float64Array.from([key('2024-01-01', 1), key('2024-01-01', 2), key('2024-01-02', 3)]) };
    const b = { days: new Map([['2024-01-01', 1], ['2024-01-03', 1]]), keys: Float64Array.from([key('2024-01-01', 2), key('2024-01-03', 4)]) };
    const c = { days: new Map([['2024-01-01', 1]]), keys: Float64Array.from([key('2024-01-01', 2)]) };
    const { days, duplicates } = combineRepositories([a, b, c], dayKeyFromNumber);
    assert.deepEqual(Object.fromEntries(days), { '2024-01-01': 2, '2024-01-02': 1, '2024-01-03': 1 });
    assert.equal(duplicates, 2);
  });
});

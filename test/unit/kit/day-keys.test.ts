import assert from 'node:assert/strict';
import { dayKeyFromFrontMatter, longDate, nextMonday, parseDayKey, todayKey } from '../../../src/core/kit/day-keys';

describe('kit: dates typed as YYYY-MM-DD', () => {
  it('accepts real dates, including 29 February in a leap year', () => {
    assert.deepEqual(parseDayKey(' 2024-02-29 '), { ok: true, dayKey: '2024-02-29' });
    assert.deepEqual(parseDayKey('2025-12-31'), { ok: true, dayKey: '2025-12-31' });
  });

  it('explains each kind of bad date', () => {
    const message = (raw: string) => {
      const check = parseDayKey(raw);
      assert.equal(check.ok, false, raw);
      return (check as { message: string }).message;
    };
    assert.match(message(''), /YYYY-MM-DD/);
    assert.match(message('1/9/2025'), /not written as YYYY-MM-DD/);
    assert.match(message('2025-9-1'), /not written as YYYY-MM-DD/);
    assert.match(message('2025-13-01'), /no month 13/);
    assert.match(message('2025-02-29'), /February 2025 has 28 days/);
    assert.match(message('2025-04-31'), /April 2025 has 30 days/);
    assert.match(message('2025-01-00'), /day 00 does not exist/);
    assert.match(message('0999-01-01'), /outside 1900–2200/);
  });

  it('today depends on the time zone at the same instant', () => {
    const instant = Date.UTC(2025, 0, 1, 2, 30); // 02:30 UTC on 1 January
    assert.equal(todayKey(instant, 'UTC'), '2025-01-01');
    assert.equal(todayKey(instant, 'America/Los_Angeles'), '2024-12-31');
    assert.equal(todayKey(instant, 'Pacific/Kiritimati'), '2025-01-01');
  });

  it('suggests the next Monday, a full week ahead when today is Monday', () => {
    assert.equal(nextMonday('2025-09-03'), '2025-09-08'); // Wednesday
    assert.equal(nextMonday('2025-09-07'), '2025-09-08'); // Sunday
    assert.equal(nextMonday('2025-09-08'), '2025-09-15'); // Monday
  });

  it('spells dates out the same way everywhere', () => {
    assert.equal(longDate('2025-09-01'), 'Monday 1 September 2025');
  });

  it('reads front-matter dates whether YAML made them a Date or a string', () => {
    assert.equal(dayKeyFromFrontMatter(new Date(Date.UTC(2025, 8, 1))), '2025-09-01');
    assert.equal(dayKeyFromFrontMatter('2025-09-01'), '2025-09-01');
    assert.equal(dayKeyFromFrontMatter('next week'), undefined);
    assert.equal(dayKeyFromFrontMatter(20250901), undefined);
    assert.equal(dayKeyFromFrontMatter(new Date(Number.NaN)), undefined);
  });
});

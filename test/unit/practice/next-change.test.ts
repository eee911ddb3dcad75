import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDeck } from '../../../src/core/practice/deck';
import { MAX_REFRESH_WAIT_MS, nextPracticeChangeMs, startOfDayMs } from '../../../src/core/practice/next-change';
import { PracticeBook } from '../../../src/core/practice/practice-book';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('practice: when the due counts next change by themselves', () => {
  it('a question due tomorrow comes due at local midnight, not at UTC midnight', () => {
    const nowMs = Date.parse('2024-03-01T15:00:00Z');
    const next = nextPracticeChangeMs({ nowMs, timeZone: 'Europe/Berlin', dueDays: ['2024-03-05', '2024-03-02', '2024-02-20'], postponedStartsMs: [] });
    assert.equal(new Date(next).toISOString(), '2024-03-01T23:00:00.000Z');
  });

  it('far-off due days and nothing scheduled still refresh within a day', () => {
    const nowMs = Date.parse('2024-03-01T15:00:00Z');
    assert.equal(nextPracticeChangeMs({ nowMs, timeZone: 'UTC', dueDays: ['2024-06-01'], postponedStartsMs: [] }), nowMs + MAX_REFRESH_WAIT_MS);
    assert.equal(nextPracticeChangeMs({ nowMs, timeZone: 'UTC', dueDays: [], postponedStartsMs: [] }), nowMs + MAX_REFRESH_WAIT_MS);
    assert.ok(MAX_REFRESH_WAIT_MS <= DAY);
  });

  it('a rating dated ahead counts from its own instant, even before the next midnight', () => {
    const nowMs = Date.parse('2024-03-01T15:00:00Z');
    const next = nextPracticeChangeMs({ nowMs, timeZone: 'UTC', dueDays: ['2024-03-02'], postponedStartsMs: [nowMs - HOUR, nowMs + 3 * HOUR] });
    assert.equal(next, nowMs + 3 * HOUR);
  });

  it('a day that starts at 01:00 (a DST change at midnight) starts when it exists', () => {
    // São Paulo skipped 2018-11-04 00:00–00:59: the day began at 01:00 local, 03:00 UTC.
    assert.equal(new Date(startOfDayMs('2018-11-04', 'America/Sao_Paulo')).toISOString(), '2018-11-04T03:00:00.000Z');
    assert.equal(new Date(startOfDayMs('2024-03-02', 'Pacific/Kiritimati')).toISOString(), '2024-03-01T10:00:00.000Z');
    assert.equal(new Date(startOfDayMs('2024-03-02', 'Pacific/Pago_Pago')).toISOString(), '2024-03-02T11:00:00.000Z');
  });

  it('a rating dated ahead is left out, then counts when the book is read again at the instant it names', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lip-next-change-'));
    try {
      const historyFile = path.join(dir, 'history.jsonl');
      let now = Date.parse('2024-03-01T12:00:00Z');
      // Written by a clock a day and eight hours fast: it counts from a day before its date.
      fs.writeFileSync(historyFile, `${JSON.stringify({ v: 1, id: 'ml/recall', rating: 'good', at: '2024-03-02T20:00:00.000Z' })}\n`);
      const book = new PracticeBook({ historyFile, clock: () => new Date(now), timeZone: () => 'UTC', dailyNewLimit: () => 5 });
      book.setDecks([parseDeck('## What is recall? <!-- id: recall -->\nThe share of positives found.\n', { file: 'ml.md', origin: 'workspace', fallbackId: 'ml' })]);
      await book.loadHistory();
      assert.equal(book.state('ml/recall'), undefined, 'left out for now');
      const next = book.nextChangeMs();
      assert.equal(new Date(next).toISOString(), '2024-03-01T20:00:00.000Z');
      now = next;
      await book.loadHistory();
      assert.equal(book.state('ml/recall')?.ratings.length, 1, 'counts from then on');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

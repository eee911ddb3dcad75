import assert from 'node:assert/strict';
import { parseDeck, type Deck } from '../../../src/core/practice/deck';
import type { Grade, HistoryEntry } from '../../../src/core/practice/history-log';
import { leastRecentlyPractised, pickNext, practiceStats, todaysQueue, weekOf } from '../../../src/core/practice/queue';
import { ReviewSchedule } from '../../../src/core/practice/schedule';
import { compactInterval } from '../../../src/core/practice/interval';

function deck(id: string, qs: string[], origin: Deck['origin'] = 'builtin'): Deck {
  const text = `---\nid: ${id}\n---\n${qs.map((q) => `## ${q}? <!-- id: ${q} -->\nanswer\n`).join('\n')}`;
  return parseDeck(text, { file: `${id}.md`, origin, fallbackId: id }).deck!;
}

function log(...ratings: [string, Grade, string][]): HistoryEntry[] {
  return ratings.map(([id, rating, at], i) => ({ line: i + 1, record: { v: 1, id, rating, at }, atMs: Date.parse(at) }));
}

describe('practice queue: what comes next', () => {
  const builtin = deck('ml', ['q1', 'q2', 'q3', 'q4']);
  const mine = deck('mine', ['m1', 'm2'], 'workspace');

  it('walks due questions first, most overdue first, then new ones up to the daily limit, alternating decks', () => {
    const schedule = ReviewSchedule.rebuild(
      log(['ml/q3', 'again', '2025-01-01T10:00:00Z'], ['ml/q2', 'again', '2025-01-05T10:00:00Z'], ['ml/q4', 'easy', '2025-01-09T10:00:00Z']),
      'UTC',
    );
    const queue = todaysQueue([builtin, mine], schedule, { today: '2025-01-10', dailyNewLimit: 2 });
    assert.deepEqual(queue.map((p) => [p.question.key, p.reason]), [
      ['ml/q3', 'due'],
      ['ml/q2', 'due'],
      ['ml/q1', 'new'],
      ['mine/m1', 'new'],
    ]);
  });

  it('counts new questions already started today against the daily limit', () => {
    const schedule = ReviewSchedule.rebuild(log(['ml/q1', 'good', '2025-01-10T08:00:00Z']), 'UTC');
    const queue = todaysQueue([builtin], schedule, { today: '2025-01-10', dailyNewLimit: 2 });
    assert.deepEqual(queue.map((p) => p.question.key), ['ml/q2']);
    assert.deepEqual(todaysQueue([builtin], schedule, { today: '2025-01-10', dailyNewLimit: 0 }), []);
  });

  it('falls back to the least recently practised question when nothing is due or new', () => {
    const schedule = ReviewSchedule.rebuild(
      log(['ml/q1', 'easy', '2025-01-08T10:00:00Z'], ['ml/q2', 'easy', '2025-01-03T10:00:00Z'], ['ml/q3', 'easy', '2025-01-09T10:00:00Z']),
      'UTC',
    );
    const pick = pickNext([deck('ml', ['q1', 'q2', 'q3'])], schedule, { today: '2025-01-10', dailyNewLimit: 5 });
    assert.deepEqual([pick?.question.key, pick?.reason], ['ml/q2', 'leastRecent']);
    assert.equal(leastRecentlyPractised([deck('ml', ['q1', 'q2', 'q3'])], schedule, new Set(['ml/q2']))?.question.key, 'ml/q1');
  });

  it('offers a never-practised question when there is no history at all, even past the limit', () => {
    const pick = pickNext([builtin], new ReviewSchedule('UTC'), { today: '2025-01-10', dailyNewLimit: 0 });
    assert.deepEqual([pick?.question.key, pick?.reason], ['ml/q1', 'leastRecent']);
  });
});

describe('practice stats for the sidebar', () => {
  it('shows due today, the next due day and the days practised this week', () => {
    // 2025-01-08 is a Wednesday; its week runs Monday 6th to Sunday 12th.
    const schedule = ReviewSchedule.rebuild(
      log(
        ['ml/q1', 'again', '2025-01-06T10:00:00Z'],
        ['ml/q2', 'good', '2025-01-07T10:00:00Z'],
        ['ml/q3', 'easy', '2025-01-07T11:00:00Z'],
        ['gone/x', 'good', '2025-01-05T10:00:00Z'],
      ),
      'UTC',
    );
    const stats = practiceStats([deck('ml', ['q1', 'q2', 'q3', 'q4'])], schedule, { today: '2025-01-08', dailyNewLimit: 3 });
    assert.equal(stats.dueToday, 1);
    assert.equal(stats.nextDueDay, '2025-01-10');
    assert.equal(stats.newToday, 1);
    assert.deepEqual(stats.week.map((d) => [d.day, d.practised]), [
      ['2025-01-06', true],
      ['2025-01-07', true],
      ['2025-01-08', false],
      ['2025-01-09', false],
      ['2025-01-10', false],
      ['2025-01-11', false],
      ['2025-01-12', false],
    ]);
    assert.equal(stats.daysPractisedThisWeek, 2);
    assert.equal(stats.totalQuestions, 4);
    assert.equal(stats.practisedQuestions, 3);
  });

  it('starts the week on Monday, also on a Sunday', () => {
    assert.deepEqual(weekOf('2025-01-12').slice(0, 1), ['2025-01-06']);
    assert.deepEqual(weekOf('2025-01-13').slice(0, 1), ['2025-01-13']);
  });

  it('labels intervals the way flashcard apps do', () => {
    assert.deepEqual([1, 13, 20, 90, 400].map((d) => compactInterval(d)), [
      { value: 1, unit: 'd' },
      { value: 13, unit: 'd' },
      { value: 3, unit: 'w' },
      { value: 3, unit: 'mo' },
      { value: 1.1, unit: 'y' },
    ]);
  });
});

import assert from 'node:assert/strict';
import { buildTrackerModel, heatmapStart, levelThresholds, mondayOf, publishedItemToOpen } from '../../../src/core/tracker/tracker-view-model';
import type { ScanResult } from '../../../src/core/tracker/scan';
import { weekdayOf } from '../../../src/core/tracker/calendar';

function scanOf(days: Record<string, number>, extra: Partial<ScanResult> = {}): ScanResult {
  return {
    days: new Map(Object.entries(days)),
    perRepo: [{ folder: '/r', root: '/r', name: 'r', status: 'ok', commits: 0, activeDays: 0, published: 0, shallow: false, detachedHead: false, read: 'full', commitsRead: 0 }],
    posts: [],
    warnings: [],
    identities: ['me@example.com'],
    timeZone: 'UTC',
    dateKind: 'author',
    duplicates: 0,
    ...extra,
  };
}

describe('tracker view: what the sidebar shows', () => {
  it('lays out 53 week columns starting on a Monday and ending today', () => {
    const model = buildTrackerModel(scanOf({}), { today: '2024-06-12' }); // a Wednesday
    assert.equal(weekdayOf(model.firstDay), 1);
    assert.equal(model.firstDay, heatmapStart('2024-06-12'));
    assert.equal(model.cells[model.cells.length - 1].day, '2024-06-12');
    assert.equal(model.cells.length, 52 * 7 + 3);
    assert.equal(mondayOf('2024-06-16'), '2024-06-10');
  });

  it('says "at risk today" instead of breaking the streak when today is still empty', () => {
    const model = buildTrackerModel(scanOf({ '2024-06-09': 1, '2024-06-10': 2, '2024-06-11': 1 }), { today: '2024-06-12' });
    assert.equal(model.current.length, 3);
    assert.equal(model.current.atRisk, true);
    assert.equal(model.current.start, '2024-06-09');
    assert.equal(model.current.end, '2024-06-11');
  });

  it('counts this week against last week (Monday to Sunday) and active days in the last 12 months', () => {
    const model = buildTrackerModel(
      scanOf({ '2023-06-01': 5, '2024-06-02': 1, '2024-06-03': 2, '2024-06-09': 4, '2024-06-10': 3, '2024-06-12': 1, '2024-07-01': 9 }),
      { today: '2024-06-12' },
    );
    assert.equal(model.commitsThisWeek, 4);
    assert.equal(model.commitsLastWeek, 6);
    assert.equal(model.commitDaysInWindow, 5);
    assert.equal(model.activeDaysInWindow, 5);
    assert.equal(model.commitsInWindow, 11);
    assert.ok(model.warnings.some((w) => /dated in the future/.test(w)));
  });

  it('counts as active the days the streak and the progress card count: a checklist tick without a commit too', () => {
    const model = buildTrackerModel(scanOf({ '2024-06-10': 2 }), {
      today: '2024-06-12',
      countAsLearning: ['commits', 'posts', 'checklist'],
      extraActivity: { checklist: new Map([['2024-06-11', 1], ['2024-06-12', 1]]) },
    });
    // "2 commits on 1 day" stays about commits; "Active days" matches the 3-day streak.
    assert.equal(model.commitDaysInWindow, 1);
    assert.equal(model.activeDaysInWindow, 3);
    assert.equal(model.current.length, 3);
  });

  it('colours days by quartiles of the busy days', () => {
    assert.deepEqual(levelThresholds([0, 1, 2, 3, 4, 5, 6, 7, 8]), [2, 4, 6]);
    const model = buildTrackerModel(scanOf({ '2024-06-10': 1, '2024-06-11': 8 }), { today: '2024-06-12' });
    const level = (day: string) => model.cells.find((c) => c.day === day)!.level;
    assert.equal(level('2024-06-12'), 0);
    assert.equal(level('2024-06-10'), 1);
    assert.equal(level('2024-06-11'), 4);
  });

  it('keeps a post on a day without commits in the streak when posts count', () => {
    const scan = scanOf({ '2024-06-10': 1 }, { posts: [{ kind: 'post', path: 'content/posts/a.md', day: '2024-06-11', epochSeconds: 0, sha: 'a'.repeat(40), repo: 'r', repoIndex: 0 }] });
    assert.equal(buildTrackerModel(scan, { today: '2024-06-12', countAsLearning: ['commits', 'posts'] }).current.length, 2);
    assert.equal(buildTrackerModel(scan, { today: '2024-06-12', countAsLearning: ['commits'] }).current.length, 0);
  });

  it('lists posts per month for the last 12 months and the newest published first, names untouched', () => {
    const hostile = 'content/posts/<img src=x onerror=alert(1)>.md';
    const scan = scanOf({}, {
      posts: [
        { kind: 'post', path: 'content/posts/old.md', day: '2023-01-01', epochSeconds: 0, sha: 'a'.repeat(40), repo: 'r', repoIndex: 0 },
        { kind: 'post', path: 'content/posts/b.md', day: '2024-05-02', epochSeconds: 0, sha: 'b'.repeat(40), repo: 'r', repoIndex: 0 },
        { kind: 'readme', path: 'README.md', day: '2024-05-03', epochSeconds: 0, sha: 'c'.repeat(40), repo: 'r', repoIndex: 0 },
        { kind: 'post', path: hostile, day: '2024-06-01', epochSeconds: 0, sha: 'd'.repeat(40), repo: 'r', repoIndex: 0 },
      ],
    });
    const model = buildTrackerModel(scan, { today: '2024-06-12' });
    assert.equal(model.postsPerMonth.length, 12);
    assert.equal(model.postsPerMonth[0].month, '2023-07');
    assert.deepEqual(model.postsPerMonth.slice(-2), [{ month: '2024-05', posts: 1 }, { month: '2024-06', posts: 1 }]);
    assert.equal(model.postsInWindow, 2);
    assert.deepEqual(model.published.map((p) => p.path), [hostile, 'README.md', 'content/posts/b.md', 'content/posts/old.md']);
    assert.equal(model.published[0].repoIndex, 0);
    // The protocol carries the name as data; the webview inserts it with textContent.
    assert.equal(JSON.parse(JSON.stringify(model)).published[0].path, hostile);
  });

  it('two repositories named alike: each published item opens in its own repository', () => {
    const repo = (root: string) => ({ folder: root, root, name: 'blog', status: 'ok' as const, commits: 0, activeDays: 0, published: 1, shallow: false, detachedHead: false, read: 'full' as const, commitsRead: 0 });
    const scan = scanOf({}, {
      perRepo: [repo('/work/blog'), repo('/personal/blog')],
      posts: [
        { kind: 'post', path: 'posts/work.md', day: '2024-06-01', epochSeconds: 1, sha: 'a'.repeat(40), repo: 'blog', repoIndex: 0 },
        { kind: 'post', path: 'posts/personal.md', day: '2024-06-02', epochSeconds: 2, sha: 'b'.repeat(40), repo: 'blog', repoIndex: 1 },
      ],
    });
    const model = buildTrackerModel(scan, { today: '2024-06-12' });
    assert.deepEqual(model.published.map((p) => [p.repo, model.repos[p.repoIndex].path, p.path]), [
      ['blog', '/personal/blog', 'posts/personal.md'],
      ['blog', '/work/blog', 'posts/work.md'],
    ]);
  });

  it('opens only a published item the view lists; malformed or foreign requests open nothing', () => {
    const scan = scanOf({}, { posts: [{ kind: 'post', path: 'content/posts/a.md', day: '2024-06-01', epochSeconds: 0, sha: 'a'.repeat(40), repo: 'r', repoIndex: 0 }] });
    const model = buildTrackerModel(scan, { today: '2024-06-12' });
    assert.equal(publishedItemToOpen(model, { type: 'openFile', repoIndex: 0, path: 'content/posts/a.md' })?.repo.path, '/r');
    for (const message of [null, undefined, 'openFile', {}, { type: 'openFile' }, { type: 'openFile', repoIndex: '0', path: 'content/posts/a.md' },
      { type: 'openFile', repoIndex: 1, path: 'content/posts/a.md' }, { type: 'openFile', repoIndex: 0, path: '../../etc/passwd' }, { type: 'openFile', repoIndex: 0, path: 'package.json' }]) {
      assert.equal(publishedItemToOpen(model, message), undefined, JSON.stringify(message));
    }
  });
});

import assert from 'node:assert/strict';
import './fake-vscode'; // before the modules that import 'vscode'
import type { TrackerStrings } from '../../../src/core/protocol/tracker';
import { trackerStrings } from '../../../src/extension/tracker/tracker-strings';
import { buildTrackerModel } from '../../../src/core/tracker/tracker-view-model';
import { commitsOnDays, describeCell, monthPosts, noStreakDetail, streakFigure } from '../../../src/webview/tracker/format';

// The sentences the Learning Tracker view shows, from the English strings the extension sends.

describe('tracker view text', () => {
  const strings = trackerStrings();

  it('says "1 commit on 1 day" and "12 commits on 5 days" under the heatmap', () => {
    assert.equal(commitsOnDays(strings, 1, 1, 'en'), '1 commit on 1 day');
    assert.equal(commitsOnDays(strings, 3, 1, 'en'), '3 commits on 1 day');
    assert.equal(commitsOnDays(strings, 1, 2, 'en'), '1 commit on 2 days');
    assert.equal(commitsOnDays(strings, 1234, 5, 'en'), '1,234 commits on 5 days');
    assert.equal(commitsOnDays(strings, 0, 0, 'en'), '0 commits on 0 days');
  });

  it('says "March 2024: 1 post" and "March 2024: 2 posts" in the posts chart', () => {
    assert.equal(monthPosts(strings, '2024-03', 1, 'en'), 'March 2024: 1 post');
    assert.equal(monthPosts(strings, '2024-03', 2, 'en'), 'March 2024: 2 posts');
  });

  it('still shows the many-form for a state saved before the singular strings existed', () => {
    const older: TrackerStrings = { ...strings };
    for (const key of ['oneCommitOnOneDay', 'oneCommitOnDays', 'commitsOnOneDay', 'monthOnePost']) delete (older as unknown as Record<string, unknown>)[key];
    assert.equal(commitsOnDays(older, 1, 1, 'en'), '1 commits on 1 days');
  });

  it('a streak that ended says when you were last active, not "No streak yet"', () => {
    const scan = { days: new Map([['2024-06-03', 2], ['2024-06-04', 1]]), perRepo: [], posts: [], warnings: [], identities: [], timeZone: 'UTC', dateKind: 'author' as const, duplicates: 0 };
    const model = buildTrackerModel(scan, { today: '2024-06-12' });
    assert.equal(model.current.length, 0);
    assert.equal(model.longest.length, 2);
    assert.equal(noStreakDetail(strings, true, model.lastActiveDay, 'en'), 'Last active Jun 4, 2024');
    // Nothing ever, the longest card, and a state saved before the sentence existed.
    const empty = buildTrackerModel({ ...scan, days: new Map() }, { today: '2024-06-12' });
    assert.equal(noStreakDetail(strings, true, empty.lastActiveDay, 'en'), 'No streak yet');
    assert.equal(noStreakDetail(strings, false, model.lastActiveDay, 'en'), 'No streak yet');
    assert.equal(noStreakDetail({ ...strings, lastActive: undefined }, true, model.lastActiveDay, 'en'), 'No streak yet');
  });

  it('shows a streak as a big number and a small unit in English', () => {
    assert.deepEqual(streakFigure({ unit: 'day', length: 12 }, strings, 'en'), { figure: '12', unit: 'days' });
    assert.deepEqual(streakFigure({ unit: 'day', length: 1 }, strings, 'en'), { figure: '1', unit: 'day' });
    assert.deepEqual(streakFigure({ unit: 'week', length: 1200 }, strings, 'en'), { figure: '1,200', unit: 'weeks' });
  });

  it('does not repeat the number for a translation without a space ("{0}日")', () => {
    const japanese: TrackerStrings = { ...strings, days: '{0}日', day: '1日' };
    assert.deepEqual(streakFigure({ unit: 'day', length: 12 }, japanese, 'ja'), { figure: '12', unit: '日' });
    assert.deepEqual(streakFigure({ unit: 'day', length: 1 }, japanese, 'ja'), { figure: '1', unit: '日' });
  });

  it('shows a translation that puts the number later as a whole', () => {
    const numberLast: TrackerStrings = { ...strings, days: 'Tage: {0}' };
    assert.deepEqual(streakFigure({ unit: 'day', length: 12 }, numberLast, 'de'), { figure: 'Tage: 12', unit: '' });
  });

  it("a day's tooltip names the learning besides commits that counted, and only what counts", () => {
    const post = { kind: 'post' as const, path: 'content/posts/a.md', epochSeconds: 1718013600, day: '2024-06-10', sha: 'a'.repeat(40), repo: 'blog', repoIndex: 0 };
    const scan = { days: new Map([['2024-06-10', 3]]), perRepo: [], posts: [post], warnings: [], identities: [], timeZone: 'UTC', dateKind: 'author' as const, duplicates: 0 };
    const extraActivity = { checklist: new Map([['2024-06-11', 1], ['2024-06-10', 2]]), practice: new Map([['2024-06-11', 4]]) };
    const model = buildTrackerModel(scan, { today: '2024-06-12', countAsLearning: ['commits', 'posts', 'checklist', 'practice'], extraActivity });
    const cell = (day: string) => model.cells.find((c) => c.day === day)!;
    assert.equal(describeCell(cell('2024-06-11'), strings, 'en'), 'No commits on Tue, Jun 11, 2024 · 1 checklist step done, 4 interview questions practised');
    assert.equal(describeCell(cell('2024-06-10'), strings, 'en'), '3 commits on Mon, Jun 10, 2024 · 1 post published, 2 checklist steps done');
    assert.equal(describeCell(cell('2024-06-12'), strings, 'en'), 'No commits on Wed, Jun 12, 2024');
    // Practice not counted: it is neither named nor keeps the day active.
    const commitsAndChecklist = buildTrackerModel(scan, { today: '2024-06-12', countAsLearning: ['commits', 'checklist'], extraActivity });
    const tuesday = commitsAndChecklist.cells.find((c) => c.day === '2024-06-11')!;
    assert.equal(describeCell(tuesday, strings, 'en'), 'No commits on Tue, Jun 11, 2024 · 1 checklist step done');
    // A state saved before the day said what counted keeps the older sentence.
    const older: TrackerStrings = { ...strings, cellWithOther: undefined };
    assert.equal(describeCell(cell('2024-06-11'), older, 'en'), 'No commits, other learning on Tue, Jun 11, 2024');
  });
});

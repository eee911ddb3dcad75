// Streaks computed from real repositories through the tracker's scan: identities (.mailmap),
// a commit present in two repositories counted once, and the day decided in the user's zone.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectCardActivity } from '../../../src/core/tracker/card-activity';
import { scanRepositories } from '../../../src/core/tracker/scan';
import { computeStreaks } from '../../../src/core/tracker/streaks';
import { createRepo, git, tempDir, type TempRepo } from './cli-temp-repo';

describe('streaks from real repositories', function () {
  this.timeout(60_000);
  const cleanup: string[] = [];
  let origin: TempRepo;
  let clone: string;

  before(() => {
    origin = createRepo();
    cleanup.push(origin.dir);
    writeFileSync(join(origin.dir, '.mailmap'), 'Test User <me@example.com> <old@school.edu>\n');
    origin.commit({ date: '2025-06-02T10:00:00Z', subject: 'Day one' });
    origin.commit({ date: '2025-06-03T10:00:00Z', subject: 'Day two' });
    origin.commit({ date: '2025-06-04T10:00:00Z', subject: 'From my old laptop', email: 'old@school.edu' });
    origin.commit({ date: '2025-06-04T11:00:00Z', subject: 'Someone else', email: 'friend@example.org' });
    // A clone (like a fork checked out twice) with one more commit of its own.
    const parent = tempDir();
    cleanup.push(parent);
    clone = join(parent, 'clone');
    git(origin.dir, ['clone', '-q', origin.dir, clone]);
    git(clone, ['config', 'user.email', 'me@example.com']);
    git(clone, ['config', 'user.name', 'Test User']);
    writeFileSync(join(clone, 'extra.txt'), 'x');
    git(clone, ['add', '-A']);
    git(clone, ['commit', '-q', '-m', 'Only in the clone'], {
      GIT_AUTHOR_DATE: '2025-06-05T10:00:00Z',
      GIT_COMMITTER_DATE: '2025-06-05T10:00:00Z',
      GIT_AUTHOR_EMAIL: 'me@example.com',
      GIT_COMMITTER_EMAIL: 'me@example.com',
    });
  });
  after(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('a commit in both the repository and its clone counts once, by SHA', async () => {
    const scan = await scanRepositories({ repos: [origin.dir, clone], emails: ['me@example.com'], timeZone: 'UTC', useConfiguredEmail: false });
    assert.deepEqual(
      scan.days,
      new Map([
        ['2025-06-02', 1],
        ['2025-06-03', 1],
        ['2025-06-04', 1],
        ['2025-06-05', 1],
      ]),
    );
    const s = computeStreaks(scan.days, { today: '2025-06-05' });
    assert.deepEqual(s.current, { length: 4, start: '2025-06-02', end: '2025-06-05', atRisk: false });
  });

  it('.mailmap brings an old address into the streak; without it that day is missing', async () => {
    const withMap = await scanRepositories({ repos: [origin.dir], emails: ['me@example.com'], timeZone: 'UTC', useConfiguredEmail: false });
    assert.equal(computeStreaks(withMap.days, { today: '2025-06-04' }).current.length, 3);

    const noMap = createRepo();
    cleanup.push(noMap.dir);
    noMap.commit({ date: '2025-06-02T10:00:00Z', subject: 'Day one' });
    noMap.commit({ date: '2025-06-03T10:00:00Z', subject: 'Day two' });
    noMap.commit({ date: '2025-06-04T10:00:00Z', subject: 'From my old laptop', email: 'old@school.edu' });
    const without = await scanRepositories({ repos: [noMap.dir], emails: ['me@example.com'], timeZone: 'UTC', useConfiguredEmail: false });
    const s = computeStreaks(without.days, { today: '2025-06-04' });
    assert.deepEqual(s.current, { length: 2, start: '2025-06-02', end: '2025-06-03', atRisk: true });
  });

  it('the same commits make a streak in New York and in Kiritimati but not in UTC', async () => {
    const repo = createRepo();
    cleanup.push(repo.dir);
    repo.commit({ date: '2025-06-02T23:30:00Z', subject: 'Late' });
    repo.commit({ date: '2025-06-04T01:00:00Z', subject: 'Early' });
    const streakIn = async (timeZone: string, today: string) => {
      const scan = await scanRepositories({ repos: [repo.dir], emails: ['me@example.com'], timeZone, useConfiguredEmail: false });
      return computeStreaks(scan.days, { today }).current;
    };
    assert.deepEqual(await streakIn('America/New_York', '2025-06-03'), { length: 2, start: '2025-06-02', end: '2025-06-03', atRisk: false });
    assert.deepEqual(await streakIn('Pacific/Kiritimati', '2025-06-04'), { length: 2, start: '2025-06-03', end: '2025-06-04', atRisk: false });
    assert.equal((await streakIn('UTC', '2025-06-04')).length, 1);
  });

  it('posts published count as learning only when the setting says so', async () => {
    const repo = createRepo();
    cleanup.push(repo.dir);
    repo.commit({ date: '2025-06-02T10:00:00Z', subject: 'Code' });
    repo.commit({ date: '2025-06-03T10:00:00Z', subject: 'Post', file: 'content/posts/hello.md', content: '# Hello\n' });
    const base = { repos: [repo.dir], emails: ['me@example.com'], timeZone: 'UTC', useConfiguredEmail: false, today: '2025-06-03' } as const;
    const withPosts = await collectCardActivity({ ...base, countAsLearning: ['commits', 'posts'] });
    assert.deepEqual(withPosts.days, new Map([['2025-06-02', 1], ['2025-06-03', 2]]));
    assert.equal(withPosts.postsThisYear, 1);
    const postsOnly = await collectCardActivity({ ...base, countAsLearning: ['posts'] });
    assert.deepEqual(postsOnly.days, new Map([['2025-06-03', 1]]));
    const withChecklist = await collectCardActivity({ ...base, countAsLearning: ['commits', 'checklist'], checklistDays: new Map([['2025-06-01', 1]]) });
    assert.equal(computeStreaks(withChecklist.days, { today: '2025-06-03' }).current.length, 3);
  });

  it('a post committed as a draft is not published: the card counts neither the post nor its day as a post', async () => {
    const repo = createRepo();
    cleanup.push(repo.dir);
    repo.commit({ date: '2025-06-02T10:00:00Z', subject: 'Draft', file: 'content/posts/wip.md', content: '---\ntitle: Work in progress\ndraft: true\n---\n' });
    repo.commit({ date: '2025-06-03T10:00:00Z', subject: 'Jekyll draft', file: '_posts/2025-06-03-later.md', content: '---\nlayout: post\npublished: false\n---\n' });
    const base = { repos: [repo.dir], emails: ['me@example.com'], timeZone: 'UTC', useConfiguredEmail: false, today: '2025-06-03' } as const;
    const drafts = await collectCardActivity({ ...base, countAsLearning: ['posts'] });
    assert.equal(drafts.postsThisYear, 0);
    assert.deepEqual(drafts.days, new Map());
    // Published later: the same post counts, on the day it was first added.
    repo.commit({ date: '2025-06-03T12:00:00Z', subject: 'Publish', file: 'content/posts/wip.md', content: '---\ntitle: Work in progress\ndraft: false\n---\n' });
    const published = await collectCardActivity({ ...base, countAsLearning: ['posts'] });
    assert.equal(published.postsThisYear, 1);
    assert.deepEqual(published.days, new Map([['2025-06-02', 1]]));
  });
});

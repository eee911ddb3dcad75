import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanRepositories, type ScanOptions } from '../../../src/core/tracker/scan';
import { readWeekCommits } from '../../../src/core/tracker/weekly-summary';
import { ME, TempRepo, git, removeTempDirs, tempDir } from './git-fixtures';

function scan(repos: string[], extra: Partial<ScanOptions> = {}) {
  return scanRepositories({ repos, emails: [], timeZone: 'UTC', ...extra });
}
const asObject = (days: Map<string, number>) => Object.fromEntries([...days].sort(([a], [b]) => (a < b ? -1 : 1)));
const postList = (r: { posts: { path: string; kind: string; day: string }[] }) => r.posts.map((p) => `${p.kind}:${p.path}@${p.day}`).sort();
const OLD = 'me@old-laptop.local';

describe('tracker: which commits are the user\'s', () => {
  after(removeTempDirs);

  it('with the committer date, the author still decides whose commit it is (scan and posts)', async () => {
    const repo = TempRepo.create();
    // The user's commit, committed by GitHub (a web merge or squash), on a later day.
    repo.commit({ date: '2024-03-01T12:00:00Z', committerDate: '2024-03-04T12:00:00Z', email: ME, committerEmail: 'noreply@github.com', files: { 'posts/mine.md': '# mine\n' } });
    // A colleague's post the user applied (author: colleague, committer: the user).
    repo.commit({ date: '2024-03-02T12:00:00Z', email: 'colleague@example.net', committerEmail: ME, files: { 'posts/theirs.md': '# theirs\n' } });
    const byCommitter = await scan([repo.dir], { dateKind: 'committer' });
    assert.deepEqual(asObject(byCommitter.days), { '2024-03-04': 1 });
    assert.deepEqual(postList(byCommitter), ['post:posts/mine.md@2024-03-04']);
  });

  it('with the committer date, the weekly summary lists the commits the user authored', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-03-01T12:00:00Z', committerDate: '2024-03-04T12:00:00Z', committerEmail: 'noreply@github.com', message: 'my work, merged on GitHub' });
    repo.commit({ date: '2024-03-04T12:00:00Z', email: 'colleague@example.net', committerEmail: ME, message: 'their work, applied by me' });
    const week = await readWeekCommits(repo.dir, { emails: [ME], range: { start: '2024-03-01', end: '2024-03-07' }, timeZone: 'UTC', dateKind: 'committer' });
    assert.deepEqual(week.map((c) => `${c.subject}@${c.day}`), ['my work, merged on GitHub@2024-03-04']);
  });
});

describe('weekly summary: which refs hold the week\'s work', () => {
  after(removeTempDirs);

  it('git notes and filter-branch backups are not listed as work; a detached HEAD still is', async () => {
    const repo = TempRepo.create();
    const env = { GIT_AUTHOR_EMAIL: ME, GIT_COMMITTER_EMAIL: ME, GIT_AUTHOR_NAME: 'Me', GIT_COMMITTER_NAME: 'Me', GIT_AUTHOR_DATE: '2024-03-02T12:00:00Z', GIT_COMMITTER_DATE: '2024-03-02T12:00:00Z' };
    repo.commit({ date: '2024-03-02T12:00:00Z', message: 'real work' });
    git(repo.dir, ['notes', 'add', '-m', 'a note'], env);
    // A rewritten-away commit kept only by a backup ref, as `git filter-branch` leaves them.
    repo.commit({ date: '2024-03-03T12:00:00Z', message: 'rewritten away' });
    repo.git('update-ref', 'refs/original/refs/heads/main', 'HEAD');
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    repo.git('checkout', '-q', '--detach');
    repo.commit({ date: '2024-03-04T12:00:00Z', message: 'on a detached HEAD' });
    const week = await readWeekCommits(repo.dir, { emails: [ME], range: { start: '2024-03-01', end: '2024-03-07' }, timeZone: 'UTC' });
    assert.deepEqual(week.map((c) => c.subject).sort(), ['on a detached HEAD', 'real work']);
  });
});

describe('tracker cache: .mailmap changes are picked up by a refresh', () => {
  after(removeTempDirs);

  it('committing a .mailmap that claims an old address: the refresh equals a full rescan', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-02-01T12:00:00Z', email: OLD });
    const cacheDir = tempDir('lip-cache-');
    assert.deepEqual(asObject((await scan([repo.dir], { cacheDir })).days), {});
    repo.commit({ date: '2024-02-02T12:00:00Z', files: { '.mailmap': `Me <${ME}> <${OLD}>\n` } });
    const refreshed = await scan([repo.dir], { cacheDir });
    assert.deepEqual(asObject(refreshed.days), { '2024-02-01': 1, '2024-02-02': 1 });
    assert.deepEqual(asObject(refreshed.days), asObject((await scan([repo.dir])).days));
  });

  it('a .mailmap written in the work tree only: the refresh equals a full rescan', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-02-01T12:00:00Z', email: OLD });
    repo.commit({ date: '2024-02-02T12:00:00Z' });
    const cacheDir = tempDir('lip-cache-');
    assert.deepEqual(asObject((await scan([repo.dir], { cacheDir })).days), { '2024-02-02': 1 });
    fs.writeFileSync(path.join(repo.dir, '.mailmap'), `Me <${ME}> <${OLD}>\n`);
    const refreshed = await scan([repo.dir], { cacheDir });
    assert.deepEqual(asObject(refreshed.days), { '2024-02-01': 1, '2024-02-02': 1 });
    // And removing it again takes the old address back out.
    fs.rmSync(path.join(repo.dir, '.mailmap'));
    assert.deepEqual(asObject((await scan([repo.dir], { cacheDir })).days), { '2024-02-02': 1 });
  });

  it('a mailmap file named by the mailmap.file setting: editing it or the setting is picked up', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-02-01T12:00:00Z', email: OLD });
    repo.commit({ date: '2024-02-02T12:00:00Z' });
    const cacheDir = tempDir('lip-cache-');
    const mailmap = path.join(tempDir(), 'my-mailmap');
    fs.writeFileSync(mailmap, '# nothing yet\n');
    repo.git('config', 'mailmap.file', mailmap);
    assert.deepEqual(asObject((await scan([repo.dir], { cacheDir })).days), { '2024-02-02': 1 });
    fs.writeFileSync(mailmap, `Me <${ME}> <${OLD}>\n`);
    assert.deepEqual(asObject((await scan([repo.dir], { cacheDir })).days), { '2024-02-01': 1, '2024-02-02': 1 });
    repo.git('config', '--unset', 'mailmap.file');
    assert.deepEqual(asObject((await scan([repo.dir], { cacheDir })).days), { '2024-02-02': 1 });
  });

  it('a rebuild after a mailmap change leaves no stale commit-key files in the cache folder', async () => {
    const a = TempRepo.create();
    const b = TempRepo.create();
    a.commit({ date: '2024-02-01T12:00:00Z', email: OLD });
    b.commit({ date: '2024-02-03T12:00:00Z' });
    const cacheDir = tempDir('lip-cache-');
    await scan([a.dir, b.dir], { cacheDir });
    const keyFiles = () => fs.readdirSync(cacheDir).filter((f) => f.endsWith('.keys')).length;
    assert.equal(keyFiles(), 2);
    fs.writeFileSync(path.join(a.dir, '.mailmap'), `Me <${ME}> <${OLD}>\n`);
    assert.deepEqual(asObject((await scan([a.dir, b.dir], { cacheDir })).days), { '2024-02-01': 1, '2024-02-03': 1 });
    assert.equal(keyFiles(), 2);
  });

  it('an unchanged .mailmap keeps the reopen on the cache', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-02-01T12:00:00Z', email: OLD, files: { '.mailmap': `Me <${ME}> <${OLD}>\n` } });
    const cacheDir = tempDir('lip-cache-');
    await scan([repo.dir], { cacheDir });
    const reopened = await scan([repo.dir], { cacheDir });
    assert.equal(reopened.perRepo[0].read, 'unchanged');
    assert.deepEqual(asObject(reopened.days), { '2024-02-01': 1 });
  });
});

describe('tracker cache: a workspace folder that becomes its own repository', () => {
  after(removeTempDirs);

  it('after `git init` inside a scanned subfolder, the refresh reads the new repository', async () => {
    const outer = TempRepo.create();
    outer.commit({ date: '2024-01-01T12:00:00Z', files: { 'sub/deeper/a.txt': 'a' } });
    const sub = path.join(outer.dir, 'sub', 'deeper');
    const cacheDir = tempDir('lip-cache-');
    assert.deepEqual(asObject((await scan([sub], { cacheDir })).days), { '2024-01-01': 1 });
    // The repository appears between the folder and the old top, one level up.
    const inner = TempRepo.create(path.join(outer.dir, 'sub'));
    inner.commit({ date: '2024-05-05T12:00:00Z', files: { 'b.txt': 'b' } });
    const refreshed = await scan([sub], { cacheDir });
    assert.equal(refreshed.perRepo[0].root, fs.realpathSync(path.join(outer.dir, 'sub')));
    assert.deepEqual(asObject(refreshed.days), { '2024-05-05': 1 });
    // Nothing changed since: the reopen trusts the cached location again.
    assert.equal((await scan([sub], { cacheDir })).perRepo[0].read, 'unchanged');
  });
});

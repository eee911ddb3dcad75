import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanRepositories, type ScanOptions } from '../../../src/core/tracker/scan';
import { GitNotFoundError } from '../../../src/core/tracker/git-command';
import { buildTrackerModel } from '../../../src/core/tracker/tracker-view-model';
import { ME, TempRepo, git, removeTempDirs, tempDir } from './git-fixtures';

function scan(repos: string[], extra: Partial<ScanOptions> = {}) {
  return scanRepositories({ repos, emails: [], timeZone: 'UTC', ...extra });
}

const asObject = (days: Map<string, number>) => Object.fromEntries([...days].sort(([a], [b]) => (a < b ? -1 : 1)));

describe('tracker scan: which day a commit lands on', () => {
  after(removeTempDirs);

  it('puts a late-evening commit on the day of the chosen time zone', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-03-05T23:30:00-05:00' }); // 04:30 UTC on the 6th
    assert.deepEqual(asObject((await scan([repo.dir], { timeZone: 'America/New_York' })).days), { '2024-03-05': 1 });
    assert.deepEqual(asObject((await scan([repo.dir], { timeZone: 'Europe/Berlin' })).days), { '2024-03-06': 1 });
    assert.deepEqual(asObject((await scan([repo.dir], { timeZone: 'Pacific/Honolulu' })).days), { '2024-03-05': 1 });
    assert.deepEqual(asObject((await scan([repo.dir], { timeZone: 'Asia/Kathmandu' })).days), { '2024-03-06': 1 });
  });

  it('keeps days right across a DST change (spring forward and fall back)', async () => {
    const repo = TempRepo.create();
    // Berlin: 2024-03-31 02:00 → 03:00; 2024-10-27 03:00 → 02:00.
    repo.commit({ date: '2024-03-30T23:59:59+01:00' });
    repo.commit({ date: '2024-03-31T00:00:00+01:00' });
    repo.commit({ date: '2024-03-31T23:59:59+02:00' });
    repo.commit({ date: '2024-04-01T00:00:01+02:00' });
    repo.commit({ date: '2024-10-27T23:30:00+01:00' });
    repo.commit({ date: '2024-10-26T23:30:00+02:00' });
    const { days } = await scan([repo.dir], { timeZone: 'Europe/Berlin' });
    assert.deepEqual(asObject(days), { '2024-03-30': 1, '2024-03-31': 2, '2024-04-01': 1, '2024-10-26': 1, '2024-10-27': 1 });
  });

  it('uses the committer date when the setting asks for it', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-05-01T10:00:00Z', committerDate: '2024-05-03T10:00:00Z' });
    assert.deepEqual(asObject((await scan([repo.dir])).days), { '2024-05-01': 1 });
    assert.deepEqual(asObject((await scan([repo.dir], { dateKind: 'committer' })).days), { '2024-05-03': 1 });
  });

  it('rejects an unknown time zone with a readable message', async () => {
    const repo = TempRepo.create();
    await assert.rejects(scan([repo.dir], { timeZone: 'Mars/Olympus' }), /not a known time zone/);
  });
});

describe('tracker scan: whose commits count', () => {
  after(removeTempDirs);

  it('counts git user.email and the extra emails, ignoring case, and nobody else', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-01-01T12:00:00Z', email: ME });
    repo.commit({ date: '2024-01-02T12:00:00Z', email: 'Me@Example.COM' });
    repo.commit({ date: '2024-01-03T12:00:00Z', email: 'work@corp.example' });
    repo.commit({ date: '2024-01-04T12:00:00Z', email: 'someone-else@example.net' });
    const own = await scan([repo.dir]);
    assert.deepEqual(asObject(own.days), { '2024-01-01': 1, '2024-01-02': 1 });
    const withWork = await scan([repo.dir], { emails: ['  WORK@corp.example '] });
    assert.deepEqual(asObject(withWork.days), { '2024-01-01': 1, '2024-01-02': 1, '2024-01-03': 1 });
    assert.deepEqual(withWork.identities, ['me@example.com', 'work@corp.example']);
  });

  it('honours .mailmap: an old address mapped to the user counts', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-02-01T12:00:00Z', email: 'me@old-laptop.local' });
    repo.commit({ date: '2024-02-02T12:00:00Z', files: { '.mailmap': `Me <${ME}> <me@old-laptop.local>\n` } });
    assert.deepEqual(asObject((await scan([repo.dir])).days), { '2024-02-01': 1, '2024-02-02': 1 });
  });

  it('counts a commit present in a repository and its clone once', async () => {
    const upstream = TempRepo.create();
    upstream.commit({ date: '2024-06-01T12:00:00Z' });
    upstream.commit({ date: '2024-06-02T12:00:00Z' });
    const clone = path.join(tempDir(), 'clone');
    git(path.dirname(clone), ['clone', '-q', upstream.dir, clone]);
    git(clone, ['config', 'user.email', ME]);
    const cloned = new TempRepo(clone);
    cloned.commit({ date: '2024-06-03T12:00:00Z' });
    const result = await scan([upstream.dir, clone]);
    assert.deepEqual(asObject(result.days), { '2024-06-01': 1, '2024-06-02': 1, '2024-06-03': 1 });
    assert.equal(result.duplicates, 2);
    assert.deepEqual(result.perRepo.map((r) => r.commits), [2, 3]);
  });

  it('counts commits on every branch, remote-tracking branch and tag, and a detached HEAD', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-07-01T12:00:00Z' });
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit({ date: '2024-07-02T12:00:00Z' });
    repo.git('checkout', '-q', 'main');
    repo.git('checkout', '-q', '--detach');
    repo.commit({ date: '2024-07-03T12:00:00Z' });
    const result = await scan([repo.dir]);
    assert.deepEqual(asObject(result.days), { '2024-07-01': 1, '2024-07-02': 1, '2024-07-03': 1 });
    assert.equal(result.perRepo[0].detachedHead, true);
  });
});

describe('tracker scan: bad input gets a sensible result or a clear message', () => {
  after(removeTempDirs);

  it('reports a folder that is not a repository, and one that does not exist, and still reads the rest', async () => {
    const plain = tempDir();
    const repo = TempRepo.create();
    repo.commit({ date: '2024-01-05T12:00:00Z' });
    const gone = path.join(plain, 'vanished');
    const result = await scan([plain, gone, repo.dir]);
    assert.deepEqual(result.perRepo.map((r) => r.status), ['not-a-repo', 'missing', 'ok']);
    assert.match(result.perRepo[0].message!, /not a git repository/);
    assert.match(result.perRepo[1].message!, /does not exist/);
    assert.deepEqual(asObject(result.days), { '2024-01-05': 1 });
  });

  it('shows an empty repository as empty, not as an error', async () => {
    const repo = TempRepo.create();
    const result = await scan([repo.dir]);
    assert.equal(result.perRepo[0].status, 'empty');
    assert.match(result.perRepo[0].message!, /no commits yet/);
    assert.equal(result.days.size, 0);
  });

  it('warns when none of the commits are by the user', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-01-05T12:00:00Z', email: 'colleague@example.net' });
    const result = await scan([repo.dir]);
    assert.equal(result.days.size, 0);
    assert.ok(result.warnings.some((w) => /No commits by me@example.com/.test(w)), result.warnings.join('\n'));
  });

  it('asks for an email when neither git nor the settings have one', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-01-05T12:00:00Z' });
    const result = await scan([repo.dir], { useConfiguredEmail: false });
    assert.ok(result.warnings.some((w) => /No email address/.test(w)));
  });

  it('reads a shallow clone and says only its history counts', async () => {
    const upstream = TempRepo.create();
    upstream.commit({ date: '2024-03-01T12:00:00Z' });
    upstream.commit({ date: '2024-03-02T12:00:00Z' });
    upstream.commit({ date: '2024-03-03T12:00:00Z' });
    const shallow = path.join(tempDir(), 'shallow');
    git(path.dirname(shallow), ['clone', '-q', '--depth', '1', `file://${upstream.dir}`, shallow]);
    const result = await scan([shallow], { emails: [ME] });
    assert.deepEqual(asObject(result.days), { '2024-03-03': 1 });
    assert.equal(result.perRepo[0].shallow, true);
    assert.ok(result.warnings.some((w) => /shallow clone/.test(w)));
  });

  it('skips commits with dates git cannot represent and keeps future-dated ones', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-01-01T12:00:00Z' });
    repo.rawCommit(`Me <${ME}> -100 +0000`, `Me <${ME}> -100 +0000`); // before 1970
    repo.rawCommit(`Me <${ME}> 4102444800 +0000`, `Me <${ME}> 4102444800 +0000`); // 2100-01-01
    repo.rawCommit(`Me <${ME}> 99999999999999 +0000`, `Me <${ME}> 99999999999999 +0000`); // year 3 million
    const result = await scan([repo.dir]);
    assert.deepEqual(asObject(result.days), { '2024-01-01': 1, '2100-01-01': 1 });
    assert.ok(result.warnings.some((w) => /2 of your commits have no usable date/.test(w)), result.warnings.join('\n'));
    // The repository's row knows which of its commits lie after today, and its last day is not one of them.
    assert.deepEqual(result.perRepo[0].future, { commits: 1, days: 1 });
    assert.equal(result.perRepo[0].lastDay, '2024-01-01');
    const model = buildTrackerModel(result, { today: '2026-11-24' });
    assert.deepEqual([model.repos[0].commits, model.repos[0].activeDays, model.repos[0].lastDay], [1, 1, '2024-01-01']);
    assert.ok(model.warnings.some((w) => w.startsWith(`${result.perRepo[0].name}: 1 commit dated after today`)), model.warnings.join('\n'));
  });

  it('leaves out a post added by a commit dated past any calendar, and still lists the others', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-01-01T12:00:00Z', files: { 'content/posts/first.md': '# First\n' } });
    const base = repo.head();
    repo.commit({ date: '2024-01-02T12:00:00Z', files: { 'content/posts/far.md': '# Far\n' } });
    const tree = git(repo.dir, ['rev-parse', 'HEAD^{tree}']).trim();
    repo.rawCommit(`Me <${ME}> 99999999999999 +0000`, `Me <${ME}> 99999999999999 +0000`, 'year 3 million', tree, base);
    const result = await scan([repo.dir]);
    assert.deepEqual(result.posts.map((p) => [p.path, p.day]), [['content/posts/first.md', '2024-01-01']]);
    assert.deepEqual(asObject(result.days), { '2024-01-01': 1 });
  });

  it('says clearly when git is not installed', async () => {
    const repo = TempRepo.create();
    const savedPath = process.env.PATH;
    process.env.PATH = tempDir(); // an empty folder: no git on the PATH
    try {
      await assert.rejects(scan([repo.dir]), (err: unknown) => err instanceof GitNotFoundError && /git was not found/.test(err.message));
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it('stops with a clear "cancelled" error when the scan is cancelled', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-01-01T12:00:00Z' });
    const controller = new AbortController();
    const pending = scan([repo.dir], { signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, /cancelled/);
  });

  it('hands over the heatmap once, as soon as the day counts are known, equal to the final days', async () => {
    const a = TempRepo.create();
    const b = TempRepo.create();
    a.commit({ date: '2024-01-01T12:00:00Z', files: { 'content/posts/x.md': '# x\n' } });
    b.commit({ date: '2024-01-02T12:00:00Z' });
    const calls: Map<string, number>[] = [];
    const result = await scan([a.dir, b.dir, tempDir()], { onHeatmap: (days) => calls.push(days) });
    assert.equal(calls.length, 1);
    assert.deepEqual(asObject(calls[0]), asObject(result.days));
  });

  it('reads a repository from any folder inside it, once', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-01-01T12:00:00Z', files: { 'docs/a.txt': 'a' } });
    const result = await scan([path.join(repo.dir, 'docs'), repo.dir]);
    assert.deepEqual(asObject(result.days), { '2024-01-01': 1 });
    assert.equal(result.perRepo[0].root, fs.realpathSync(repo.dir));
    assert.match(result.perRepo[1].message!, /Same repository/);
  });

  it('reads a linked worktree beside its repository once, unless its detached HEAD holds commits of its own', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-01-01T12:00:00Z' });
    const worktree = path.join(tempDir(), 'wt');
    repo.git('worktree', 'add', '-q', '-b', 'side', worktree);
    const side = new TempRepo(worktree);
    side.commit({ date: '2024-01-02T12:00:00Z' });

    // The branch 'side' is a ref of both: one row reads it, the other says where it was counted.
    const once = await scan([repo.dir, worktree]);
    assert.deepEqual(asObject(once.days), { '2024-01-01': 1, '2024-01-02': 1 });
    assert.equal(once.perRepo[0].commits, 2);
    assert.equal(once.perRepo[1].commits, 0);
    assert.match(once.perRepo[1].message!, /Same repository as .* \(a linked worktree\); counted there/);
    assert.equal(once.perRepo[1].status, 'ok');

    // A commit on a detached HEAD in the worktree is reachable only from there: both are read.
    side.git('checkout', '-q', '--detach');
    side.commit({ date: '2024-01-03T12:00:00Z' });
    const both = await scan([repo.dir, worktree]);
    assert.deepEqual(asObject(both.days), { '2024-01-01': 1, '2024-01-02': 1, '2024-01-03': 1 });
    assert.equal(both.perRepo[1].commits, 3);
    assert.equal(both.perRepo[1].message, undefined);
  });
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { scanRepositories, type ScanResult } from '../../../src/core/tracker/scan';
import { ME, TempRepo, git, removeTempDirs, tempDir } from './git-fixtures';

type Op =
  | { kind: 'commit'; repo: 0 | 1; day: number; mine: boolean; post: boolean }
  | { kind: 'branch'; repo: 0 | 1; name: string }
  | { kind: 'checkout-main'; repo: 0 | 1 }
  | { kind: 'merge'; repo: 0 | 1; name: string }
  | { kind: 'reset'; repo: 0 | 1 }
  | { kind: 'amend'; repo: 0 | 1; day: number }
  | { kind: 'delete-branch'; repo: 0 | 1; name: string }
  | { kind: 'tag'; repo: 0 | 1; name: string }
  | { kind: 'detach'; repo: 0 | 1 }
  | { kind: 'fetch'; repo: 0 | 1 }
  | { kind: 'gc'; repo: 0 | 1 };

const repoIndex = fc.constantFrom<0 | 1>(0, 1);
const branchName = fc.constantFrom('topic', 'idea', 'spike');
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('commit' as const), repo: repoIndex, day: fc.integer({ min: 0, max: 40 }), mine: fc.boolean(), post: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('branch' as const), repo: repoIndex, name: branchName }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('checkout-main' as const), repo: repoIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), repo: repoIndex, name: branchName }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reset' as const), repo: repoIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('amend' as const), repo: repoIndex, day: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-branch' as const), repo: repoIndex, name: branchName }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tag' as const), repo: repoIndex, name: fc.constantFrom('v1', 'v2') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('detach' as const), repo: repoIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fetch' as const), repo: repoIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('gc' as const), repo: repoIndex }) },
);

function dateOf(day: number, seq: number): string {
  const t = Date.UTC(2024, 0, 1) + day * 86_400_000 + (seq % 1440) * 60_000;
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

function tryGit(dir: string, ...args: string[]): boolean {
  try {
    git(dir, args);
    return true;
  } catch {
    return false;
  }
}

function apply(repos: TempRepo[], o: Op, seq: number): void {
  const r = repos[o.repo];
  switch (o.kind) {
    case 'commit':
      r.commit({ date: dateOf(o.day, seq), email: o.mine ? ME : 'other@example.net', files: o.post ? { [`content/posts/p${seq}.md`]: `# ${seq}\n` } : { [`notes/n${seq % 3}.txt`]: `${seq}\n` } });
      break;
    case 'branch':
      tryGit(r.dir, 'checkout', '-q', '-B', o.name);
      break;
    case 'checkout-main':
      tryGit(r.dir, 'checkout', '-q', 'main');
      break;
    case 'merge':
      git(r.dir, ['-c', 'user.email=' + ME, 'merge', '-q', '--no-ff', '--no-edit', o.name], { GIT_AUTHOR_DATE: dateOf(seq % 40, seq), GIT_COMMITTER_DATE: dateOf(seq % 40, seq) }).toString();
      break;
    case 'reset':
      tryGit(r.dir, 'reset', '-q', '--hard', 'HEAD~1');
      break;
    case 'amend':
      tryGit(r.dir, 'commit', '-q', '--amend', '--allow-empty', '--no-edit', `--date=${dateOf(o.day, seq)}`);
      break;
    case 'delete-branch':
      tryGit(r.dir, 'branch', '-q', '-D', o.name);
      break;
    case 'tag':
      tryGit(r.dir, 'tag', '-f', o.name);
      break;
    case 'detach':
      tryGit(r.dir, 'checkout', '-q', '--detach');
      break;
    case 'fetch':
      tryGit(r.dir, 'fetch', '-q', repos[1 - o.repo].dir, '+refs/heads/*:refs/remotes/other/*');
      break;
    case 'gc':
      tryGit(r.dir, 'reflog', 'expire', '--expire=now', '--all');
      tryGit(r.dir, 'gc', '-q', '--prune=now');
      break;
  }
}

function comparable(result: ScanResult) {
  return {
    days: Object.fromEntries([...result.days].sort(([a], [b]) => (a < b ? -1 : 1))),
    commits: result.perRepo.map((r) => r.commits),
    posts: result.posts.map((p) => `${p.kind} ${p.path} ${p.day} ${p.sha}`),
    duplicates: result.duplicates,
  };
}

describe('tracker: a cached-then-incremental scan equals a full rescan', function () {
  this.timeout(240_000);
  after(removeTempDirs);

  it('for random commit sequences with branches, merges, rewrites, deleted branches and gc', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 2, maxLength: 7 }), fc.boolean(), async (ops, twoRepos) => {
        const base = tempDir();
        const first = TempRepo.create(path.join(base, 'first'));
        first.commit({ date: dateOf(0, 0), files: { 'README.md': '# first\n' } });
        const repos = [first];
        if (twoRepos) {
          git(base, ['clone', '-q', first.dir, path.join(base, 'second')]);
          git(path.join(base, 'second'), ['config', 'user.email', ME]);
          repos.push(new TempRepo(path.join(base, 'second')));
        } else {
          repos.push(first);
        }
        const folders = [...new Set(repos.map((r) => r.dir))];
        const cacheDir = path.join(base, 'cache');
        const options = { repos: folders, emails: [ME], timeZone: 'Europe/Berlin' };
        await scanRepositories({ ...options, cacheDir });
        let seq = 1;
        for (const o of ops) {
          try {
            apply(repos, o, seq++);
          } catch {
            continue; // an operation that does not apply here (e.g. merging a missing branch)
          }
          const incremental = await scanRepositories({ ...options, cacheDir });
          const full = await scanRepositories(options);
          assert.deepEqual(comparable(incremental), comparable(full), `after ${JSON.stringify(o)}`);
        }
        fs.rmSync(base, { recursive: true, force: true });
      }),
      { numRuns: 6 },
    );
  });

  it('reads nothing when nothing changed, only the new commit after a commit, everything after a rewrite', async () => {
    const repo = TempRepo.create();
    for (let i = 0; i < 5; i++) repo.commit({ date: dateOf(i, i) });
    const cacheDir = tempDir();
    const options = { repos: [repo.dir], emails: [ME], timeZone: 'UTC', cacheDir };
    const first = await scanRepositories(options);
    assert.equal(first.perRepo[0].read, 'full');
    assert.equal(first.perRepo[0].commitsRead, 5);

    const again = await scanRepositories(options);
    assert.equal(again.perRepo[0].read, 'unchanged');
    assert.equal(again.perRepo[0].commitsRead, 0);

    repo.commit({ date: dateOf(9, 9) });
    const afterCommit = await scanRepositories(options);
    assert.equal(afterCommit.perRepo[0].read, 'incremental');
    assert.equal(afterCommit.perRepo[0].commitsRead, 1);
    assert.equal(afterCommit.perRepo[0].commits, 6);

    repo.git('reset', '-q', '--hard', 'HEAD~2');
    const afterRewrite = await scanRepositories(options);
    assert.equal(afterRewrite.perRepo[0].read, 'full');
    assert.equal(afterRewrite.perRepo[0].commits, 4);

    // An amended tip brings a new commit, but the old one is gone: read again, not added to.
    repo.git('commit', '-q', '--amend', '--allow-empty', '--no-edit');
    const afterAmend = await scanRepositories(options);
    assert.equal(afterAmend.perRepo[0].read, 'full');
    assert.equal(afterAmend.perRepo[0].commits, 4);

    // A branch merged and then deleted: its tip is a parent of the merge, so nothing was lost.
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit({ date: dateOf(11, 11) });
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--no-ff', '--no-edit', 'topic');
    repo.git('branch', '-q', '-D', 'topic');
    const afterMerge = await scanRepositories(options);
    assert.equal(afterMerge.perRepo[0].read, 'incremental');
    assert.equal(afterMerge.perRepo[0].commits, 6);
    assert.deepEqual(comparable(afterMerge), comparable(await scanRepositories({ ...options, cacheDir: undefined })));
  });

  it('a replaced commit (git replace) or a grafts file changes the history git shows: the next scan reads it again', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: dateOf(1, 1), files: { 'a.txt': '1\n' } });
    const second = repo.commit({ date: dateOf(2, 2), files: { 'a.txt': '2\n' } });
    repo.commit({ date: dateOf(3, 3), files: { 'a.txt': '3\n' } });
    const cacheDir = tempDir();
    const options = { repos: [repo.dir], emails: [ME], timeZone: 'UTC', cacheDir };
    assert.equal((await scanRepositories(options)).perRepo[0].commits, 3);

    // The middle commit replaced by one someone else authored (as `git replace --edit` would).
    const text = repo.git('cat-file', 'commit', second).replace(/^author .*$/m, 'author Other <other@example.net> 1704153600 +0000');
    const replacement = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: repo.dir, input: text, encoding: 'utf8' }).trim();
    repo.git('replace', second, replacement);
    const afterReplace = await scanRepositories(options);
    assert.equal(afterReplace.perRepo[0].read, 'full');
    assert.equal(afterReplace.perRepo[0].commits, 2);
    assert.deepEqual(comparable(afterReplace), comparable(await scanRepositories({ ...options, cacheDir: undefined })));

    repo.git('replace', '-d', second);
    assert.equal((await scanRepositories(options)).perRepo[0].commits, 3);

    // A grafts file cutting history at the last commit (git still honours it, with a warning).
    const head = repo.git('rev-parse', 'HEAD').trim();
    fs.writeFileSync(path.join(repo.dir, '.git', 'info', 'grafts'), `${head}\n`);
    const afterGraft = await scanRepositories(options);
    assert.equal(afterGraft.perRepo[0].commits, 1);
    assert.deepEqual(comparable(afterGraft), comparable(await scanRepositories({ ...options, cacheDir: undefined })));
  });

  // A full scan looks for posts in the posts folders that exist at a branch or tag tip. A
  // refresh that makes another one appear there must not keep the cached view of it.
  const appearing: { name: string; setup: (r: TempRepo) => void; change: (r: TempRepo) => void }[] = [
    {
      name: 'a post deleted, then added again: it keeps its first day',
      setup: (r) => {
        r.commit({ date: '2024-01-01T10:00:00Z', files: { 'README.md': '# x\n', 'posts/a.md': '# A\n' } });
        r.commit({ date: '2024-01-02T10:00:00Z', remove: ['posts/a.md'] });
      },
      change: (r) => void r.commit({ date: '2024-01-03T10:00:00Z', files: { 'posts/a.md': '# A again\n' } }),
    },
    {
      name: 'a posts folder created again after its old posts were deleted',
      setup: (r) => {
        r.commit({ date: '2024-01-01T10:00:00Z', files: { 'README.md': '# x\n', 'blog/old.md': '# Old\n' } });
        r.commit({ date: '2024-01-02T10:00:00Z', remove: ['blog/old.md'] });
      },
      change: (r) => void r.commit({ date: '2024-01-03T10:00:00Z', files: { 'blog/new.md': '# New\n' } }),
    },
    {
      name: 'a branch made at an old commit whose posts were deleted later',
      setup: (r) => {
        r.commit({ date: '2024-01-01T10:00:00Z', files: { 'README.md': '# x\n' } });
        r.commit({ date: '2024-01-02T10:00:00Z', files: { 'posts/a.md': '# A\n', 'posts/b.md': '# B\n' } });
        r.commit({ date: '2024-01-03T10:00:00Z', remove: ['posts/a.md', 'posts/b.md'] });
      },
      change: (r) => void r.git('branch', 'old', 'HEAD~1'),
    },
  ];
  for (const scenario of appearing) {
    it(`a refresh equals a full rescan: ${scenario.name}`, async () => {
      const repo = TempRepo.create();
      scenario.setup(repo);
      const options = { repos: [repo.dir], emails: [ME], timeZone: 'UTC', cacheDir: tempDir() };
      await scanRepositories(options);
      scenario.change(repo);
      const refreshed = await scanRepositories(options);
      const full = await scanRepositories({ ...options, cacheDir: undefined });
      assert.ok(full.posts.some((p) => p.kind === 'post'), 'the full rescan finds the posts');
      assert.deepEqual(comparable(refreshed), comparable(full));
    });
  }
});

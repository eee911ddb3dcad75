import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { scanRepositories } from '../../../src/core/tracker/scan';
import { CHAIN_LENGTH, DIRECT_DIFF, FirstParentChains, PublishedFinder, README_NAMES, type Chain } from '../../../src/core/tracker/published-finder';
import { FlowControl, streamGit } from '../../../src/core/tracker/git-command';
import { CommitDayCounter, commitLogFormat } from '../../../src/core/tracker/git-log-reader';
import { DEFAULT_POSTS_FOLDERS, type PublishedItem } from '../../../src/core/tracker/posts';
import { ME, TempRepo, git, removeTempDirs, tempDir } from './git-fixtures';

const sha = (n: number) => n.toString(16).padStart(40, '0');

function chainsOf(commits: [number, number[], boolean?][]): Chain[] {
  const out: Chain[] = [];
  const chains = new FirstParentChains((c) => out.push(c));
  for (const [n, parents, mine = true] of commits) {
    // As git prints it: "<sha>\0<parents>\0".
    const record = Buffer.from(`${sha(n)}\0${parents.map(sha).join(' ')}\0`, 'latin1');
    chains.add(record, 0, 40, 41, record.length - 1, mine);
    record.fill(0); // the chains must have copied what they keep
  }
  chains.end();
  return out;
}

/**
 * A linear history of `total` commits by ME, one a day, with a post added at each index in
 * `postsAt` (1-based); `editReadme`: every commit also rewrites the root README.md.
 */
function linearRepo(total: number, postsAt: readonly number[], other: readonly number[] = [], editReadme = false): string {
  const dir = tempDir();
  git(dir, ['init', '-q', '-b', 'main']);
  const lines: string[] = [];
  const start = Date.UTC(2024, 0, 1, 12) / 1000;
  for (let i = 1; i <= total; i++) {
    const email = other.includes(i) ? 'other@example.net' : ME;
    const stamp = `${start + i * 86_400} +0000`;
    const message = `commit ${i}`;
    lines.push('commit refs/heads/main', `mark :${i}`, `author A <${email}> ${stamp}`, `committer A <${email}> ${stamp}`, `data ${message.length}`, message);
    if (i > 1) lines.push(`from :${i - 1}`);
    const body = postsAt.includes(i) ? `# post ${i}\n` : `note ${i}\n`;
    const file = postsAt.includes(i) ? `content/posts/p${i}.md` : `notes/n${i % 5}.txt`;
    lines.push(`M 100644 inline ${file}`, `data ${Buffer.byteLength(body)}`, body);
    if (editReadme) lines.push('M 100644 inline README.md', `data ${`# Log ${i}\n`.length}`, `# Log ${i}\n`);
  }
  lines.push('done', '');
  execFileSync('git', ['fast-import', '--quiet', '--done'], { cwd: dir, input: lines.join('\n'), env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
  return dir;
}

const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);

/** The day walk of scan.ts, reduced to what the finder needs. */
async function findPublished(dir: string, batch = false, viaFileIn?: string): Promise<{ items: PublishedItem[]; commitsDiffed: number }> {
  const flow = new FlowControl();
  const finder = new PublishedFinder({
    cwd: dir,
    identities: new Set([ME]),
    timeZone: 'UTC',
    dateKind: 'author',
    postsFolders: DEFAULT_POSTS_FOLDERS,
    lookIn: batch ? { existingAt: ['HEAD'] } : { folders: ['content/posts'], readmes: README_NAMES },
    batch,
    // A few waiting chains pause the walk, as 1024 do on a big history.
    maxWaitingChains: 4,
    flow,
  });
  const counter = new CommitDayCounter({ identities: new Set([ME]), timeZone: 'UTC', collectKeys: false, onCommit: (...args) => finder.add(...args) });
  await streamGit({ cwd: dir, flow, viaFileIn, minFreeBytes: 0, args: ['log', commitLogFormat('author', true, true), '--branches'], onStdout: (chunk) => counter.feed(chunk) });
  counter.end();
  const collector = await finder.end();
  return { items: collector.items(), commitsDiffed: finder.commitsDiffed };
}

describe('tracker: finding what was published from the day walk\'s commits', () => {
  after(removeTempDirs);

  it('cuts a linear history into first-parent chains of at most CHAIN_LENGTH, each ending at its base', () => {
    const total = CHAIN_LENGTH * 2 + 5;
    const commits: [number, number[]][] = [];
    for (let n = total; n >= 1; n--) commits.push([n, n > 1 ? [n - 1] : []]);
    const chains = chainsOf(commits);
    assert.deepEqual(chains.map((c) => c.length), [CHAIN_LENGTH, CHAIN_LENGTH, 5]);
    assert.equal(chains[0].sha(0), sha(total));
    assert.equal(chains[0].base, sha(total - CHAIN_LENGTH), 'the first chain ends where the second starts');
    assert.equal(chains[1].sha(0), chains[0].base);
    assert.equal(chains[2].base, undefined, 'the root commit has no base');
  });

  it('follows first parents through merges (never a candidate), and ends a chain at a fork point', () => {
    // 6 merges 5 (first parent) and 4 (side branch); 5 and 4 both come from 3.
    const chains = chainsOf([
      [6, [5, 4]],
      [5, [3]],
      [4, [3], true],
      [3, [2]],
      [2, [1], false],
      [1, []],
    ]);
    const shape = chains.map((c) => ({ commits: Array.from({ length: c.length }, (_, j) => [parseInt(c.sha(j), 16), c.isCandidate(j)]), base: c.base && parseInt(c.base, 16) }));
    assert.deepEqual(shape, [
      { commits: [[4, true]], base: 3 }, // 3 is already awaited by the chain from 6
      { commits: [[6, false], [5, true], [3, true], [2, false], [1, true]], base: undefined },
    ]);
  });

  it('keeps 300 lines of history apart when they are printed interleaved (SHAs sharing their first digits)', () => {
    // Line L has commits L*100+10 … L*100+1 (newest first), the oldest's parent being L*100.
    const commits: [number, number[]][] = [];
    for (let step = 10; step >= 1; step--) for (let line = 1; line <= 300; line++) commits.push([line * 100 + step, [line * 100 + step - 1]]);
    const chains = chainsOf(commits);
    assert.equal(chains.length, 300);
    for (const chain of chains) {
      const top = parseInt(chain.sha(0), 16);
      const line = Math.floor(top / 100);
      assert.deepEqual(Array.from({ length: chain.length }, (_, j) => parseInt(chain.sha(j), 16)), Array.from({ length: 10 }, (_, j) => line * 100 + 10 - j));
      assert.equal(parseInt(chain.base!, 16), line * 100);
    }
  });

  it('a chain whose parent never comes (outside the walk, a shallow boundary) ends at that parent', () => {
    const chains = chainsOf([
      [9, [8]],
      [8, [7]],
    ]);
    assert.deepEqual(chains.map((c) => [c.length, c.base && parseInt(c.base, 16)]), [[2, 7]]);
  });

  it('dates every post by the exact commit that added it, at halving and chain boundaries alike', async () => {
    const half = CHAIN_LENGTH / 2;
    const postsAt = [1, 2, 3, half - 1, half, half + 1, CHAIN_LENGTH - 1, CHAIN_LENGTH, CHAIN_LENGTH + 1, 2 * CHAIN_LENGTH, 2 * CHAIN_LENGTH + 3, 150];
    const dir = linearRepo(150, postsAt);
    const result = await scanRepositories({ repos: [dir], emails: [ME], timeZone: 'UTC', useConfiguredEmail: false });
    assert.deepEqual(
      result.posts.map((p) => [p.path, p.day]),
      postsAt.map((i) => [`content/posts/p${i}.md`, day(i)]),
    );
    assert.equal(result.perRepo[0].commits, 150);
  });

  it('editing the README in every commit sends no extra commits to diff-tree: only the ones around the new post', async () => {
    const dir = linearRepo(3 * CHAIN_LENGTH, [CHAIN_LENGTH + 5], [], true);
    const { items, commitsDiffed } = await findPublished(dir);
    assert.deepEqual(items.map((p) => [p.kind, p.path]), [['project', 'README.md'], ['post', `content/posts/p${CHAIN_LENGTH + 5}.md`]]);
    // The few commits around the post, and around the root commit that added the README.
    assert.ok(commitsDiffed <= 2 * DIRECT_DIFF, `${commitsDiffed} commits were diffed`);
  });

  it('narrows a chain that changed down to the commits next to each new post before diffing', async () => {
    const postsAt = [10, 40, CHAIN_LENGTH + 30, 2 * CHAIN_LENGTH + 7];
    const dir = linearRepo(3 * CHAIN_LENGTH, postsAt);
    const { items, commitsDiffed } = await findPublished(dir);
    assert.deepEqual(
      items.filter((p) => p.kind === 'post').map((p) => [p.path, p.day]),
      postsAt.map((i) => [`content/posts/p${i}.md`, day(i)]),
    );
    // One short range per post (8-commit blocks, as before, sent 32 commits).
    assert.ok(commitsDiffed <= postsAt.length * DIRECT_DIFF, `${commitsDiffed} commits were diffed`);
  });

  it('in a full walk, batched lookups and diffs find the same posts as one write each would', async () => {
    // 120 chains: many batches of lookups are asked while the walk streams, and the walk
    // pauses while more than 4 chains wait; what those asked must then go to git at once
    // (held back for a fuller batch, it never went: this test hung).
    const postsAt = Array.from({ length: 30 }, (_, k) => 7 + k * 83);
    const dir = linearRepo(120 * CHAIN_LENGTH, postsAt);
    const batched = await findPublished(dir, true);
    const unbatched = await findPublished(dir, false);
    // As a full scan reads: the log through a file, paused by the finder while chains wait.
    const throughFile = await findPublished(dir, true, tempDir('lip-output-'));
    const posts = (r: { items: PublishedItem[] }) => r.items.filter((p) => p.kind === 'post').map((p) => [p.path, p.day]);
    assert.deepEqual(posts(batched), postsAt.map((i) => [`content/posts/p${i}.md`, day(i)]));
    assert.deepEqual(batched.items, unbatched.items);
    assert.deepEqual(throughFile.items, batched.items);
  });

  it('leaves out posts added by someone else, even in a block with one of the user\'s', async () => {
    const dir = linearRepo(40, [10, 11, 30], [11, 12]);
    const result = await scanRepositories({ repos: [dir], emails: [ME], timeZone: 'UTC', useConfiguredEmail: false });
    assert.deepEqual(result.posts.map((p) => p.path), ['content/posts/p10.md', 'content/posts/p30.md']);
  });

  it('finds a root README spelled readme.md, added after a long run of commits', async () => {
    const dir = linearRepo(100, [3]);
    const repo = new TempRepo(dir);
    git(dir, ['checkout', '-q', '-f', 'main']);
    repo.commit({ date: '2024-08-01T12:00:00Z', files: { 'readme.md': '# notes\n' } });
    const result = await scanRepositories({ repos: [dir], emails: [ME], timeZone: 'UTC', useConfiguredEmail: false });
    assert.deepEqual(result.posts.map((p) => [p.kind, p.path, p.day]), [
      ['post', 'content/posts/p3.md', day(3)],
      ['readme', 'readme.md', '2024-08-01'],
    ]);
  });

  for (const spelling of ['README.MD', 'ReadMe.md']) {
    it(`finds a root README spelled ${spelling}, added after a long run of commits`, async () => {
      const dir = linearRepo(100, [3]);
      const repo = new TempRepo(dir);
      git(dir, ['checkout', '-q', '-f', 'main']);
      const options = { repos: [dir], emails: [ME], timeZone: 'UTC', useConfiguredEmail: false, cacheDir: tempDir() };
      await scanRepositories(options);
      repo.commit({ date: '2024-08-01T12:00:00Z', files: { [spelling]: '# notes\n' } });
      const expected = [
        ['post', 'content/posts/p3.md', day(3)],
        ['readme', spelling, '2024-08-01'],
      ];
      // The full scan did not look for that spelling (it was at no tip): the refresh reads all.
      const refreshed = await scanRepositories(options);
      assert.deepEqual(refreshed.posts.map((p) => [p.kind, p.path, p.day]), expected);
      const full = await scanRepositories({ ...options, cacheDir: undefined });
      assert.deepEqual(full.posts.map((p) => [p.kind, p.path, p.day]), expected);
    });
  }

  it('finds a post added on a side branch that was merged, dated by the side commit', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-05-01T12:00:00Z', files: { 'README.md': '# Blog\n' } });
    repo.git('checkout', '-q', '-b', 'draft');
    repo.commit({ date: '2024-05-02T12:00:00Z', files: { 'content/posts/side.md': '# side\n' } });
    repo.git('checkout', '-q', 'main');
    repo.commit({ date: '2024-05-03T12:00:00Z', files: { 'notes.txt': 'x\n' } });
    git(repo.dir, ['merge', '-q', '--no-ff', '--no-edit', 'draft'], { GIT_AUTHOR_DATE: '2024-05-04T12:00:00Z', GIT_COMMITTER_DATE: '2024-05-04T12:00:00Z' });
    repo.git('branch', '-q', '-D', 'draft');
    const result = await scanRepositories({ repos: [repo.dir], emails: [ME], timeZone: 'UTC' });
    assert.deepEqual(result.posts.map((p) => [p.kind, p.path, p.day]), [
      ['project', 'README.md', '2024-05-01'],
      ['post', 'content/posts/side.md', '2024-05-02'],
    ]);
  });
});

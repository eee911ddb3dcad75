// streamGit's two ways of reading git: a pipe, and for long outputs (a full log) a temporary
// file read while git writes it. Both must hand over the same bytes, and the file way must
// honour pausing, cancelling and failures and leave no file or open descriptor behind.
// Real repositories made with `git fast-import` in temp folders; nothing is mocked.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FlowControl, GitCommandError, GitNotFoundError, ScanCancelledError, streamGit } from '../../../src/core/tracker/git-command';
import { removeTempDirs, tempDir } from './git-fixtures';

/** A linear history of `total` empty commits with long messages, so the log spans several reads. */
function bigRepo(total: number): string {
  const dir = tempDir();
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const lines: string[] = [];
  for (let i = 1; i <= total; i++) {
    const stamp = `${1_700_000_000 + i * 600} +0000`;
    const message = `commit ${i} ${'x'.repeat(200)}`;
    lines.push('commit refs/heads/main', `mark :${i}`, `author A <a@example.com> ${stamp}`, `committer A <a@example.com> ${stamp}`, `data ${message.length}`, message);
    if (i > 1) lines.push(`from :${i - 1}`);
  }
  lines.push('done', '');
  execFileSync('git', ['fast-import', '--quiet', '--done'], { cwd: dir, input: lines.join('\n'), env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
  return dir;
}

const LOG = ['log', '--format=%H %P %at %s'];

async function collect(repo: string, viaFileIn?: string, flow?: FlowControl, onChunk?: (n: number) => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await streamGit({
    cwd: repo,
    args: LOG,
    viaFileIn,
    minFreeBytes: 0, // whatever this machine's disk has free
    flow,
    // Copied: with a file the view is valid during the call only.
    onStdout: (chunk) => {
      chunks.push(Buffer.from(chunk));
      onChunk?.(chunks.length);
    },
  });
  return Buffer.concat(chunks);
}

/** Our open descriptors that point at a git output file (Linux: /proc/self/fd). */
function openOutputFiles(): string[] {
  if (!fs.existsSync('/proc/self/fd')) return [];
  const found: string[] = [];
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      const target = fs.readlinkSync(`/proc/self/fd/${fd}`);
      if (/git-output-/.test(target)) found.push(target);
    } catch {
      // closed while we looked
    }
  }
  return found;
}

/** Sizes of the git output files we have open. */
function outputFileSizes(): number[] {
  const sizes: number[] = [];
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      if (/git-output-/.test(fs.readlinkSync(`/proc/self/fd/${fd}`))) sizes.push(fs.statSync(`/proc/self/fd/${fd}`).size);
    } catch {
      // closed while we looked
    }
  }
  return sizes;
}

/** Waits until no descriptor points at a git output file (they are closed asynchronously). */
async function outputFilesClosed(): Promise<void> {
  for (let i = 0; i < 200 && openOutputFiles().length > 0; i++) await new Promise((r) => setImmediate(r));
  assert.deepEqual(openOutputFiles(), []);
}

describe('tracker: streaming git through a temporary file', function () {
  this.timeout(30_000);
  let repo: string;
  before(() => {
    repo = bigRepo(12_000); // ~3 MB of log: several 1 MB reads
  });
  after(removeTempDirs);

  it('hands over exactly the bytes the pipe does, and leaves nothing in the folder', async () => {
    const folder = tempDir('lip-output-');
    const throughPipe = await collect(repo);
    let readFromFile = 0;
    const throughFile = await collect(repo, folder, undefined, () => (readFromFile += openOutputFiles().length));
    assert.ok(readFromFile > 0, 'the output did not go through a file');
    assert.ok(throughPipe.length > 2_500_000, `the log is ${throughPipe.length} bytes`);
    assert.equal(throughFile.length, throughPipe.length);
    assert.ok(throughFile.equals(throughPipe), 'the file read differs from the pipe read');
    assert.equal(throughFile.toString('latin1').split('\n').filter(Boolean).length, 12_000);
    assert.deepEqual(fs.readdirSync(folder), []);
    await outputFilesClosed();
  });

  it('reads nothing while paused, even once git has written everything, then the rest once resumed', async function () {
    if (!fs.existsSync('/proc/self/fd')) this.skip(); // the file's size is read through /proc
    const expected = await collect(repo);
    const flow = new FlowControl();
    let paused = false;
    let chunksWhilePaused = 0;
    let waited: Promise<void> | undefined;
    const pending = collect(repo, tempDir('lip-output-'), flow, (n) => {
      if (paused) chunksWhilePaused++;
      if (n !== 1) return;
      flow.pause();
      paused = true;
      waited = (async () => {
        // Until git has written the whole log into the file we are not reading.
        while (outputFileSizes().reduce((a, b) => Math.max(a, b), 0) < expected.length) await new Promise((r) => setImmediate(r));
        await new Promise((r) => setImmediate(r));
        assert.equal(chunksWhilePaused, 0, 'a chunk was read while paused');
        paused = false;
        flow.resume();
      })();
    });
    const all = await pending;
    await waited;
    assert.ok(all.equals(expected), 'the paused read lost or changed bytes');
  });

  it('stops git and closes the file when cancelled', async () => {
    const controller = new AbortController();
    let chunks = 0;
    const pending = streamGit({
      cwd: repo,
      args: LOG,
      viaFileIn: tempDir('lip-output-'),
      minFreeBytes: 0,
      signal: controller.signal,
      onStdout: () => {
        chunks++;
        controller.abort();
      },
    });
    await assert.rejects(pending, (err: unknown) => err instanceof ScanCancelledError);
    assert.equal(chunks, 1, 'reading went on after the cancel');
    await outputFilesClosed();
  });

  it('reports git\'s own error and closes the file when git fails', async () => {
    await assert.rejects(
      streamGit({ cwd: repo, args: ['log', 'no-such-branch', '--'], viaFileIn: tempDir('lip-output-'), minFreeBytes: 0, onStdout: () => undefined }),
      (err: unknown) => err instanceof GitCommandError && /no-such-branch/.test(err.message),
    );
    await outputFilesClosed();
  });

  it('says git is missing, as the pipe does', async () => {
    await assert.rejects(
      streamGit({ cwd: repo, args: LOG, viaFileIn: tempDir('lip-output-'), minFreeBytes: 0, gitBinary: 'git-that-does-not-exist', onStdout: () => undefined }),
      (err: unknown) => err instanceof GitNotFoundError,
    );
    await outputFilesClosed();
  });

  it('falls back to the pipe when the folder cannot hold a file', async () => {
    const file = path.join(tempDir('lip-output-'), 'a-file');
    fs.writeFileSync(file, 'not a folder');
    const out = await collect(repo, path.join(file, 'inside'));
    assert.ok(out.equals(await collect(repo)));
  });

  it('uses the pipe when the folder\'s disk has less free space than a long log may need', async () => {
    let readFromFile = 0;
    const chunks: Buffer[] = [];
    await streamGit({
      cwd: repo,
      args: LOG,
      viaFileIn: tempDir('lip-output-'),
      minFreeBytes: Number.MAX_SAFE_INTEGER, // more than any disk has free
      onStdout: (chunk) => {
        readFromFile += openOutputFiles().length;
        chunks.push(Buffer.from(chunk));
      },
    });
    assert.equal(readFromFile, 0, 'a file was used');
    assert.ok(Buffer.concat(chunks).equals(await collect(repo)));
  });
});

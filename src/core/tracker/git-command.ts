// Pure logic: stays free of vscode.
// How the tracker runs git: always with overrides that stop a repository's own config from
// running commands (fsmonitor, pager, external diff), never through a shell, stdin closed,
// a fixed locale, no prompts. A hostile repository can only make git print less, never run
// its scripts (see test/unit/tracker/hostile-repo.test.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SimpleGit } from 'simple-git';
import { englishText, notice } from './tracker-messages';

/** `-c` overrides on every call (they beat the repository's own config). */
export const SAFE_GIT_CONFIG: readonly string[] = [
  'core.fsmonitor=false',
  'core.pager=cat',
  'log.showSignature=false',
  'color.ui=false',
  'core.quotepath=false',
  'diff.external=',
  // Not about commands, but a repository could otherwise re-encode the emails we match.
  'i18n.logOutputEncoding=UTF-8',
];

/** The top-level arguments in front of every git command we spawn ourselves. */
export function safeGitPrefix(): string[] {
  const args = ['--no-pager'];
  for (const c of SAFE_GIT_CONFIG) args.push('-c', c);
  return args;
}

/**
 * The only variables of the user's environment git gets: where it is and where config lives
 * (GIT_CONFIG_GLOBAL: a user who keeps their global config elsewhere keeps their user.email).
 */
const PASSED_THROUGH = new Set([
  'PATH', 'PATHEXT', 'HOME', 'USERPROFILE', 'HOMEDRIVE', 'HOMEPATH', 'XDG_CONFIG_HOME', 'GIT_CONFIG_GLOBAL',
  'APPDATA', 'LOCALAPPDATA', 'SYSTEMROOT', 'WINDIR', 'COMSPEC', 'TEMP', 'TMP', 'TMPDIR',
]);

/**
 * The environment for git: an allowlist of the user's variables (PATH to find git, HOME for
 * their global config with user.email and mailmap settings) and nothing else — no other
 * `GIT_*` (a stray GIT_DIR would point us at another repository), no PAGER or EDITOR — plus:
 * no system config, no terminal prompt, C locale, no optional locks, and GIT_FLUSH=0 so git
 * buffers its output instead of flushing after every commit when writing to a pipe (100k
 * write() calls less on a 100k-commit log).
 */
export function safeGitEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    if (PASSED_THROUGH.has(key.toUpperCase())) env[key] = value;
  }
  env.GIT_CONFIG_NOSYSTEM = '1';
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_OPTIONAL_LOCKS = '0';
  env.GIT_FLUSH = '0';
  env.LC_ALL = 'C';
  return env;
}

/** The git binary could not be started at all. */
export class GitNotFoundError extends Error {
  constructor() {
    super(englishText(notice('gitMissing')));
    this.name = 'GitNotFoundError';
  }
}

/** A git command exited with an error; `stderr` holds git's own words. */
export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(describeGitFailure(stderr, exitCode));
    this.name = 'GitCommandError';
  }
}

function describeGitFailure(stderr: string, exitCode: number | null): string {
  const text = stderr.trim();
  if (/detected dubious ownership/i.test(text)) {
    return 'git refuses to read this repository because another user owns it (git\'s "safe.directory" check).';
  }
  if (/not a git repository/i.test(text)) return 'This folder is not a git repository.';
  // git's reason is its `fatal:` or `error:` line; other lines may be output printed before it.
  const lines = text.split('\n').filter((l) => l.trim());
  const reason = lines.find((l) => /^(fatal|error): /.test(l)) ?? lines[0] ?? `git exited with code ${exitCode}`;
  return reason.replace(/^(fatal|error): /, '');
}

export class ScanCancelledError extends Error {
  constructor() {
    super('The scan was cancelled.');
    this.name = 'AbortError';
  }
}

export interface StreamGitOptions {
  readonly cwd: string;
  readonly args: readonly string[];
  readonly signal?: AbortSignal;
  /** Called with each stdout chunk as it arrives (the log is never held whole). */
  readonly onStdout: (chunk: Buffer) => void;
  /** Written to git's stdin, then closed (for `--stdin` revision lists); otherwise stdin is ignored. */
  readonly stdin?: string;
  /** Exit codes that are not an error (e.g. 1 for `config --get` without a value). */
  readonly okExitCodes?: readonly number[];
  /** Injectable for tests of the "git is missing" path. */
  readonly gitBinary?: string;
  /** Lets the reader stop and restart git's output (git then blocks on the full pipe). */
  readonly flow?: FlowControl;
  /**
   * For long outputs (a full log): git writes to a temporary file in this folder, read while
   * it grows, instead of to a pipe (see readGrowingOutput). Omit for short outputs.
   */
  readonly viaFileIn?: string;
  /** The file is used only while its folder's file system has this much free (default 1 GiB). */
  readonly minFreeBytes?: number;
}

/** Pauses and resumes a streamed git command's output: backpressure from a slower consumer. */
export class FlowControl {
  private stream: NodeJS.ReadableStream | undefined;
  private paused = false;
  private resumed: (() => void) | undefined;

  attach(stream: NodeJS.ReadableStream): void {
    this.stream = stream;
    if (this.paused) stream.pause();
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.stream?.pause();
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.stream?.resume();
    this.resumed?.();
    this.resumed = undefined;
  }

  /** Resolves at once while flowing, otherwise on the next resume() (for readers that poll). */
  whenFlowing(): Promise<void> {
    if (!this.paused) return Promise.resolve();
    return new Promise((resolve) => {
      const before = this.resumed;
      this.resumed = () => {
        before?.();
        resolve();
      };
    });
  }
}

type SpawnOptions = Pick<StreamGitOptions, 'cwd' | 'args' | 'gitBinary'>;

/** Where git's stdout goes: a pipe we read as it arrives, or a file descriptor. */
type StdoutTarget = 'pipe' | number;

/**
 * Starts git the one way the tracker does: the safe prefix and environment, no shell, and the
 * first 8 KB of stderr kept for the error message. All at normal priority: running the posts
 * finder's git at nice 10 starved it while the walk used both cores, so its work piled up at
 * the end (100k commits: 1.36 s → 1.24 s without it, median of 10 alternating runs).
 */
function spawnSafeGit(options: SpawnOptions, stdin: 'ignore' | 'pipe', stdout: StdoutTarget = 'pipe'): { child: ChildProcess; stderr: { text: string } } {
  const child = spawn(options.gitBinary ?? 'git', [...safeGitPrefix(), ...options.args], {
    cwd: options.cwd,
    env: safeGitEnv(),
    stdio: [stdin, stdout, 'pipe'],
    windowsHide: true,
    shell: false,
  });
  const stderr = { text: '' };
  child.stderr!.on('data', (chunk: Buffer) => {
    if (stderr.text.length < 8192) stderr.text += chunk.toString('utf8');
  });
  return { child, stderr };
}

function spawnError(err: NodeJS.ErrnoException): Error {
  return err.code === 'ENOENT' ? new GitNotFoundError() : err;
}

/**
 * Spawns git with the safe prefix and streams its stdout. Resolves when git exits with 0
 * (or an allowed code); rejects with GitCommandError, GitNotFoundError or ScanCancelledError.
 *
 * Why not simple-git for this: its log() parses every commit into an object (measured 3× the
 * raw `git log` time and 300 MB on 100k commits) and its raw() buffers the whole output. We
 * keep simple-git for the small calls (see `smallGit`) and stream the big ones here.
 */
export function streamGit(options: StreamGitOptions): Promise<number> {
  if (options.signal?.aborted) return Promise.reject(new ScanCancelledError());
  const output = options.viaFileIn === undefined ? undefined : openOutputFile(options.viaFileIn, options.minFreeBytes ?? MIN_FREE_BYTES);
  return output === undefined ? streamGitThroughPipe(options) : streamGitThroughFile(options, output);
}

/**
 * How a streamed git call ends, the same for both ways of reading it: once, cancelling kills
 * git, and a failed spawn or exit becomes one of our errors. `onEnd` runs once, first.
 */
function settleOnce(child: ChildProcess, options: StreamGitOptions, resolve: (code: number) => void, reject: (err: Error) => void, onEnd?: () => void) {
  let settled = false;
  const finish = (err: Error | undefined, code = 0) => {
    if (settled) return;
    settled = true;
    options.signal?.removeEventListener('abort', onAbort);
    onEnd?.();
    if (err) reject(err);
    else resolve(code);
  };
  const onAbort = () => {
    child.kill();
    finish(new ScanCancelledError());
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  child.on('error', (err) => finish(spawnError(err)));
  return { finish, settled: () => settled };
}

function exitedWell(code: number | null, options: StreamGitOptions): boolean {
  return code === 0 || (code !== null && options.okExitCodes?.includes(code) === true);
}

function streamGitThroughPipe(options: StreamGitOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const { child, stderr } = spawnSafeGit(options, options.stdin === undefined ? 'ignore' : 'pipe');
    const { finish, settled } = settleOnce(child, options, resolve, reject);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (!settled()) options.onStdout(chunk);
    });
    options.flow?.attach(child.stdout!);
    writeStdin(child, options.stdin);
    child.on('close', (code) => {
      if (exitedWell(code, options)) finish(undefined, code ?? 0);
      else finish(new GitCommandError(options.args, code, stderr.text));
    });
  });
}

function writeStdin(child: ChildProcess, text: string | undefined): void {
  if (!child.stdin) return;
  child.stdin.on('error', () => undefined); // git may exit before reading all of it
  child.stdin.end(text);
}

/**
 * A full log takes ~115 bytes per commit (1.15 GB for 10 million): with less free than this,
 * the pipe is used, so a nearly full disk never makes git fail halfway through a log.
 */
const MIN_FREE_BYTES = 1024 ** 3;

/**
 * A new file only we can read (O_EXCL: never one someone else put there); undefined if none
 * can be made or the disk is nearly full.
 */
function openOutputFile(folder: string, minFreeBytes: number): { fd: number; file: string } | undefined {
  const file = path.join(folder, `git-output-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(folder, { recursive: true });
    const space = fs.statfsSync(folder);
    if (space.bavail * space.bsize < minFreeBytes) return undefined;
    const fd = fs.openSync(file, 'wx+', 0o600);
    // Unlinked at once where the system allows it, so nothing is left behind even after a crash.
    if (process.platform !== 'win32') fs.rmSync(file, { force: true });
    return { fd, file };
  } catch {
    return undefined; // a folder we cannot write to: the pipe works everywhere
  }
}

/** How long the reader waits when it has caught up with git (or until git exits, if sooner). */
const OUTPUT_POLL_MS = 2;
const OUTPUT_READ_BYTES = 1 << 20;

/**
 * git's stdout is a file we read while it grows. Why not a pipe for a full log: git writes
 * its output 4 KB at a time, and through a pipe each write wakes the reader. On the
 * 100k-commit fixture that is ~2,700 reads: `git log`
 * into a pipe read by a process that drops the bytes took 1.10-1.15x its time into /dev/null,
 * into a file read like this 1.0-1.03x, and Node's CPU for the reading fell from ~80 to
 * ~25 ms (reads of up to 1 MB, ~150 of them). The file takes ~115 bytes per commit on disk
 * (memory stays as it was) and is gone when the read ends. The flow control pauses our
 * reading, not git: git never waits for us.
 */
function streamGitThroughFile(options: StreamGitOptions, output: { fd: number; file: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    let released = false;
    let child: ChildProcess;
    let stderr: { text: string };
    try {
      ({ child, stderr } = spawnSafeGit(options, options.stdin === undefined ? 'ignore' : 'pipe', output.fd));
    } catch (err) {
      release();
      reject(err as Error);
      return;
    }
    let exitCode: number | null | undefined;
    let wakeOnExit: (() => void) | undefined;
    const { finish, settled } = settleOnce(child, options, resolve, reject, () => {
      wakeOnExit?.();
      release();
    });
    writeStdin(child, options.stdin);
    child.on('close', (code) => {
      exitCode = code;
      if (!exitedWell(code, options)) finish(new GitCommandError(options.args, code, stderr.text));
      wakeOnExit?.();
    });

    const readLoop = async () => {
      let position = 0;
      // One buffer for every read: onStdout gets a view that is valid during the call only.
      const chunk = Buffer.allocUnsafe(OUTPUT_READ_BYTES);
      for (;;) {
        if (options.flow) await options.flow.whenFlowing();
        if (settled()) return;
        const exitedBefore = exitCode !== undefined;
        // Read synchronously: from the page cache it takes microseconds, while fs.read's hand-off
        // to libuv's thread pool cost ~0.1 ms per read here (waking another thread), 40-50 ms
        // of Node's CPU on 100k commits.
        const bytes = fs.readSync(output.fd, chunk, 0, chunk.length, position);
        if (bytes > 0) {
          position += bytes;
          options.onStdout(chunk.subarray(0, bytes));
          await new Promise(setImmediate); // lets the other work (cat-file's answers, a cancel) in
        } else if (exitedBefore) {
          finish(undefined, exitCode ?? 0); // git is done and every byte it wrote is read
          return;
        } else {
          await new Promise<void>((wake) => {
            const timer = setTimeout(wake, OUTPUT_POLL_MS);
            wakeOnExit = () => {
              clearTimeout(timer);
              wake();
            };
          });
          wakeOnExit = undefined;
        }
      }
    };
    readLoop().catch((err: unknown) => {
      child.kill();
      finish(err as Error);
    });

    function release(): void {
      if (released) return;
      released = true;
      fs.close(output.fd, () => {
        if (process.platform === 'win32') fs.rm(output.file, { force: true }, () => undefined);
      });
    }
  });
}

/** Runs a small git command and returns its whole stdout as text. */
export async function runGit(cwd: string, args: readonly string[], signal?: AbortSignal, okExitCodes?: readonly number[]): Promise<string> {
  const chunks: Buffer[] = [];
  await streamGit({ cwd, args, signal, okExitCodes, onStdout: (c) => chunks.push(c) });
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * simple-git (the project's git library) for the small calls: rev-parse, config, refs. It is
 * told the same safe overrides. It flags them as "unsafe" because it cannot tell a safe value
 * from a hostile one, so they are allowed explicitly here; the values are constants.
 */
export async function smallGit(baseDir: string, signal?: AbortSignal): Promise<SimpleGit> {
  const { simpleGit } = await import('simple-git');
  const env = safeGitEnv();
  const git = simpleGit({
    baseDir,
    maxConcurrentProcesses: 4,
    trimmed: false,
    config: [...SAFE_GIT_CONFIG],
    abort: signal,
    // GIT_CONFIG_GLOBAL, when passed, is the user's own variable (a repository cannot set it).
    unsafe: { allowUnsafeFsMonitor: true, allowUnsafePager: true, allowUnsafeDiffExternal: true, allowUnsafeConfigPaths: env.GIT_CONFIG_GLOBAL !== undefined },
    allowEnvironment: Object.keys(env).filter((k) => /^git_/i.test(k)),
  });
  return git.env(env);
}

/** Maps whatever simple-git or a spawn threw to one of our error types. */
export function asGitError(err: unknown, args: readonly string[]): Error {
  if (err instanceof GitNotFoundError || err instanceof GitCommandError || err instanceof ScanCancelledError) return err;
  const e = err as { message?: string; code?: string };
  const message = String(e?.message ?? err);
  if (e?.code === 'ENOENT' || /spawn git ENOENT|ENOENT.*git/.test(message)) return new GitNotFoundError();
  if (/abort/i.test(message) && /signal/i.test(message)) return new ScanCancelledError();
  return new GitCommandError(args, null, message);
}

/**
 * A git process kept open for many small requests (`cat-file --batch-check`, `diff-tree
 * --stdin`): lines are written to its stdin as work arrives and its stdout is handed over in
 * chunks. `close()` ends stdin and resolves when git exits cleanly.
 */
export class GitPipe {
  private readonly child: ChildProcess;
  /** Settles when git exits: resolved for a clean exit after close(), rejected otherwise. */
  readonly exited: Promise<void>;

  constructor(options: Omit<StreamGitOptions, 'stdin' | 'okExitCodes'>) {
    const { child, stderr } = spawnSafeGit(options, 'pipe');
    this.child = child;
    const onAbort = () => child.kill();
    child.stdin!.on('error', () => undefined); // git exiting early shows up in `exited`
    child.stdout!.on('data', (chunk: Buffer) => options.onStdout(chunk));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    this.exited = new Promise<void>((resolve, reject) => {
      child.on('error', (err) => reject(spawnError(err)));
      child.on('close', (code) => {
        options.signal?.removeEventListener('abort', onAbort);
        if (options.signal?.aborted) reject(new ScanCancelledError());
        else if (code === 0) resolve();
        else reject(new GitCommandError(options.args, code, stderr.text));
      });
    });
    this.exited.catch(() => undefined); // awaited through close(); never unhandled meanwhile
  }

  write(text: string): void {
    this.child.stdin!.write(text);
  }

  close(): Promise<void> {
    this.child.stdin!.end();
    return this.exited;
  }

  /** Stops git (e.g. when the walk feeding it failed); close() then rejects. */
  kill(): void {
    this.child.kill();
  }
}

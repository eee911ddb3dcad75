// Pure logic: stays free of vscode.
// The one runner for the small git calls outside the tracker (a remote's web address, a
// permalink, whether a folder is in a public repository). Same protections as the tracker's
// runner: the safe `-c` overrides (no fsmonitor, pager, external diff), an allowlisted
// environment without system config, C locale, no prompts, never a shell. Unlike the
// tracker's `runGit`, a non-zero exit is an answer here (`config --get` without a value,
// `diff --quiet` with changes), so it resolves with the exit code instead of throwing.
import { execFile } from 'node:child_process';
import { GitNotFoundError, safeGitEnv, safeGitPrefix } from './tracker/git-command';

export { GitNotFoundError };

export interface GitOutput {
  /** True when git exited with 0. */
  readonly ok: boolean;
  /** The exit code; -1 when git was killed (timeout, output too large). */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface GitOutputOptions {
  readonly timeoutMs?: number;
  readonly maxBuffer?: number;
}

/** The environment for these calls: the tracker's, plus a user's own choice of global config file. */
function gitEnv(): NodeJS.ProcessEnv {
  const env = safeGitEnv();
  // Where the user keeps their global config is theirs to say, like HOME (tests set it too).
  if (process.env.GIT_CONFIG_GLOBAL) env.GIT_CONFIG_GLOBAL = process.env.GIT_CONFIG_GLOBAL;
  return env;
}

/**
 * Runs `git <safe prefix> <args>` in `cwd` and collects its output. Rejects only with
 * GitNotFoundError (git is not installed, or `cwd` does not exist).
 */
export function gitOutput(cwd: string, args: readonly string[], options: GitOutputOptions = {}): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...safeGitPrefix(), ...args],
      { cwd, timeout: options.timeoutMs ?? 10_000, maxBuffer: options.maxBuffer ?? 1 << 20, windowsHide: true, shell: false, env: gitEnv() },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(new GitNotFoundError());
          return;
        }
        const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : -1) : 0;
        resolve({ ok: !error, code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

// Real git repositories for the card, CLI and weekly-summary tests: `git init` in a temp
// folder and commits with fixed dates and authors (never a mocked git).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Isolated from the machine's git config so tests behave the same everywhere.
const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' };

export function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('git', args, { cwd, env: { ...ENV, ...env }, encoding: 'utf8' });
}

export interface TempRepo {
  dir: string;
  /** Commits a file change; `date` like `2025-06-09T19:30:00-04:00`. Returns the SHA. */
  commit(opts: { date: string; subject: string; email?: string; name?: string; file?: string; content?: string; committerDate?: string; committerEmail?: string }): string;
  cleanup(): void;
}

export function tempDir(prefix = 'lip-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function createRepo(dir = tempDir('lip-repo-')): TempRepo {
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'user.name', 'Test User']);
  git(dir, ['config', 'user.email', 'me@example.com']);
  let n = 0;
  return {
    dir,
    commit({ date, subject, email = 'me@example.com', name = 'Test User', file, content, committerDate, committerEmail }) {
      const path = join(dir, file ?? `notes/${++n}.txt`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content ?? `${subject}\n${n}\n`);
      git(dir, ['add', '-A']);
      git(dir, ['commit', '-q', '--no-verify', '-m', subject], {
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: committerDate ?? date,
        GIT_AUTHOR_NAME: name,
        GIT_AUTHOR_EMAIL: email,
        GIT_COMMITTER_NAME: name,
        GIT_COMMITTER_EMAIL: committerEmail ?? email,
      });
      return git(dir, ['rev-parse', 'HEAD']).trim();
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

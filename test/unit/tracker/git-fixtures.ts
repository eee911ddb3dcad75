// Real git repositories for the tracker's scan tests: `git init` in a temp folder, commits
// with fixed dates and authors (never a mocked git). Isolated from the machine's config.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' };

export const ME = 'me@example.com';

export function git(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('git', args, { cwd, env: { ...ENV, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const made: string[] = [];

export function tempDir(prefix = 'lip-tracker-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

/** Removes every temp folder made so far (call from an `after` hook). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export interface CommitOptions {
  /** ISO date with offset, e.g. `2024-03-10T23:30:00-05:00`. */
  readonly date: string;
  readonly committerDate?: string;
  readonly email?: string;
  readonly committerEmail?: string;
  readonly message?: string;
  /** Files to write (path → content); without any, the commit is empty. */
  readonly files?: Readonly<Record<string, string>>;
  /** Files to delete. */
  readonly remove?: readonly string[];
}

export class TempRepo {
  private n = 0;
  constructor(readonly dir: string) {}

  static create(dir = tempDir()): TempRepo {
    fs.mkdirSync(dir, { recursive: true });
    git(dir, ['init', '-q', '-b', 'main']);
    git(dir, ['config', 'user.name', 'Me']);
    git(dir, ['config', 'user.email', ME]);
    git(dir, ['config', 'commit.gpgsign', 'false']);
    return new TempRepo(dir);
  }

  git(...args: string[]): string {
    return git(this.dir, args);
  }

  commit(o: CommitOptions): string {
    for (const [file, content] of Object.entries(o.files ?? {})) {
      const full = path.join(this.dir, file);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, content);
    }
    for (const file of o.remove ?? []) fs.rmSync(path.join(this.dir, file));
    git(this.dir, ['add', '-A']);
    const email = o.email ?? ME;
    git(this.dir, ['commit', '-q', '--no-verify', '--allow-empty', '-m', o.message ?? `change ${++this.n}`], {
      GIT_AUTHOR_DATE: o.date,
      GIT_COMMITTER_DATE: o.committerDate ?? o.date,
      GIT_AUTHOR_EMAIL: email,
      GIT_AUTHOR_NAME: email.split('@')[0],
      GIT_COMMITTER_EMAIL: o.committerEmail ?? email,
      GIT_COMMITTER_NAME: (o.committerEmail ?? email).split('@')[0],
    });
    return this.head();
  }

  head(): string {
    return git(this.dir, ['rev-parse', 'HEAD']).trim();
  }

  /** Writes a raw commit object (any date text, even invalid) on top of HEAD; returns its SHA. */
  /** A commit written by hand (any date git can store); `tree` defaults to HEAD's, `parent` to HEAD. */
  rawCommit(authorLine: string, committerLine: string, message = 'raw', tree = git(this.dir, ['rev-parse', 'HEAD^{tree}']).trim(), parent = this.head()): string {
    const body = `tree ${tree}\nparent ${parent}\nauthor ${authorLine}\ncommitter ${committerLine}\n\n${message}\n`;
    const sha = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], { cwd: this.dir, env: ENV, input: body, encoding: 'utf8' }).trim();
    git(this.dir, ['update-ref', 'refs/heads/main', sha]);
    return sha;
  }
}

// Git for test fixtures: a fixed author (Ada), no user or system config, optional dates.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const FIXTURE_EMAIL = 'ada@example.com';

export function gitAsAda(cwd: string, args: string[], date?: string): void {
  execFileSync('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Ada',
      GIT_AUTHOR_EMAIL: FIXTURE_EMAIL,
      GIT_COMMITTER_NAME: 'Ada',
      GIT_COMMITTER_EMAIL: FIXTURE_EMAIL,
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
    },
  });
}

/** `YYYY-MM-DD` of `daysAgo` days before today, in this machine's zone (the extension's default). */
export function localDay(daysAgo: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A fresh temp folder per test, with git's global config pointed at an empty file inside it
 * (the code under test runs git as the user would; the machine's config must not leak in).
 * Call inside a `describe`; the returned function gives the current test's folder.
 */
export function isolatedGitTempDir(prefix: string): () => string {
  let tmp = '';
  let savedGlobal: string | undefined;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    savedGlobal = process.env.GIT_CONFIG_GLOBAL;
    process.env.GIT_CONFIG_GLOBAL = path.join(tmp, 'global.gitconfig');
    fs.writeFileSync(process.env.GIT_CONFIG_GLOBAL, '');
  });
  afterEach(() => {
    if (savedGlobal === undefined) delete process.env.GIT_CONFIG_GLOBAL;
    else process.env.GIT_CONFIG_GLOBAL = savedGlobal;
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  return () => tmp;
}

// Pure logic: stays free of vscode.
// The little git a post or README needs: the remote's web address, the current commit, and
// whether a file's selected lines at that commit are what the reader will see. Git runs
// through the shared safe runner (no shell, the repository's own programs switched off) and
// only when the caller says the workspace is trusted.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { gitOutput, type GitOutput } from '../git-output';
import { leavesFolder } from '../safe-fs';
import { parseRemoteUrl, permalinkFor, type RemoteRepo } from './git-remote';

/** Runs git in `cwd`; git missing counts as a failed call (no link is made then). */
export function runGit(cwd: string, args: string[]): Promise<GitOutput> {
  return gitOutput(cwd, args).catch(() => ({ ok: false, code: -1, stdout: '', stderr: '' }));
}

/**
 * The `origin` remote (or the first remote) as a web address; undefined without one.
 * `remote get-url` applies the user's `url.<base>.insteadOf` aliases, as a push would.
 */
export async function remoteRepo(cwd: string): Promise<RemoteRepo | undefined> {
  let url = await runGit(cwd, ['remote', 'get-url', '--', 'origin']);
  if (!url.ok) {
    const remotes = await runGit(cwd, ['remote']);
    const first = remotes.ok ? remotes.stdout.split('\n').map((s) => s.trim()).find(Boolean) : undefined;
    if (!first || !/^[\w.-]+$/.test(first)) return undefined;
    url = await runGit(cwd, ['remote', 'get-url', '--', first]);
    if (!url.ok) return undefined;
  }
  return parseRemoteUrl(url.stdout.trim());
}

export type PermalinkCaveat = 'uncommitted-changes' | 'not-pushed';

export interface SelectionGitInfo {
  repo?: RemoteRepo;
  /** The file's path inside the repository, POSIX separators. */
  repoRelativePath?: string;
  sha?: string;
  permalink?: string;
  /** Why the link may not show these exact lines yet. */
  caveat?: PermalinkCaveat;
}

/**
 * What we can link for lines `startLine`–`endLine` (1-based) of `file`. Returns `{}` when
 * the file is not in a git repository; no permalink for untracked files or unknown hosts.
 */
export async function selectionGitInfo(file: string, startLine: number, endLine: number): Promise<SelectionGitInfo> {
  const dir = path.dirname(file);
  const top = await runGit(dir, ['rev-parse', '--show-toplevel']);
  if (!top.ok) return {};
  const toplevel = top.stdout.trim();
  let repoRelativePath: string;
  try {
    repoRelativePath = path.relative(await fs.realpath(toplevel), await fs.realpath(file)).split(path.sep).join('/');
  } catch {
    return {};
  }
  if (leavesFolder(repoRelativePath)) return {};
  const repo = await remoteRepo(dir);
  const head = await runGit(dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!head.ok) return { repo, repoRelativePath };
  const sha = head.stdout.trim();
  const tracked = await runGit(toplevel, ['ls-files', '--error-unmatch', '--', repoRelativePath]);
  if (!tracked.ok || !repo) return { repo, repoRelativePath, sha };
  const permalink = permalinkFor(repo, sha, repoRelativePath, startLine, endLine);
  let caveat: PermalinkCaveat | undefined;
  const diff = await runGit(toplevel, ['diff', '--quiet', '--no-ext-diff', '--no-textconv', 'HEAD', '--', repoRelativePath]);
  if (diff.code === 1) caveat = 'uncommitted-changes';
  else {
    const pushed = await runGit(toplevel, ['branch', '-r', '--contains', sha]);
    if (!pushed.ok || pushed.stdout.trim() === '') caveat = 'not-pushed';
  }
  return { repo, repoRelativePath, sha, permalink, caveat };
}

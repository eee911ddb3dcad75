// Pure logic: stays free of vscode.
// Is a folder inside a git repository that could publish what is written there? Runs git
// (the shared safe runner: never a shell, the repository's own programs switched off) only
// when the caller says the workspace is trusted; otherwise it only looks for a `.git` entry.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { gitOutput } from '../git-output';
import { parseGitConfigZ, remoteUrlsFromConfig, type RemoteUrl } from './public-remote';

export type RepositoryPrivacy =
  | { readonly kind: 'no-repository' }
  /** Inside a repository with at least one remote on a public host. */
  | { readonly kind: 'public-remote'; readonly root: string; readonly publicRemotes: readonly RemoteUrl[]; readonly ignored: boolean }
  /** Inside a repository whose remotes are all elsewhere (or that has none). */
  | { readonly kind: 'private-repository'; readonly root: string; readonly ignored: boolean }
  /** Inside a repository, but its remotes could not be read (Restricted Mode, git missing or refusing). */
  | { readonly kind: 'unchecked-repository'; readonly root: string; readonly reason: string };

/** The nearest folder at or above `dir` that exists (the target folder may not be created yet). */
export async function nearestExistingFolder(dir: string): Promise<string> {
  let current = path.resolve(dir);
  for (;;) {
    try {
      if ((await fs.stat(current)).isDirectory()) return current;
    } catch {
      /* keep climbing */
    }
    const parent = path.dirname(current);
    if (parent === current) return current;
    current = parent;
  }
}

/** The folder holding a `.git` entry at or above `dir`, found on disk without running git. */
export async function findRepositoryRootOnDisk(dir: string): Promise<string | undefined> {
  let current = await nearestExistingFolder(dir);
  for (;;) {
    try {
      await fs.lstat(path.join(current, '.git'));
      return current;
    } catch {
      /* not here */
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

const REMOTE_CONFIG_PATTERN = '^(remote\\..*\\.(url|pushurl)|url\\..*\\.(insteadof|pushinsteadof))$';

/**
 * Classifies where `file` would be written. `trusted` must be the workspace's trust: git runs
 * only then. Never throws for git problems; they become `unchecked-repository`.
 */
export async function checkRepositoryPrivacy(file: string, trusted: boolean): Promise<RepositoryPrivacy> {
  const folder = path.dirname(path.resolve(file));
  const rootOnDisk = await findRepositoryRootOnDisk(folder);
  if (!trusted) {
    return rootOnDisk
      ? { kind: 'unchecked-repository', root: rootOnDisk, reason: 'the workspace is in Restricted Mode, so git was not run' }
      : { kind: 'no-repository' };
  }
  try {
    const cwd = await nearestExistingFolder(folder);
    const top = await gitOutput(cwd, ['rev-parse', '--show-toplevel']);
    if (top.code !== 0) {
      if (!rootOnDisk) return { kind: 'no-repository' };
      return { kind: 'unchecked-repository', root: rootOnDisk, reason: firstLine(top.stderr) || 'git could not read the repository' };
    }
    const root = top.stdout.trim();
    const config = await gitOutput(root, ['config', '-z', '--get-regexp', REMOTE_CONFIG_PATTERN]);
    // Exit code 1 means "no matching keys": a repository without remotes.
    if (config.code !== 0 && config.code !== 1) {
      return { kind: 'unchecked-repository', root, reason: firstLine(config.stderr) || 'git could not read the remotes' };
    }
    const remotes = config.code === 0 ? remoteUrlsFromConfig(parseGitConfigZ(config.stdout)) : [];
    // Relative to the folder git ran in: git's root is a real path, `file` may pass through symlinks.
    const ignoredCheck = await gitOutput(cwd, ['check-ignore', '-q', '--', path.relative(cwd, path.resolve(file))]);
    const ignored = ignoredCheck.code === 0;
    const publicRemotes = remotes.filter((r) => r.publicHost !== undefined);
    return publicRemotes.length > 0 ? { kind: 'public-remote', root, publicRemotes, ignored } : { kind: 'private-repository', root, ignored };
  } catch (err) {
    if (!rootOnDisk) return { kind: 'no-repository' };
    return { kind: 'unchecked-repository', root: rootOnDisk, reason: err instanceof Error ? err.message : String(err) };
  }
}

function firstLine(text: string): string {
  return text.trim().split(/\r?\n/, 1)[0] ?? '';
}

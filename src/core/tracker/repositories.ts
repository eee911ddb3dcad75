// Pure logic: stays free of vscode.
// Finding repositories and reading what identifies their state: the top folder, the git
// folder, shallowness, the user's email there, and the tips of the refs. These are the small
// git calls, run through simple-git; none of them walks history.
import * as fs from 'node:fs/promises';
import * as fsSync from 'node:fs';
import * as path from 'node:path';
import { GitCommandError, GitNotFoundError, ScanCancelledError, asGitError, smallGit } from './git-command';
import { englishText, notice, type TrackerNotice } from './tracker-messages';

/** Ref name → commit SHA (annotated tags peeled). Includes `HEAD` only when it is detached. */
export type RefTips = Record<string, string>;

export interface ResolvedRepository {
  /** The folder as given. */
  readonly folder: string;
  /** The repository's top folder (the git folder for a bare repository), real path. */
  readonly root: string;
  readonly gitDir: string;
  /** Where refs, objects and config live (differs from gitDir in a linked worktree). */
  readonly commonDir: string;
  readonly bare: boolean;
  readonly shallow: boolean;
}

export class RepositoryProblem extends Error {
  /** What to tell the user (in their language, in the extension); git's own words have none. */
  readonly notice: TrackerNotice | undefined;

  constructor(
    readonly folder: string,
    readonly reason: 'missing' | 'not-a-repo' | 'git-missing' | 'git-error',
    message: string | TrackerNotice,
  ) {
    super(typeof message === 'string' ? message : englishText(message));
    this.notice = typeof message === 'string' ? undefined : message;
    this.name = 'RepositoryProblem';
  }
}

/** Workspace folders → the repositories in them: the folder itself or its direct subfolders. */
export async function findRepositoryFolders(folders: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const folder of folders) {
    if (await hasGitEntry(folder)) {
      found.push(folder);
      continue;
    }
    let entries: import('node:fs').Dirent[] = [];
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    let children = 0;
    for (const e of entries) {
      if (!e.isDirectory() || e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const child = path.join(folder, e.name);
      if (await hasGitEntry(child)) {
        found.push(child);
        children++;
      }
    }
    // A workspace folder that is a subfolder of a repository: let git find its top.
    if (children === 0 && (await isInsideGitRepository(folder))) found.push(folder);
  }
  return found;
}

async function hasGitEntry(folder: string): Promise<boolean> {
  try {
    await fs.lstat(path.join(folder, '.git'));
    return true;
  } catch {
    return false;
  }
}

async function isInsideGitRepository(folder: string): Promise<boolean> {
  let dir = path.resolve(folder);
  for (;;) {
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    dir = parent;
    if (await hasGitEntry(dir)) return true;
  }
}

/** Resolves a folder to its repository, or throws a RepositoryProblem with a clear message. */
export async function resolveRepository(folder: string, signal?: AbortSignal): Promise<ResolvedRepository> {
  let stat;
  try {
    stat = await fs.stat(folder);
  } catch {
    throw new RepositoryProblem(folder, 'missing', notice('folderMissing', folder));
  }
  if (!stat.isDirectory()) throw new RepositoryProblem(folder, 'not-a-repo', notice('notAFolder', folder));
  const git = await smallGit(folder, signal);
  const args = ['rev-parse', '--absolute-git-dir', '--git-common-dir', '--is-bare-repository', '--is-shallow-repository', '--show-toplevel'];
  let out: string;
  try {
    out = await git.raw(args);
  } catch (err) {
    const e = asGitError(err, args);
    if (e instanceof GitNotFoundError) throw new RepositoryProblem(folder, 'git-missing', notice('gitMissing'));
    if (e instanceof ScanCancelledError) throw e;
    const message = e.message;
    // git's own words: simple-git puts whatever was printed before the failure (here the
    // lines rev-parse answered) ahead of it, so the summary line may not be the reason.
    const said = e instanceof GitCommandError ? e.stderr : message;
    if (/not a git repository/i.test(said)) {
      throw new RepositoryProblem(folder, 'not-a-repo', notice('notARepository', folder));
    }
    if (/dubious ownership/i.test(said)) {
      throw new RepositoryProblem(folder, 'git-error', notice('dubiousOwnership', folder));
    }
    if (/must be run in a work tree/i.test(said)) {
      // A bare repository: no top folder; the git folder is the repository.
      const bare = (await git.raw(['rev-parse', '--absolute-git-dir', '--git-common-dir', '--is-shallow-repository'])).split('\n');
      const gitDir = await fs.realpath(bare[0].trim());
      const commonDir = await fs.realpath(path.resolve(folder, bare[1].trim()));
      return { folder, root: gitDir, gitDir, commonDir, bare: true, shallow: bare[2]?.trim() === 'true' };
    }
    throw new RepositoryProblem(folder, 'git-error', notice('gitCouldNotRead', folder, message));
  }
  const [gitDirLine, commonLine, bareLine, shallowLine, topLine] = out.split('\n').map((l) => l.trim());
  const bare = bareLine === 'true';
  const gitDir = await fs.realpath(gitDirLine);
  const commonDir = await fs.realpath(path.resolve(folder, commonLine));
  const root = bare || !topLine ? gitDir : await fs.realpath(topLine);
  return { folder, root, gitDir, commonDir, bare, shallow: shallowLine === 'true' };
}

/** `git config user.email` as git resolves it for this repository (local, global, includes). */
export async function configuredEmail(folder: string, signal?: AbortSignal): Promise<string | undefined> {
  try {
    const git = await smallGit(folder, signal);
    const email = (await git.raw(['config', '--get', 'user.email'])).trim();
    return email || undefined;
  } catch {
    return undefined; // unset, or the folder is gone (its scan says so)
  }
}

/**
 * The tips of the refs that hold the user's work: local branches, remote-tracking branches
 * (work pushed from another machine), tags, and HEAD when detached. Stash and notes are left
 * out: they are not work anybody would call a commit.
 */
export async function readRefTips(repo: ResolvedRepository, signal?: AbortSignal): Promise<RefTips> {
  const git = await smallGit(repo.root, signal);
  const args = ['for-each-ref', '--format=%(objectname)%00%(objecttype)%00%(*objectname)%00%(*objecttype)%00%(refname)', 'refs/heads', 'refs/remotes', 'refs/tags'];
  let out: string;
  try {
    out = await git.raw(args);
  } catch (err) {
    throw asGitError(err, args);
  }
  const tips: RefTips = {};
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [sha, type, peeledSha, peeledType, ref] = line.split('\0');
    if (!ref) continue;
    if (type === 'commit') tips[ref] = sha;
    else if (type === 'tag' && peeledType === 'commit') tips[ref] = peeledSha;
  }
  const head = await readDetachedHead(repo, signal);
  if (head) tips.HEAD = head;
  return tips;
}

/** The commit HEAD points at when it is detached (not on a branch), else undefined. */
async function readDetachedHead(repo: ResolvedRepository, signal?: AbortSignal): Promise<string | undefined> {
  let text: string;
  try {
    text = (await fs.readFile(path.join(repo.gitDir, 'HEAD'), 'utf8')).trim();
  } catch {
    return undefined;
  }
  if (/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(text)) return text;
  if (text === 'ref: refs/heads/.invalid') {
    // The reftable format keeps HEAD elsewhere: ask git.
    const git = await smallGit(repo.root, signal);
    try {
      const symbolic = await git.raw(['symbolic-ref', '-q', 'HEAD']).catch(() => '');
      if (symbolic.trim()) return undefined;
      const sha = (await git.raw(['rev-parse', '--verify', '-q', 'HEAD^{commit}'])).trim();
      return sha || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The distinct commits among the tips, sorted (what a scan walks from). */
export function tipCommits(tips: RefTips): string[] {
  return [...new Set(Object.values(tips))].sort();
}

/**
 * Identifies a shallow clone's boundary ('' when the repository is not shallow); when it
 * changes (fetch --deepen, --unshallow) the repository is read again in full.
 */
export async function shallowFingerprint(repo: ResolvedRepository): Promise<string> {
  let text: string;
  try {
    text = fsSync.readFileSync(path.join(repo.commonDir, 'shallow'), 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? '' : 'unreadable';
  }
  if (!text.trim()) return '';
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The text of `packed-refs`: '' when there is none, undefined when it cannot be read. */
export type PackedRefsText = string | undefined;

/**
 * Reads `packed-refs` once for readRawRefs and rewritesFingerprint, which both need it on
 * every reopen (a repository with thousands of packed tags has a large one).
 */
export function readPackedRefs(repo: ResolvedRepository): PackedRefsText {
  try {
    return fsSync.readFileSync(path.join(repo.commonDir, 'packed-refs'), 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? '' : undefined;
  }
}

/**
 * The refs as stored on disk, unpeeled (name → SHA or `ref: target`), read without running
 * git: HEAD, packed-refs, and loose refs under refs/heads, refs/remotes, refs/tags (a loose ref
 * wins over its packed copy, as in git). Only used to notice that nothing changed since the
 * cached scan — any difference sends us to `for-each-ref`. Undefined when the repository uses
 * a format we do not read (reftable).
 */
export async function readRawRefs(repo: ResolvedRepository, packedRefs: PackedRefsText = readPackedRefs(repo)): Promise<Record<string, string> | undefined> {
  // Synchronous on purpose: a handful of tiny files, read faster in one go than through
  // the thread pool (this is the whole cost of a reopen when nothing changed).
  const refs: Record<string, string> = {};
  try {
    refs.HEAD = fsSync.readFileSync(path.join(repo.gitDir, 'HEAD'), 'utf8').trim();
  } catch {
    return undefined;
  }
  if (refs.HEAD === 'ref: refs/heads/.invalid') return undefined; // reftable
  if (packedRefs === undefined) return undefined;
  for (const line of packedRefs.split('\n')) {
    if (!line || line.startsWith('#') || line.startsWith('^')) continue;
    const space = line.indexOf(' ');
    const name = line.slice(space + 1).trim();
    if (/^refs\/(heads|remotes|tags)\//.test(name)) refs[name] = line.slice(0, space);
  }
  for (const top of ['refs/heads', 'refs/remotes', 'refs/tags']) if (!readLooseRefs(repo.commonDir, top, refs)) return undefined;
  return refs;
}

/** Loose refs under `relative` (a folder of commonDir) into `refs`; false when one cannot be read. */
function readLooseRefs(commonDir: string, relative: string, refs: Record<string, string>): boolean {
  let entries: import('node:fs').Dirent[];
  try {
    entries = fsSync.readdirSync(path.join(commonDir, relative), { withFileTypes: true });
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
  for (const e of entries) {
    const name = `${relative}/${e.name}`;
    if (e.isDirectory()) {
      if (!readLooseRefs(commonDir, name, refs)) return false;
    } else if (e.isFile() && !e.name.endsWith('.lock')) {
      try {
        refs[name] = fsSync.readFileSync(path.join(commonDir, name), 'utf8').trim();
      } catch {
        return false;
      }
    }
  }
  return true;
}

/**
 * Identifies what makes git show another history while no ref moves: replace refs (`git
 * replace`, under refs/replace/) and a grafts file (`info/grafts`). '' when there are none,
 * as nearly always. Counts read under other replacements cannot be added to, so a change
 * means a full read (see scan.ts).
 */
export async function rewritesFingerprint(repo: ResolvedRepository, packedRefs: PackedRefsText = readPackedRefs(repo)): Promise<string> {
  const found: Record<string, string> = {};
  if (packedRefs === undefined) return 'unreadable';
  for (const line of packedRefs.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0 && line.startsWith('refs/replace/', space + 1)) found[line.slice(space + 1).trim()] = line.slice(0, space);
  }
  if (!readLooseRefs(repo.commonDir, 'refs/replace', found)) return 'unreadable';
  try {
    found['info/grafts'] = fsSync.readFileSync(path.join(repo.commonDir, 'info', 'grafts'), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return 'unreadable';
  }
  const names = Object.keys(found).sort();
  if (names.length === 0) return '';
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(names.map((n) => `${n}=${found[n]}`).join('\n')).digest('hex').slice(0, 16);
}

/**
 * The tips from refs read on disk, when that is safe without git: branches and
 * remote-tracking branches hold commit SHAs, a detached HEAD holds one, and a tag whose raw
 * value is unchanged keeps the commit it was peeled to before. A new or moved tag (it may be
 * an annotated tag object) returns undefined: then `for-each-ref` must peel it.
 */
export function tipsFromRawRefs(raw: Readonly<Record<string, string>>, cachedRaw: Readonly<Record<string, string>>, cachedTips: RefTips): RefTips | undefined {
  const sha = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
  const resolve = (value: string, depth = 0): string | undefined => {
    if (sha.test(value)) return value;
    const target = /^ref: (\S+)$/.exec(value)?.[1];
    return target && depth < 5 && raw[target] !== undefined ? resolve(raw[target], depth + 1) : undefined;
  };
  const tips: RefTips = {};
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'HEAD') {
      if (sha.test(value)) tips.HEAD = value;
      else if (!value.startsWith('ref: ')) return undefined;
      continue;
    }
    if (name.startsWith('refs/tags/')) {
      if (cachedRaw[name] !== value) return undefined;
      if (cachedTips[name]) tips[name] = cachedTips[name];
      continue;
    }
    const resolved = resolve(value);
    if (resolved) tips[name] = resolved;
    else if (!value.startsWith('ref: ')) return undefined;
  }
  return tips;
}

/** True when two raw ref listings are the same. */
export function sameRawRefs(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  if (!a || !b) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** The config files git reads for this repository, lowest precedence first (no system file). */
function configFiles(repo: Omit<ResolvedRepository, 'folder'>, env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME || env.USERPROFILE || '';
  const xdg = env.XDG_CONFIG_HOME || (home ? path.join(home, '.config') : '');
  return [
    xdg && path.join(xdg, 'git', 'config'),
    env.GIT_CONFIG_GLOBAL || (home && path.join(home, '.gitconfig')),
    path.join(repo.commonDir, 'config'),
    path.join(repo.gitDir, 'config.worktree'),
  ].filter(Boolean);
}

/**
 * Size and modification time of the config files git reads for `user.email` (global, XDG,
 * the repository's own, the worktree's): when none changed, the cached email still holds.
 * (A change inside a file pulled in by `include.path` is noticed on the next full scan only.)
 * It ends with the `mailmapStamp`, so a cache entry carries the mailmap its counts were read
 * under (see `mailmapUnchanged`).
 */
export async function configStamp(repo: ResolvedRepository, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const parts = configFiles(repo, env).map((f) => {
    const st = fsSync.statSync(f, { throwIfNoEntry: false });
    return st ? `${f}:${st.size}:${st.mtimeMs}` : `${f}:-`;
  });
  return `${parts.join('|')}|${mailmapStamp(repo, env)}`;
}

/**
 * Identifies the mailmap git applies to `%aE`: the work tree's `.mailmap`, the file named by
 * `mailmap.file` and the `mailmap.blob` setting. A different mailmap can make old commits
 * the user's (or not), so counts read under another one cannot be reused, even for commits
 * already read. (The default `HEAD:.mailmap` blob of a bare repository is not followed.)
 */
export function mailmapStamp(repo: Omit<ResolvedRepository, 'folder'>, env: NodeJS.ProcessEnv = process.env): string {
  let file: string | undefined;
  let blob: string | undefined;
  for (const config of configFiles(repo, env)) {
    const settings = readMailmapSettings(config);
    file = settings.file ?? file;
    blob = settings.blob ?? blob;
  }
  const parts: string[] = [];
  if (!repo.bare) parts.push(`.mailmap=${pathStamp(path.join(repo.root, '.mailmap'))}`);
  if (file) {
    // A pathname setting: `~/` is the home folder; git runs at the top of the work tree.
    const home = env.HOME || env.USERPROFILE || '';
    const resolved = /^~[/\\]/.test(file) && home ? path.join(home, file.slice(2)) : path.resolve(repo.root, file);
    parts.push(`file=${JSON.stringify(file)}:${pathStamp(resolved)}`);
  }
  if (blob !== undefined) parts.push(`blob=${JSON.stringify(blob)}`);
  return `mailmap:${parts.join(';')}`;
}

/** True when a cached config stamp was taken under the mailmap the repository has now. */
export function mailmapUnchanged(cachedConfigStamp: string, repo: Omit<ResolvedRepository, 'folder'>, env: NodeJS.ProcessEnv = process.env): boolean {
  return cachedConfigStamp.endsWith(`|${mailmapStamp(repo, env)}`);
}

/**
 * Whether a config file (those configStamp covers) changed at or after `sinceMs`: then a
 * `git config` started before that may have read it before the stamp did.
 */
export function configChangedSince(repo: ResolvedRepository, sinceMs: number, env: NodeJS.ProcessEnv = process.env): boolean {
  return configFiles(repo, env).some((f) => {
    const st = fsSync.statSync(f, { throwIfNoEntry: false });
    return st !== undefined && Math.max(st.mtimeMs, st.ctimeMs) >= sinceMs;
  });
}

function pathStamp(file: string): string {
  const st = fsSync.statSync(file, { throwIfNoEntry: false });
  // The inode catches an atomic replace, ctime an edit within the same mtime tick.
  return st ? `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}` : '-';
}

interface MailmapSettings {
  file?: string;
  blob?: string;
}

/** `mailmap.*` settings per config file, kept while the file's stamp holds. */
const mailmapSettingsByFile = new Map<string, { stamp: string; settings: MailmapSettings }>();

function readMailmapSettings(file: string): MailmapSettings {
  const stamp = pathStamp(file);
  if (stamp === '-') return {};
  const known = mailmapSettingsByFile.get(file);
  if (known && known.stamp === stamp) return known.settings;
  let settings: MailmapSettings = {};
  try {
    settings = parseMailmapSettings(fsSync.readFileSync(file, 'utf8'));
  } catch {
    // Unreadable: git cannot read it either.
  }
  mailmapSettingsByFile.set(file, { stamp, settings });
  return settings;
}

/**
 * `mailmap.file` and `mailmap.blob` from the text of a git config file (last one wins, as in
 * git). Enough of the syntax for a stamp: sections, quotes, escapes and comments.
 */
export function parseMailmapSettings(text: string): MailmapSettings {
  const settings: MailmapSettings = {};
  let inMailmap = false;
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    const header = /^\[\s*([A-Za-z0-9.-]+)\s*("(?:[^"\\]|\\.)*")?\s*\](.*)$/.exec(line);
    if (header) {
      inMailmap = header[1].toLowerCase() === 'mailmap' && !header[2];
      line = header[3].trim();
    }
    if (!inMailmap) continue;
    const entry = /^(file|blob)\s*(?:=(.*))?$/i.exec(line);
    if (entry) settings[entry[1].toLowerCase() as keyof MailmapSettings] = configValue(entry[2] ?? '');
  }
  return settings;
}

function configValue(raw: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && i + 1 < raw.length) {
      const next = raw[++i];
      out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
    } else if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '#' || c === ';')) break;
    else out += c;
  }
  return out.trim();
}

/**
 * A cached location still points at the folder's repository: its git folder and HEAD are
 * there, and no repository was created between the folder and the cached top since
 * (`git init` in a subfolder: the caller then asks git again).
 */
export async function locationStillValid(repo: ResolvedRepository): Promise<boolean> {
  const there = fsSync.existsSync(path.join(repo.gitDir, 'HEAD')) && fsSync.existsSync(path.join(repo.commonDir, 'objects')) && (repo.bare || fsSync.existsSync(repo.root));
  return there && !gitEntryBelowRoot(repo.folder, repo.root);
}

/** A `.git` (folder or file) in `folder` or a parent of it below `root`. */
function gitEntryBelowRoot(folder: string, root: string): boolean {
  const relative = path.relative(root, folder);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  let dir = folder;
  while (dir !== root) {
    if (fsSync.lstatSync(path.join(dir, '.git'), { throwIfNoEntry: false })) return true;
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
  return false;
}

export { GitCommandError };

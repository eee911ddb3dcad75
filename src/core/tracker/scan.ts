// Pure logic: stays free of vscode.
// The learning tracker's scan: the user's commits per day and what they published, over
// several repositories, fast on big histories and incremental between runs.
//
// ─── API (also used by the command-line tool, without VS Code) ──────────────────────────
//   scanRepositories(options: ScanOptions): Promise<ScanResult>
//     options.repos        folders: a repository's top or any folder inside one
//     options.emails       the user's extra email addresses; `git config user.email` of each
//                          repository is added unless options.useConfiguredEmail === false
//     options.timeZone     IANA zone that decides the calendar day (e.g. systemTimeZone())
//     options.dateKind     'author' (default) | 'committer': which date decides the day
//     options.postsFolders where posts live (default DEFAULT_POSTS_FOLDERS)
//     options.cacheDir     folder for the per-repository disk cache (omit: no cache)
//     options.concurrency  repositories read at once (default 2)
//     options.signal       AbortSignal: cancels, git processes are killed, rejects ScanCancelledError
//     options.onProgress   ({ phase, reposDone, reposTotal, repo?, commitsRead }) => void
//     options.onHeatmap    (days) => void: called once, as soon as every repository's day
//                          counts are known (the posts walk may still be running)
//   → ScanResult {
//       days: Map<'YYYY-MM-DD', number>   the user's commits per day, a commit in several
//                                         repositories counted once (by SHA)
//       perRepo: RepoSummary[]            one per folder given, in that order (errors included)
//       posts: PublishedItemInRepo[]      posts, READMEs, projects: oldest first
//       warnings: string[]                sentences for the user
//       identities: string[]              the emails that counted (lowercase)
//       timeZone, dateKind
//     }
//   loadCachedScan(options) → Promise<ScanResult | undefined>: the last result from the disk
//     cache only, without running git (for showing the heatmap at once on reopen).
//   Never throws for a bad repository (it becomes a RepoSummary with status and message);
//   throws GitNotFoundError only when git is missing and no repository could be read.
// ─────────────────────────────────────────────────────────────────────────────────────────
//
// How a repository is read:
// 1. Small calls (simple-git): rev-parse, `config user.email`, `for-each-ref` for the tips.
// 2. Tips equal to the cached tips → nothing changed: no log at all.
// 3. Tips moved and every old tip still reachable → `git log <new tips> ^<old tips>` reads
//    only new commits; a rewrite (an old tip no longer reachable, a deleted branch, a
//    deepened shallow clone) → the repository is read again in full.
// 4. One streamed walk (every commit: SHA, parents, date, email) fills the day counts and
//    feeds the published-items finder, whose two small git processes (path lookups and
//    diff-tree on the few commits that changed the posts folders) run beside it.
import { mapLimit } from '../map-limit';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertTimeZone, dayKeyFor, dayKeyFromNumber } from './calendar';
import { combineRepositories, dayCountsToObject, mergeSortedKeys, totalOf } from './day-buckets';
import { FlowControl, GitCommandError, GitNotFoundError, ScanCancelledError, runGit, streamGit } from './git-command';
import { CommitDayCounter, commitLogFormat, type DateKind } from './git-log-reader';
import { EXISTENCE_TIPS, PublishedFinder, readmeNamesAt } from './published-finder';
import {
  DEFAULT_POSTS_FOLDERS,
  type PublishedCollector,
  combinePublished,
  normalizePostsFolders,
  sortPublished,
  type PublishedItem,
} from './posts';
import {
  RepositoryProblem,
  configChangedSince,
  configStamp,
  configuredEmail,
  locationStillValid,
  readPackedRefs,
  readRawRefs,
  readRefTips,
  resolveRepository,
  sameRawRefs,
  shallowFingerprint,
  rewritesFingerprint,
  tipCommits,
  tipsFromRawRefs,
  type RefTips,
  type ResolvedRepository,
} from './repositories';
import {
  fromPublishedRows,
  identityHash,
  matchesContext,
  postsKey,
  readCacheEntry,
  readCacheKeys,
  toPublishedRows,
  writeCacheEntry,
  type CacheContext,
  type RepoCacheEntry,
} from './scan-cache';
import { englishText, notice, type TrackerNotice } from './tracker-messages';

export type { DateKind } from './git-log-reader';
export type { PublishedItem, PublishedKind } from './posts';
export { DEFAULT_POSTS_FOLDERS, publishedPerMonth } from './posts';
export { GitNotFoundError, ScanCancelledError } from './git-command';

export interface ScanProgress {
  readonly phase: 'resolving' | 'reading' | 'done';
  readonly reposDone: number;
  readonly reposTotal: number;
  /** The repository being read (its folder name). */
  readonly repo?: string;
  /** Commits read so far in this scan (everyone's, not only the user's). */
  readonly commitsRead: number;
}

export interface ScanOptions {
  readonly repos: readonly string[];
  readonly emails: readonly string[];
  readonly timeZone: string;
  readonly dateKind?: DateKind;
  readonly postsFolders?: readonly string[];
  readonly cacheDir?: string;
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ScanProgress) => void;
  /** The combined day counts, as soon as they are known, before posts are complete. */
  readonly onHeatmap?: (days: Map<string, number>) => void;
  readonly useConfiguredEmail?: boolean;
}

export type RepoStatus = 'ok' | 'empty' | 'missing' | 'not-a-repo' | 'error';

export interface RepoSummary {
  /** The folder as given. */
  readonly folder: string;
  /** The repository's top folder, when it is one. */
  readonly root?: string;
  /** A short name to show (the top folder's name). */
  readonly name: string;
  readonly status: RepoStatus;
  /** Why the status is not 'ok', in a sentence (English; `notice` says it in any language). */
  readonly message?: string;
  readonly notice?: TrackerNotice;
  /** The user's commits in this repository (before cross-repository dedup). */
  readonly commits: number;
  readonly activeDays: number;
  readonly firstDay?: string;
  /** The last day with commits, up to today (days dated in the future are in `future`). */
  readonly lastDay?: string;
  /** Commits dated after today (a wrong clock): counted in `commits`, never shown as days. */
  readonly future?: { readonly commits: number; readonly days: number };
  readonly published: number;
  readonly shallow: boolean;
  readonly detachedHead: boolean;
  /** How this scan got the data: read in full, only new commits, or from the cache unchanged. */
  readonly read: 'full' | 'incremental' | 'unchanged' | 'none';
  /** Commits this scan read from git for the repository (0 when unchanged). */
  readonly commitsRead: number;
}

export interface PublishedItemInRepo extends PublishedItem {
  /** RepoSummary.name of the repository it was found in (to show; two repositories may share it). */
  readonly repo: string;
  /** Index in ScanResult.perRepo of that repository: what identifies it. */
  readonly repoIndex: number;
}

export interface ScanResult {
  readonly days: Map<string, number>;
  readonly perRepo: RepoSummary[];
  readonly posts: PublishedItemInRepo[];
  /** Sentences for the user, in English (the CLI); `notices` are the same as ids and values. */
  readonly warnings: string[];
  readonly notices?: readonly TrackerNotice[];
  readonly identities: string[];
  readonly timeZone: string;
  readonly dateKind: DateKind;
  /** Commits found in more than one repository (counted once in `days`). */
  readonly duplicates: number;
}

/** One repository's contribution to a result. */
interface RepoData {
  readonly summary: RepoSummary;
  readonly days: ReadonlyMap<string, number>;
  readonly keys?: Float64Array;
  readonly published: readonly PublishedItem[];
  readonly undated: number;
  readonly malformed: number;
}

interface PreparedRepo {
  readonly index: number;
  readonly folder: string;
  readonly key: string;
  readonly repo: ResolvedRepository;
  readonly tips: RefTips;
  readonly rawRefs: Record<string, string>;
  readonly shallow: string;
  /** Replace refs and grafts (see rewritesFingerprint); '' when there are none. */
  readonly rewrites: string;
  readonly email?: string;
  readonly configStamp: string;
  /** The disk cache entry for this folder, not yet checked against the settings. */
  readonly cached?: RepoCacheEntry;
  /** The tips were derived from the refs on disk (no git); re-read them with git if a walk fails. */
  readonly tipsFromDisk: boolean;
}

/**
 * Where a folder's repository is and what state it is in. With a cache entry whose location
 * still exists this runs no git at all when nothing changed: the refs and config files are
 * compared on disk, and only a difference costs a `for-each-ref` or a `config` call.
 */
async function prepareRepository(index: number, folder: string, options: ScanOptions): Promise<PreparedRepo> {
  const signal = options.signal;
  const wantEmail = options.useConfiguredEmail !== false;
  const cached = options.cacheDir ? await readCacheEntry(options.cacheDir, folder) : undefined;
  if (cached && (await locationStillValid({ ...cached.location, folder }))) {
    const repo: ResolvedRepository = { ...cached.location, folder };
    const packedRefs = readPackedRefs(repo);
    const [stamp, rawRefs, shallow, rewrites] = await Promise.all([configStamp(repo), readRawRefs(repo, packedRefs), shallowFingerprint(repo), rewritesFingerprint(repo, packedRefs)]);
    const fromDisk = !rawRefs ? undefined : sameRawRefs(rawRefs, cached.rawRefs) ? cached.tips : tipsFromRawRefs(rawRefs, cached.rawRefs, cached.tips);
    const [email, tips] = await Promise.all([
      !wantEmail ? undefined : stamp === cached.configStamp ? cached.configuredEmail : configuredEmail(repo.root, signal),
      fromDisk ?? readRefTips(repo, signal),
    ]);
    return { index, folder, key: folder, repo: { ...repo, shallow: shallow !== '' }, tips, rawRefs: rawRefs ?? {}, shallow, rewrites, email, configStamp: stamp, cached, tipsFromDisk: fromDisk !== undefined };
  }
  // `git config` answers the same from any folder inside the repository, so it runs beside
  // rev-parse rather than after it: one git start-up less on the way to the log.
  const emailAsked = Date.now();
  const early = wantEmail ? configuredEmail(folder, signal) : undefined;
  const repo = await resolveRepository(folder, signal);
  // The raw refs are read before the tips: if a ref moves in between, the next run sees a
  // difference and asks git again (never the reverse, which would hide a change).
  const packedRefs = readPackedRefs(repo);
  const [rawRefs, stamp, shallow, rewrites] = await Promise.all([readRawRefs(repo, packedRefs), configStamp(repo), shallowFingerprint(repo), rewritesFingerprint(repo, packedRefs)]);
  const tips = await readRefTips(repo, signal);
  // Likewise the email must not be older than the stamp kept with it: a config file changed
  // since git config started (2 s for coarse file times) may be newer than its answer.
  let email = await early;
  if (wantEmail && configChangedSince(repo, emailAsked - 2000)) email = await configuredEmail(repo.root, signal);
  return { index, folder, key: folder, repo, tips, rawRefs: rawRefs ?? {}, shallow, rewrites, email, configStamp: stamp, cached, tipsFromDisk: false };
}

/** A repository's first and last day with commits up to today, and what is dated after today. */
function daySpan(days: ReadonlyMap<string, number>, timeZone: string): Pick<RepoSummary, 'firstDay' | 'lastDay' | 'future'> {
  const today = dayKeyFor(Date.now() / 1000, timeZone);
  let firstDay: string | undefined;
  let lastDay: string | undefined;
  let futureCommits = 0;
  let futureDays = 0;
  for (const [day, n] of days) {
    if (day > today) {
      futureCommits += n;
      futureDays++;
      continue;
    }
    if (!firstDay || day < firstDay) firstDay = day;
    if (!lastDay || day > lastDay) lastDay = day;
  }
  return { firstDay, lastDay, ...(futureDays > 0 ? { future: { commits: futureCommits, days: futureDays } } : {}) };
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;

/** Trimmed, lowercased, deduplicated emails; invalid ones reported. */
export function normalizeEmails(emails: readonly unknown[]): { emails: string[]; rejected: string[] } {
  const out = new Set<string>();
  const rejected: string[] = [];
  for (const raw of emails) {
    if (typeof raw !== 'string') continue;
    const email = raw.trim().replace(/^<|>$/g, '').toLowerCase();
    if (!email) continue;
    if (EMAIL.test(email)) out.add(email);
    else rejected.push(raw);
  }
  return { emails: [...out], rejected };
}

function repoName(root: string | undefined, folder: string): string {
  return path.basename(root ?? folder) || root || folder;
}

async function realFolder(folder: string): Promise<string> {
  const absolute = path.resolve(folder);
  try {
    return await fs.realpath(absolute);
  } catch {
    return absolute;
  }
}

/** Revisions for git: on the command line, or on stdin when there are many (Windows limits). */
function revisionArgs(include: readonly string[], exclude: readonly string[]): { args: string[]; stdin?: string } {
  const revs = [...include, ...exclude.map((s) => `^${s}`)];
  if (revs.reduce((n, r) => n + r.length + 1, 0) < 8000) return { args: revs };
  return { args: ['--stdin'], stdin: revs.join('\n') + '\n' };
}

/**
 * A shallow clone's boundary commits: git prints them without parents, as if they were roots
 * (see PublishedFinderOptions.shallowCommits). Empty when there is none or it cannot be read.
 */
async function readShallowCommits(repo: ResolvedRepository): Promise<ReadonlySet<string>> {
  try {
    const text = await fs.readFile(path.join(repo.commonDir, 'shallow'), 'latin1');
    return new Set(text.split('\n').map((line) => line.trim()).filter((line) => line !== ''));
  } catch {
    return new Set();
  }
}

/** Tips in a stable order: HEAD and branches first. */
function preferredTips(tips: RefTips): string[] {
  const rank = (ref: string) => (ref === 'HEAD' ? 0 : ref.startsWith('refs/heads/') ? 1 : ref.startsWith('refs/remotes/') ? 2 : 3);
  const refs = Object.keys(tips).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  return [...new Set(refs.map((r) => tips[r]))];
}

/** The two walks of one repository, running in parallel; each promise settles on its own. */
interface Walk {
  readonly days: Promise<CommitDayCounter>;
  readonly published: Promise<PublishedCollector>;
  readonly abort: () => void;
  /** What the walk looked in (`lookedIn`, `appeared`), read once `published` settled. */
  readonly finder: PublishedFinder;
}

const ignore = () => undefined;

export async function scanRepositories(options: ScanOptions): Promise<ScanResult> {
  const dateKind: DateKind = options.dateKind ?? 'author';
  const signal = options.signal;
  const notices: TrackerNotice[] = [];
  const posts = normalizePostsFolders(options.postsFolders ?? DEFAULT_POSTS_FOLDERS);
  for (const r of posts.rejected) notices.push(notice('postsFolderIgnored', r));
  const given = normalizeEmails(options.emails);
  for (const r of given.rejected) notices.push(notice('notAnEmail', r));
  const concurrency = Math.max(1, options.concurrency ?? 2);
  let commitsRead = 0;
  let reposDone = 0;
  const progress = (phase: ScanProgress['phase'], repo?: string) =>
    options.onProgress?.({ phase, reposDone, reposTotal: options.repos.length, repo, commitsRead });

  // 1. Resolve every folder (cheap calls, in parallel) and read its email and ref tips.
  progress('resolving');
  const folders = await Promise.all(options.repos.map(realFolder));
  const summaries: (RepoSummary | undefined)[] = new Array(folders.length);
  const prepared: PreparedRepo[] = [];
  const configured = new Set<string>();
  let gitMissing: GitNotFoundError | undefined;
  const seenRoots = new Map<string, string>();
  await mapLimit(folders, Math.max(4, concurrency * 2), async (folder, index) => {
    try {
      const p = await prepareRepository(index, folder, options);
      if (p.email) configured.add(p.email.trim().toLowerCase());
      prepared.push(p);
    } catch (err) {
      if (err instanceof ScanCancelledError) throw err;
      summaries[index] = problemSummary(options.repos[index], err);
      if (err instanceof RepositoryProblem && err.reason === 'git-missing') gitMissing = new GitNotFoundError();
      if (err instanceof GitNotFoundError) gitMissing = err;
    }
  });
  if (signal?.aborted) throw new ScanCancelledError();
  prepared.sort((a, b) => a.index - b.index);
  // The same repository reached from two folders (a subfolder, a symlink) is read once; so is
  // a linked worktree beside its repository (they share every branch and tag), unless its
  // HEAD is detached at a commit no ref of the first one names: then only it reaches that.
  const unique: PreparedRepo[] = [];
  const seenCommonDirs = new Map<string, PreparedRepo>();
  for (const p of prepared) {
    const first = seenRoots.get(p.repo.root);
    if (first !== undefined) {
      summaries[p.index] = { ...emptySummary(options.repos[p.index], p.repo, 'ok'), ...said(notice('sameRepository', first)) };
      continue;
    }
    const sibling = seenCommonDirs.get(p.repo.commonDir);
    if (sibling && (!('HEAD' in p.tips) || tipCommits(sibling.tips).includes(p.tips.HEAD))) {
      summaries[p.index] = { ...emptySummary(options.repos[p.index], p.repo, 'ok'), ...said(notice('sameRepositoryWorktree', options.repos[sibling.index])) };
      continue;
    }
    seenRoots.set(p.repo.root, options.repos[p.index]);
    if (!sibling) seenCommonDirs.set(p.repo.commonDir, p);
    unique.push(p);
  }
  if (gitMissing && unique.length === 0) throw gitMissing;
  // A zone every cache entry was written with was valid then; otherwise check it now, before
  // any walk (the first Intl use with a zone costs ~15 ms, too much for a no-git reopen).
  if (!unique.every((p) => p.cached?.timeZone === options.timeZone)) assertTimeZone(options.timeZone);

  const identities = new Set<string>([...given.emails, ...configured]);
  if (identities.size === 0 && unique.length > 0) {
    notices.push(notice('noEmail'));
  }
  const context: CacheContext = {
    identityHash: identityHash(identities),
    timeZone: options.timeZone,
    dateKind,
    postsKey: postsKey(posts.folders),
  };
  const collectKeys = unique.length > 1;

  // Day counts per repository as they become known, for onHeatmap.
  const heatmapParts = new Map<number, { days: ReadonlyMap<string, number>; keys?: Float64Array }>();
  let heatmapSent = false;
  const reportDays = (index: number, days: ReadonlyMap<string, number>, keys?: Float64Array) => {
    heatmapParts.set(index, { days, keys });
    if (heatmapSent || !options.onHeatmap || heatmapParts.size < unique.length) return;
    heatmapSent = true;
    const parts = [...heatmapParts].sort(([a], [b]) => a - b).map(([, part]) => part);
    options.onHeatmap(combineRepositories(parts, dayKeyFromNumber).days);
  };

  // 2. Read each repository: unchanged, incremental or in full.
  const data: (RepoData | undefined)[] = new Array(folders.length);
  await mapLimit(unique, concurrency, async (p) => {
    progress('reading', repoName(p.repo.root, p.folder));
    try {
      data[p.index] = await readRepository(p);
    } catch (err) {
      if (err instanceof ScanCancelledError) throw err;
      summaries[p.index] = problemSummary(options.repos[p.index], err, p.repo);
      reportDays(p.index, new Map());
    }
    reposDone++;
    progress('reading');
  });
  if (signal?.aborted) throw new ScanCancelledError();

  async function readRepository(p: PreparedRepo): Promise<RepoData> {
    const name = repoName(p.repo.root, p.folder);
    const tips = tipCommits(p.tips);
    const base = { ...emptySummary(options.repos[p.index], p.repo, 'ok'), detachedHead: 'HEAD' in p.tips };
    if (tips.length === 0) {
      reportDays(p.index, new Map());
      return { summary: { ...base, status: 'empty', ...said(notice('noCommitsYet', name)), read: 'none' }, days: new Map(), published: [], undated: 0, malformed: 0 };
    }
    let cached = p.cached;
    // Another shallow boundary, replace refs or grafts: git shows another history, read it all.
    if (cached && (!matchesContext(cached, context) || cached.shallow !== p.shallow || (cached.rewrites ?? '') !== p.rewrites || cached.root !== p.repo.root)) cached = undefined;
    let cachedKeys: Float64Array | undefined;
    if (cached && collectKeys) {
      cachedKeys = await readCacheKeys(options.cacheDir!, cached);
      if (!cachedKeys) cached = undefined; // keys are needed now and this entry has none: read again
    }

    let result: Omit<RepoData, 'summary'> & { read: RepoSummary['read']; commitsRead: number; commits: number; lookedIn: readonly string[] };
    const sameTips = cached && sameRefTips(cached.tips, p.tips);
    if (cached && sameTips && sameRawRefs(cached.rawRefs, p.rawRefs) && cached.configStamp === p.configStamp) {
      result = fromCache(cached, cachedKeys, 'unchanged');
      reportDays(p.index, result.days, result.keys);
    } else if (cached && sameTips) {
      // Same commits, but the refs on disk or the config files changed (e.g. `git pack-refs`):
      // refresh the entry so the next reopen takes the no-git path again.
      result = fromCache(cached, cachedKeys, 'unchanged');
      reportDays(p.index, result.days, result.keys);
      if (options.cacheDir) await saveEntry(p, result);
    } else {
      const incremental = cached ? await readIncrementally(p, cached, cachedKeys) : undefined;
      if (!incremental && p.tipsFromDisk) {
        // The refs on disk said something git may read differently (say, a branch set to a
        // tag object): ask git for the tips before reading everything.
        p = { ...p, tips: await readRefTips(p.repo, signal), tipsFromDisk: false };
      }
      result = incremental ?? (await readInFull(p));
      if (options.cacheDir) await saveEntry(p, result);
    }
    return {
      ...result,
      summary: {
        ...base,
        name,
        commits: result.commits,
        activeDays: result.days.size,
        ...daySpan(result.days, options.timeZone),
        published: result.published.length,
        read: result.read,
        commitsRead: result.commitsRead,
      },
    };
  }

  async function saveEntry(p: PreparedRepo, result: { days: ReadonlyMap<string, number>; keys?: Float64Array; commits: number; undated: number; published: readonly PublishedItem[]; lookedIn: readonly string[] }): Promise<void> {
    await writeCacheEntry(
      options.cacheDir!,
      {
        folder: p.key,
        root: p.repo.root,
        location: { root: p.repo.root, gitDir: p.repo.gitDir, commonDir: p.repo.commonDir, bare: p.repo.bare, shallow: p.repo.shallow },
        configuredEmail: p.email,
        configStamp: p.configStamp,
        rawRefs: p.rawRefs,
        ...context,
        identities: [...identities].sort(),
        shallow: p.shallow,
        ...(p.rewrites ? { rewrites: p.rewrites } : {}),
        tips: p.tips,
        days: dayCountsToObject(result.days),
        commits: result.commits,
        undated: result.undated,
        published: toPublishedRows(result.published),
        postsLookedIn: [...result.lookedIn],
      },
      result.keys,
      p.cached?.keys?.file,
    ).catch(() => undefined); // a cache that cannot be written only costs speed next time
  }

  function fromCache(entry: RepoCacheEntry, keys: Float64Array | undefined, read: RepoSummary['read']) {
    return {
      days: new Map(Object.entries(entry.days)),
      keys,
      published: fromPublishedRows(entry.published),
      lookedIn: entry.postsLookedIn,
      undated: entry.undated,
      malformed: 0,
      read,
      commitsRead: 0,
      commits: entry.commits,
    };
  }

  /**
   * `onParents`, when given, sees each walked commit's parents (hex SHAs separated by spaces
   * at `buf[start…end)`, valid during the call only). `refresh`: an incremental walk, which
   * looks in every posts folder and in `readmes`, and checks whether the paths the full scan
   * did not look in (`unlooked`) exist at the new tips.
   */
  function walk(p: PreparedRepo, include: readonly string[], exclude: readonly string[], known: readonly PublishedItem[], refresh?: { readonly readmes: readonly string[]; readonly unlooked: readonly string[] }, onParents?: (buf: Buffer, start: number, end: number) => void): Walk {
    const revs = revisionArgs(include, exclude);
    const name = repoName(p.repo.root, p.folder);
    // Our own signal, so an incremental walk made pointless by a rewrite can be stopped.
    const controller = new AbortController();
    const stop = () => controller.abort();
    signal?.addEventListener('abort', stop, { once: true });
    // git log is started first: it is the critical path, and the finder's cat-file spawn and
    // the counter's setup then overlap with git's own start-up.
    let lastReport = 0;
    const flow = new FlowControl();
    const streamed = streamGit({
      cwd: p.repo.root,
      args: ['log', '--use-mailmap', '--no-show-signature', commitLogFormat(dateKind, true, true), ...revs.args],
      stdin: revs.stdin,
      signal: controller.signal,
      flow,
      // A full log is long: through a file, not a pipe (see streamGit).
      viaFileIn: refresh ? undefined : os.tmpdir(),
      onStdout: (chunk) => {
        const before = counter.recordsRead;
        counter.feed(chunk);
        commitsRead += counter.recordsRead - before;
        const now = Date.now();
        if (now - lastReport > 200) {
          lastReport = now;
          progress('reading', name);
        }
      },
    });
    // The published items come from the commits this walk streams (see published-finder.ts);
    // a full walk has many, so the finder writes to git in batches.
    const finder = new PublishedFinder(
      {
        flow,
        cwd: p.repo.root,
        identities,
        timeZone: options.timeZone,
        dateKind,
        postsFolders: posts.folders,
        lookIn: refresh
          ? { folders: posts.folders, readmes: refresh.readmes, appearedAt: { tips: include.slice(0, EXISTENCE_TIPS), paths: refresh.unlooked } }
          : { existingAt: include },
        shallowCommits: p.shallow !== '' ? readShallowCommits(p.repo) : undefined,
        revisions: revs,
        signal: controller.signal,
        batch: !refresh,
      },
      known,
    );
    const counter = new CommitDayCounter({
      identities,
      timeZone: options.timeZone,
      collectKeys,
      onCommit: (buf, shaStart, shaEnd, parentsStart, parentsEnd, seconds, mine) => {
        onParents?.(buf, parentsStart, parentsEnd);
        finder.add(buf, shaStart, shaEnd, parentsStart, parentsEnd, seconds, mine);
      },
    });
    const days = streamed.then(() => {
      counter.end();
      return counter;
    });
    const published = days.then(
      () => finder.end(),
      (err: unknown) => {
        finder.abort();
        throw err;
      },
    );
    // Each is awaited later; until then a rejection must not count as unhandled.
    days.catch(ignore);
    published.catch(ignore);
    void Promise.allSettled([days, published]).then(() => signal?.removeEventListener('abort', stop));
    return { days, published, abort: stop, finder };
  }

  async function readInFull(p: PreparedRepo) {
    const w = walk(p, preferredTips(p.tips), [], []);
    const counter = await w.days.catch((err: unknown) => {
      w.abort();
      throw err;
    });
    const keys = counter.keys?.sorted();
    const days = counter.days;
    reportDays(p.index, days, keys);
    const collector = await w.published;
    return {
      days,
      keys,
      published: collector.items(),
      lookedIn: w.finder.lookedIn,
      undated: counter.undated,
      malformed: counter.malformed + collector.malformed,
      read: 'full' as const,
      commitsRead: counter.recordsRead,
      commits: counter.commitsCounted,
    };
  }

  /** Reads only the commits new since the cached tips; undefined when history was rewritten. */
  async function readIncrementally(p: PreparedRepo, cached: RepoCacheEntry, cachedKeys: Float64Array | undefined) {
    const oldTips = tipCommits(cached.tips);
    const newTips = new Set(tipCommits(p.tips));
    const added = preferredTips(p.tips).filter((t) => !oldTips.includes(t));
    const removed = oldTips.filter((t) => !newTips.has(t));
    try {
      // Lost commits (a rewrite, a deleted branch) cannot be subtracted: that needs a full read.
      // An old tip is kept when it is the parent of a new commit (a commit on a branch, a
      // merge): the walk shows that for free. Only tips it does not show cost a `rev-list`.
      const unseen = new Set(removed);
      const lostAmong = async (tips: readonly string[]) => {
        if (tips.length === 0) return false;
        const revs = revisionArgs(tips, [...newTips]);
        const out = await runGitWithStdin(p.repo.root, ['rev-list', '-n', '1', ...revs.args], revs.stdin);
        return out.trim() !== '';
      };
      const seeParents = (buf: Buffer, start: number, end: number) => {
        if (unseen.size === 0) return;
        for (const parent of buf.toString('latin1', start, end).split(' ')) unseen.delete(parent);
      };
      const readmes = readmeNamesAt(p.repo.root);
      const unlooked = [...posts.folders, ...readmes].filter((path) => !cached.postsLookedIn.includes(path));
      const w = added.length ? walk(p, added, oldTips, fromPublishedRows(cached.published), { readmes, unlooked }, removed.length ? seeParents : undefined) : undefined;
      let lost: boolean;
      let counter: CommitDayCounter | undefined;
      try {
        counter = await w?.days;
        lost = await lostAmong([...unseen]);
      } catch (err) {
        w?.abort();
        throw err;
      }
      if (lost) {
        w?.abort();
        return undefined;
      }
      if (!w || !counter) {
        const same = fromCache(cached, cachedKeys, 'incremental');
        reportDays(p.index, same.days, same.keys);
        return same;
      }
      const days = new Map(Object.entries(cached.days));
      for (const [day, n] of counter.days) days.set(day, (days.get(day) ?? 0) + n);
      let keys: Float64Array | undefined;
      if (collectKeys) keys = mergeSortedKeys(cachedKeys ?? new Float64Array(0), counter.keys!.sorted());
      // The days are right whatever the posts side finds (a full read gives the same ones).
      reportDays(p.index, days, keys);
      const collector = await w.published;
      // A posts folder (or README spelling) the full scan did not look in now exists at a new
      // tip: what it held before was never read (a post deleted, then added again; a branch
      // made at an old commit). Read everything, as a full rescan would.
      if (w.finder.appeared.length > 0) return undefined;
      return {
        days,
        keys,
        published: collector.items(),
        lookedIn: cached.postsLookedIn,
        undated: cached.undated + counter.undated,
        malformed: counter.malformed + collector.malformed,
        read: 'incremental' as const,
        commitsRead: counter.recordsRead,
        commits: cached.commits + counter.commitsCounted,
      };
    } catch (err) {
      if (err instanceof ScanCancelledError || err instanceof GitNotFoundError) throw err;
      if (err instanceof GitCommandError) return undefined; // e.g. an old tip was garbage-collected
      throw err;
    }
  }

  async function runGitWithStdin(cwd: string, args: string[], stdin?: string): Promise<string> {
    if (stdin === undefined) return runGit(cwd, args, signal);
    const chunks: Buffer[] = [];
    await streamGit({ cwd, args, stdin, signal, onStdout: (c) => chunks.push(c) });
    return Buffer.concat(chunks).toString('utf8');
  }

  // 3. Combine: each commit once, each published item once.
  const ordered = data.map((d, i) => ({ d, i })).filter((x): x is { d: RepoData; i: number } => x.d !== undefined);
  const combined = combineRepositories(ordered.map(({ d }) => ({ days: d.days, keys: d.keys })), dayKeyFromNumber);
  const publishedItems = combinePublished(ordered.map(({ d, i }) => d.published.map((item) => ({ ...item, repo: d.summary.name, repoIndex: i }))));
  for (const { d, i } of ordered) summaries[i] = d.summary;
  const undated = ordered.reduce((n, { d }) => n + d.undated, 0);
  if (undated > 0) notices.push(notice('undated', undated));
  const malformed = ordered.reduce((n, { d }) => n + d.malformed, 0);
  if (malformed > 0) notices.push(notice('malformed', malformed));
  for (const { d } of ordered) {
    if (d.summary.status === 'ok' && d.summary.commits === 0 && identities.size > 0) {
      notices.push(notice('noCommitsBy', [...identities].join(', '), d.summary.name));
    }
    if (d.summary.shallow) notices.push(notice('shallow', d.summary.name));
  }
  reposDone = unique.length;
  progress('done');
  return {
    days: combined.days,
    perRepo: summaries.map((s, i) => s ?? emptySummary(options.repos[i], undefined, 'error')),
    posts: publishedItems as PublishedItemInRepo[],
    warnings: notices.map(englishText),
    notices,
    identities: [...identities].sort(),
    timeZone: options.timeZone,
    dateKind,
    duplicates: combined.duplicates,
  };
}

function sameRefTips(a: RefTips, b: RefTips): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

function emptySummary(folder: string, repo: ResolvedRepository | undefined, status: RepoStatus): RepoSummary {
  return {
    folder,
    root: repo?.root,
    name: repoName(repo?.root, folder),
    status,
    commits: 0,
    activeDays: 0,
    published: 0,
    shallow: repo?.shallow ?? false,
    detachedHead: false,
    read: 'none',
    commitsRead: 0,
  };
}

/** A message for a RepoSummary: the English sentence and the notice it was made from. */
function said(n: TrackerNotice): { message: string; notice: TrackerNotice } {
  return { message: englishText(n), notice: n };
}

function problemSummary(folder: string, err: unknown, repo?: ResolvedRepository): RepoSummary {
  const base = emptySummary(folder, repo, 'error');
  if (err instanceof RepositoryProblem) {
    const status: RepoStatus = err.reason === 'missing' ? 'missing' : err.reason === 'not-a-repo' ? 'not-a-repo' : 'error';
    return { ...base, status, message: err.message, notice: err.notice };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { ...base, message: `${base.name}: ${message}` };
}

/**
 * The last result from the disk cache alone (no git): what the view shows the moment it
 * opens, before `scanRepositories` checks for new commits. Entries for other settings are
 * skipped; undefined when no folder has a usable entry.
 */
export async function loadCachedScan(options: Omit<ScanOptions, 'signal' | 'onProgress' | 'concurrency'>): Promise<ScanResult | undefined> {
  if (!options.cacheDir) return undefined;
  const dateKind: DateKind = options.dateKind ?? 'author';
  const posts = normalizePostsFolders(options.postsFolders ?? DEFAULT_POSTS_FOLDERS);
  const wanted = normalizeEmails(options.emails).emails;
  const folders = await Promise.all(options.repos.map(realFolder));
  const entries = await Promise.all(folders.map((f) => readCacheEntry(options.cacheDir!, f)));
  const usable: { entry: RepoCacheEntry; index: number }[] = [];
  const roots = new Set<string>();
  const pk = postsKey(posts.folders);
  entries.forEach((entry, index) => {
    if (!entry || entry.timeZone !== options.timeZone || entry.dateKind !== dateKind || entry.postsKey !== pk || roots.has(entry.root)) return;
    roots.add(entry.root);
    usable.push({ entry, index });
  });
  if (!usable.length) return undefined;
  // The full identity set is only known after asking git; the cached one must at least hold
  // the emails from the settings, and all entries must agree.
  const hash = usable[0].entry.identityHash;
  if (usable.some((u) => u.entry.identityHash !== hash)) return undefined;
  if (!wanted.every((e) => usable[0].entry.identities.includes(e))) return undefined;
  const keys = usable.length > 1 ? await Promise.all(usable.map((u) => readCacheKeys(options.cacheDir!, u.entry))) : [];
  const combined = combineRepositories(
    usable.map((u, i) => ({ days: new Map(Object.entries(u.entry.days)), keys: keys[i] })),
    dayKeyFromNumber,
  );
  const perRepo: RepoSummary[] = options.repos.map((folder, i) => {
    const u = usable.find((x) => x.index === i);
    if (!u) return { ...emptySummary(folder, undefined, 'ok'), read: 'none' };
    return {
      ...emptySummary(folder, undefined, 'ok'),
      root: u.entry.root,
      name: repoName(u.entry.root, folder),
      commits: u.entry.commits,
      activeDays: Object.keys(u.entry.days).length,
      ...daySpan(new Map(Object.entries(u.entry.days)), options.timeZone),
      published: u.entry.published.length,
      detachedHead: 'HEAD' in u.entry.tips,
      shallow: u.entry.shallow !== '',
      read: 'unchanged',
    };
  });
  const postsList = combinePublished(usable.map((u) => fromPublishedRows(u.entry.published).map((item) => ({ ...item, repo: repoName(u.entry.root, options.repos[u.index]), repoIndex: u.index }))));
  return {
    days: combined.days,
    perRepo,
    posts: sortPublished(postsList) as PublishedItemInRepo[],
    warnings: [],
    identities: usable[0].entry.identities,
    timeZone: options.timeZone,
    dateKind,
    duplicates: combined.duplicates,
  };
}

export { totalOf };

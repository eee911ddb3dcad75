// Pure logic: stays free of vscode.
// "Posts published": Markdown files first added under the site's posts folders, READMEs
// written and projects started. published-finder.ts picks the commits that changed those
// paths; `git diff-tree --diff-filter=A` lists what they added, in the records read here.
//
// What counts (the user's own commits only, dated by the same date as the heatmap):
// - post:    a Markdown file (.md, .markdown, .mdx, .qmd) first added under a posts folder,
//            except section pages (_index.md, index.md directly in the folder) and READMEs;
// - project: the README.md added by a repository's first commit (a root commit: no parent);
// - readme:  a README.md added at the repository root later on.
// A path counts once (its earliest addition); a rename is not a new post (`-M`).
// READMEs in subfolders (a monorepo of projects) are not looked for: a commit is picked by
// the object ids of fixed paths, which a `*/README.md` glob has no equivalent of.
import * as path from 'node:path';
import { leavesFolder } from '../safe-fs';
import { dayKeyFromNumber } from './calendar';
import { MAX_EPOCH_SECONDS, type DateKind } from './git-log-reader';
import { ZoneDays } from './zone-days';

export const DEFAULT_POSTS_FOLDERS: readonly string[] = ['content/posts', 'content/blog', '_posts', 'src/content/blog', 'blog', 'posts'];
const POST_EXTENSIONS = /\.(md|markdown|mdx|qmd)$/i;

export type PublishedKind = 'post' | 'readme' | 'project';

export interface PublishedItem {
  readonly kind: PublishedKind;
  /** Path inside the repository, `/`-separated. */
  readonly path: string;
  readonly epochSeconds: number;
  /** `YYYY-MM-DD` in the scan's time zone. */
  readonly day: string;
  /** The commit that added it (full SHA). */
  readonly sha: string;
  /**
   * Where the file is now, when later commits of the user's renamed or moved it within the
   * posts folders (`posts/x.md` → `posts/x/index.md`); the post still counts on its first day.
   */
  readonly currentPath?: string;
}

/** The file a published item is in today: where it was renamed to, else where it was added. */
export function currentFile(item: { readonly path: string; readonly currentPath?: string }): string {
  return item.currentPath ?? item.path;
}

/** Cleans the posts-folder setting: `/`-separated, no leading/trailing slash, never leaving the repo. */
export function normalizePostsFolders(folders: readonly unknown[]): { folders: string[]; rejected: string[] } {
  const out = new Set<string>();
  const rejected: string[] = [];
  for (const raw of folders) {
    if (typeof raw !== 'string') continue;
    const folder = raw.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+|\/+$/g, '');
    const segments = folder.split('/');
    if (!folder || /[\x00-\x1f]/.test(folder) || /^[a-zA-Z]:/.test(raw.trim()) || raw.trim().startsWith('/') || segments.some((s) => s === '..' || s === '.' || s === '')) {
      if (raw.trim()) rejected.push(raw);
      continue;
    }
    out.add(folder);
  }
  return { folders: [...out], rejected };
}

/** The pathspecs of the published-items walk: literal paths only (globs cost a full tree walk). */
export function publishedPathspecs(postsFolders: readonly string[]): string[] {
  return [...postsFolders.map((f) => `:(top,literal)${f}`), ':(top,icase)README.md'];
}

/** `--format` of the published-items walk: the commit's SHA, date, email and parents. */
export function publishedLogFormat(dateKind: DateKind): string {
  // Only the date follows the date kind; the author (after .mailmap) decides whose post it is.
  return dateKind === 'committer' ? '--format=%x1E%H%x00%ct%x00%aE%x00%P%x00' : '--format=%x1E%H%x00%at%x00%aE%x00%P%x00';
}

/** What an added file is, or undefined when it does not count. */
export function classifyAddedFile(filePath: string, postsFolders: readonly string[], isRootCommit: boolean): PublishedKind | undefined {
  const name = filePath.slice(filePath.lastIndexOf('/') + 1);
  for (const folder of postsFolders) {
    if (!filePath.startsWith(folder + '/')) continue;
    if (!POST_EXTENSIONS.test(name) || /^readme\./i.test(name) || /^_index\./i.test(name)) return undefined;
    if (/^index\./i.test(name) && filePath.lastIndexOf('/') === folder.length) return undefined;
    return 'post';
  }
  if (name !== 'README.md' && name.toLowerCase() !== 'readme.md') return undefined;
  if (filePath.includes('/')) return undefined;
  return isRootCommit ? 'project' : 'readme';
}

export interface PublishedCollectorOptions {
  readonly identities: ReadonlySet<string>;
  readonly timeZone: string;
  readonly postsFolders: readonly string[];
}

/**
 * Collects published items from the stream of the published-items walk (`-z --name-status`
 * with `--diff-filter=AR`): an added file may be a new post or README; a renamed one is not.
 */
export class PublishedCollector {
  malformed = 0;
  /**
   * The user's commits that added several posts at once, with their first parent: where a
   * blog moved in from a folder the walk did not look at (`git mv posts content/posts`) would
   * show (see PublishedFinder.walkPastFolders).
   */
  readonly manyPostsAdded: { readonly sha: string; readonly parent: string }[] = [];
  /** Posts of the user's read so far (whether or not an earlier copy of the same path was kept). */
  postsFound = 0;
  private pending: Buffer | undefined;
  /** Path → earliest addition; built on the first new record (a refresh often has none). */
  private byPathMap: Map<string, PublishedItem> | undefined;
  /** Renames of the user's seen by the walk, in any order (see items()). */
  private readonly renames: { readonly from: string; readonly to: string; readonly epochSeconds: number }[] = [];
  private changed = false;

  /** `known`: the items found before (sorted, as `items()` returns them), for an incremental walk. */
  constructor(private readonly options: PublishedCollectorOptions, private readonly known: readonly PublishedItem[] = []) {}

  private get byPath(): Map<string, PublishedItem> {
    if (!this.byPathMap) this.byPathMap = new Map(this.known.map((item) => [item.path, item]));
    return this.byPathMap;
  }

  /**
   * The local day of an addition, from the day walk's per-week zone offsets (shared, already
   * known for nearly every week): Intl per item cost ~20 µs each (11 ms for 548 posts).
   */
  private dayKey(epochSeconds: number): string {
    return dayKeyFromNumber(ZoneDays.for(this.options.timeZone).dayNumberAt(epochSeconds));
  }

  feed(chunk: Buffer): void {
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    // Complete records are those followed by the next record's marker.
    const last = buf.lastIndexOf(0x1e);
    if (last <= 0) {
      this.pending = buf;
      return;
    }
    this.readRecords(buf.subarray(0, last));
    this.pending = Buffer.from(buf.subarray(last));
  }

  end(): void {
    if (this.pending) this.readRecords(this.pending);
    this.pending = undefined;
  }

  /** Oldest first. */
  items(): PublishedItem[] {
    if (!this.changed) return [...this.known];
    return sortPublished(followRenames([...this.byPath.values()], this.renames));
  }

  private readRecords(buf: Buffer): void {
    let start = buf.indexOf(0x1e);
    if (start > 0) this.malformed++;
    while (start !== -1) {
      const next = buf.indexOf(0x1e, start + 1);
      this.readRecord(buf.toString('utf8', start + 1, next === -1 ? buf.length : next));
      start = next;
    }
  }

  private readRecord(text: string): void {
    // sha \0 seconds \0 email \0 parents \0 [\0] \n status \0 path \0 [path \0] status \0 …
    // (a rename or copy, `R100` or `C75`, names two paths: from and to).
    const fields = text.split('\0');
    if (fields.length < 5) {
      this.malformed++;
      return;
    }
    const [sha, seconds, email, parents] = fields;
    if (!/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(sha) || !/^\d{1,15}$/.test(seconds) || !/^[0-9a-f ]*$/.test(parents)) {
      this.malformed++;
      return;
    }
    if (!this.options.identities.has(email.trim().toLowerCase())) return;
    const epochSeconds = Number(seconds);
    if (epochSeconds > MAX_EPOCH_SECONDS) return; // no calendar day (the day walk leaves it out too)
    const isRootCommit = parents.trim() === '';
    let postsAdded = 0;
    for (let i = 4; i < fields.length; i++) {
      const status = fields[i].replace(/^\n+/, '');
      if (!status) continue;
      if (status[0] === 'R' || status[0] === 'C') {
        // From and to: moved or copied, not new. A move is remembered, so the post's title
        // and file are found where it is now.
        const [from, to] = [fields[i + 1], fields[i + 2]];
        if (status[0] === 'R' && from && to) {
          this.renames.push({ from, to, epochSeconds });
          this.changed = true;
        }
        i += 2;
        continue;
      }
      const filePath = fields[++i] ?? '';
      if (status !== 'A' || !filePath) continue;
      const kind = classifyAddedFile(filePath, this.options.postsFolders, isRootCommit);
      if (!kind) continue;
      if (kind === 'post') {
        postsAdded++;
        this.postsFound++;
      }
      const item: PublishedItem = { kind, path: filePath, epochSeconds, day: this.dayKey(epochSeconds), sha };
      const seen = this.byPath.get(filePath);
      if (!seen || isEarlier(item, seen)) {
        this.byPath.set(filePath, item);
        this.changed = true;
      }
    }
    if (postsAdded > 1 && !isRootCommit) this.manyPostsAdded.push({ sha, parent: parents.trim().split(' ')[0] });
  }

  /** Takes back the addition of `filePath` by commit `sha` (it was a move, not a new post). */
  forget(sha: string, filePath: string): void {
    if (this.byPath.get(filePath)?.sha !== sha) return;
    this.byPath.delete(filePath);
    this.changed = true;
  }
}

/**
 * Items with `currentPath` set after the renames, oldest rename first: a rename moves the
 * item that is at its `from` path by then (`a` → `b` → `c` ends at `c`).
 */
function followRenames(items: PublishedItem[], renames: readonly { readonly from: string; readonly to: string; readonly epochSeconds: number }[]): PublishedItem[] {
  if (renames.length === 0) return items;
  const at = new Map<string, PublishedItem>();
  for (const item of items) at.set(currentFile(item), item);
  const moved = new Map<PublishedItem, string>();
  for (const rename of [...renames].sort((a, b) => a.epochSeconds - b.epochSeconds)) {
    const item = at.get(rename.from);
    if (!item || rename.epochSeconds < item.epochSeconds) continue;
    at.delete(rename.from);
    at.set(rename.to, item);
    moved.set(item, rename.to);
  }
  return items.map((item) => {
    const to = moved.get(item);
    if (to === undefined) return item;
    const { currentPath: _old, ...rest } = item;
    return to === item.path ? rest : { ...rest, currentPath: to };
  });
}

function isEarlier(a: PublishedItem, b: PublishedItem): boolean {
  return a.epochSeconds < b.epochSeconds || (a.epochSeconds === b.epochSeconds && a.sha < b.sha);
}

/** Oldest first; ties by path. */
export function sortPublished(items: PublishedItem[]): PublishedItem[] {
  return items.sort((a, b) => a.epochSeconds - b.epochSeconds || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Items from several repositories, a commit+path seen in two of them (fork and clone) once. */
export function combinePublished(lists: ReadonlyArray<readonly (PublishedItem & { readonly repo?: string })[]>): (PublishedItem & { readonly repo?: string })[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length <= 1) return [...(nonEmpty[0] ?? [])]; // one repository: already unique and sorted
  const seen = new Set<string>();
  const out: (PublishedItem & { readonly repo?: string })[] = [];
  for (const list of lists) {
    for (const item of list) {
      const id = `${item.sha}\0${item.path}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(item);
    }
  }
  return sortPublished(out);
}

/** `YYYY-MM` → number of items that month, for the items of the given kinds. */
export function publishedPerMonth(items: readonly PublishedItem[], kinds: readonly PublishedKind[] = ['post']): Map<string, number> {
  const months = new Map<string, number>();
  for (const item of items) {
    if (!kinds.includes(item.kind)) continue;
    const month = item.day.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  return new Map([...months].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The posts folders to look in, per the scaffolding's site detection: the common defaults
 * plus each detected site's posts folder, made relative to every repository that holds it
 * (a blog can be a workspace folder's repo or a repo one level down). Folders outside every
 * repository are ignored.
 */
export function postsFoldersWithDetectedSites(defaults: readonly string[], detectedPostsDirs: readonly string[], repos: readonly string[]): string[] {
  const folders = new Set(defaults);
  for (const dir of detectedPostsDirs) {
    for (const repo of repos) {
      const rel = path.relative(repo, dir);
      if (rel && !leavesFolder(rel)) folders.add(rel.split(path.sep).join('/'));
    }
  }
  return [...folders];
}

// Pure logic: stays free of vscode.
// The tracker's disk cache (issue 8, "instant reopen"): per repository, the day counts and
// published items it computed, keyed by everything they depend on — the tips of the refs,
// the identity set, the time zone, the date kind, the posts folders and the rules version.
// Written atomically (temp file + rename). A file that is unreadable, cut off, from another
// version or for other settings is ignored and rebuilt, never trusted: every field is checked.
//
// Files in the cache folder, per repository folder (hash of its real path):
//   repo-<hash>.json               the entry (small: grows with days, not commits)
//   repo-<hash>.<random>.keys      commit keys for cross-repository dedup (8 bytes per commit,
//                                  only when several repositories are scanned together)
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as fsSync from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../safe-fs';
import type { DateKind } from './git-log-reader';
import type { PublishedItem, PublishedKind } from './posts';
import { mailmapUnchanged, type RefTips, type ResolvedRepository } from './repositories';

/** Bump whenever what a scan counts changes (rules, formats): older caches are rebuilt. */
export const TRACKER_RULES_VERSION = 8; // 8: a renamed post keeps where it is now (currentPath)
const FORMAT = 'learn-in-public/tracker-cache';

export interface RepoCacheEntry {
  readonly format: typeof FORMAT;
  readonly version: number;
  /** The folder the entry is for (real path) and the repository top it resolved to. */
  readonly folder: string;
  readonly root: string;
  /** Where the repository was found, so a reopen need not ask git again. */
  readonly location: Omit<ResolvedRepository, 'folder'>;
  /**
   * `git config user.email` there, valid while `configStamp` (config files' size+mtime)
   * holds; the stamp ends with the mailmap the counts were read under (`mailmapStamp`).
   */
  readonly configuredEmail?: string;
  readonly configStamp: string;
  /** The refs as stored on disk when `tips` were read: equal on reopen → nothing changed. */
  readonly rawRefs: Record<string, string>;
  readonly identityHash: string;
  /** The emails that counted (lowercase): lets a reopen show the cache before asking git. */
  readonly identities: string[];
  readonly timeZone: string;
  readonly dateKind: DateKind;
  readonly postsKey: string;
  /** Fingerprint of a shallow clone's boundary ('' when not shallow). */
  readonly shallow: string;
  /** Fingerprint of replace refs and grafts (rewritesFingerprint); absent when there are none. */
  readonly rewrites?: string;
  readonly tips: RefTips;
  readonly days: Record<string, number>;
  readonly commits: number;
  readonly undated: number;
  /** Oldest first, compact on disk: [kind, path, epochSeconds, day, sha], then currentPath if renamed. */
  readonly published: PublishedRow[];
  /**
   * The posts folders and README spellings whose whole history was read for `published`; a
   * refresh that finds another one at a new tip reads everything again.
   */
  readonly postsLookedIn: string[];
  /** The sidecar with the commit keys, when kept. */
  readonly keys?: { readonly file: string; readonly count: number };
  readonly savedAt: number;
}

export type PublishedRow = [PublishedKind, string, number, string, string] | [PublishedKind, string, number, string, string, string];

export function toPublishedRows(items: readonly PublishedItem[]): PublishedRow[] {
  return items.map((p) => (p.currentPath === undefined ? [p.kind, p.path, p.epochSeconds, p.day, p.sha] : [p.kind, p.path, p.epochSeconds, p.day, p.sha, p.currentPath]));
}

export function fromPublishedRows(rows: readonly PublishedRow[]): PublishedItem[] {
  return rows.map(([kind, path, epochSeconds, day, sha, currentPath]) => (currentPath === undefined ? { kind, path, epochSeconds, day, sha } : { kind, path, epochSeconds, day, sha, currentPath }));
}

/** What a cache entry must match to be used. */
export interface CacheContext {
  readonly identityHash: string;
  readonly timeZone: string;
  readonly dateKind: DateKind;
  readonly postsKey: string;
}

export function identityHash(identities: Iterable<string>): string {
  const sorted = [...new Set([...identities].map((e) => e.trim().toLowerCase()))].sort();
  return createHash('sha256').update(sorted.join('\n')).digest('hex').slice(0, 32);
}

export function postsKey(postsFolders: readonly string[]): string {
  return createHash('sha256').update([...postsFolders].join('\n')).digest('hex').slice(0, 16);
}

function entryBase(cacheDir: string, folder: string): string {
  return path.join(cacheDir, `repo-${createHash('sha256').update(folder).digest('hex').slice(0, 24)}`);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SHA = /^([0-9a-f]{40}|[0-9a-f]{64})$/;
const KINDS: readonly PublishedKind[] = ['post', 'readme', 'project'];

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** Checks every field; returns the entry only when all of it is well-formed. */
export function validateCacheEntry(value: unknown): RepoCacheEntry | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (v.format !== FORMAT || v.version !== TRACKER_RULES_VERSION) return undefined;
  for (const key of ['folder', 'root', 'identityHash', 'timeZone', 'postsKey', 'shallow', 'configStamp'] as const) {
    if (typeof v[key] !== 'string') return undefined;
  }
  if (v.configuredEmail !== undefined && typeof v.configuredEmail !== 'string') return undefined;
  if (v.rewrites !== undefined && typeof v.rewrites !== 'string') return undefined;
  const loc = v.location as Record<string, unknown> | undefined;
  if (!loc || typeof loc !== 'object') return undefined;
  for (const key of ['root', 'gitDir', 'commonDir'] as const) if (typeof loc[key] !== 'string' || !loc[key]) return undefined;
  if (typeof loc.bare !== 'boolean' || typeof loc.shallow !== 'boolean' || loc.root !== v.root) return undefined;
  if (!v.rawRefs || typeof v.rawRefs !== 'object' || Array.isArray(v.rawRefs)) return undefined;
  for (const raw of Object.values(v.rawRefs as object)) if (typeof raw !== 'string') return undefined;
  if (v.dateKind !== 'author' && v.dateKind !== 'committer') return undefined;
  if (!Array.isArray(v.identities) || !v.identities.every((e) => typeof e === 'string')) return undefined;
  if (identityHash(v.identities as string[]) !== v.identityHash) return undefined;
  if (!isCount(v.commits) || !isCount(v.undated) || typeof v.savedAt !== 'number') return undefined;
  if (!v.tips || typeof v.tips !== 'object' || Array.isArray(v.tips)) return undefined;
  for (const sha of Object.values(v.tips as object)) if (typeof sha !== 'string' || !SHA.test(sha)) return undefined;
  if (!v.days || typeof v.days !== 'object' || Array.isArray(v.days)) return undefined;
  let sum = 0;
  for (const [day, n] of Object.entries(v.days as object)) {
    if (!DAY.test(day) || !isCount(n) || n === 0) return undefined;
    sum += n;
  }
  if (sum !== v.commits) return undefined;
  if (!Array.isArray(v.published)) return undefined;
  if (!Array.isArray(v.postsLookedIn) || !v.postsLookedIn.every((p) => typeof p === 'string')) return undefined;
  for (const row of v.published as unknown[]) {
    if (!Array.isArray(row) || (row.length !== 5 && row.length !== 6)) return undefined;
    const [kind, filePath, epochSeconds, day, sha, currentPath] = row as unknown[];
    if (!KINDS.includes(kind as PublishedKind) || typeof filePath !== 'string' || !filePath) return undefined;
    if (row.length === 6 && (typeof currentPath !== 'string' || !currentPath)) return undefined;
    if (!isCount(epochSeconds) || typeof day !== 'string' || !DAY.test(day) || typeof sha !== 'string' || !SHA.test(sha)) return undefined;
  }
  if (v.keys !== undefined) {
    const k = v.keys as Record<string, unknown>;
    if (!k || typeof k !== 'object' || typeof k.file !== 'string' || !/^repo-[0-9a-f]{24}\.[0-9a-f]{12}\.keys$/.test(k.file) || !isCount(k.count)) return undefined;
    if (k.count !== v.commits) return undefined;
  }
  return value as RepoCacheEntry;
}

export function matchesContext(entry: RepoCacheEntry, context: CacheContext): boolean {
  return (
    entry.identityHash === context.identityHash &&
    entry.timeZone === context.timeZone &&
    entry.dateKind === context.dateKind &&
    entry.postsKey === context.postsKey
  );
}

/**
 * Entries already parsed and checked in this process, by file, with the size and mtime they
 * had: a refresh in a long-running extension host does not parse the same JSON again.
 * Entries are never mutated, so sharing them is safe.
 */
const parsedEntries = new Map<string, { stamp: string; entry: RepoCacheEntry }>();

function fileStamp(stat: fsSync.Stats): string {
  // Atomic writes give every version a new inode; in-place edits change size or ctime.
  return `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
}

/**
 * Reads the entry for `folder`, or undefined when there is none or it cannot be trusted —
 * including when the repository's mailmap changed since: it decides whose the already
 * counted commits are, so the counts must be read again in full.
 */
export async function readCacheEntry(cacheDir: string, folder: string): Promise<RepoCacheEntry | undefined> {
  const entry = readCacheEntryFile(cacheDir, folder);
  return entry && mailmapUnchanged(entry.configStamp, entry.location) ? entry : undefined;
}

function readCacheEntryFile(cacheDir: string, folder: string): RepoCacheEntry | undefined {
  const file = `${entryBase(cacheDir, folder)}.json`;
  let text: string;
  try {
    // Synchronous: one small file (it grows with days, not commits), on the reopen path.
    const stat = fsSync.statSync(file);
    const known = parsedEntries.get(file);
    if (known && known.stamp === fileStamp(stat)) return known.entry;
    text = fsSync.readFileSync(file, 'utf8');
    parsedEntries.delete(file);
    const entry = parseEntry(text, folder);
    if (entry) parsedEntries.set(file, { stamp: fileStamp(stat), entry });
    return entry;
  } catch {
    return undefined;
  }
}

function parseEntry(text: string, folder: string): RepoCacheEntry | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined; // cut off mid-write or damaged: rebuild
  }
  const entry = validateCacheEntry(parsed);
  return entry && entry.folder === folder ? entry : undefined;
}

/** The commit keys of an entry, ascending; undefined when the sidecar is missing or damaged. */
export async function readCacheKeys(cacheDir: string, entry: RepoCacheEntry): Promise<Float64Array | undefined> {
  if (!entry.keys) return undefined;
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path.join(cacheDir, entry.keys.file));
  } catch {
    return undefined;
  }
  if (bytes.length !== entry.keys.count * 8) return undefined;
  const keys = new Float64Array(entry.keys.count);
  new Uint8Array(keys.buffer).set(bytes);
  for (let i = 1; i < keys.length; i++) if (!(keys[i - 1] < keys[i])) return undefined;
  if (keys.length && !(keys[0] >= 0 && Number.isFinite(keys[keys.length - 1]))) return undefined;
  return keys;
}

/**
 * Writes the entry (and its keys, when given) atomically. The keys go to a fresh file
 * first, so an entry never names a sidecar that is half written; the sidecar the previous
 * entry named (`previousKeysFile`) is removed afterwards.
 */
export async function writeCacheEntry(
  cacheDir: string,
  entry: Omit<RepoCacheEntry, 'format' | 'version' | 'keys' | 'savedAt'>,
  keys?: Float64Array,
  previousKeysFile?: string,
): Promise<void> {
  await fs.mkdir(cacheDir, { recursive: true });
  const base = entryBase(cacheDir, entry.folder);
  // An entry the scan did not trust (say, read under another mailmap) still names its sidecar.
  previousKeysFile ??= readCacheEntryFile(cacheDir, entry.folder)?.keys?.file;
  let keysRef: RepoCacheEntry['keys'];
  if (keys) {
    const file = `${path.basename(base)}.${randomBytes(6).toString('hex')}.keys`;
    await writeFileAtomic(path.join(cacheDir, file), new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength));
    keysRef = { file, count: keys.length };
  }
  const full: RepoCacheEntry = { format: FORMAT, version: TRACKER_RULES_VERSION, ...entry, keys: keysRef, savedAt: Date.now() };
  const file = `${base}.json`;
  await writeFileAtomic(file, JSON.stringify(full));
  try {
    parsedEntries.set(file, { stamp: fileStamp(fsSync.statSync(file)), entry: full });
  } catch {
    parsedEntries.delete(file);
  }
  if (previousKeysFile && previousKeysFile !== keysRef?.file && /^repo-[0-9a-f]{24}\.[0-9a-f]{12}\.keys$/.test(previousKeysFile)) {
    await fs.rm(path.join(cacheDir, previousKeysFile), { force: true });
  }
}

/** Forgets the entry of a folder (e.g. one that vanished). */
export async function removeCacheEntry(cacheDir: string, folder: string): Promise<void> {
  const previous = readCacheEntryFile(cacheDir, folder);
  parsedEntries.delete(`${entryBase(cacheDir, folder)}.json`);
  await fs.rm(`${entryBase(cacheDir, folder)}.json`, { force: true });
  if (previous?.keys) await fs.rm(path.join(cacheDir, previous.keys.file), { force: true });
}

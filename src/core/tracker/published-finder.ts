// Pure logic: stays free of vscode.
// Finds the posts, READMEs and projects the user added from the commits the day walk already
// streams, instead of a second `git log` over the whole history. A pathspec-limited log opens
// every commit again and diffs its trees along the posts folders: on the 1M fixture that
// second walk cost twice the raw `git log` floor, more than the day walk itself.
//
// How:
// 1. The day walk hands over each commit (SHA, parents, date, whether it is the user's).
//    Commits are cut into first-parent chains of at most CHAIN_LENGTH commits, in stream order.
// 2. A chain is looked at only when it holds a commit of the user's that is not a merge. Its
//    "fingerprint" — the object ids of the posts folders and whether the root README exists,
//    at its newest commit (a README counts once, when it appears; edits to it do not matter)
//    — is compared with the fingerprint at the first parent of its oldest commit, by
//    one long-running `git cat-file --batch-check` (a path lookup, no diff, no tree listing).
// 3. Same fingerprint: nothing was added there. Otherwise the chain is halved, one fingerprint
//    at its middle commit at a time, down to the few commits that changed it; only the user's
//    among them go to one long-running `git diff-tree --stdin -M --diff-filter=AR`, whose records
//    PublishedCollector reads (an added file may be new; a renamed one is not).
// 4. The fingerprints look only at posts folders that exist at a tip. A blog moved in from
//    another posts folder is found where that folder shows: at the parent of a commit adding
//    several posts, or at a few commits sampled over the walk; one pathspec-limited `git log`
//    over the old and current folders then finds its posts (walkPastFolders).
// Each non-merge commit is thus compared with its first parent, as `--diff-merges=off` did;
// merges add nothing of their own (their side branch's commits are chains of their own).
// A root commit is diffed as it is; a shallow clone's boundary commit (printed without
// parents too) is never diffed: its own history is cut off, so nothing counts as its addition.
// What a pathspec log would catch and this does not: a file added and removed again between
// two fingerprints (within a few commits on one line of history) — it is gone anyway — and a
// root README removed and added back between two fingerprints (it was already counted).
import * as fs from 'node:fs';
import { GitPipe, streamGit, type FlowControl } from './git-command';
import { HEX, type DateKind } from './git-log-reader';
import { PublishedCollector, publishedLogFormat, publishedPathspecs } from './posts';

/** Commits per chain; a fingerprint is taken at both ends. */
export const CHAIN_LENGTH = 64;
/** Inside a chain that changed, ranges this short go to diff-tree (a lookup costs about a diff). */
export const DIRECT_DIFF = 2;

/** The root README spellings a fingerprint may look up (the diff itself matches any case). */
export const README_NAMES: readonly string[] = ['README.md', 'readme.md', 'Readme.md'];

/**
 * README_NAMES plus the root README's own spelling in the work tree at `root` (`README.MD`,
 * `ReadMe.md`): a lookup is by exact name, and git has no case-insensitive one.
 */
export function readmeNamesAt(root: string): readonly string[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(root);
  } catch {
    return README_NAMES;
  }
  const own = entries.filter((name) => /^readme\.md$/i.test(name) && !README_NAMES.includes(name));
  return own.length ? [...README_NAMES, ...own] : README_NAMES;
}

/** A small-integer key from a SHA's first 7 hex digits (a map key that allocates nothing). */
function keyOf(buf: Buffer, start: number): number {
  let key = 0;
  for (let i = start; i < start + 7; i++) key = key * 16 + (HEX[buf[i]] & 15);
  return key;
}

/**
 * Commits along first parents, newest first: each commit's first parent is the next one, the
 * last one's is `base`. SHAs stay as the hex bytes git printed, in one buffer per chain, and
 * chains are reused: a string and an object per commit would outlive V8's young generation
 * and grow the heap with the commit count (+60 MB on the 1M fixture, measured).
 */
export class Chain {
  length = 0;
  /** The first parent of the oldest commit; undefined when that is a root commit. */
  base: string | undefined;
  /**
   * One slot per commit, and one more: slot `length` holds the SHA the chain waits for (its
   * oldest commit's first parent). The commit that continues the chain is thus already in
   * its slot when it arrives: one copy and one comparison per commit, not two copies.
   */
  private readonly bytes: Buffer;
  private readonly candidates: Uint8Array;
  /** Whether slot `length` holds the SHA this chain waits for (set by expect()). */
  private waiting = false;

  constructor(
    private readonly capacity: number,
    readonly width: number,
  ) {
    this.bytes = Buffer.allocUnsafe((capacity + 1) * width);
    this.candidates = new Uint8Array(capacity);
  }

  get full(): boolean {
    return this.length >= this.capacity;
  }

  reset(): void {
    this.length = 0;
    this.base = undefined;
    this.waiting = false;
  }

  // Byte loops here rather than Buffer#copy/compare: those allocate a view per call.
  /** Adds the commit at `buf[start…]`; on a chain that waited, it is the commit waited for. */
  push(buf: Buffer, start: number, candidate: boolean): void {
    if (!this.waiting) {
      const bytes = this.bytes;
      for (let i = 0, at = this.length * this.width; i < this.width; i++) bytes[at + i] = buf[start + i];
    }
    this.waiting = false;
    this.candidates[this.length++] = candidate ? 1 : 0;
  }

  /** The chain now waits for the SHA at `buf[start…]` (its oldest commit's first parent). */
  expect(buf: Buffer, start: number): void {
    const bytes = this.bytes;
    for (let i = 0, at = this.length * this.width; i < this.width; i++) bytes[at + i] = buf[start + i];
    this.waiting = true;
  }

  /** Whether the SHA at `buf[start…]` is the one this chain waits for (after expect()). */
  expects(buf: Buffer, start: number): boolean {
    const bytes = this.bytes;
    for (let i = 0, at = this.length * this.width; i < this.width; i++) if (bytes[at + i] !== buf[start + i]) return false;
    return true;
  }

  /** keyOf() of the SHA this chain waits for. */
  expectedKey(): number {
    return keyOf(this.bytes, this.length * this.width);
  }

  expectedSha(): string {
    return this.bytes.toString('latin1', this.length * this.width, (this.length + 1) * this.width);
  }

  sha(index: number): string {
    return this.bytes.toString('latin1', index * this.width, (index + 1) * this.width);
  }

  /** Whether commit `index` may add something of the user's: theirs, dated, not a merge. */
  isCandidate(index: number): boolean {
    return this.candidates[index] === 1;
  }

  /** Commit `index` is dealt with apart from the narrowing (a root or shallow boundary commit). */
  clearCandidate(index: number): void {
    this.candidates[index] = 0;
  }

  hasCandidate(): boolean {
    return this.hasCandidateIn(0, this.length);
  }

  hasCandidateIn(from: number, to: number): boolean {
    for (let j = from; j < to; j++) if (this.candidates[j] === 1) return true;
    return false;
  }
}

/**
 * The open chains by the commit each waits for: an open-addressing table in typed arrays.
 * A Map with one delete and one insert per commit grew V8's old generation by 25 MB on the
 * 1M fixture (its backing stores are reallocated as it churns); this allocates only to grow.
 */
class WaitingChains {
  private keys = new Int32Array(64).fill(-1);
  private chains: (Chain | undefined)[] = new Array<Chain | undefined>(64);
  private count = 0;

  /** The slot of the chain waiting for the SHA at `buf[start…]`, or -1. */
  find(buf: Buffer, start: number, width: number): number {
    if (this.count === 0) return -1; // a linear history: no other line waits
    const key = keyOf(buf, start);
    const mask = this.keys.length - 1;
    for (let i = key & mask; this.keys[i] !== -1; i = (i + 1) & mask) {
      const chain = this.chains[i]!;
      if (this.keys[i] === key && chain.width === width && chain.expects(buf, start)) return i;
    }
    return -1;
  }

  /** Removes and returns the chain in `slot` (backward-shift deletion: no tombstones). */
  take(slot: number): Chain {
    const chain = this.chains[slot]!;
    const mask = this.keys.length - 1;
    let hole = slot;
    for (let j = (slot + 1) & mask; this.keys[j] !== -1; j = (j + 1) & mask) {
      const home = this.keys[j] & mask;
      // The entry at j may move into the hole unless its home lies cyclically in (hole, j].
      const stays = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (stays) continue;
      this.keys[hole] = this.keys[j];
      this.chains[hole] = this.chains[j];
      hole = j;
    }
    this.keys[hole] = -1;
    this.chains[hole] = undefined;
    this.count--;
    return chain;
  }

  /** Adds a chain waiting for its next commit (see Chain.expect()). */
  put(chain: Chain): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const key = chain.expectedKey();
    const mask = this.keys.length - 1;
    let i = key & mask;
    while (this.keys[i] !== -1) i = (i + 1) & mask;
    this.keys[i] = key;
    this.chains[i] = chain;
    this.count++;
  }

  /** Empties the table, returning what it held. */
  drain(): Chain[] {
    const out = this.chains.filter((c): c is Chain => c !== undefined);
    this.keys.fill(-1);
    this.chains.fill(undefined);
    this.count = 0;
    return out;
  }

  private grow(): void {
    const keys = this.keys;
    const chains = this.chains;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.chains = new Array<Chain | undefined>(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === -1) continue;
      let i = keys[j] & mask;
      while (this.keys[i] !== -1) i = (i + 1) & mask;
      this.keys[i] = keys[j];
      this.chains[i] = chains[j];
    }
  }
}

/**
 * Cuts a stream of commits (children before parents, as `git log` prints them) into chains
 * along first parents. A chain waits for its next commit while other lines of history are
 * printed in between; memory holds the open chains only (one per line of history).
 */
export class FirstParentChains {
  private readonly waiting = new WaitingChains();
  /** The chain the last commit went to, kept out of the table: it is most often the next one's. */
  private current: Chain | undefined;
  private readonly spare: Chain[] = [];

  constructor(
    private readonly onChain: (chain: Chain) => void,
    private readonly maxLength = CHAIN_LENGTH,
  ) {}

  /**
   * One commit, as git printed it: its SHA at `buf[shaStart…shaEnd)`, its parents (hex SHAs
   * separated by spaces, none for a root commit) at `buf[parentsStart…parentsEnd)`.
   */
  add(buf: Buffer, shaStart: number, shaEnd: number, parentsStart: number, parentsEnd: number, candidate: boolean): void {
    const width = shaEnd - shaStart;
    let chain: Chain;
    const current = this.current;
    if (current && current.width === width && current.expects(buf, shaStart)) {
      chain = current; // the common case: the line of history just printed goes on
    } else {
      if (current) this.waiting.put(current);
      const slot = this.waiting.find(buf, shaStart, width);
      chain = slot === -1 ? this.newChain(width) : this.waiting.take(slot);
    }
    this.current = undefined;
    const merge = parentsEnd - parentsStart > width;
    chain.push(buf, shaStart, candidate && !merge);
    if (parentsEnd - parentsStart < width) return this.close(chain, undefined);
    chain.expect(buf, parentsStart);
    // A second child of the same parent (a fork point) ends its chain there.
    if (chain.full || this.waiting.find(buf, parentsStart, width) !== -1) return this.close(chain, chain.expectedSha());
    this.current = chain;
  }

  /** The stream ended: chains still waiting (their parent is outside the walk) end here. */
  end(): void {
    const current = this.current;
    this.current = undefined;
    if (current) this.close(current, current.expectedSha());
    for (const chain of this.waiting.drain()) this.close(chain, chain.expectedSha());
  }

  /** Gives a chain back once `onChain`'s work with it is done. */
  release(chain: Chain): void {
    chain.reset();
    if (this.spare.length < 1024) this.spare.push(chain);
  }

  private newChain(width: number): Chain {
    const chain = this.spare.pop();
    return chain && chain.width === width ? chain : new Chain(this.maxLength, width);
  }

  private close(chain: Chain, base: string | undefined): void {
    chain.base = base;
    this.onChain(chain);
  }
}

export interface PublishedFinderOptions {
  readonly cwd: string;
  readonly identities: ReadonlySet<string>;
  readonly timeZone: string;
  readonly dateKind: DateKind;
  /** All posts folders (to classify what is found). */
  readonly postsFolders: readonly string[];
  /**
   * What the fingerprints look up: the posts folders and README spellings (each lookup costs),
   * or the tips to find out at: then only those that exist at one of the first few tips are
   * looked up (a posts folder that never existed would be looked up in vain across the whole
   * history). README.md is always looked up.
   */
  readonly lookIn:
    | {
        readonly folders: readonly string[];
        readonly readmes: readonly string[];
        /** Paths a full scan did not look in: whether any exists at these tips (see `appeared`). */
        readonly appearedAt?: { readonly tips: readonly string[]; readonly paths: readonly string[] };
      }
    | { readonly existingAt: readonly string[] };
  /**
   * A shallow clone's boundary commits (`<git common dir>/shallow`). git prints them without
   * parents, but they are not roots: their history is cut off, so nothing counts as added by
   * them (a diff against nothing would list their whole tree).
   */
  readonly shallowCommits?: Promise<ReadonlySet<string>>;
  /**
   * The revisions the day walk reads (`git log` arguments and stdin): a posts folder found to
   * have existed only in history (see end()) is walked for these.
   */
  readonly revisions?: { readonly args: readonly string[]; readonly stdin?: string };
  readonly signal?: AbortSignal;
  /**
   * Many commits to come (a full walk): lookups and commits to diff are written in batches,
   * not as soon as they come up (see flush()); a refresh has a handful and wants them at once.
   */
  readonly batch?: boolean;
  /** Chains waiting for git before the day walk is paused (MAX_WAITING_CHAINS; tests set fewer). */
  readonly maxWaitingChains?: number;
  /** The day walk's output: paused while too many chains wait, so memory stays bounded. */
  readonly flow?: FlowControl;
}

/**
 * Chains waiting for git before the day walk is paused; it resumes at a quarter of that. A
 * chain is ~2.6 KB, so this bounds memory at a few MB; a lower limit paused the day walk
 * while cat-file caught up: 40-170 ms lost on 100k commits, measured.
 */
const MAX_WAITING_CHAINS = 1024;

/** cat-file gets more lookups once this few are left unanswered (so it rarely waits for Node). */
const LOOKUPS_LOW_WATER = 8;
/** Lookups per write in a full walk. */
const LOOKUP_BATCH = 64;
/** Commits sent to diff-tree per write in a full walk. */
const DIFF_BATCH = 64;

/**
 * Distinct tips at which a full walk checks which posts folders exist (HEAD first). One
 * lookup per tip and path, all in one write to cat-file; the cap keeps a repository with
 * thousands of tags cheap (a folder found only past it is not looked for).
 */
export const EXISTENCE_TIPS = 64;

/** Commits sampled over a full walk to find posts folders that exist at no tip (see sample()). */
const PAST_FOLDER_SAMPLES = 16;

/** Fingerprints kept for reuse (a chain's base is the next chain's newest commit). */
const FINGERPRINT_CACHE = 4096;

export class PublishedFinder {
  readonly collector: PublishedCollector;
  /** Commits sent to diff-tree so far (what the fingerprints could not rule out). */
  commitsDiffed = 0;
  private readonly chains = new FirstParentChains((chain) => {
    this.sample(chain);
    this.track(this.inspect(chain).finally(() => this.chains.release(chain)));
  });
  /** Commits spread evenly over the walk (see sample()), where past posts folders are looked for. */
  private readonly samples: string[] = [];
  private readonly rootSamples: string[] = [];
  private sampleStride = 1;
  private chainsSampled = 0;
  private readonly pending = new Set<Promise<void>>();
  private failure: unknown;
  private lookups: GitPipe | undefined;
  private diffs: GitPipe | undefined;
  /** Lookups waiting for cat-file, in the order they were asked; one entry per batch of names. */
  private readonly waiting: { values: string[]; expected: number; resolve: (values: string[]) => void }[] = [];
  private waitingHead = 0;
  private lookupText = '';
  private lookupBuffered = '';
  private lookupLines = 0;
  /** Lookup lines written to cat-file and not answered yet. */
  private outstanding = 0;
  private diffBuffered = '';
  private diffLines = 0;
  /** Set by end(): whatever is buffered is written now. */
  private ending = false;
  /** Posts folders walked by walkPastFolders() (found in history, at no tip). */
  private readonly pastWalked: string[] = [];
  /** Of `lookIn.appearedAt.paths`, those found at one of its tips (after the walk). */
  appeared: readonly string[] = [];
  /** The day walk waits for chains to be done: whatever is buffered is written now. */
  private walkPaused = false;
  private flushScheduled = false;
  /** `paths` from this index on are READMEs: only whether they exist matters (see presence()). */
  private firstReadme = 0;
  private readonly fingerprints = new Map<string, Promise<string[]>>();
  private paths: string[] | undefined;
  private readonly ready: Promise<void>;
  /** Set by end(): each git exiting from then on is expected. */
  private lookupsClosing = false;
  private diffsClosing = false;
  /** See PublishedFinderOptions.shallowCommits (known once `ready` resolves). */
  private shallowCommits: ReadonlySet<string> = new Set();

  constructor(private readonly options: PublishedFinderOptions, known: ConstructorParameters<typeof PublishedCollector>[1] = []) {
    this.collector = new PublishedCollector({ identities: options.identities, timeZone: options.timeZone, postsFolders: options.postsFolders }, known);
    this.ready = this.start();
    this.ready.catch(() => undefined);
  }

  /**
   * The paths whose whole history this walk read (after end()): in a full walk the posts
   * folders and README spellings at the tips, and the old posts folders walkPastFolders() found.
   */
  get lookedIn(): string[] {
    return [...new Set([...(this.paths ?? []), ...this.pastWalked])].sort();
  }

  /** One commit from the day walk (see FirstParentChains.add; `seconds` -1: no usable date). */
  add(buf: Buffer, shaStart: number, shaEnd: number, parentsStart: number, parentsEnd: number, seconds: number, mine: boolean): void {
    this.chains.add(buf, shaStart, shaEnd, parentsStart, parentsEnd, mine && seconds >= 0);
  }

  /** The day walk ended: resolves with the collector once every chain is looked at. */
  async end(): Promise<PublishedCollector> {
    this.chains.end();
    this.ending = true;
    this.scheduleFlush();
    try {
      while (this.pending.size > 0) await Promise.all(this.pending);
      if (this.failure) throw this.failure;
      await this.ready;
      this.flush();
      this.diffsClosing = true;
      await this.diffs?.close();
      if (this.failure) throw this.failure;
      this.collector.end();
      await this.walkPastFolders();
      this.lookupsClosing = true;
      await this.lookups?.close();
      if (this.failure) throw this.failure;
    } catch (err) {
      this.abort();
      throw err;
    }
    return this.collector;
  }

  /**
   * Keeps about PAST_FOLDER_SAMPLES chain heads spread evenly over a full walk (every
   * `sampleStride`-th chain; when the list is full, every other one is dropped and the stride
   * doubles), and the first few root commits: where walkPastFolders() looks for posts folders
   * that exist at no tip. Costs a string per sampled chain, nothing per commit.
   */
  private sample(chain: Chain): void {
    if (!('existingAt' in this.options.lookIn)) return; // a refresh looks in every configured folder
    if (chain.base === undefined && this.rootSamples.length < 4) this.rootSamples.push(chain.sha(chain.length - 1));
    if (this.chainsSampled++ % this.sampleStride !== 0) return;
    this.samples.push(chain.sha(0));
    if (this.samples.length < 2 * PAST_FOLDER_SAMPLES) return;
    for (let i = 0; i < PAST_FOLDER_SAMPLES; i++) this.samples[i] = this.samples[2 * i];
    this.samples.length = PAST_FOLDER_SAMPLES;
    this.sampleStride *= 2;
  }

  /**
   * A blog moved in from a posts folder that exists at no tip (`git mv posts content/posts`, a
   * Jekyll `_posts` blog turned Hugo): the fingerprints never looked there, so its posts show
   * as added on the move day. That folder is looked for at the parent of each commit of the
   * user's adding several posts, and at the sampled commits (see sample()): ~100 lookups in
   * all. Where it is found, the posts were added before the move with their own days: one
   * `git log` over the old and current folders finds them, and the moved copies, renames
   * there, are taken back. The walk runs only then.
   */
  private async walkPastFolders(): Promise<void> {
    const looked = new Set(this.paths?.slice(0, this.firstReadme));
    const unlooked = this.options.postsFolders.filter((f) => !looked.has(f));
    const revisions = this.options.revisions;
    if (unlooked.length === 0 || !revisions || this.failure) return;
    // Where an old posts folder would show: the parent of each commit adding several posts,
    // and, once any post was found, the commits sampled over the walk (a blog of one post
    // moved shows as a single addition, like any new post).
    const at = new Set(this.collector.manyPostsAdded.map((m) => m.parent));
    if (this.collector.postsFound > 0) for (const sha of [...this.rootSamples, ...this.samples]) at.add(sha);
    if (at.size === 0) return;
    const answers = await this.lookup([...at].flatMap((sha) => unlooked.map((f) => `${sha}:${f}`)));
    const past = new Set<string>();
    answers.forEach((answer, k) => {
      if (answer.endsWith(' tree')) past.add(unlooked[k % unlooked.length]);
    });
    if (past.size === 0 || this.failure) return;
    this.pastWalked.push(...past);
    // One walk over the old folders and the current ones: posts added in the old folders keep
    // their own days, and a post moved from an old folder into a current one is a rename
    // there, so its copy counted on the move day is taken back.
    const { cwd, signal, dateKind } = this.options;
    const spec = [...looked, ...past].map((f) => `:(top,literal)${f}`);
    const output: Buffer[] = [];
    await streamGit({
      cwd,
      signal,
      args: ['log', '--no-show-signature', '--diff-merges=off', '-M', '--no-ext-diff', '--no-textconv', '--diff-filter=AR', '--name-status', '-z', publishedLogFormat(dateKind), ...revisions.args, '--', ...spec],
      stdin: revisions.stdin,
      onStdout: (chunk) => output.push(chunk),
    });
    // A shallow clone's boundary commits are printed as roots: what they hold was not added
    // by them (as in the day walk's finder, see shallowCommits).
    const records = Buffer.concat(output)
      .toString('utf8')
      .split('\x1e')
      .slice(1)
      .filter((record) => !this.shallowCommits.has(record.slice(0, record.indexOf('\0'))));
    for (const record of records) {
      const fields = record.split('\0');
      for (let i = 4; i < fields.length; i++) {
        if (!/^\n*R\d*$/.test(fields[i])) continue;
        this.collector.forget(fields[0], fields[i + 2] ?? '');
        i += 2;
      }
    }
    this.collector.feed(Buffer.from(records.map((record) => `\x1e${record}`).join(''), 'utf8'));
    this.collector.end();
  }

  /** Stops git (the day walk failed or was cancelled). */
  abort(): void {
    this.lookups?.kill();
    this.diffs?.kill();
  }


  /**
   * Starts cat-file at once (its start-up overlaps the day walk's) and, when asked to, finds
   * the paths to look up through it: one process, not a second one for that check.
   */
  private async start(): Promise<void> {
    const { cwd, signal, lookIn, postsFolders } = this.options;
    this.lookups = new GitPipe({ cwd, signal, args: ['cat-file', '--batch-check=%(objectname) %(objecttype)'], onStdout: (chunk) => this.readAnswers(chunk) });
    this.lookups.exited.then(
      () => this.lookupsClosing || this.fail(new Error('git ended before the published items were read.')),
      (err: unknown) => this.fail(err),
    );
    let folders: readonly string[];
    let readmes: readonly string[];
    if (this.options.shallowCommits) this.shallowCommits = await this.options.shallowCommits;
    if ('existingAt' in lookIn) {
      // HEAD (on a branch or detached) first: the posts live where the user works, and the
      // tips come sorted by name.
      const tips = [...new Set(['HEAD', ...lookIn.existingAt])].slice(0, EXISTENCE_TIPS);
      const readmeNames = readmeNamesAt(cwd);
      const paths = [...postsFolders, ...readmeNames];
      const answers = await this.lookup(tips.flatMap((tip) => paths.map((path) => `${tip}:${path}`)));
      const found = new Set(answers.map((answer, k) => {
        const path = paths[k % paths.length];
        return answer.endsWith(readmeNames.includes(path) ? ' blob' : ' tree') ? path : '';
      }));
      folders = postsFolders.filter((f) => found.has(f));
      readmes = readmeNames.filter((r) => r === 'README.md' || found.has(r));
    } else {
      ({ folders, readmes } = lookIn);
      const check = lookIn.appearedAt;
      if (check && check.tips.length > 0 && check.paths.length > 0) {
        const answers = await this.lookup(check.tips.flatMap((tip) => check.paths.map((p) => `${tip}:${p}`)));
        this.appeared = [...new Set(answers.flatMap((answer, k) => (answer === '-' ? [] : [check.paths[k % check.paths.length]])))];
      }
    }
    this.paths = [...folders, ...readmes];
    this.firstReadme = folders.length;
    // A full walk nearly always has commits to diff: diff-tree starts now, beside the walk,
    // rather than at the end, where its start-up would add to the scan (~10 ms on 10k commits).
    if (this.options.batch) this.diffs ??= this.startDiffs();
  }

  /** diff-tree starts with the first commit to diff in a refresh (which mostly has none). */
  private startDiffs(): GitPipe {
    const { cwd, signal } = this.options;
    const pipe = new GitPipe({
      cwd,
      signal,
      args: [
        // Renames (R) too: a post moved within the posts folders is not a new one.
        'diff-tree', '--stdin', '-r', '--root', '-M', '--no-ext-diff', '--no-textconv', '--diff-filter=AR', '--name-status', '-z',
        publishedLogFormat(this.options.dateKind), '--', ...publishedPathspecs(this.paths!.slice(0, this.firstReadme)),
      ],
      onStdout: (chunk) => this.collector.feed(chunk),
    });
    pipe.exited.then(
      () => this.diffsClosing || this.fail(new Error('git ended before the published items were read.')),
      (err: unknown) => this.fail(err),
    );
    return pipe;
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    const max = this.options.maxWaitingChains ?? MAX_WAITING_CHAINS;
    if (this.pending.size > max && !this.walkPaused) {
      this.walkPaused = true;
      this.options.flow?.pause();
      this.scheduleFlush(); // no more commits come until these chains are done: ask git now
    }
    const settled = () => {
      this.pending.delete(work);
      if (this.pending.size <= max / 4 && this.walkPaused) {
        this.walkPaused = false;
        this.options.flow?.resume();
      }
    };
    work.then(settled, (err: unknown) => {
      settled();
      this.fail(err);
    });
  }

  /** Stops looking: every waiting lookup is answered "absent" so nothing hangs; end() rethrows. */
  private fail(err: unknown): void {
    this.failure ??= err;
    for (let i = this.waitingHead; i < this.waiting.length; i++) {
      const batch = this.waiting[i];
      batch?.resolve(Array.from({ length: batch.expected }, () => '-'));
    }
    this.waiting.length = 0;
    this.waitingHead = 0;
    this.walkPaused = false;
    this.options.flow?.resume();
  }

  private async inspect(chain: Chain): Promise<void> {
    if (!chain.hasCandidate()) return;
    await this.ready;
    if (this.failure) return;
    // A chain without a base ends at a commit git printed without parents: a root commit or
    // a shallow clone's boundary. Neither goes through the narrowing below.
    const last = chain.length - 1;
    const base = chain.base ?? chain.sha(last);
    const [newest, atBase] = await Promise.all([this.fingerprint(chain.sha(0)), this.fingerprint(base)]);
    // After a failure the answers are all '-': stop rather than queue diffs from them.
    if (this.failure) return;
    let oldest = atBase;
    if (chain.base === undefined && this.shallowCommits.has(base)) {
      // A boundary adds nothing: what it holds was added in history this clone does not
      // have, so its own fingerprint stands for "before the chain".
      chain.clearCandidate(last);
    } else if (chain.base === undefined) {
      oldest = this.paths!.map(() => '-');
      // A root commit that holds anything looked for goes to diff-tree as it is (a repository
      // has one or a few roots): compared with "nothing" alone, a root file removed and added
      // back later in the chain would make both ends equal and be missed.
      if (chain.isCandidate(last) && atBase.some((id) => id !== '-')) {
        chain.clearCandidate(last);
        this.queueDiff(base);
        this.scheduleFlush();
      }
    }
    const differing = this.paths!.map((_, i) => i).filter((i) => newest[i] !== oldest[i]);
    if (differing.length === 0) return;
    const key = (fp: string[]) => differing.map((i) => fp[i]).join(' ');
    await this.narrow(chain, differing, 0, chain.length, key(newest), key(oldest));
  }

  private queueDiff(sha: string): void {
    this.diffBuffered += sha + '\n';
    this.diffLines++;
    this.commitsDiffed++;
  }

  /**
   * Commits `from…to-1` of a chain, whose fingerprints (of the `differing` paths) differ at
   * the two ends: `newer` at commit `from`, `older` at commit `to` (the base when `to` is the
   * chain's length). Halves the range by one more lookup until it holds DIRECT_DIFF commits
   * or fewer, which go to diff-tree. A chain with one new post thus costs five lookups (64
   * commits halved down to 2) and one or two diffs, where 8-commit blocks cost 7 lookups and up
   * to 8 diffs: on the 100k fixture, 1,068 commits diffed instead of 4,274, and 7,422 lookups
   * instead of 8,749.
   */
  private async narrow(chain: Chain, differing: readonly number[], from: number, to: number, newer: string, older: string): Promise<void> {
    if (newer === older || this.failure || !chain.hasCandidateIn(from, to)) return;
    if (to - from <= DIRECT_DIFF) {
      for (let j = from; j < to; j++) if (chain.isCandidate(j)) this.queueDiff(chain.sha(j));
      this.scheduleFlush();
      return;
    }
    const middle = (from + to) >> 1;
    const sha = chain.sha(middle);
    const ids = await this.lookup(differing.map((i) => `${sha}:${this.paths![i]}`));
    const atMiddle = ids.map((id, k) => this.presence(differing[k], id)).join(' ');
    await Promise.all([this.narrow(chain, differing, from, middle, newer, atMiddle), this.narrow(chain, differing, middle, to, atMiddle, older)]);
  }

  /** Object ids and types of the looked-up paths at a commit ('-' where absent). */
  private fingerprint(sha: string): Promise<string[]> {
    let known = this.fingerprints.get(sha);
    if (known) return known;
    known = this.lookup(this.paths!.map((p) => `${sha}:${p}`)).then((ids) => ids.map((id, i) => this.presence(i, id)));
    this.fingerprints.set(sha, known);
    if (this.fingerprints.size > FINGERPRINT_CACHE) this.fingerprints.delete(this.fingerprints.keys().next().value!);
    return known;
  }

  /**
   * What a fingerprint keeps of path `i`'s object id: the id for a posts folder (any change
   * may be a new post), only "there or not" for a README (it counts once, when it appears:
   * editing it must not send the chain's commits to diff-tree).
   */
  private presence(i: number, id: string): string {
    return i >= this.firstReadme && id !== '-' ? '+' : id;
  }

  /** "<object id> <type>" for each of `names` (`<commit>:<path>`), '-' for each one that does not exist. */
  private lookup(names: readonly string[]): Promise<string[]> {
    return new Promise((resolve) => {
      this.waiting.push({ values: [], expected: names.length, resolve });
      this.lookupBuffered += names.join('\n') + '\n';
      this.lookupLines += names.length;
      this.scheduleFlush();
    });
  }

  /**
   * Writes what has queued up, in as few writes as keep git busy: each write to a pipe wakes
   * git, and cost Node ~90 µs here (162 ms on 100k commits when every event-loop turn wrote).
   * Lookups go out once cat-file is nearly out of work and, in a full walk, LOOKUP_BATCH have
   * gathered; commits to diff, DIFF_BATCH at a time (nothing waits for those until the end).
   * Once the day walk has ended, everything goes out at once.
   */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    // Nothing more will come while the walk has ended or waits for us, and before the paths
    // are known the one lookup is the check of which exist: everything waits for it.
    const now = this.ending || this.walkPaused || !this.options.batch || this.paths === undefined;
    if (this.lookupBuffered && this.outstanding <= LOOKUPS_LOW_WATER && (now || this.lookupLines >= LOOKUP_BATCH)) {
      this.lookups?.write(this.lookupBuffered);
      this.outstanding += this.lookupLines;
      this.lookupBuffered = '';
      this.lookupLines = 0;
    }
    if (this.diffBuffered && (now || this.diffLines >= DIFF_BATCH)) {
      (this.diffs ??= this.startDiffs()).write(this.diffBuffered);
      this.diffBuffered = '';
      this.diffLines = 0;
    }
  }

  private readAnswers(chunk: Buffer): void {
    const text = this.lookupText + chunk.toString('latin1');
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const line = text.slice(start, nl);
      start = nl + 1;
      this.outstanding--;
      const batch = this.waiting[this.waitingHead];
      if (!batch) continue;
      // "<object id> <type>", or "<name> missing" (also for a path under a file, or a submodule).
      batch.values.push(/^([0-9a-f]{40}|[0-9a-f]{64}) [a-z]+$/.test(line) ? line : '-');
      if (batch.values.length < batch.expected) continue;
      this.waiting[this.waitingHead++] = undefined!;
      batch.resolve(batch.values);
    }
    this.lookupText = text.slice(start);
    if (this.lookupBuffered && this.outstanding <= LOOKUPS_LOW_WATER) this.flush();
    if (this.waitingHead > 1024 && this.waitingHead * 2 > this.waiting.length) {
      this.waiting.splice(0, this.waitingHead);
      this.waitingHead = 0;
    }
  }
}

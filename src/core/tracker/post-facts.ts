// Pure logic: stays free of vscode.
// What a post's front matter in the working tree says about it: its title ("Pandas groupby,
// finally" reads better than "2026-11-07-pandas-groupby-til.md") and whether it is still a
// draft. git knows only that a file was added; New Post creates drafts by default, and a
// committed draft is not a published post. A post renamed within the posts folders is read
// where it is now; one whose file is gone (deleted, moved elsewhere, on another branch) keeps
// its file name and counts as published, as git recorded it.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parseFrontMatter } from '../front-matter';
import { leavesFolder, resolveInside } from '../safe-fs';
import { mapLimit } from '../map-limit';

/** Enough of a file for any front matter; a post's body is not read. */
const HEAD_BYTES = 16 * 1024;
const MAX_TITLE_CHARS = 160;

export interface PostFile {
  /** The repository's folder. */
  readonly root: string;
  /** The post's path in the repository, as git printed it (`/`-separated). */
  readonly path: string;
}

export interface PostFacts {
  /** The front matter's `title`. */
  readonly title?: string;
  /** The first `# heading` after the front matter (in the part read), for posts without a title. */
  readonly heading?: string;
  /** `draft: true` (Hugo, Astro, Eleventy, Docusaurus) or `published: false` (Jekyll). */
  readonly draft: boolean;
}

/** Files open at once: a blog of thousands of posts must not run out of file handles. */
const READ_CONCURRENCY = 16;

/** Each post's facts, or undefined when its file cannot be read. Never throws. */
export async function readPostFacts(posts: readonly PostFile[]): Promise<(PostFacts | undefined)[]> {
  return mapLimit(posts, READ_CONCURRENCY, (p) => readHead(p).then((head) => (head === undefined ? undefined : frontMatterFacts(head)), () => undefined));
}

/**
 * The posts of a scan without the ones still marked as drafts in the working tree (READMEs
 * and projects are kept as they are). `rootOf` gives a post's repository folder.
 */
export async function withoutDrafts<T extends { readonly kind: string; readonly path: string; readonly currentPath?: string }>(posts: readonly T[], rootOf: (post: T) => string | undefined): Promise<T[]> {
  const checked = posts.map((post) => ({ post, root: post.kind === 'post' ? rootOf(post) : undefined }));
  const toRead = checked.filter((c) => c.root !== undefined);
  const facts = await readPostFacts(toRead.map((c) => ({ root: c.root!, path: c.post.currentPath ?? c.post.path })));
  const drafts = new Set(toRead.filter((_, i) => facts[i]?.draft).map((c) => c.post));
  return posts.filter((post) => !drafts.has(post));
}

async function readHead(post: PostFile): Promise<string | undefined> {
  // Only files inside the repository, symbolic links included.
  const file = resolveInside(post.root, post.path);
  const [realRoot, realFile] = await Promise.all([fs.realpath(post.root), fs.realpath(file)]);
  if (leavesFolder(path.relative(realRoot, realFile))) return undefined;
  const handle = await fs.open(realFile, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Hugo's TOML front matter (`+++`) at the start of a post; group 1 is its content. */
export const TOML_FRONT_MATTER = /^\uFEFF?\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/;

/** Title and draft state from a YAML (`---`) or TOML (`+++`, Hugo) block at the start of `text`. */
export function frontMatterFacts(text: string): PostFacts {
  const toml = TOML_FRONT_MATTER.exec(text);
  if (toml) {
    // Top level only: before the first [table]. A basic or literal string on one line.
    const topLevel = toml[1].split(/^\s*\[/m)[0];
    const match = /^title[ \t]*=[ \t]*(?:"((?:[^"\\\r\n]|\\.)*)"|'([^'\r\n]*)')/m.exec(topLevel);
    const title = match ? (match[2] ?? match[1].replace(/\\(["\\])/g, '$1')) : undefined;
    const draft = /^draft[ \t]*=[ \t]*true[ \t]*(?:#.*)?$/m.test(topLevel) || /^published[ \t]*=[ \t]*false[ \t]*(?:#.*)?$/m.test(topLevel);
    return { title: cleanTitle(title), heading: firstHeading(text.slice(toml[0].length)), draft };
  }
  // The body may be cut anywhere: only the block is parsed.
  const yaml = /^\uFEFF?---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!yaml) return { heading: firstHeading(text), draft: false };
  let data: Record<string, unknown>;
  try {
    data = parseFrontMatter(yaml[0]).data;
  } catch {
    // Unreadable front matter says nothing either way: the post counts, by its file name.
    return { draft: false };
  }
  return { title: cleanTitle(data.title), heading: firstHeading(text.slice(yaml[0].length)), draft: data.draft === true || isJekyllFalse(data.published) };
}

/**
 * Jekyll reads front matter as YAML 1.1 (Ruby's Psych), where `no` and `off` are false too;
 * our YAML 1.2 parser keeps them as strings.
 */
function isJekyllFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && /^(?:no|No|NO|off|Off|OFF)$/.test(value));
}

function firstHeading(body: string): string | undefined {
  return cleanTitle(/^#[ \t]+(.+?)[ \t]*#*[ \t]*$/m.exec(body)?.[1]);
}

function cleanTitle(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // One line, no control characters; long titles are cut at a whole character.
  const oneLine = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!oneLine) return undefined;
  const chars = Array.from(oneLine);
  return chars.length > MAX_TITLE_CHARS ? `${chars.slice(0, MAX_TITLE_CHARS - 1).join('')}…` : oneLine;
}

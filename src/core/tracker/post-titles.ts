// Pure logic: stays free of vscode.
// The titles of the posts the tracker lists, from their front matter in the working tree:
// "Pandas groupby, finally" reads better than "2026-11-07-pandas-groupby-til.md". git knows
// only paths; a post deleted or renamed since keeps its file name.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parseFrontMatter } from '../front-matter';
import { leavesFolder, resolveInside } from '../safe-fs';

/** Enough of a file for any front matter; a post's body is not read. */
const HEAD_BYTES = 16 * 1024;
const MAX_TITLE_CHARS = 160;

export interface PostFile {
  /** The repository's folder. */
  readonly root: string;
  /** The post's path in the repository, as git printed it (`/`-separated). */
  readonly path: string;
}

/** Each post's title, or undefined (no such file, no title, unreadable front matter). Never throws. */
export async function readPostTitles(posts: readonly PostFile[]): Promise<(string | undefined)[]> {
  return Promise.all(posts.map((p) => readPostTitle(p).catch(() => undefined)));
}

async function readPostTitle(post: PostFile): Promise<string | undefined> {
  // Only files inside the repository, symbolic links included.
  const file = resolveInside(post.root, post.path);
  const [realRoot, realFile] = await Promise.all([fs.realpath(post.root), fs.realpath(file)]);
  if (leavesFolder(path.relative(realRoot, realFile))) return undefined;
  const handle = await fs.open(realFile, 'r');
  let head: string;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    head = buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
  return cleanTitle(titleOf(head));
}

/** The `title` of a YAML (`---`) or TOML (`+++`, Hugo) front-matter block at the start of `text`. */
export function titleOf(text: string): unknown {
  const toml = /^\uFEFF?\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/.exec(text);
  if (toml) {
    // Top level only: before the first [table]. A basic or literal string on one line.
    const topLevel = toml[1].split(/^\s*\[/m)[0];
    const match = /^title[ \t]*=[ \t]*(?:"((?:[^"\\\r\n]|\\.)*)"|'([^'\r\n]*)')/m.exec(topLevel);
    if (!match) return undefined;
    return match[2] ?? match[1].replace(/\\(["\\])/g, '$1');
  }
  // The body may be cut anywhere: only the block is parsed.
  const yaml = /^\uFEFF?---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!yaml) return undefined;
  return parseFrontMatter(yaml[0]).data.title;
}

function cleanTitle(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // One line, no control characters; long titles are cut at a whole character.
  const oneLine = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!oneLine) return undefined;
  const chars = Array.from(oneLine);
  return chars.length > MAX_TITLE_CHARS ? `${chars.slice(0, MAX_TITLE_CHARS - 1).join('')}…` : oneLine;
}

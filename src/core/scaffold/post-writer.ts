// Pure logic: stays free of vscode.
// Writes a planned post without ever overwriting: the first free slug (`slug`, `slug-2`, …),
// created exclusively, in a folder that must resolve — symlinks included — inside the
// workspace folder.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { createFileExclusive, leavesFolder, pathExists, resolveInside } from '../safe-fs';
import type { PlannedPost } from './post-plan';
import { messageAndNotice, notice, type CoreNotice } from '../notices';

export class ScaffoldWriteError extends Error {
  /** The same message as an id and values, for the extension to say in the display language. */
  readonly notice?: CoreNotice;
  constructor(what: string | CoreNotice) {
    const { message, notice: n } = messageAndNotice(what);
    super(message);
    this.name = 'ScaffoldWriteError';
    this.notice = n;
  }
}

/** `root` + a relative folder ('' = root itself), refusing anything outside. */
export function folderInside(root: string, relativeFolder: string): string {
  return relativeFolder === '' ? path.resolve(root) : resolveInside(root, relativeFolder);
}

/** Throws when the deepest existing ancestor of `target` resolves (via symlinks) outside `root`. */
export async function assertRealPathInside(root: string, target: string): Promise<void> {
  const realRoot = await fs.realpath(root);
  let probe = target;
  while (!(await pathExists(probe))) {
    const parent = path.dirname(probe);
    if (parent === probe) break;
    probe = parent;
  }
  const real = await fs.realpath(probe);
  const rel = path.relative(realRoot, real);
  if (leavesFolder(rel)) {
    throw new ScaffoldWriteError(notice('postLeavesWorkspace', target));
  }
}

const MARKDOWN_EXTENSIONS = ['.md', '.mdx', '.markdown'];

/**
 * True when the file, or a folder the pattern made from the slug (Hugo bundles), exists, or
 * another file would give the post the same address: generators read `x.md`, `x.mdx`,
 * `x.markdown` and the bundle `x/index.md` as one page (Astro: a duplicate id; Hugo and
 * Jekyll: one URL for two posts).
 */
async function isTaken(postsDir: string, relative: string, slug: string): Promise<boolean> {
  const segments = relative.split('/');
  for (let i = 0; i < segments.length - 1; i++) {
    if (segments[i].includes(slug) && (await pathExists(path.join(postsDir, ...segments.slice(0, i + 1))))) return true;
  }
  const file = path.join(postsDir, ...segments);
  if (await pathExists(file)) return true;
  const extension = path.extname(file);
  if (!MARKDOWN_EXTENSIONS.includes(extension.toLowerCase())) return false;
  const stem = file.slice(0, -extension.length);
  const isBundle = path.basename(stem).toLowerCase() === 'index';
  // A bundle's address is its folder's name; a flat post's is its own name, which a folder can hold too.
  const addressStem = isBundle ? path.dirname(stem) : stem;
  const sameAddress = new Set([...MARKDOWN_EXTENSIONS.map((ext) => addressStem + ext), ...MARKDOWN_EXTENSIONS.map((ext) => stem + ext)]);
  if (!isBundle) sameAddress.add(stem);
  for (const candidate of sameAddress) if (await pathExists(candidate)) return true;
  return false;
}

export interface WrittenPost {
  file: string;
  /** Relative to the workspace folder, POSIX separators. */
  relativePath: string;
  slug: string;
}

export async function writeNewPost(workspaceRoot: string, postsFolder: string, plan: PlannedPost, content = plan.content): Promise<WrittenPost> {
  const postsDir = folderInside(workspaceRoot, postsFolder);
  for (let n = 1; n < 1000; n++) {
    const slug = n === 1 ? plan.slug : `${plan.slug}-${n}`;
    const relative = plan.fileNameFor(slug);
    const file = resolveInside(postsDir, relative);
    if (await isTaken(postsDir, relative, slug)) continue;
    await assertRealPathInside(workspaceRoot, path.dirname(file));
    let created: boolean;
    try {
      created = await createFileExclusive(file, content);
    } catch (err) {
      throw explainWriteError(err, path.dirname(file));
    }
    if (!created) continue; // someone made it a moment ago: try the next name
    return { file, slug, relativePath: path.relative(path.resolve(workspaceRoot), file).split(path.sep).join('/') };
  }
  throw new ScaffoldWriteError(notice('postNoFreeFileName', plan.slug, postsDir));
}

export function explainWriteError(err: unknown, folder: string): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return new ScaffoldWriteError(notice('postPermissionDenied', folder));
  if (code === 'EROFS') return new ScaffoldWriteError(notice('postReadOnlyFileSystem', folder));
  if (code === 'ENOTDIR' || code === 'EEXIST') return new ScaffoldWriteError(notice('postFileInTheWay', folder));
  if (code === 'ENOSPC') return new ScaffoldWriteError(notice('postDiskFull', folder));
  // mkdir through a link whose target is gone (the checks before it follow links, so it passed them).
  if (code === 'ENOENT') return new ScaffoldWriteError(notice('postFolderUnreachable', folder));
  return err instanceof Error ? err : new Error(String(err));
}

// Pure logic: stays free of vscode.
// File writes that never lose a user's text: atomic replace (temp file + rename),
// exclusive create (never overwrite), and paths that cannot leave their target folder.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { messageAndNotice, notice, type CoreNotice } from './notices';

export class UnsafePathError extends Error {
  /** The same message as an id and values, for the extension to say in the display language. */
  readonly notice?: CoreNotice;
  constructor(what: string | CoreNotice) {
    const { message, notice: n } = messageAndNotice(what);
    super(message);
    this.name = 'UnsafePathError';
    this.notice = n;
  }
}

/**
 * Whether a `path.relative(base, target)` result points outside `base`: `..` as a whole
 * segment, or absolute (another drive on Windows). A name such as `..notes.md` stays inside.
 */
export function leavesFolder(rel: string): boolean {
  return rel === '..' || rel.startsWith('../') || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

/**
 * Resolves `relative` inside `root` and refuses anything that would leave it
 * (`..`, absolute paths, drive letters, NUL bytes).
 */
export function resolveInside(root: string, relative: string): string {
  if (relative.includes('\0')) throw new UnsafePathError(notice('pathHasNul'));
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) {
    throw new UnsafePathError(notice('pathIsAbsolute', relative, root));
  }
  const base = path.resolve(root);
  const target = path.resolve(base, relative);
  const rel = path.relative(base, target);
  if (rel === '' || leavesFolder(rel)) {
    throw new UnsafePathError(notice('pathLeavesFolder', relative, root));
  }
  return target;
}

/** Replaces `file` atomically: readers see the old or the new content, never half. */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await fs.stat(file)).mode;
  } catch {
    /* new file */
  }
  try {
    await fs.writeFile(temp, content, { flag: 'wx', mode });
    await fs.rename(temp, file);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * Creates `file` with `content` only if it does not exist yet (never overwrites), whole:
 * the content is written to a temp file that is then hard-linked into place, an atomic
 * "create if absent", so a reader (a watcher, a sync tool, another window) never sees it
 * empty or half written. Where the file system has no hard links, an exclusive write.
 * Returns false when the file already exists.
 */
export async function createFileExclusive(file: string, content: string | Uint8Array): Promise<boolean> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, content, { flag: 'wx' });
    await fs.link(temp, file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV' && code !== 'EOPNOTSUPP') throw err;
  } finally {
    await fs.rm(temp, { force: true }).catch(() => undefined);
  }
  try {
    await fs.writeFile(file, content, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** `name.md` → `name-2.md`, `name-3.md`, … : the first path that does not exist. */
export async function findFreePath(file: string, exists: (p: string) => Promise<boolean> = pathExists): Promise<string> {
  if (!(await exists(file))) return file;
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  for (let n = 2; n < 1000; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!(await exists(candidate))) return candidate;
  }
  throw new Error(`No free file name near ${file}.`);
}

export async function pathExists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

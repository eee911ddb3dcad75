// Pure logic: stays free of vscode.
// Where the kit's files go. Interview notes and first-week plans live in the workspace (or in
// private storage when no folder is open); the offer worksheet lives in private storage
// unless the user names another folder.
import * as path from 'node:path';
import { resolveInside, UnsafePathError } from '../safe-fs';
import { notice } from '../notices';
import { assertRealPathInside } from '../scaffold/post-writer';

export const DEFAULT_NOTES_FOLDER = 'career/informational-interviews';
export const DEFAULT_FIRST_WEEK_FOLDER = 'career/first-week';

export interface KitRoots {
  /** The first workspace folder, or undefined when none is open. */
  readonly workspaceRoot: string | undefined;
  /** The extension's global storage folder (private to this user, outside every workspace). */
  readonly globalStorage: string;
  /** The user's home folder, for `~/` in settings. */
  readonly home: string;
}

export interface KitFolder {
  readonly folder: string;
  /** True when the folder is in private storage because no workspace folder is open. */
  readonly inGlobalStorage: boolean;
}

/** Folder name inside global storage that holds everything the kit writes there. */
const KIT_STORAGE = 'job-search';

/**
 * A workspace-relative folder setting → absolute folder. Refuses settings that leave the
 * workspace; with no workspace open, uses a subfolder of global storage named after `fallbackName`.
 */
export function resolveWorkspaceFolder(setting: string, defaultValue: string, fallbackName: string, roots: KitRoots): KitFolder {
  if (!roots.workspaceRoot) return { folder: path.join(roots.globalStorage, KIT_STORAGE, fallbackName), inGlobalStorage: true };
  const relative = setting.trim() === '' ? defaultValue : setting.trim();
  return { folder: resolveInside(roots.workspaceRoot, relative), inGlobalStorage: false };
}

/**
 * Throws when a workspace folder from `resolveWorkspaceFolder` leads out of the workspace
 * through a symbolic link (`career/` → somewhere else): the path itself stays inside, its
 * real location does not. Folders in private storage are ours and pass.
 */
export async function assertRealFolderInside(folder: KitFolder, roots: KitRoots): Promise<void> {
  if (folder.inGlobalStorage || !roots.workspaceRoot) return;
  await assertRealPathInside(roots.workspaceRoot, folder.folder);
}

/**
 * The offer worksheet's folder: empty setting → global storage; `~/…` → under home; an
 * absolute path as given; a relative path inside the workspace (refused without one).
 */
export function resolveWorksheetFolder(setting: string, roots: KitRoots): KitFolder {
  const value = setting.trim();
  if (value === '') return { folder: path.join(roots.globalStorage, KIT_STORAGE), inGlobalStorage: true };
  if (value.includes('\0')) throw new UnsafePathError(notice('kitWorksheetLocationNul'));
  if (value === '~' || value.startsWith('~/') || value.startsWith('~\\')) {
    return { folder: path.join(roots.home, value.slice(1)), inGlobalStorage: false };
  }
  if (path.isAbsolute(value)) return { folder: path.normalize(value), inGlobalStorage: false };
  if (!roots.workspaceRoot) {
    throw new UnsafePathError(notice('kitWorksheetLocationNeedsWorkspace', value));
  }
  return { folder: resolveInside(roots.workspaceRoot, value), inGlobalStorage: false };
}

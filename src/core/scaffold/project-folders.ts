// Pure logic: stays free of vscode.
// Where New Project README can write: each workspace folder, and the projects one level down
// in it — a folder with its own manifest or git repository, the way the tracker finds
// repositories one level down. A workspace holding `blog/` and `churn-model/` then offers
// both, instead of writing to the README at its top that describes neither.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { detectSite } from './site-detect';

/** What makes a subfolder a project of its own. */
export const PROJECT_MARKERS: readonly string[] = ['.git', 'package.json', 'pyproject.toml', 'setup.cfg', 'setup.py', 'Cargo.toml', 'requirements.txt'];

/** Subfolders looked at, at most (a workspace opened on a home folder stays quick). */
const MAX_SUBFOLDERS = 200;

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** The direct subfolders of `root` that are projects, sorted by name (hidden ones and node_modules left out). */
export async function projectSubfolders(root: string): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(root, { withFileTypes: true });
  } catch {
    return [];
  }
  const names = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
    .map((e) => e.name)
    .sort()
    .slice(0, MAX_SUBFOLDERS);
  const found: string[] = [];
  for (const name of names) {
    const folder = path.join(root, name);
    for (const marker of PROJECT_MARKERS) {
      if (await exists(path.join(folder, marker))) {
        found.push(folder);
        break;
      }
    }
  }
  return found;
}

/** The deepest of `folders` that holds `file`, if any (the project of the file being edited). */
export function folderHolding(folders: readonly string[], file: string | undefined): string | undefined {
  if (!file) return undefined;
  let best: string | undefined;
  for (const folder of folders) {
    const relative = path.relative(folder, file);
    const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    if (inside && (!best || folder.length > best.length)) best = folder;
  }
  return best;
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export interface ReadmeTargetOrder {
  /** Every root, in the order to offer them. */
  readonly ordered: string[];
  /** The root suggested first because the active editor's file is in it, if any. */
  readonly preferred?: string;
}

/**
 * The order New Project README offers its folders in: the project of the file being edited
 * first — unless that file is part of a blog or docs site (`siteDirs`), whose README is rarely
 * the one wanted — then the others as found, with the sites themselves last.
 */
export function orderReadmeTargets(roots: readonly string[], activeFile: string | undefined, siteDirs: readonly string[]): ReadmeTargetOrder {
  const inSite = activeFile !== undefined && siteDirs.some((site) => isInside(site, activeFile));
  const preferred = inSite ? undefined : folderHolding(roots, activeFile);
  const isSite = (root: string) => siteDirs.some((site) => path.relative(site, root) === '');
  const rest = roots.filter((r) => r !== preferred);
  return { ordered: [...(preferred ? [preferred] : []), ...rest.filter((r) => !isSite(r)), ...rest.filter(isSite)], preferred };
}

/** The blog or docs sites among (or inside) `roots`, as folders, each once. */
export async function siteFolders(roots: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const root of roots) {
    const profile = await detectSite(root);
    if (profile.detected) found.add(path.join(root, profile.siteRoot));
  }
  return [...found];
}

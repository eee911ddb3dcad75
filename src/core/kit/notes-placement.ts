// Pure logic: stays free of vscode.
// Could interview notes or a first-week plan be published from the workspace folder they are
// about to be written into? Either git could push them to a public host, or the folder is
// part of a Jekyll site, which turns every Markdown file with front matter into a page.
// Asked only for a folder that does not exist yet: once the user accepts a folder, later
// files go there without asking again.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { detectSite } from '../scaffold/site-detect';
import { joinPosix } from '../scaffold/site-profile';
import { pathExists } from '../safe-fs';
import { checkRepositoryPrivacy, nearestExistingFolder } from './repository-privacy';

export type RepositoryExposure =
  /** The repository has a remote on a public host and git does not ignore the file. */
  | { readonly kind: 'public-remote'; readonly root: string; readonly publicHost: string; readonly gitignoreLine: string }
  /** A repository whose remotes could not be read (Restricted Mode, git missing): we cannot tell. */
  | { readonly kind: 'unchecked-repository'; readonly root: string; readonly reason: string; readonly gitignoreLine: string };

export interface JekyllExposure {
  /** The site's folder (absolute). */
  readonly siteRoot: string;
  /** The target folder relative to the site, POSIX separators, for `exclude:` in `_config.yml`. */
  readonly folderInSite: string;
}

/** Why a new folder could publish what is written into it; at least one of the two is set. */
export interface PublishRisk {
  readonly folder: string;
  readonly repository: RepositoryExposure | undefined;
  readonly jekyll: JekyllExposure | undefined;
}

export interface NotesPlacementRequest {
  /** The file about to be written; its folder may not exist yet. */
  readonly file: string;
  /** The workspace folder the file goes into. */
  readonly workspaceRoot: string;
  /** The workspace's trust: git runs only when it is trusted. */
  readonly trusted: boolean;
}

/** The risk of writing `file` there, or undefined to write without asking. */
export async function checkNotesPlacement(request: NotesPlacementRequest): Promise<PublishRisk | undefined> {
  const folder = path.dirname(path.resolve(request.file));
  if (await pathExists(folder)) return undefined;

  const privacy = await checkRepositoryPrivacy(request.file, request.trusted);
  let repository: RepositoryExposure | undefined;
  if (privacy.kind === 'public-remote' && !privacy.ignored) {
    const publicHost = privacy.publicRemotes.find((r) => r.publicHost !== undefined)?.publicHost ?? '';
    repository = { kind: 'public-remote', root: privacy.root, publicHost, gitignoreLine: await gitignoreLine(privacy.root, folder) };
  } else if (privacy.kind === 'unchecked-repository') {
    repository = { kind: 'unchecked-repository', root: privacy.root, reason: privacy.reason, gitignoreLine: await gitignoreLine(privacy.root, folder) };
  }
  // A git-ignored folder never reaches a site built from the repository (GitHub Pages), which
  // is what the hint we give asks for; only then is the Jekyll risk gone.
  const ignored = (privacy.kind === 'public-remote' || privacy.kind === 'private-repository') && privacy.ignored;
  const jekyll = ignored ? undefined : await jekyllExposure(request.workspaceRoot, folder);
  if (!repository && !jekyll) return undefined;
  return { folder, repository, jekyll };
}

/** The folder inside a Jekyll site that Jekyll would read, or undefined. */
async function jekyllExposure(workspaceRoot: string, folder: string): Promise<JekyllExposure | undefined> {
  const site = await detectSite(workspaceRoot);
  if (site.generator !== 'jekyll') return undefined;
  const siteRoot = path.resolve(workspaceRoot, site.siteRoot);
  const relative = path.relative(siteRoot, folder);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
  const parts = relative.split(path.sep).filter((p) => p !== '');
  // Jekyll skips folders whose names start with `_` or `.` (unless they are collections).
  if (parts.some((p) => p.startsWith('_') || p.startsWith('.'))) return undefined;
  return { siteRoot, folderInSite: joinPosix(...parts) };
}

/** `career/informational-interviews/`: the line that keeps the folder out of commits. */
async function gitignoreLine(repositoryRoot: string, folder: string): Promise<string> {
  // git reports its root as a real path; the folder may pass through a symbolic link (macOS /tmp).
  const relative = path.relative(await realPath(repositoryRoot), await realPath(folder));
  return `${joinPosix(relative)}/`;
}

/** The real path of `dir`, which may not exist yet: its existing part resolved, the rest kept. */
async function realPath(dir: string): Promise<string> {
  const existing = await nearestExistingFolder(dir);
  try {
    return path.join(await fs.realpath(existing), path.relative(existing, path.resolve(dir)));
  } catch {
    return path.resolve(dir);
  }
}


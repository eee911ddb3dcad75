// Stays free of `vscode`: where each workspace folder's site keeps its posts, as the
// scaffolding's New Post sees it — detection first, then the user's scaffold settings
// (`siteGenerator`, `postsFolder`), so the tracker counts posts wherever New Post writes them.
import * as path from 'node:path';
import { applySettings } from '../scaffold/post-plan';
import { normalizeSettings } from '../scaffold/settings';
import { detectSite } from '../scaffold/site-detect';

/** The scaffold settings that decide where posts go, as read from one folder's configuration. */
export interface ScaffoldPostsSettings {
  readonly siteGenerator?: unknown;
  readonly postsFolder?: unknown;
}

/** Absolute posts folders of the sites found (or configured) in `workspaceFolders`. */
export async function sitePostsFolders(workspaceFolders: readonly string[], scaffoldSettingsOf: (folder: string) => ScaffoldPostsSettings): Promise<string[]> {
  const found: string[] = [];
  for (const folder of workspaceFolders) {
    try {
      const raw = scaffoldSettingsOf(folder);
      const site = applySettings(await detectSite(folder), normalizeSettings({ siteGenerator: raw.siteGenerator, postsFolder: raw.postsFolder }));
      if (site.detected) found.push(path.join(folder, ...site.postsDir.split('/')));
    } catch {
      // An unreadable folder or odd settings: that folder adds no posts folder.
    }
  }
  return found;
}

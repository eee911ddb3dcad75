// The tracker's inputs (which repositories, whose emails, which time zone, where posts live,
// where its cache is), read the way the tracker view reads them so the card and the view
// count the same commits and share one disk cache.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FeatureContext } from '../feature-context';

export interface TrackerScanInputs {
  repos: string[];
  emails: string[];
  timeZone: string;
  postsFolders?: string[];
  cacheDir: string;
}

function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(os.homedir(), p.slice(1)) : p;
}

export async function trackerScanInputs(feature: FeatureContext): Promise<TrackerScanInputs> {
  const config = vscode.workspace.getConfiguration('learnInPublic.tracker');
  const { findRepositoryFolders } = await import('../../core/tracker/repositories');
  const { systemTimeZone, assertTimeZone } = await import('../../core/tracker/calendar');
  const workspaceFolders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const extra = (config.get<unknown[]>('repositories') ?? []).filter((p): p is string => typeof p === 'string' && p.trim() !== '').map((p) => expandHome(p.trim()));
  const found = await findRepositoryFolders(workspaceFolders);
  const repos = [...new Set([...found, ...extra.filter((p) => path.isAbsolute(p))])];

  let timeZone = (config.get<string>('timeZone') ?? '').trim() || systemTimeZone();
  try {
    assertTimeZone(timeZone);
  } catch {
    feature.log.warn(`Tracker: "${timeZone}" is not a known time zone; using ${systemTimeZone()}.`);
    timeZone = systemTimeZone();
  }
  const posts = config.get<unknown[]>('postsFolders');
  return {
    repos,
    emails: (config.get<unknown[]>('emails') ?? []).filter((e): e is string => typeof e === 'string'),
    timeZone,
    postsFolders: Array.isArray(posts) && posts.length > 0 ? posts.filter((p): p is string => typeof p === 'string') : undefined,
    cacheDir: path.join(feature.context.globalStorageUri.fsPath, 'tracker-cache'),
  };
}

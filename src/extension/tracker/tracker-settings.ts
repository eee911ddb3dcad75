// The tracker's settings, validated (settings.json can hold anything), and the repositories
// it reads: every git repository in the workspace folders (the folder itself or one level
// down) plus the extra paths from `learnInPublic.tracker.extraRepositories`.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FeatureContext } from '../feature-context';
import { readCardSettings } from '../progress-card/card-settings';
import type { LearningKind, StreakMode } from '../../core/tracker/streaks';

export const TRACKER_SECTION = 'learnInPublic.tracker';
/** The scaffolding's settings decide where New Post writes, so they change what counts as a post. */
export const SCAFFOLD_SECTION = 'learnInPublic.scaffold';

export interface TrackerSettings {
  readonly repos: string[];
  readonly emails: string[];
  readonly timeZone: string;
  /** Set when the configured zone was unknown and the machine's is used instead. */
  readonly timeZoneProblem?: string;
  readonly dateKind: 'author' | 'committer';
  readonly postsFolders?: string[];
  readonly restDays: number[];
  readonly streakMode: StreakMode;
  readonly countAsLearning: LearningKind[];
  readonly showStatusBar: boolean;
  readonly cacheDir: string;
}

function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') || p.startsWith('~\\') ? path.join(os.homedir(), p.slice(1)) : p;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [];
}

/** Where the disk cache lives (shared with the progress card, so both reuse one scan). */
export function trackerCacheDir(context: vscode.ExtensionContext): string {
  return path.join(context.globalStorageUri.fsPath, 'tracker-cache');
}

export async function readTrackerSettings(feature: FeatureContext): Promise<TrackerSettings> {
  const config = vscode.workspace.getConfiguration(TRACKER_SECTION);
  const { findRepositoryFolders } = await import('../../core/tracker/repositories');
  const { systemTimeZone, assertTimeZone } = await import('../../core/tracker/calendar');
  const workspaceFolders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const found = await findRepositoryFolders(workspaceFolders);
  const extra = strings(config.get<unknown>('extraRepositories')).map(expandHome);
  const relativeBase = workspaceFolders[0];
  const extraAbsolute = extra.map((p) => (path.isAbsolute(p) || !relativeBase ? p : path.resolve(relativeBase, p)));
  const repos = [...new Set([...found, ...extraAbsolute].map((p) => path.resolve(p)))];

  let timeZone = (config.get<string>('timeZone') ?? '').trim() || systemTimeZone();
  let timeZoneProblem: string | undefined;
  try {
    assertTimeZone(timeZone);
  } catch {
    timeZoneProblem = vscode.l10n.t('"{0}" is not a known time zone; the tracker uses {1}.', timeZone, systemTimeZone());
    feature.log.warn(`Tracker: ${timeZoneProblem}`);
    timeZone = systemTimeZone();
  }
  let postsFolders = strings(config.get<unknown>('postsFolders'));
  if (postsFolders.length === 0) {
    // No folders set: the common ones, plus wherever New Post writes (detection and the
    // scaffold settings of each folder).
    const { sitePostsFolders } = await import('../../core/tracker/site-posts-folders');
    const { DEFAULT_POSTS_FOLDERS, postsFoldersWithDetectedSites } = await import('../../core/tracker/posts');
    const detected = await sitePostsFolders(workspaceFolders, (folder) => {
      const scaffold = vscode.workspace.getConfiguration(SCAFFOLD_SECTION, vscode.Uri.file(folder));
      return { siteGenerator: scaffold.get<unknown>('siteGenerator'), postsFolder: scaffold.get<unknown>('postsFolder') };
    });
    postsFolders = postsFoldersWithDetectedSites(DEFAULT_POSTS_FOLDERS, detected, repos);
  }
  const streak = readCardSettings();
  return {
    repos,
    emails: strings(config.get<unknown>('emails')),
    timeZone,
    timeZoneProblem,
    dateKind: streak.dateKind,
    postsFolders: postsFolders.length > 0 ? postsFolders : undefined,
    restDays: streak.restDays,
    streakMode: streak.streakMode,
    countAsLearning: streak.countAsLearning,
    showStatusBar: config.get<boolean>('showStatusBar', true) !== false,
    cacheDir: trackerCacheDir(feature.context),
  };
}

/** Checklist items ticked and practice sessions per day, for the streak when they count. */
export async function readOtherLearning(
  feature: FeatureContext,
  kinds: readonly LearningKind[],
  dayKey: (epochSeconds: number) => string,
): Promise<{ checklist?: Map<string, number>; practice?: Map<string, number> }> {
  const out: { checklist?: Map<string, number>; practice?: Map<string, number> } = {};
  if (kinds.includes('checklist')) {
    try {
      const { readCompletedChecklistItems } = await import('../checklist/checklist-location');
      const days = new Map<string, number>();
      for (const item of await readCompletedChecklistItems(feature.context)) days.set(item.day, (days.get(item.day) ?? 0) + 1);
      out.checklist = days;
    } catch (err) {
      feature.log.warn(`Tracker: could not read the checklist: ${(err as Error).message}`);
    }
  }
  if (kinds.includes('practice')) {
    // Same rule as the progress card: a day with a practice rating that was not undone.
    const file = path.join(feature.context.globalStorageUri.fsPath, 'practice', 'history.jsonl');
    try {
      const { HistoryFile } = await import('../../core/practice/history-file');
      const { isUndo } = await import('../../core/practice/history-log');
      const history = await new HistoryFile(file).read();
      const undone = new Set<number>();
      for (const e of history.entries) if (isUndo(e.record)) undone.add(e.record.undo);
      const days = new Map<string, number>();
      for (const e of history.entries) {
        if (isUndo(e.record) || undone.has(e.line)) continue;
        days.set(dayKey(e.atMs / 1000), 1);
      }
      out.practice = days;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') feature.log.warn(`Tracker: could not read the practice history: ${(err as Error).message}`);
    }
  }
  return out;
}

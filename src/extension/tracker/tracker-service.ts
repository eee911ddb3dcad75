// The Learning Tracker's state: scans the repositories (only in a trusted workspace), keeps
// the last result, and tells the view and the status bar. On first use it shows the disk
// cache at once, then reads only what is new. Refreshes when a repository's HEAD or refs
// move (debounced), when settings or folders change, and on demand; a newer scan cancels an
// older one. Heavy modules (the scan, simple-git) load on first use.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FeatureContext } from '../feature-context';
import { onDidChangeLearningActivity } from '../learning-activity';
import type { TrackerModel, TrackerState } from '../../core/protocol/tracker';
import type { ScanResult } from '../../core/tracker/scan';
import { ScanScheduler, classifyTrackerConfigChange, isScanCancellation, repositoriesToWatch, viewAfterCancelledScan, type RefreshReason } from '../../core/tracker/refresh-policy';
import { SCAFFOLD_SECTION, TRACKER_SECTION, readOtherLearning, readTrackerSettings, type TrackerSettings } from './tracker-settings';
import { sayTrackerNotice } from './tracker-notices';
import { trackerStrings } from './tracker-strings';

export const TRACKER_VIEW_ID = 'learnInPublic.tracker';
const REFRESH_DEBOUNCE_MS = 600;
/** Several checklist or practice changes in a row make one redraw. */
const LEARNING_DEBOUNCE_MS = 300;

export class TrackerService implements vscode.Disposable {
  private readonly stateEmitter = new vscode.EventEmitter<TrackerState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private state: TrackerState | undefined;
  private settings: TrackerSettings | undefined;
  private result: ScanResult | undefined;
  private model: TrackerModel | undefined;
  private fromCache = false;
  private readonly scheduler = new ScanScheduler({
    scan: (signal) => this.scan(signal),
    // "Today" moves at midnight: redraw (no git) so "at risk today" and the heatmap follow.
    onDayCheck: () => void this.redrawIfDayChanged(),
    dayCheckMs: 5 * 60_000,
  });
  private learningTimer: ReturnType<typeof setTimeout> | undefined;
  private watchers: vscode.Disposable[] = [];
  private watchedKey = '';
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly feature: FeatureContext) {
    this.disposables.push(
      this.stateEmitter,
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        // Trust granted later: the status bar streak needs a scan even if the view never opened.
        if (statusBarEnabled()) this.start();
        this.scheduleRefresh(0, 'trust');
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleRefresh(REFRESH_DEBOUNCE_MS, 'folders')),
      // A checklist step or a practice rating counts as learning: redraw the streak, no git.
      onDidChangeLearningActivity(() => {
        clearTimeout(this.learningTimer);
        this.learningTimer = setTimeout(() => void this.redraw(), LEARNING_DEBOUNCE_MS);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        const change = classifyTrackerConfigChange((section) => e.affectsConfiguration(section), [`${SCAFFOLD_SECTION}.postsFolder`, `${SCAFFOLD_SECTION}.siteGenerator`]);
        if (change.statusBarToggled && statusBarEnabled() && vscode.workspace.isTrusted) this.start();
        if (change.rescan) this.scheduleRefresh(REFRESH_DEBOUNCE_MS, 'settings');
      }),
    );
  }

  get currentState(): TrackerState | undefined {
    return this.state;
  }

  dispose(): void {
    clearTimeout(this.learningTimer);
    this.scheduler.dispose();
    this.watchedKey = '';
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
    this.watchers = [];
  }

  /** First use: show what is cached, then scan. Later calls do nothing. */
  start(): void {
    this.scheduler.start();
  }

  /**
   * Refresh soon; several calls within the debounce make one scan. The view asks with the
   * default reason each time it comes into sight, which never restarts a running scan.
   */
  scheduleRefresh(delayMs = REFRESH_DEBOUNCE_MS, reason: RefreshReason = 'view-visible'): void {
    this.scheduler.schedule(reason, delayMs);
  }

  cancel(): void {
    this.scheduler.cancel();
  }

  /** Runs a scan now (cancelling one in progress). */
  refresh(): Promise<void> {
    return this.scheduler.refresh('user');
  }

  private publish(state: TrackerState): void {
    this.state = state;
    this.stateEmitter.fire(state);
  }

  private publishModel(scanning: boolean, extra: { progress?: string; error?: string } = {}): void {
    if (!this.model) return;
    this.publish({ kind: 'ready', strings: trackerStrings(), model: this.model, scanning, fromCache: this.fromCache, ...extra });
  }

  private async scan(signal: AbortSignal): Promise<void> {
    const strings = trackerStrings();
    if (!vscode.workspace.isTrusted) {
      this.publish({ kind: 'untrusted', strings });
      return;
    }
    const settings = await readTrackerSettings(this.feature);
    this.settings = settings;
    if (settings.repos.length === 0) {
      this.result = undefined;
      this.model = undefined;
      this.updateWatchers([]);
      this.publish({ kind: 'no-repositories', strings, folderOpen: (vscode.workspace.workspaceFolders?.length ?? 0) > 0 });
      return;
    }
    // Watch before scanning, so a commit still refreshes after a cancelled or failed first scan.
    this.updateWatchers(repositoriesToWatch(settings.repos, this.result ? scannedRoots(this.result) : []));
    const scan = await import('../../core/tracker/scan');
    const options = {
      repos: settings.repos,
      emails: settings.emails,
      timeZone: settings.timeZone,
      dateKind: settings.dateKind,
      postsFolders: settings.postsFolders,
      cacheDir: settings.cacheDir,
    };
    if (!this.model) {
      // Instant reopen: the last result from disk, before git is asked anything.
      const cached = await scan.loadCachedScan(options).catch(() => undefined);
      if (cached) {
        this.fromCache = true;
        await this.setResult(cached, settings);
        this.publishModel(true);
      } else {
        this.publish({ kind: 'loading', strings });
      }
    } else {
      this.publishModel(true);
    }

    let lastProgress = 0;
    let finished = false;
    const started = Date.now();
    try {
      const result = await vscode.window.withProgress({ location: { viewId: TRACKER_VIEW_ID } }, () =>
        scan.scanRepositories({
          ...options,
          signal,
          onProgress: (p) => {
            const now = Date.now();
            if (now - lastProgress < 250 || now - started < 400) return;
            lastProgress = now;
            const text = p.repo
              ? vscode.l10n.t('Reading {0}: {1} commits read ({2} of {3} repositories)', p.repo, p.commitsRead.toLocaleString(), Math.min(p.reposDone + 1, p.reposTotal), p.reposTotal)
              : vscode.l10n.t('Finding repositories…');
            if (this.model) this.publishModel(true, { progress: text });
            else this.publish({ kind: 'loading', strings, progress: text });
          },
          onHeatmap: (days) => {
            // First scan, nothing cached: draw the heatmap and streak while posts are still read.
            if (this.model) return;
            const partial: ScanResult = { days, perRepo: [], posts: [], warnings: [], identities: [], timeZone: settings.timeZone, dateKind: settings.dateKind, duplicates: 0 };
            void this.buildModel(partial, settings).then((model) => {
              if (finished || this.model || signal.aborted) return;
              this.model = model;
              this.publishModel(true);
            });
          },
        }),
      );
      finished = true;
      if (signal.aborted) throw new scan.ScanCancelledError();
      this.fromCache = false;
      await this.setResult(result, settings);
      this.publishModel(false);
      for (const r of result.perRepo) if (r.message && r.status !== 'ok' && r.status !== 'empty') this.feature.log.warn(`Tracker: ${r.folder}: ${r.message}`);
      for (const w of result.warnings) this.feature.log.info(`Tracker: ${w}`);
      this.feature.log.info(
        `Tracker: scanned ${result.perRepo.length} folder(s) in ${Date.now() - started} ms (${result.perRepo.map((r) => `${r.name}: ${r.read}${r.commitsRead ? `, ${r.commitsRead} commits read` : ''}`).join('; ')})`,
      );
      this.updateWatchers(repositoriesToWatch(settings.repos, scannedRoots(result)));
    } catch (err) {
      if (isScanCancellation(err) || signal.aborted) {
        const next = viewAfterCancelledScan({ restartQueued: this.scheduler.restartQueued, hasCompleteResult: this.result !== undefined });
        if (next === 'last-result') this.publishModel(false);
        else if (next === 'cancelled') {
          this.model = undefined;
          this.publish({ kind: 'error', strings, message: vscode.l10n.t('Scan cancelled — Refresh to try again.') });
        }
        return;
      }
      const message = err instanceof Error ? err.message : String(err);
      this.feature.log.error(`Tracker: scan failed: ${err instanceof Error ? err.stack ?? message : message}`);
      // Our own problems in the display language; git's words as git said them.
      const shown = err instanceof scan.GitNotFoundError ? sayTrackerNotice({ id: 'gitMissing', values: [] }) : message;
      if (this.model) this.publishModel(false, { error: shown });
      else this.publish({ kind: 'error', strings, message: shown });
    }
  }

  private async setResult(result: ScanResult, settings: TrackerSettings): Promise<void> {
    this.result = result;
    this.model = await this.buildModel(result, settings);
  }

  private async buildModel(result: ScanResult, settings: TrackerSettings): Promise<TrackerModel> {
    const { buildTrackerModel } = await import('../../core/tracker/tracker-view-model');
    const { dayKeyFor } = await import('../../core/tracker/calendar');
    const today = dayKeyFor(Date.now() / 1000, settings.timeZone);
    const extraActivity = await readOtherLearning(this.feature, settings.countAsLearning, (t) => dayKeyFor(t, settings.timeZone));
    // A post committed while still a draft (New Post's default) is not published yet.
    const { withoutDrafts } = await import('../../core/tracker/post-facts');
    const posts = await withoutDrafts(result.posts, (post) => result.perRepo[post.repoIndex]?.root);
    const model = buildTrackerModel({ ...result, posts }, {
      today,
      restDays: settings.restDays,
      mode: settings.streakMode,
      countAsLearning: settings.countAsLearning,
      extraActivity,
      say: sayTrackerNotice,
    });
    const published = await withPostTitles(model);
    if (settings.timeZoneProblem) return { ...model, published, warnings: [settings.timeZoneProblem, ...model.warnings] };
    return { ...model, published };
  }

  /** Builds the model again from the last scan (settings, today, learning outside git). */
  private async redraw(): Promise<void> {
    if (!this.result || !this.settings || !this.model || this.scheduler.scanning || this.scheduler.disposed) return;
    this.model = await this.buildModel(this.result, this.settings);
    this.publishModel(false);
  }

  private async redrawIfDayChanged(): Promise<void> {
    if (!this.result || !this.settings || !this.model || this.scheduler.scanning) return;
    const { dayKeyFor } = await import('../../core/tracker/calendar');
    if (dayKeyFor(Date.now() / 1000, this.settings.timeZone) === this.model.today) return;
    await this.redraw();
  }

  /** Watches HEAD, refs and packed-refs of each repository; a change refreshes (debounced). */
  private updateWatchers(roots: string[]): void {
    if (this.scheduler.disposed) return;
    const key = [...roots].sort().join('\n');
    if (key === this.watchedKey) return;
    this.watchedKey = key;
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    void (async () => {
      for (const root of roots) {
        const dirs = await gitDirsOf(root);
        // Disposed (or re-keyed) while reading: a watcher made now would never be disposed.
        if (this.scheduler.disposed || this.watchedKey !== key) return;
        if (!dirs) continue;
        const patterns = [
          new vscode.RelativePattern(vscode.Uri.file(dirs.gitDir), 'HEAD'),
          new vscode.RelativePattern(vscode.Uri.file(dirs.commonDir), '{packed-refs,refs/heads/**,refs/remotes/**,refs/tags/**}'),
        ];
        for (const pattern of patterns) {
          const watcher = vscode.workspace.createFileSystemWatcher(pattern);
          const onChange = () => this.scheduleRefresh(REFRESH_DEBOUNCE_MS, 'refs');
          this.watchers.push(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange));
        }
      }
    })();
  }
}

/** The git folder (HEAD) and common folder (refs) of a repository's top folder, without git. */
async function gitDirsOf(root: string): Promise<{ gitDir: string; commonDir: string } | undefined> {
  const dotGit = path.join(root, '.git');
  let gitDir = root;
  try {
    const stat = await fs.stat(dotGit);
    if (stat.isDirectory()) gitDir = dotGit;
    else {
      const match = /^gitdir:\s*(.+)$/m.exec(await fs.readFile(dotGit, 'utf8'));
      if (!match) return undefined;
      gitDir = path.resolve(root, match[1].trim());
    }
  } catch {
    // a bare repository: the root is the git folder
  }
  let commonDir = gitDir;
  try {
    commonDir = path.resolve(gitDir, (await fs.readFile(path.join(gitDir, 'commondir'), 'utf8')).trim());
  } catch {
    // not a linked worktree
  }
  return { gitDir, commonDir };
}

function statusBarEnabled(): boolean {
  return vscode.workspace.getConfiguration(TRACKER_SECTION).get<boolean>('showStatusBar', true) !== false;
}

function scannedRoots(result: ScanResult): string[] {
  return result.perRepo.map((r) => r.root).filter((r): r is string => !!r);
}

/** The listed posts with the titles their files give them (a few small reads, at most 30). */
async function withPostTitles(model: TrackerModel): Promise<TrackerModel['published']> {
  const posts = model.published.filter((item) => item.kind === 'post' && model.repos[item.repoIndex]);
  if (posts.length === 0) return model.published;
  const { readPostFacts } = await import('../../core/tracker/post-facts');
  const facts = await readPostFacts(posts.map((item) => ({ root: model.repos[item.repoIndex].path, path: item.path })));
  const titleOf = new Map(posts.map((item, i) => [item, facts[i]?.title ?? facts[i]?.heading]));
  return model.published.map((item) => {
    const title = titleOf.get(item);
    return title ? { ...item, title } : item;
  });
}

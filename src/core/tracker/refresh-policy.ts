// Stays free of `vscode`: when the Learning Tracker scans, which requests restart a running
// scan, and what follows a cancel. The service (src/extension/tracker) supplies the scan.

/**
 * Why a refresh was asked for. A view coming back into sight only wants to catch up, so it
 * never interrupts a scan that is already running; every other reason means the running scan
 * reads something out of date (settings, refs, folders, trust) and is restarted.
 */
export type RefreshReason = 'start' | 'user' | 'view-visible' | 'settings' | 'refs' | 'folders' | 'trust' | 'learning';

export interface ScanSchedulerOptions {
  /** Runs one scan; it should stop soon after the signal aborts. */
  readonly scan: (signal: AbortSignal) => Promise<void>;
  /** Called every `dayCheckMs` once started, so "today" can move at midnight without git. */
  readonly onDayCheck: () => void;
  readonly dayCheckMs: number;
}

/** One scan at a time, debounced requests, a periodic day check, and nothing after dispose. */
export class ScanScheduler {
  private running: AbortController | undefined;
  private queued = false;
  private pendingReason: RefreshReason | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private dayTimer: ReturnType<typeof setInterval> | undefined;
  private isStarted = false;
  private isDisposed = false;

  constructor(private readonly options: ScanSchedulerOptions) {}

  get started(): boolean {
    return this.isStarted;
  }

  get disposed(): boolean {
    return this.isDisposed;
  }

  get scanning(): boolean {
    return this.running !== undefined;
  }

  /** First use: scan soon. Later calls do nothing. */
  start(): void {
    if (this.isStarted || this.isDisposed) return;
    this.markStarted();
    this.schedule('start', 0);
  }

  /** Refresh after `delayMs`; requests within that time make one scan. */
  schedule(reason: RefreshReason, delayMs: number): void {
    if (!this.isStarted || this.isDisposed) return;
    // Requests merged by the debounce keep the one that must restart a running scan.
    if (this.pendingReason === undefined || this.pendingReason === 'view-visible') this.pendingReason = reason;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      const pending = this.pendingReason ?? reason;
      this.pendingReason = undefined;
      void this.refresh(pending);
    }, delayMs);
  }

  /** Scans now. A running scan is cancelled and this one runs after it, unless the request only wants to catch up. */
  async refresh(reason: RefreshReason): Promise<void> {
    if (this.isDisposed) return;
    this.markStarted();
    if (this.running) {
      if (reason === 'view-visible') return;
      clearTimeout(this.refreshTimer);
      this.pendingReason = undefined;
      this.queued = true;
      this.running.abort();
      return;
    }
    clearTimeout(this.refreshTimer);
    this.pendingReason = undefined;
    const controller = new AbortController();
    this.running = controller;
    try {
      await this.options.scan(controller.signal);
    } finally {
      this.running = undefined;
      if (this.queued) {
        this.queued = false;
        if (!this.isDisposed) void this.refresh('user');
      }
    }
  }

  /** The user's Cancel: stops the running scan and drops a restart that was waiting for it. */
  cancel(): void {
    this.queued = false;
    this.running?.abort();
  }

  /** True when a cancelled scan is about to be followed by another one. */
  get restartQueued(): boolean {
    return this.queued;
  }

  dispose(): void {
    this.isDisposed = true;
    this.queued = false;
    clearTimeout(this.refreshTimer);
    clearInterval(this.dayTimer);
    this.running?.abort();
  }

  /** Both start() and a direct refresh() land here, so the day check exists whichever came first. */
  private markStarted(): void {
    this.isStarted = true;
    this.dayTimer ??= setInterval(() => this.options.onDayCheck(), this.options.dayCheckMs);
  }
}

/** What a settings change asks of the tracker. */
export interface TrackerConfigChange {
  /** Some setting the scan or the model reads changed: rescan. */
  readonly rescan: boolean;
  /** `showStatusBar` changed: the status bar item shows or hides itself; the service only needs to be started. */
  readonly statusBarToggled: boolean;
}

/** Every tracker setting except `showStatusBar`, which only shows or hides an item. */
export const TRACKER_RESCAN_SETTINGS: readonly string[] = [
  'learnInPublic.tracker.extraRepositories',
  'learnInPublic.tracker.emails',
  'learnInPublic.tracker.timeZone',
  'learnInPublic.tracker.dateKind',
  'learnInPublic.tracker.postsFolders',
  'learnInPublic.tracker.restDays',
  'learnInPublic.tracker.streakMode',
  'learnInPublic.tracker.countAsLearning',
];

/**
 * Sorts a configuration change. `affects` is VS Code's `affectsConfiguration`; `otherSections`
 * are sections outside the tracker whose settings it also reads (e.g. the scaffolding's).
 */
export function classifyTrackerConfigChange(affects: (section: string) => boolean, otherSections: readonly string[] = []): TrackerConfigChange {
  const statusBarToggled = affects('learnInPublic.tracker.showStatusBar');
  const listed = TRACKER_RESCAN_SETTINGS.some((s) => affects(s)) || otherSections.some((s) => affects(s));
  // A tracker setting missing from the list (added later) still rescans, to be safe.
  const unlisted = affects('learnInPublic.tracker') && !statusBarToggled;
  return { rescan: listed || unlisted, statusBarToggled };
}

/** Whether an error means the scan was cancelled (git-command's ScanCancelledError or a DOM AbortError). */
export function isScanCancellation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';
}

/** The repositories to watch for new commits: those settings name, and the roots a scan found. */
export function repositoriesToWatch(settingsRepos: readonly string[], scannedRoots: readonly string[]): string[] {
  return [...new Set([...settingsRepos, ...scannedRoots])].sort();
}

/**
 * What the view shows after a scan stops on a cancel. A partial model (the early heatmap of a
 * first scan) is never shown as if it were complete: without a complete result (fresh or
 * cached) the view says the scan was cancelled.
 */
export function viewAfterCancelledScan(options: { readonly restartQueued: boolean; readonly hasCompleteResult: boolean }): 'wait-for-restart' | 'last-result' | 'cancelled' {
  if (options.restartQueued) return 'wait-for-restart';
  return options.hasCompleteResult ? 'last-result' : 'cancelled';
}

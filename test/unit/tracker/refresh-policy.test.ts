import assert from 'node:assert/strict';
import { scanRepositories } from '../../../src/core/tracker/scan';
import { ScanScheduler, classifyTrackerConfigChange, isScanCancellation, repositoriesToWatch, viewAfterCancelledScan, type RefreshReason } from '../../../src/core/tracker/refresh-policy';
import { ME, TempRepo, removeTempDirs } from './git-fixtures';

/**
 * Lets timers already due fire. Node runs timers in the order they expire, so a wait longer
 * than every delay the scheduler was given is passed only after those fired, however loaded
 * the machine is.
 */
const afterPendingTimers = () => new Promise((resolve) => setTimeout(resolve, 40));

/** Waits for a condition (the scheduler works through timers and promises). */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * A scheduler whose scans run until the test finishes them (`finish()`) or they are
 * cancelled, counting what happens: no scan ends on its own, so no result depends on timing.
 */
function harness() {
  const seen = { scans: 0, aborted: 0, completed: 0, dayChecks: 0 };
  let finishRunning: (() => void) | undefined;
  const scheduler = new ScanScheduler({
    dayCheckMs: 10,
    onDayCheck: () => seen.dayChecks++,
    scan: (signal) =>
      new Promise<void>((resolve) => {
        seen.scans++;
        finishRunning = () => {
          seen.completed++;
          resolve();
        };
        signal.addEventListener('abort', () => {
          seen.aborted++;
          resolve();
        });
      }),
  });
  const finish = () => {
    const f = finishRunning;
    finishRunning = undefined;
    f?.();
  };
  return { scheduler, seen, finish };
}

describe('tracker refresh policy: when the tracker scans', () => {
  let scheduler: ScanScheduler | undefined;
  afterEach(() => scheduler?.dispose());

  it('keeps moving "today" at midnight when Refresh ran before the view opened', async () => {
    const h = harness();
    scheduler = h.scheduler;
    const first = scheduler.refresh('user');
    h.finish();
    await first;
    scheduler.start();
    h.finish();
    await until(() => h.seen.dayChecks > 0, 'the day check (without it "today" would stay stale after midnight)');
    assert.ok(h.seen.dayChecks > 0, 'the day check never ran, so "today" would stay stale after midnight');
  });

  it('starts no scan after it is disposed, even one queued behind a cancelled scan', async () => {
    const h = harness();
    scheduler = h.scheduler;
    void scheduler.refresh('user');
    void scheduler.refresh('settings'); // queued: cancels the first, would run after it
    scheduler.dispose();
    await until(() => h.seen.aborted === 1, 'the running scan to stop');
    scheduler.schedule('refs', 0);
    await scheduler.refresh('user');
    await afterPendingTimers();
    assert.equal(h.seen.scans, 1);
  });

  it('lets a running scan finish when the sidebar is shown again', async () => {
    const h = harness();
    scheduler = h.scheduler;
    scheduler.start();
    await until(() => h.seen.scans === 1, 'the first scan');
    for (let i = 0; i < 3; i++) {
      scheduler.schedule('view-visible', 0);
      await afterPendingTimers();
    }
    h.finish();
    await afterPendingTimers();
    assert.deepEqual({ scans: h.seen.scans, aborted: h.seen.aborted, completed: h.seen.completed }, { scans: 1, aborted: 0, completed: 1 });
  });

  for (const reason of ['settings', 'refs', 'user'] as RefreshReason[]) {
    it(`restarts a running scan when the request is "${reason}"`, async () => {
      const h = harness();
      scheduler = h.scheduler;
      scheduler.start();
      await until(() => h.seen.scans === 1, 'the first scan');
      scheduler.schedule(reason, 0);
      await until(() => h.seen.scans === 2, 'the restarted scan');
      h.finish();
      await afterPendingTimers();
      assert.deepEqual({ scans: h.seen.scans, aborted: h.seen.aborted, completed: h.seen.completed }, { scans: 2, aborted: 1, completed: 1 });
    });
  }

  it('keeps a restart when a view-visible request is merged with a settings change', async () => {
    const h = harness();
    scheduler = h.scheduler;
    scheduler.start();
    await until(() => h.seen.scans === 1, 'the first scan');
    scheduler.schedule('settings', 10);
    scheduler.schedule('view-visible', 10);
    await afterPendingTimers();
    assert.equal(h.seen.aborted, 1);
  });

  it('Cancel stops the scan without starting another', async () => {
    const h = harness();
    scheduler = h.scheduler;
    scheduler.start();
    await until(() => h.seen.scans === 1, 'the first scan');
    scheduler.cancel();
    await afterPendingTimers();
    assert.deepEqual({ scans: h.seen.scans, aborted: h.seen.aborted }, { scans: 1, aborted: 1 });
  });

  it('does nothing on a scheduled refresh before start (the view or status bar starts it)', async () => {
    const h = harness();
    scheduler = h.scheduler;
    scheduler.schedule('refs', 0);
    await afterPendingTimers();
    assert.equal(h.seen.scans, 0);
  });
});

describe('tracker refresh policy: settings changes', () => {
  const changed = (...keys: string[]) => (section: string) => keys.some((k) => k === section || k.startsWith(`${section}.`));

  it('does not rescan when only the status bar item is switched on or off', () => {
    assert.deepEqual(classifyTrackerConfigChange(changed('learnInPublic.tracker.showStatusBar')), { rescan: false, statusBarToggled: true });
  });

  it('rescans when a setting the scan reads changes', () => {
    for (const key of ['learnInPublic.tracker.timeZone', 'learnInPublic.tracker.emails', 'learnInPublic.tracker.someFutureSetting']) {
      assert.equal(classifyTrackerConfigChange(changed(key)).rescan, true, key);
    }
    assert.equal(classifyTrackerConfigChange(changed('learnInPublic.tracker.showStatusBar', 'learnInPublic.tracker.restDays')).rescan, true);
    assert.equal(classifyTrackerConfigChange(changed('learnInPublic.scaffold.postsFolder'), ['learnInPublic.scaffold']).rescan, true);
    assert.equal(classifyTrackerConfigChange(changed('editor.fontSize')).rescan, false);
  });
});

describe('tracker refresh policy: cancellation and watched repositories', () => {
  after(removeTempDirs);

  it('recognises a cancelled scan of a real repository as a cancellation, not a failure', async () => {
    const repo = TempRepo.create();
    repo.commit({ date: '2024-03-05T12:00:00Z', email: ME });
    const controller = new AbortController();
    controller.abort();
    const err = await scanRepositories({ repos: [repo.dir], emails: [], timeZone: 'UTC', signal: controller.signal }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err, 'the scan should have been cancelled');
    assert.equal(isScanCancellation(err), true);
    assert.equal(isScanCancellation(new Error('git exited with code 128')), false);
    assert.equal(isScanCancellation(undefined), false);
  });

  it('says the first scan was cancelled instead of showing its early heatmap as complete', () => {
    assert.equal(viewAfterCancelledScan({ restartQueued: false, hasCompleteResult: false }), 'cancelled');
    assert.equal(viewAfterCancelledScan({ restartQueued: false, hasCompleteResult: true }), 'last-result');
    assert.equal(viewAfterCancelledScan({ restartQueued: true, hasCompleteResult: false }), 'wait-for-restart');
  });

  it('watches the configured repositories before any scan has finished', () => {
    assert.deepEqual(repositoriesToWatch(['/w/b', '/w/a'], []), ['/w/a', '/w/b']);
    assert.deepEqual(repositoriesToWatch(['/w/a'], ['/w/a', '/x/c']), ['/w/a', '/x/c']);
  });
});

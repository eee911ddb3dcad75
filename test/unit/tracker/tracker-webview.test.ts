import assert from 'node:assert/strict';
import type { TrackerModel, TrackerState, TrackerStrings } from '../../../src/core/protocol/tracker';
import { redrawKey, scanStatusText, type ShownState } from '../../../src/webview/tracker/view-updates';

// What the Learning Tracker webview does with the states the extension sends: the pure parts
// of src/webview/tracker (the DOM wiring is covered by the real-VS-Code suite).

const strings = new Proxy({} as TrackerStrings, { get: (_target, key) => (key === 'scanning' ? 'Reading git history…' : key === 'fromCache' ? 'Shown from the last scan' : String(key)) });

function model(commits: number): TrackerModel {
  return {
    today: '2024-03-05',
    timeZone: 'UTC',
    firstDay: '2024-03-04',
    cells: [{ day: '2024-03-04', commits, level: commits ? 4 : 0, active: commits > 0 }, { day: '2024-03-05', commits: 0, level: 0, active: false }],
    commitsInWindow: commits,
    commitDaysInWindow: commits ? 1 : 0,
    activeDaysInWindow: commits ? 1 : 0,
    commitsThisWeek: commits,
    commitsLastWeek: 0,
    current: { unit: 'day', length: commits ? 1 : 0 },
    longest: { unit: 'day', length: commits ? 1 : 0 },
    repos: [],
    postsPerMonth: [],
    postsInWindow: 0,
    published: [],
    warnings: [],
  };
}

function ready(commits: number, scan: { scanning: boolean; progress?: string; fromCache?: boolean }): ShownState {
  const state: TrackerState = { kind: 'ready', strings, model: model(commits), scanning: scan.scanning, progress: scan.progress, fromCache: scan.fromCache ?? false };
  return { state, language: 'en' };
}

describe('tracker webview: redraws during a scan', () => {
  it('a progress message during a scan changes only the status line, so focus on Cancel stays', () => {
    const before = ready(3, { scanning: true, progress: 'Reading repo-a (1 of 3)…' });
    const after = ready(3, { scanning: true, progress: 'Reading repo-b (2 of 3)…' });
    assert.equal(redrawKey(after), redrawKey(before));
    assert.equal(scanStatusText(after.state), 'Reading repo-b (2 of 3)…');
  });

  it('the end of a scan empties the status line without redrawing an unchanged view', () => {
    const scanning = ready(3, { scanning: true, fromCache: true });
    const done = ready(3, { scanning: false });
    assert.equal(redrawKey(done), redrawKey(scanning));
    assert.equal(scanStatusText(scanning.state), 'Shown from the last scan');
    assert.equal(scanStatusText(done.state), undefined);
  });

  it('new counts from a scan redraw the view', () => {
    assert.notEqual(redrawKey(ready(4, { scanning: true })), redrawKey(ready(3, { scanning: true })));
  });

  it('a change of display language redraws the view', () => {
    const state = ready(3, { scanning: false });
    assert.notEqual(redrawKey({ ...state, language: 'de' }), redrawKey(state));
  });
});

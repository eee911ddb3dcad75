import assert from 'node:assert/strict';
import { fake } from './fake-vscode'; // before the modules that import 'vscode'
import type { TrackerModel, TrackerState, TrackerStreakView } from '../../../src/core/protocol/tracker';
import { TrackerStatusBar } from '../../../src/extension/tracker/tracker-status-bar';
import { trackerStrings } from '../../../src/extension/tracker/tracker-strings';

// The streak in the status bar, as its tooltip and screen reader label read.

function readyState(current: TrackerStreakView, longest: TrackerStreakView): TrackerState {
  const model = { current, longest } as unknown as TrackerModel;
  return { kind: 'ready', strings: trackerStrings(), model, scanning: false, fromCache: false };
}

function show(state: TrackerState): { label: string; tooltip: string } {
  let fire: (state: TrackerState) => void = () => undefined;
  const bar = new TrackerStatusBar((listener) => {
    fire = listener;
    return { dispose: () => undefined };
  });
  fire(state);
  const item = fake.items[fake.items.length - 1];
  bar.dispose();
  return { label: item.accessibilityInformation?.label ?? '', tooltip: item.tooltip?.value ?? '' };
}

describe('tracker status bar', () => {
  afterEach(() => {
    fake.language = 'en';
  });

  it('says "1 day" for a one-day streak and "12 days" for longer ones', () => {
    const shown = show(readyState({ unit: 'day', length: 1, start: '2024-03-05', end: '2024-03-05' }, { unit: 'day', length: 12 }));
    assert.equal(shown.label, 'Learning streak: 1 day');
    assert.match(shown.tooltip, /Longest: 12 days/);
  });

  it('says "1 week" in weekly mode, and "at risk this week" when it is', () => {
    const shown = show(readyState({ unit: 'week', length: 1, atRisk: true }, { unit: 'week', length: 1 }));
    assert.equal(shown.label, 'Learning streak: 1 week, at risk this week');
    assert.match(shown.tooltip, /Longest: 1 week/);
    assert.match(shown.tooltip, /something this week to keep it going/);
    assert.doesNotMatch(shown.tooltip, /today/);
  });

  it('shows the streak dates in the display language, not as YYYY-MM-DD', () => {
    fake.language = 'en-US';
    const shown = show(readyState({ unit: 'day', length: 3, start: '2024-03-03', end: '2024-03-05' }, { unit: 'day', length: 3 }));
    assert.match(shown.tooltip, /Mar 3, 2024 to Mar 5, 2024/);
    assert.doesNotMatch(shown.tooltip, /2024-03/);
  });
});

// Pure (no DOM): how much of the tracker view a new state has to redraw. A scan sends its
// progress several times a second; rebuilding the view for each one would move keyboard
// focus off the Cancel button and make screen readers announce the heatmap again.
import type { TrackerState } from '../../core/protocol/tracker';

export interface ShownState {
  readonly state: TrackerState;
  readonly language: string;
}

/** Equal keys mean the two states differ only in the status line, which is updated in place. */
export function redrawKey({ state, language }: ShownState): string {
  return JSON.stringify({ ...state, scanning: undefined, progress: undefined, fromCache: undefined, language });
}

/** The status line's text while history is being read, or undefined when idle. */
export function scanStatusText(state: TrackerState): string | undefined {
  const s = state.strings;
  if (state.kind === 'loading') return state.progress ?? s.loading;
  if (state.kind === 'ready' && state.scanning) return state.progress ?? (state.fromCache ? s.fromCache : s.scanning);
  return undefined;
}

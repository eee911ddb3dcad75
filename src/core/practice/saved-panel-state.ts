// Pure logic: stays free of vscode.
// The practice panel's saved state, as VS Code gives it back after a window reload. It was
// stored by the webview, so it is checked field by field; anything odd restores nothing.
import type { SavedPanelState, SessionState } from '../protocol/practice';

const REASONS: ReadonlySet<string> = new Set(['due', 'new', 'leastRecent', 'chosen']);
const MAX_KEY_POINTS = 64;

/** The state to save for a session screen, or undefined when no question is on it. */
export function savedStateOf(state: SessionState): SavedPanelState | undefined {
  if (state.phase === 'done' || !state.question) return undefined;
  return {
    key: state.question.key,
    reason: state.question.reason,
    revealed: state.phase === 'revealed',
    checked: state.keyPoints.map((p) => p.checked),
  };
}

export function parseSavedPanelState(value: unknown): SavedPanelState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.key !== 'string' || v.key.length === 0 || v.key.length > 500) return undefined;
  const reason = typeof v.reason === 'string' && REASONS.has(v.reason) ? (v.reason as SavedPanelState['reason']) : 'chosen';
  const checked = Array.isArray(v.checked) ? v.checked.slice(0, MAX_KEY_POINTS).map((c) => c === true) : [];
  return { key: v.key, reason, revealed: v.revealed === true, checked };
}

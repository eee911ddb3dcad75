import assert from 'node:assert/strict';
import { parseSavedPanelState, savedStateOf } from '../../../src/core/practice/saved-panel-state';
import type { SessionState } from '../../../src/core/protocol/practice';

function session(over: Partial<SessionState>): SessionState {
  return {
    mode: 'session',
    strings: {} as SessionState['strings'],
    phase: 'answering',
    remaining: 0,
    userAnswer: [],
    modelAnswer: [],
    keyPoints: [],
    sources: [],
    ratings: [],
    revealShortcut: 'Alt+0',
    ...over,
  };
}

describe('practice panel saved state (window reload)', () => {
  it('saves the question, why it came up, whether it was revealed and which key points were ticked', () => {
    const state = session({
      phase: 'revealed',
      question: { key: 'ml-interview/precision-vs-recall', text: [], deckName: 'ML', reason: 'due' },
      keyPoints: [{ text: [], checked: true }, { text: [], checked: false }],
    });
    assert.deepEqual(savedStateOf(state), { key: 'ml-interview/precision-vs-recall', reason: 'due', revealed: true, checked: [true, false] });
  });

  it('saves nothing for the "done" screen', () => {
    assert.equal(savedStateOf(session({ phase: 'done' })), undefined);
  });

  it('reads back what it saved', () => {
    const saved = { key: 'mine/overfitting', reason: 'new', revealed: false, checked: [false, true] };
    assert.deepEqual(parseSavedPanelState(JSON.parse(JSON.stringify(saved))), saved);
  });

  it('restores nothing from state that is not ours, and cleans odd fields', () => {
    for (const bad of [undefined, null, 'x', 42, [], {}, { key: '' }, { key: 7 }, { key: 'k'.repeat(501) }]) {
      assert.equal(parseSavedPanelState(bad), undefined, JSON.stringify(bad));
    }
    assert.deepEqual(parseSavedPanelState({ key: 'a/b', reason: '<script>', revealed: 'yes', checked: [1, true, 'true'] }), {
      key: 'a/b',
      reason: 'chosen',
      revealed: false,
      checked: [false, true, false],
    });
  });
});

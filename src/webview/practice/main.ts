// The interview-practice webview. One bundle, two places: the sidebar view (mode "sidebar")
// and the panel beside the answer document (mode "session"). The extension sends the whole
// state; this file only draws it. All user text goes in as text nodes (see shared/dom.ts).
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { InlineSpan, MarkdownBlock } from '../../core/practice/markdown-blocks';
import type { PracticeStrings, PracticeToExtension, PracticeToWebview, SavedPanelState, SessionState, SidebarState } from '../../core/protocol/practice';
import { savedStateOf } from '../../core/practice/saved-panel-state';
import { describeSource } from '../../core/seed-sources';
import { h, replaceChildren } from '../shared/dom';
import { createMessenger } from '../shared/vscode-api';
import { practiceStyles } from './styles';

const messenger = createMessenger<PracticeToExtension, PracticeToWebview>();
const root = document.getElementById('root')!;

const sheet = new CSSStyleSheet();
sheet.replaceSync(practiceStyles);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

/** `{0}`, `{1}` in a localised template. */
function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (values[Number(i)] !== undefined ? String(values[Number(i)]) : m));
}

function icon(name: string, label?: string): HTMLElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': label ? undefined : 'true', 'aria-label': label, role: label ? 'img' : undefined });
}

function spans(list: readonly InlineSpan[]): Node[] {
  return list.map((s) => {
    if (s.code) return h('code', null, s.text);
    let node: Node = document.createTextNode(s.text);
    if (s.italic) node = h('em', null, node);
    if (s.bold) node = h('strong', null, node);
    return node;
  });
}

function blocks(list: readonly MarkdownBlock[]): Node[] {
  return list.map((b) => {
    switch (b.kind) {
      case 'paragraph':
        return h('p', null, ...spans(b.spans));
      case 'heading':
        return h(`h${Math.min(6, b.level + 2)}`, { class: 'md-heading' }, ...spans(b.spans));
      case 'list':
        return h(b.ordered ? 'ol' : 'ul', null, ...b.items.map((item) => h('li', null, ...spans(item))));
      case 'quote':
        return h('blockquote', null, ...spans(b.spans));
      case 'code':
        return h('pre', null, h('code', null, b.text));
      case 'table': {
        const cell = (tag: 'th' | 'td', content: readonly InlineSpan[], column: number) =>
          h(tag, b.align[column] ? { class: `align-${b.align[column]}` } : null, ...spans(content)); // a class: the CSP allows no style attributes
        // In a scrolling box: a wide table must not widen a narrow panel.
        return h(
          'div',
          { class: 'md-table' },
          h(
            'table',
            null,
            h('thead', null, h('tr', null, ...b.header.map((c, i) => cell('th', c, i)))),
            h('tbody', null, ...b.rows.map((row) => h('tr', null, ...row.map((c, i) => cell('td', c, i))))),
          ),
        );
      }
    }
  });
}

// ------------------------------------------------------------------ sidebar

function renderSidebar(state: SidebarState): void {
  const s = state.strings;
  if (state.loading) {
    replaceChildren(root, h('p', { class: 'lip-muted' }, s.loading));
    return;
  }
  const stats = h(
    'div',
    { class: 'stats' },
    h('div', { class: 'stat', 'data-testid': 'due-today' }, h('span', { class: 'stat-value' }, String(state.dueToday)), h('span', { class: 'stat-label' }, s.dueToday)),
    h('div', { class: 'stat', 'data-testid': 'new-today' }, h('span', { class: 'stat-value' }, String(state.newToday)), h('span', { class: 'stat-label' }, s.newToday)),
  );
  const nextDue = h('p', { class: 'next-due', 'data-testid': 'next-due' }, icon('calendar'), ' ', s.nextDue, ': ', h('strong', null, state.nextDue ?? (state.dueToday > 0 ? s.nothingElseScheduled : s.nothingScheduled)));

  // Out of the days gone by this week, today included: on a Tuesday, "1 of 7" read as a bad week.
  const daysSoFar = state.week.findIndex((d) => d.today) + 1 || state.week.length;
  const practisedSoFar = fill(s.daysPractised, state.daysPractisedThisWeek, daysSoFar);
  const week = h(
    'div',
    { class: 'week', role: 'list', 'aria-label': `${s.thisWeek}: ${practisedSoFar}` },
    ...state.week.map((d) =>
      h(
        'span',
        {
          role: 'listitem',
          class: `day${d.practised ? ' practised' : ''}${d.today ? ' today' : ''}`,
          title: d.title,
          'aria-label': `${d.title}${d.practised ? ' ✓' : ''}`,
        },
        h('span', { class: 'day-dot', 'aria-hidden': 'true' }, d.practised ? icon('check') : null),
        h('span', { class: 'day-label', 'aria-hidden': 'true' }, d.label),
      ),
    ),
  );
  const weekBlock = h('section', { class: 'week-block' }, h('h3', null, s.thisWeek), week, h('p', { class: 'lip-muted week-summary' }, practisedSoFar));

  const actions = h(
    'div',
    { class: 'actions' },
    // Today's walk: due questions first, then new ones. With neither, it only says "all done",
    // so it is no longer the view's main action.
    h(
      'vscode-button',
      { block: true, secondary: state.dueToday === 0 && state.newToday === 0, icon: 'play', 'data-testid': 'practise-today', onClick: () => messenger.post({ type: 'practiseDue' }) },
      state.dueToday === 0 && state.newToday > 0 ? s.practiseNew : s.practiseDue,
    ),
    h('vscode-button', { block: true, secondary: true, icon: 'list-selection', onClick: () => messenger.post({ type: 'practiseChoose' }) }, s.practiseChoose),
    state.sessionQuestion
      ? h('a', { href: '#', class: 'continue', onClick: (e: Event) => (e.preventDefault(), messenger.post({ type: 'showSession' })) }, icon('arrow-right'), ' ', fill(s.continueSession, state.sessionQuestion))
      : null,
  );

  const deckList = h(
    'ul',
    { class: 'decks', 'aria-label': s.decks },
    ...state.decks.map((d) =>
      h(
        'li',
        { class: 'deck' },
        h(
          'div',
          { class: 'deck-row' },
          icon(d.origin === 'builtin' ? 'book' : d.origin === 'workspace' ? 'folder' : 'device-desktop'),
          h('span', { class: 'deck-name', title: d.file }, d.name),
          h('span', { class: 'deck-origin lip-muted', title: d.place ? s.origin[d.origin] : '' }, d.place ?? s.origin[d.origin]),
          d.target
            ? h('button', { class: 'icon-button', title: fill(s.openDeck, d.name), 'aria-label': fill(s.openDeck, d.name), onClick: () => messenger.post({ type: 'openDeck', target: d.target }) }, icon('go-to-file'))
            : null,
        ),
        h('div', { class: 'deck-counts lip-muted' }, d.questions === 1 ? s.questionCount : fill(s.questionsCount, d.questions), d.due > 0 ? ` · ${fill(s.dueCount, d.due)}` : ''),
        ...d.problems.map((p) => problem(s, p)),
      ),
    ),
  );
  const decksHeader = h(
    'div',
    { class: 'section-header' },
    h('h3', null, s.decks),
    h('button', { class: 'icon-button', title: s.importDeck, 'aria-label': s.importDeck, onClick: () => messenger.post({ type: 'importDeck' }) }, icon('cloud-download')),
  );
  const broken = state.brokenDecks.map((p) => problem(s, p, true));
  const history = state.historyProblems.length
    ? h('section', { class: 'history-problems' }, h('h3', null, s.historyProblems), ...state.historyProblems.map((p) => problem(s, p)))
    : null;
  const undo = state.canUndo
    ? h('vscode-button', { class: 'undo', secondary: true, icon: 'discard', onClick: () => messenger.post({ type: 'undo' }) }, s.undo)
    : null;

  replaceChildren(root, h('div', { class: 'sidebar' }, stats, nextDue, actions, weekBlock, decksHeader, deckList, ...broken, history, undo));
}

function problem(s: PracticeStrings, p: { file: string; line?: number; message: string; target?: string }, showFile = false): HTMLElement {
  const where = showFile ? `${p.file}${p.line ? `:${p.line}` : ''}` : p.line ? fill(s.line, p.line) : '';
  const label = where ? h('span', { class: 'problem-where' }, where) : null;
  const body = h('span', null, p.message);
  const content = p.target
    ? h('a', { href: '#', onClick: (e: Event) => (e.preventDefault(), messenger.post({ type: 'openProblem', target: p.target!, line: p.line })) }, label, label ? ' ' : '', body)
    : h('span', null, label, label ? ' ' : '', body);
  return h('div', { class: 'lip-banner error problem', role: 'alert' }, icon('warning'), content);
}

// ------------------------------------------------------------------ session panel

function renderSession(state: SessionState): void {
  const s = state.strings;
  const status = state.lastRated ? h('p', { class: 'last-rated', role: 'status' }, icon('history'), ' ', state.lastRated) : null;

  if (state.phase === 'done' || !state.question) {
    replaceChildren(
      root,
      h(
        'div',
        { class: 'session done' },
        status,
        h('h1', null, icon('pass-filled'), ' ', s.doneTitle),
        h('p', null, s.doneBody),
        state.nextDue ? h('p', null, s.nextDue, ': ', h('strong', null, state.nextDue)) : null,
        h('vscode-button', { secondary: true, icon: 'debug-step-over', onClick: () => messenger.post({ type: 'practiseAhead' }) }, s.practiseAhead),
      ),
    );
    return;
  }
  const q = state.question;
  const header = h(
    'div',
    { class: 'session-header' },
    h('span', { class: `reason reason-${q.reason}` }, s.reason[q.reason]),
    h('span', { class: 'lip-muted' }, q.deckName),
    h('span', { class: 'spacer' }),
    state.remaining > 0 ? h('span', { class: 'lip-muted', 'data-testid': 'remaining' }, fill(s.remaining, state.remaining)) : null,
  );
  const title = h('h1', { class: 'question', 'data-testid': 'question' }, ...spans(q.text));
  const last = state.lastAttempt;
  const lastAttempt = last
    ? h(
        'p',
        { class: 'last-attempt lip-muted', 'data-testid': 'last-attempt' },
        icon('history'),
        h('span', null, last.text),
        last.canOpenAnswer
          ? h('a', { href: '#', 'data-testid': 'open-last-answer', onClick: (e: Event) => (e.preventDefault(), messenger.post({ type: 'openLastAnswer', key: q.key })) }, s.openLastAnswer)
          : null,
      )
    : null;

  if (state.phase === 'answering') {
    replaceChildren(
      root,
      h(
        'div',
        { class: 'session answering' },
        status,
        header,
        title,
        lastAttempt,
        h('p', { class: 'lip-muted' }, icon('edit'), ' ', s.answerHint),
        h(
          'div',
          { class: 'row' },
          h('vscode-button', { icon: 'eye', 'data-testid': 'reveal', title: state.revealShortcut, onClick: () => messenger.post({ type: 'reveal', key: q.key }) }, s.reveal),
          h('vscode-button', { secondary: true, icon: 'go-to-file', onClick: () => messenger.post({ type: 'openAnswer' }) }, s.openAnswer),
          h('kbd', { class: 'shortcut', 'aria-hidden': 'true' }, state.revealShortcut),
        ),
      ),
    );
    return;
  }

  // Revealed: both answers side by side, key points to tick, rating buttons.
  const covered = h('span', { class: 'lip-muted covered', 'aria-live': 'polite' });
  const updateCovered = () => {
    const boxes = [...keyPointList.querySelectorAll('vscode-checkbox')] as (HTMLElement & { checked: boolean })[];
    covered.textContent = fill(s.keyPointsCovered, boxes.filter((b) => b.checked).length, boxes.length);
  };
  const keyPointList = h(
    'div',
    { class: 'key-points', role: 'group', 'aria-label': s.keyPoints },
    ...state.keyPoints.map((p, index) =>
      h(
        'vscode-checkbox',
        {
          checked: p.checked,
          onChange: (e: Event) => {
            const checked = (e.currentTarget as HTMLElement & { checked: boolean }).checked;
            messenger.post({ type: 'toggleKeyPoint', key: q.key, index, checked });
            const saved = messenger.getState<SavedPanelState>();
            if (saved?.key === q.key) messenger.setState<SavedPanelState>({ ...saved, checked: saved.checked.map((c, i) => (i === index ? checked : c)) });
            updateCovered();
          },
        },
        ...spans(p.text),
      ),
    ),
  );
  updateCovered();

  const compare = h(
    'div',
    { class: 'compare' },
    h(
      'section',
      { class: 'answer yours', 'aria-label': s.yourAnswer, 'data-testid': 'your-answer' },
      h('h2', null, icon('account'), ' ', s.yourAnswer),
      state.userAnswer.length ? h('div', { class: 'md' }, ...blocks(state.userAnswer)) : h('p', { class: 'lip-muted' }, s.noAnswerYet),
      h('a', { href: '#', class: 'small-link', onClick: (e: Event) => (e.preventDefault(), messenger.post({ type: 'openAnswer' })) }, s.openAnswer),
    ),
    h(
      'section',
      { class: 'answer model', 'aria-label': s.modelAnswer, 'data-testid': 'model-answer' },
      h('h2', null, icon('lightbulb'), ' ', s.modelAnswer),
      h('div', { class: 'md' }, ...blocks(state.modelAnswer)),
      state.sources.length ? h('p', { class: 'lip-muted source' }, fill(s.source, state.sources.map(describeSource).join('; '))) : null,
    ),
  );
  const keyPoints = state.keyPoints.length
    ? h('section', { class: 'key-points-block' }, h('div', { class: 'section-header' }, h('h2', null, s.keyPoints), covered), keyPointList)
    : null;
  const ratingRow = h(
    'div',
    { class: 'ratings', role: 'group', 'aria-label': s.rateHint },
    ...state.ratings.map((r) =>
      h(
        'div',
        { class: `rating rating-${r.rating}` },
        h('span', { class: 'interval', 'aria-hidden': 'true' }, r.interval),
        h(
          'vscode-button',
          {
            block: true,
            secondary: r.rating !== 'good',
            title: `${r.description} (${r.shortcut})`,
            'aria-label': `${r.description} (${r.shortcut})`,
            'data-testid': `rate-${r.rating}`,
            onClick: () => messenger.post({ type: 'rate', key: q.key, rating: r.rating }),
          },
          r.label,
        ),
        h('kbd', { class: 'shortcut', 'aria-hidden': 'true' }, r.shortcut),
      ),
    ),
  );
  replaceChildren(
    root,
    h(
      'div',
      { class: 'session revealed' },
      status,
      header,
      title,
      lastAttempt,
      compare,
      keyPoints,
      // Stays at the bottom of the panel while a long model answer scrolls under it.
      h('div', { class: 'rating-bar', 'data-testid': 'rating-bar' }, h('h2', { class: 'rate-hint' }, s.rateHint), ratingRow),
    ),
  );
}

// ------------------------------------------------------------------ wiring

messenger.onMessage((message) => {
  if (message.type !== 'state') return;
  document.body.dataset.mode = message.state.mode;
  if (message.state.mode === 'sidebar') {
    renderSidebar(message.state);
  } else {
    // Kept by VS Code, so a window reload reopens the panel on the same question.
    messenger.setState(savedStateOf(message.state) ?? null);
    renderSession(message.state);
  }
});
messenger.post({ type: 'ready' });

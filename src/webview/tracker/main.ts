// The Learning Tracker sidebar: draws the state the extension sends (streaks, heatmap, this
// week, repositories, posts) and sends back what the user asked for (refresh, cancel, trust,
// settings, open a post). Repository names, paths and messages come from git and settings:
// they go in as text (shared/dom.ts, textContent), never as HTML.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { TrackerModel, TrackerState, TrackerStreakView, TrackerStrings, TrackerToExtension, TrackerToWebview } from '../../core/protocol/tracker';
import { h, replaceChildren } from '../shared/dom';
import { createMessenger } from '../shared/vscode-api';
import { fill, formatDay, formatMonthLong, formatMonthShort } from './format';
import { renderHeatmap, renderLegend, type HeatmapHandle } from './heatmap';
import { trackerStyles } from './styles';

interface UiState {
  last?: { state: TrackerState; language: string };
  focusedDay?: string;
}

const messenger = createMessenger<TrackerToExtension, TrackerToWebview>();
const root = document.getElementById('root')!;
// Only the status line and the focused day's sentence are announced, not every redraw.
root.removeAttribute('aria-live');

const sheet = new CSSStyleSheet();
sheet.replaceSync(trackerStyles);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const ui: UiState = messenger.getState<UiState>() ?? {};
let current: { state: TrackerState; language: string } | undefined = ui.last;
let heatmap: HeatmapHandle | undefined;
let lastWidth = 0;

function save(): void {
  messenger.setState<UiState>({ ...ui, last: current });
}

function icon(name: string): HTMLElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

function button(label: string, onClick: () => void, secondary = false): HTMLElement {
  return h('vscode-button', { onClick, secondary, 'aria-label': label }, label);
}

function streakFigure(streak: TrackerStreakView, strings: TrackerStrings, language: string): { figure: string; unit: string } {
  const week = streak.unit === 'week';
  const one = week ? strings.week : strings.day;
  const many = week ? strings.weeks : strings.days;
  const text = streak.length === 1 ? one : fill(many, streak.length.toLocaleString(language));
  // "12 days" → figure "12", unit "days" (keeps the number big and the word small).
  const match = /^(\S+)\s+(.*)$/.exec(text);
  return match && match[1] === streak.length.toLocaleString(language) ? { figure: match[1], unit: match[2] } : { figure: String(streak.length), unit: text };
}

function renderStreak(title: string, streak: TrackerStreakView, strings: TrackerStrings, language: string, isCurrent: boolean): HTMLElement {
  const { figure, unit } = streakFigure(streak, strings, language);
  const range = streak.start && streak.end ? (streak.start === streak.end ? formatDay(streak.start, language) : fill(strings.range, formatDay(streak.start, language), formatDay(streak.end, language))) : undefined;
  const details: (HTMLElement | string)[] = [];
  if (streak.length === 0 && !streak.atRisk) details.push(h('div', { class: 'detail' }, strings.noStreak));
  if (range) details.push(h('div', { class: 'detail' }, range));
  if (isCurrent && streak.atRisk) {
    details.push(h('div', { class: 'detail risk' }, streak.unit === 'week' ? strings.atRiskWeek : strings.atRisk));
    details.push(h('div', { class: 'detail' }, strings.atRiskHint));
  }
  return h(
    'div',
    { class: 'stat', role: 'group', 'aria-label': [title, `${figure} ${unit}`, range, isCurrent && streak.atRisk ? strings.atRisk : ''].filter(Boolean).join(', ') },
    h('div', { class: 'label' }, title),
    h('div', { class: 'figure', 'data-testid': isCurrent ? 'current-streak' : 'longest-streak' }, figure, h('span', { class: 'unit' }, unit), isCurrent && streak.atRisk ? icon('warning') : null),
    ...details,
  );
}

function renderNumbers(model: TrackerModel, strings: TrackerStrings, language: string): HTMLElement {
  const n = (v: number) => v.toLocaleString(language);
  const up = model.commitsThisWeek > model.commitsLastWeek;
  return h(
    'div',
    { class: 'numbers' },
    h('div', null, h('div', { class: `n ${up ? 'trend-up' : ''}`, 'data-testid': 'this-week' }, n(model.commitsThisWeek), up ? icon('arrow-small-up') : null), h('div', { class: 'k' }, strings.thisWeek)),
    h('div', null, h('div', { class: 'n' }, n(model.commitsLastWeek)), h('div', { class: 'k' }, strings.lastWeek)),
    h('div', null, h('div', { class: 'n', 'data-testid': 'active-days' }, n(model.activeDaysInWindow)), h('div', { class: 'k' }, strings.activeDays)),
  );
}

function renderPostsChart(model: TrackerModel, strings: TrackerStrings, language: string): HTMLElement {
  const max = Math.max(1, ...model.postsPerMonth.map((m) => m.posts));
  const summary = model.postsPerMonth.map((m) => fill(strings.monthPosts, formatMonthLong(m.month, language), m.posts)).join(', ');
  const bars = h('div', { class: 'bars', role: 'img', 'aria-label': fill(strings.postsChartLabel, summary) });
  const labels = h('div', { class: 'bar-labels', 'aria-hidden': 'true' });
  for (const m of model.postsPerMonth) {
    const fillEl = h('span');
    fillEl.style.height = `${Math.round((m.posts / max) * 100)}%`; // CSSOM, allowed by the CSP
    bars.appendChild(h('div', { class: `bar ${m.posts === 0 ? 'zero' : ''}`, title: fill(strings.monthPosts, formatMonthLong(m.month, language), m.posts) }, fillEl));
    labels.appendChild(h('span', null, formatMonthShort(m.month, language).slice(0, 1)));
  }
  return h('div', null, bars, labels);
}

function renderPublished(model: TrackerModel, strings: TrackerStrings, language: string): HTMLElement {
  if (model.published.length === 0) return h('p', { class: 'lip-muted' }, strings.noPublished);
  const kindLabel = { post: strings.kindPost, readme: strings.kindReadme, project: strings.kindProject } as const;
  return h(
    'ul',
    { class: 'list', 'data-testid': 'published' },
    ...model.published.map((item) => {
      const name = item.path.slice(item.path.lastIndexOf('/') + 1);
      const label = item.kind === 'post' ? name : `${item.repo}/${item.path}`;
      return h(
        'li',
        null,
        h('span', { class: `kind ${item.kind}` }, kindLabel[item.kind]),
        h(
          'span',
          { class: 'main' },
          item.repoIndex >= 0
            ? h('button', { class: 'link-button', title: `${item.repo}: ${item.path}`, 'aria-label': fill(strings.openFile, item.path), onClick: () => messenger.post({ type: 'openFile', repoIndex: item.repoIndex, path: item.path }) }, label)
            : label,
        ),
        h('span', { class: 'meta' }, formatDay(item.day, language)),
      );
    }),
  );
}

function renderRepos(model: TrackerModel, strings: TrackerStrings, language: string): HTMLElement {
  return h(
    'ul',
    { class: 'list', 'data-testid': 'repositories' },
    ...model.repos.map((repo) =>
      h(
        'li',
        { class: 'repo' },
        icon(repo.status === 'ok' || repo.status === 'empty' ? 'repo' : 'warning'),
        h(
          'span',
          { class: 'main', title: repo.path },
          h('div', null, repo.name),
          repo.message ? h('div', { class: repo.status === 'ok' || repo.status === 'empty' ? 'lip-muted' : 'problem' }, repo.message) : null,
        ),
        repo.status === 'ok'
          ? h('span', { class: 'meta' }, fill(strings.repoCommits, repo.commits.toLocaleString(language), repo.activeDays.toLocaleString(language)), repo.lastDay ? h('div', null, fill(strings.repoLast, formatDay(repo.lastDay, language))) : null)
          : null,
      ),
    ),
  );
}

function renderEmpty(title: string, body: string, ...actions: HTMLElement[]): HTMLElement {
  return h('div', { class: 'empty-state', 'data-testid': 'empty-state' }, h('h2', null, title), h('p', null, body), actions.length > 0 ? h('div', { class: 'empty-actions' }, ...actions) : null);
}

function statusLine(state: Extract<TrackerState, { kind: 'ready' }>): HTMLElement {
  const s = state.strings;
  const line = h('div', { class: 'status-line', role: 'status' });
  if (state.scanning) {
    line.append(icon('sync~spin'), h('span', { class: 'grow' }, state.progress ?? (state.fromCache ? s.fromCache : s.scanning)), h('button', { class: 'link-button', onClick: () => messenger.post({ type: 'cancel' }) }, s.cancel));
  }
  // When idle the line stays empty: Refresh is in the view's title bar.
  return line;
}

/** The width inside #root's padding, where the heatmap must fit. */
function contentWidth(): number {
  const style = getComputedStyle(root);
  return (root.clientWidth || document.body.clientWidth) - parseFloat(style.paddingLeft || '0') - parseFloat(style.paddingRight || '0');
}

function render(): void {
  if (!current) return;
  const { state, language } = current;
  const s = state.strings;
  heatmap = undefined;
  switch (state.kind) {
    case 'untrusted':
      replaceChildren(root, renderEmpty(s.untrustedTitle, s.untrustedBody, button(s.manageTrust, () => messenger.post({ type: 'manageTrust' }))));
      return;
    case 'no-repositories':
      replaceChildren(
        root,
        state.folderOpen
          ? renderEmpty(s.noRepositoriesTitle, s.noRepositoriesBody, button(s.openSettings, () => messenger.post({ type: 'openSettings' }), true))
          : renderEmpty(s.noRepositoriesTitle, s.noRepositoriesBody, button(s.openFolder, () => messenger.post({ type: 'openFolder' })), button(s.openSettings, () => messenger.post({ type: 'openSettings' }), true)),
      );
      return;
    case 'loading':
      replaceChildren(root, h('div', { class: 'status-line', role: 'status' }, icon('sync~spin'), h('span', { class: 'grow' }, state.progress ?? s.loading)));
      return;
    case 'error':
      replaceChildren(
        root,
        h('div', { class: 'lip-banner error', role: 'alert' }, icon('error'), h('div', null, h('div', null, state.message), h('div', { class: 'banner-actions' }, button(s.refresh, () => messenger.post({ type: 'refresh' }))))),
      );
      return;
    case 'ready':
      renderReady(state, language);
  }
}

function renderReady(state: Extract<TrackerState, { kind: 'ready' }>, language: string): void {
  const { model, strings: s } = state;
  const width = Math.max(160, contentWidth());
  lastWidth = width;
  const detail = h('div', { class: 'cell-detail', 'aria-live': 'polite', 'data-testid': 'cell-detail' });
  heatmap = renderHeatmap(model, s, language, width, (cell, text) => {
    detail.textContent = text;
    ui.focusedDay = cell.day;
    save();
  }, ui.focusedDay);
  const heatmapSummary = fill(s.heatmapLabel, model.commitsInWindow.toLocaleString(language), model.activeDaysInWindow.toLocaleString(language));
  replaceChildren(
    root,
    statusLine(state),
    state.error ? h('div', { class: 'lip-banner error', role: 'alert' }, icon('error'), h('div', null, state.error)) : null,
    h('div', { class: 'streaks' }, renderStreak(s.currentStreak, model.current, s, language, true), renderStreak(s.longestStreak, model.longest, s, language, false)),
    renderNumbers(model, s, language),
    h('h2', { class: 'section' }, s.lastTwelveMonths),
    h('div', { class: 'lip-muted summary', id: 'heatmap-summary' }, heatmapSummary),
    h('div', { role: 'group', 'aria-labelledby': 'heatmap-summary', 'data-testid': 'heatmap' }, heatmap.element, renderLegend(s), detail),
    h('h2', { class: 'section' }, s.postsPerMonth),
    renderPostsChart(model, s, language),
    h('h2', { class: 'section' }, s.published),
    renderPublished(model, s, language),
    h('h2', { class: 'section' }, s.repositories),
    renderRepos(model, s, language),
    model.warnings.length ? h('div', { class: 'warnings' }, ...model.warnings.map((w) => h('div', { class: 'lip-banner info' }, icon('info'), h('div', null, w)))) : null,
  );
}

messenger.onMessage((message) => {
  if (message.type !== 'state') return;
  // Keep keyboard focus on the heatmap across redraws.
  const hadFocus = root.querySelector('.heatmap')?.contains(document.activeElement);
  current = { state: message.state, language: message.language };
  save();
  render();
  if (hadFocus && ui.focusedDay) heatmap?.focusDay(ui.focusedDay);
});

new ResizeObserver(() => {
  const width = contentWidth();
  // Redraw only when the heatmap's layout could change.
  if (current?.state.kind === 'ready' && Math.abs(width - lastWidth) > 24) render();
}).observe(root);

render(); // the last state this view showed, until the extension answers
messenger.post({ type: 'ready' });

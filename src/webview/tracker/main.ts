// The Learning Tracker sidebar: draws the state the extension sends (streaks, heatmap, this
// week, repositories, posts) and sends back what the user asked for (refresh, cancel, trust,
// settings, open a post). Repository names, paths and messages come from git and settings:
// they go in as text (shared/dom.ts, textContent), never as HTML.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { TrackerModel, TrackerState, TrackerStreakView, TrackerStrings, TrackerToExtension, TrackerToWebview } from '../../core/protocol/tracker';
import { h, replaceChildren } from '../shared/dom';
import { createMessenger } from '../shared/vscode-api';
import { commitsOnDays, fill, formatDay, formatMonthShort, monthPosts, noStreakDetail, streakFigure } from './format';
import { renderHeatmap, renderLegend, type HeatmapHandle } from './heatmap';
import { trackerStyles } from './styles';
import { redrawKey, scanStatusText } from './view-updates';

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
// The status line on screen and the key of the state drawn around it: a state with the same
// key only changes the line's text, so its Cancel button (and any focus) stays put.
let statusLineEl: HTMLElement | undefined;
let shownKey: string | undefined;

function save(): void {
  messenger.setState<UiState>({ ...ui, last: current });
}

function icon(name: string): HTMLElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

function button(label: string, onClick: () => void, secondary = false): HTMLElement {
  return h('vscode-button', { onClick, secondary, 'aria-label': label }, label);
}

function renderStreak(title: string, streak: TrackerStreakView, strings: TrackerStrings, language: string, isCurrent: boolean, lastActiveDay?: string): HTMLElement {
  const { figure, unit } = streakFigure(streak, strings, language);
  const range = streak.start && streak.end ? (streak.start === streak.end ? formatDay(streak.start, language) : fill(strings.range, formatDay(streak.start, language), formatDay(streak.end, language))) : undefined;
  const details: (HTMLElement | string)[] = [];
  if (streak.length === 0 && !streak.atRisk) details.push(h('div', { class: 'detail' }, noStreakDetail(strings, isCurrent, lastActiveDay, language)));
  if (range) details.push(h('div', { class: 'detail' }, range));
  if (isCurrent && streak.atRisk) {
    const week = streak.unit === 'week';
    details.push(h('div', { class: 'detail risk' }, week ? strings.atRiskWeek : strings.atRisk));
    // A state saved by an older version lacks the weekly hint.
    details.push(h('div', { class: 'detail' }, week ? (strings.atRiskHintWeek ?? strings.atRiskHint) : strings.atRiskHint));
  }
  return h(
    'div',
    { class: 'stat', role: 'group', 'aria-label': [title, [figure, unit].filter(Boolean).join(' '), range, isCurrent && streak.atRisk ? (streak.unit === 'week' ? strings.atRiskWeek : strings.atRisk) : ''].filter(Boolean).join(', ') },
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
    h('div', { title: strings.thisWeekHint }, h('div', { class: `n ${up ? 'trend-up' : ''}`, 'data-testid': 'this-week' }, n(model.commitsThisWeek), up ? icon('arrow-small-up') : null), h('div', { class: 'k' }, strings.thisWeek)),
    h('div', { title: strings.lastWeekHint }, h('div', { class: 'n' }, n(model.commitsLastWeek)), h('div', { class: 'k' }, strings.lastWeek)),
    h('div', { title: strings.activeDaysHint, 'data-testid': 'active-days-stat' }, h('div', { class: 'n', 'data-testid': 'active-days' }, n(model.activeDaysInWindow)), h('div', { class: 'k' }, strings.activeDays)),
  );
}

/** Height kept above the bars for the number of posts (see .bars .count). */
const COUNT_ROOM = 13;

function renderPostsChart(model: TrackerModel, strings: TrackerStrings, language: string): HTMLElement {
  const max = Math.max(1, ...model.postsPerMonth.map((m) => m.posts));
  const summary = model.postsPerMonth.map((m) => monthPosts(strings, m.month, m.posts, language)).join(', ');
  const bars = h('div', { class: 'bars', role: 'img', 'aria-label': fill(strings.postsChartLabel, summary) });
  const labels = h('div', { class: 'bar-labels', 'aria-hidden': 'true' });
  for (const m of model.postsPerMonth) {
    const fillEl = h('span');
    // CSSOM, allowed by the CSP; the top COUNT_ROOM px stay free for the count.
    fillEl.style.height = `calc((100% - ${COUNT_ROOM}px) * ${(m.posts / max).toFixed(3)})`;
    const count = m.posts > 0 ? h('div', { class: 'count', 'aria-hidden': 'true' }, m.posts.toLocaleString(language)) : null;
    bars.appendChild(h('div', { class: `bar ${m.posts === 0 ? 'zero' : ''}`, title: monthPosts(strings, m.month, m.posts, language) }, count, fillEl));
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
      // A post by its title (its file name when it has none); READMEs and projects by path.
      const label = item.kind === 'post' ? (item.title ?? name) : `${item.repo}/${item.path}`;
      return h(
        'li',
        null,
        h('span', { class: `kind ${item.kind}` }, kindLabel[item.kind]),
        h(
          'span',
          { class: 'main' },
          item.repoIndex >= 0
            ? h('button', { class: 'link-button', title: `${item.repo}: ${item.path}`, 'aria-label': fill(strings.openFile, label), onClick: () => messenger.post({ type: 'openFile', repoIndex: item.repoIndex, path: item.path }) }, label)
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
          ? h('span', { class: 'meta' }, commitsOnDays(strings, repo.commits, repo.activeDays, language), repo.lastDay ? h('div', null, fill(strings.repoLast, formatDay(repo.lastDay, language))) : null)
          : null,
      ),
    ),
  );
}

/** Repositories the tracker could not read (a wrong path in the settings, say), with the way to fix it. */
function renderProblems(model: TrackerModel, strings: TrackerStrings): HTMLElement | null {
  const problems = model.repos.filter((r) => r.status === 'missing' || r.status === 'not-a-repo' || r.status === 'error');
  if (problems.length === 0) return null;
  return h(
    'div',
    { class: 'lip-banner', role: 'status', 'data-testid': 'tracker-problems' },
    icon('warning'),
    h('div', null, ...problems.map((r) => h('div', { title: r.path }, r.message ?? r.name)), h('div', { class: 'banner-actions' }, button(strings.openSettings, () => messenger.post({ type: 'openSettings' }), true))),
  );
}

function renderEmpty(title: string, body: string, ...actions: HTMLElement[]): HTMLElement {
  return h('div', { class: 'empty-state', 'data-testid': 'empty-state' }, h('h2', null, title), h('p', null, body), actions.length > 0 ? h('div', { class: 'empty-actions' }, ...actions) : null);
}

function statusLine(state: TrackerState): HTMLElement {
  statusLineEl = h('div', { class: 'status-line', role: 'status' });
  updateStatusLine(statusLineEl, state);
  return statusLineEl;
}

function updateStatusLine(line: HTMLElement, state: TrackerState): void {
  const text = scanStatusText(state);
  // When idle the line stays empty: Refresh is in the view's title bar.
  if (text === undefined) {
    line.replaceChildren();
    return;
  }
  const shown = line.querySelector('.grow');
  if (shown) {
    if (shown.textContent !== text) shown.textContent = text;
    return;
  }
  const cancel = state.kind === 'ready' ? h('button', { class: 'link-button', onClick: () => messenger.post({ type: 'cancel' }) }, state.strings.cancel) : null;
  replaceChildren(line, icon('sync~spin'), h('span', { class: 'grow' }, text), cancel);
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
  statusLineEl = undefined;
  shownKey = redrawKey(current);
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
      replaceChildren(root, statusLine(state));
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
  heatmap = renderHeatmap(model, s, language, width, (cell, text, by) => {
    detail.textContent = text;
    // Only the day chosen by keyboard or click is remembered; hovering is not worth a save.
    if (by === 'focus' && ui.focusedDay !== cell.day) {
      ui.focusedDay = cell.day;
      save();
    }
  }, ui.focusedDay);
  const heatmapSummary = commitsOnDays(s, model.commitsInWindow, model.commitDaysInWindow, language);
  replaceChildren(
    root,
    statusLine(state),
    state.error ? h('div', { class: 'lip-banner error', role: 'alert' }, icon('error'), h('div', null, state.error)) : null,
    // Problems to act on come first, not under the list of repositories below the fold.
    renderProblems(model, s),
    model.warnings.length ? h('div', { class: 'warnings', 'data-testid': 'tracker-notes' }, ...model.warnings.map((w) => h('div', { class: 'lip-banner info' }, icon('info'), h('div', null, w)))) : null,
    h('div', { class: 'streaks' }, renderStreak(s.currentStreak, model.current, s, language, true, model.lastActiveDay), renderStreak(s.longestStreak, model.longest, s, language, false)),
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
  );
}

messenger.onMessage((message) => {
  if (message.type !== 'state') return;
  // Keep keyboard focus on the heatmap across redraws.
  const hadFocus = root.querySelector('.heatmap')?.contains(document.activeElement);
  const next = { state: message.state, language: message.language };
  if (statusLineEl && current && redrawKey(next) === shownKey) {
    const wasScanning = scanStatusText(current.state) !== undefined;
    current = next;
    updateStatusLine(statusLineEl, next.state);
    // Progress alone is not saved; the end (or start) of a scan is.
    if (wasScanning !== (scanStatusText(next.state) !== undefined)) save();
    return;
  }
  current = next;
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

// The current streak in the status bar; a click opens the Learning Tracker. Hidden when the
// setting says so, in an untrusted workspace, and before there is anything to show.
import * as vscode from 'vscode';
import type { TrackerState, TrackerStreakView } from '../../core/protocol/tracker';
import { formatDay } from '../../webview/tracker/format';
import { TRACKER_SECTION } from './tracker-settings';

export class TrackerStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private lastState: TrackerState | undefined;

  constructor(onDidChangeState: vscode.Event<TrackerState>) {
    this.item = vscode.window.createStatusBarItem('learnInPublic.tracker.streak', vscode.StatusBarAlignment.Left, -10);
    this.item.name = vscode.l10n.t('Learning Streak');
    this.item.command = 'learnInPublic.tracker.show';
    this.disposables.push(
      this.item,
      onDidChangeState((state) => this.update(state)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${TRACKER_SECTION}.showStatusBar`) && this.lastState) this.update(this.lastState);
      }),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private update(state: TrackerState): void {
    this.lastState = state;
    const enabled = vscode.workspace.getConfiguration(TRACKER_SECTION).get<boolean>('showStatusBar', true) !== false;
    if (!enabled || state.kind !== 'ready') {
      this.item.hide();
      return;
    }
    const { current, longest } = state.model;
    const language = vscode.env.language;
    this.item.text = current.atRisk ? `$(flame) ${current.length} $(warning)` : `$(flame) ${current.length}`;
    const length = streakLength(current, language);
    const headline = !current.atRisk
      ? vscode.l10n.t('Learning streak: {0}', length)
      : current.unit === 'week'
        ? vscode.l10n.t('Learning streak: {0}, at risk this week', length)
        : vscode.l10n.t('Learning streak: {0}, at risk today', length);
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${headline}**`);
    if (current.start && current.end) tooltip.appendMarkdown(`  \n${vscode.l10n.t('{0} to {1}', formatDay(current.start, language), formatDay(current.end, language))}`);
    tooltip.appendMarkdown(`  \n${vscode.l10n.t('Longest: {0}', streakLength(longest, language))}`);
    if (current.atRisk) {
      const hint = current.unit === 'week' ? vscode.l10n.t('Commit or publish something this week to keep it going.') : vscode.l10n.t('Commit or publish something today to keep it going.');
      tooltip.appendMarkdown(`  \n${hint}`);
    }
    tooltip.appendMarkdown(`  \n\n${vscode.l10n.t('Click to open the Learning Tracker.')}`);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: headline, role: 'button' };
    this.item.show();
  }
}

/** "1 day", "12 days", "1 week"…: one key per form, so each language can say it its own way. */
function streakLength(streak: TrackerStreakView, language: string): string {
  const n = streak.length.toLocaleString(language);
  if (streak.unit === 'week') return streak.length === 1 ? vscode.l10n.t('1 week') : vscode.l10n.t('{0} weeks', n);
  return streak.length === 1 ? vscode.l10n.t('1 day') : vscode.l10n.t('{0} days', n);
}

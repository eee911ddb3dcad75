// The current streak in the status bar; a click opens the Learning Tracker. Hidden when the
// setting says so, in an untrusted workspace, and before there is anything to show.
import * as vscode from 'vscode';
import type { TrackerState } from '../../core/protocol/tracker';
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
    const unit = current.unit === 'week' ? vscode.l10n.t('weeks') : vscode.l10n.t('days');
    this.item.text = current.atRisk ? `$(flame) ${current.length} $(warning)` : `$(flame) ${current.length}`;
    const headline = current.atRisk
      ? vscode.l10n.t('Learning streak: {0} {1}, at risk today', current.length, unit)
      : vscode.l10n.t('Learning streak: {0} {1}', current.length, unit);
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${headline}**`);
    if (current.start && current.end) tooltip.appendMarkdown(`  \n${vscode.l10n.t('{0} to {1}', current.start, current.end)}`);
    tooltip.appendMarkdown(`  \n${vscode.l10n.t('Longest: {0} {1}', longest.length, unit)}`);
    if (current.atRisk) tooltip.appendMarkdown(`  \n${vscode.l10n.t('Commit or publish something today to keep it going.')}`);
    tooltip.appendMarkdown(`  \n\n${vscode.l10n.t('Click to open the Learning Tracker.')}`);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: headline, role: 'button' };
    this.item.show();
  }
}

// The Learning Tracker: its sidebar view, status bar item and commands. Registering is cheap:
// git, the scan and the cache load on first use (the view opening, a command, or — when the
// workspace is trusted and the status bar item is on — a moment after activation, which
// happens at startup; trust granted later starts it from the service).
import * as vscode from 'vscode';
import type { FeatureContext } from '../feature-context';
import { TRACKER_VIEW_ID, TrackerService } from './tracker-service';
import { TRACKER_SECTION } from './tracker-settings';
import { TrackerStatusBar } from './tracker-status-bar';
import { TrackerViewProvider } from './tracker-view';

export function registerTracker(feature: FeatureContext): void {
  const service = new TrackerService(feature);
  const provider = new TrackerViewProvider(feature, service);
  const statusBar = new TrackerStatusBar(service.onDidChangeState);
  feature.context.subscriptions.push(
    service,
    provider,
    statusBar,
    vscode.window.registerWebviewViewProvider(TRACKER_VIEW_ID, provider),
    vscode.commands.registerCommand('learnInPublic.tracker.refresh', () => service.refresh()),
    vscode.commands.registerCommand('learnInPublic.tracker.show', async () => {
      await vscode.commands.executeCommand(`${TRACKER_VIEW_ID}.focus`);
      service.start();
    }),
  );
  // The status bar streak needs a scan even when the view stays closed: start it once the
  // window has settled, only where git may run (a cached result makes it a no-git check).
  if (vscode.workspace.isTrusted && vscode.workspace.getConfiguration(TRACKER_SECTION).get<boolean>('showStatusBar', true) !== false) {
    const timer = setTimeout(() => service.start(), 3000);
    feature.context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  }
}

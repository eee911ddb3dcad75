// The Learning Tracker sidebar view: a webview that draws the service's state. It is not
// kept alive when hidden; on `ready` it gets the whole state again.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TrackerToExtension, TrackerToWebview } from '../../core/protocol/tracker';
import { publishedItemToOpen } from '../../core/tracker/tracker-view-model';
import type { FeatureContext } from '../feature-context';
import { renderWebviewHtml, webviewOptions } from '../webview-host';
import type { TrackerService } from './tracker-service';
import { trackerStrings } from './tracker-strings';

export class TrackerViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly feature: FeatureContext,
    private readonly service: TrackerService,
  ) {
    this.disposables.push(service.onDidChangeState((state) => this.post({ type: 'state', state, language: vscode.env.language })));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const { extensionUri } = this.feature.context;
    view.webview.options = webviewOptions(extensionUri);
    view.webview.html = renderWebviewHtml(view.webview, extensionUri, { entry: 'tracker', title: vscode.l10n.t('Learning Tracker'), loading: vscode.l10n.t('Loading the learning tracker…') });
    const subscriptions = [
      view.webview.onDidReceiveMessage((message: TrackerToExtension) => void this.handle(message)),
      // Coming back into view is a good moment to catch up (cheap when nothing changed).
      view.onDidChangeVisibility(() => {
        if (view.visible) this.service.scheduleRefresh(0);
      }),
    ];
    view.onDidDispose(() => {
      if (this.view === view) this.view = undefined;
      for (const s of subscriptions) s.dispose();
    });
    this.service.start();
  }

  private post(message: TrackerToWebview): void {
    void this.view?.webview.postMessage(message);
  }

  private async handle(message: TrackerToExtension): Promise<void> {
    // The webview's messages are checked, not trusted: a malformed one is dropped.
    if (typeof message !== 'object' || message === null || typeof (message as { type?: unknown }).type !== 'string') return;
    try {
      switch (message.type) {
        case 'ready':
          this.post({
            type: 'state',
            state: this.service.currentState ?? { kind: 'loading', strings: trackerStrings() },
            language: vscode.env.language,
          });
          this.service.start();
          break;
        case 'webviewError':
          this.feature.log.error(`Tracker webview: ${message.message}${message.stack ? `\n${message.stack}` : ''}`);
          break;
        case 'refresh':
          await this.service.refresh();
          break;
        case 'cancel':
          this.service.cancel();
          break;
        case 'manageTrust':
          await vscode.commands.executeCommand('workbench.trust.manage');
          break;
        case 'openSettings':
          await vscode.commands.executeCommand('workbench.action.openSettings', 'learnInPublic.tracker');
          break;
        case 'openFolder':
          await vscode.commands.executeCommand('workbench.action.files.openFolder');
          break;
        case 'openFile':
          await this.openFile(message);
          break;
      }
    } catch (err) {
      this.feature.log.error(`Tracker: ${message.type} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
  }

  /**
   * Opens a published file: only one the view lists, and never a path that leaves its
   * repository (`..`, or a committed symlink pointing elsewhere).
   */
  private async openFile(message: unknown): Promise<void> {
    const state = this.service.currentState;
    if (state?.kind !== 'ready') return;
    const found = publishedItemToOpen(state.model, message);
    if (!found) return;
    const { repo, item } = found;
    const relative = item.path;
    const { leavesFolder, resolveInside } = await import('../../core/safe-fs');
    let file: string;
    try {
      file = resolveInside(repo.path, relative);
      const [realRoot, realFile] = await Promise.all([fs.realpath(repo.path), fs.realpath(file)]);
      const inside = path.relative(realRoot, realFile);
      if (inside === '' || leavesFolder(inside)) throw new Error('outside the repository');
    } catch {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is no longer in {1}.', relative, repo.name));
      return;
    }
    await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: true });
  }
}

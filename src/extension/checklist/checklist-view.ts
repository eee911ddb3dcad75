// The Career Checklist sidebar: a webview view that renders the controller's state. The
// webview is not kept alive when hidden; it asks for the state again with `ready`.
import * as vscode from 'vscode';
import type { ChecklistToExtension, ChecklistToWebview } from '../../core/protocol/checklist';
import type { FeatureContext } from '../feature-context';
import { renderWebviewHtml, webviewOptions } from '../webview-host';
import type { ChecklistController } from './checklist-controller';
import { sayError } from '../notices';

export const CHECKLIST_VIEW_ID = 'learnInPublic.checklist';

export class ChecklistViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  /** An item to focus once the webview is ready (it may be loading when asked). */
  private pendingFocus: string | undefined;
  private webviewReady = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly feature: FeatureContext,
    private readonly controller: ChecklistController,
  ) {
    this.disposables.push(
      controller.onDidChangeState((state) => {
        this.post({ type: 'state', state });
        // Short: the header shares its row with four toolbar buttons ("2 of 107 done" showed as "2 …").
        if (this.view) this.view.description = state.total > 0 ? `${state.done}/${state.total}` : undefined;
      }),
      controller.onNotice((notice) => this.post({ type: 'notice', ...notice })),
    );
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.webviewReady = false;
    const { extensionUri } = this.feature.context;
    view.webview.options = webviewOptions(extensionUri);
    view.webview.html = renderWebviewHtml(view.webview, extensionUri, { entry: 'checklist', title: vscode.l10n.t('Career Checklist'), loading: vscode.l10n.t('Loading the checklist…') });
    const subscriptions: vscode.Disposable[] = [
      view.webview.onDidReceiveMessage((message: ChecklistToExtension) => void this.handle(message)),
    ];
    view.onDidDispose(() => {
      if (this.view === view) {
        this.view = undefined;
        this.webviewReady = false;
      }
      for (const subscription of subscriptions) subscription.dispose();
    });
  }

  /** Moves keyboard focus to an item in the sidebar (e.g. one just added by command). */
  focusItem(key: string): void {
    if (this.view && this.webviewReady) this.post({ type: 'focusItem', key });
    else this.pendingFocus = key;
  }

  private post(message: ChecklistToWebview): void {
    void this.view?.webview.postMessage(message);
  }

  private async handle(message: ChecklistToExtension): Promise<void> {
    const controller = this.controller;
    try {
      switch (message.type) {
        case 'ready': {
          const state = controller.currentState ?? (await controller.refresh());
          this.post({ type: 'state', state });
          this.webviewReady = true;
          if (this.pendingFocus) this.post({ type: 'focusItem', key: this.pendingFocus });
          this.pendingFocus = undefined;
          // Catch up with anything that changed while the view was hidden.
          controller.scheduleRefresh(0);
          break;
        }
        case 'webviewError':
          this.feature.log.error(`Checklist webview: ${message.message}${message.stack ? `\n${message.stack}` : ''}`);
          break;
        case 'setChecked':
          await controller.setChecked(message.key, message.checked);
          break;
        case 'setNote':
          await controller.setNote(message.key, message.note);
          break;
        case 'setHidden':
          await controller.setHidden(message.key, message.hidden);
          break;
        case 'addItem': {
          const key = await controller.addItem(message.sectionKey, message.title);
          if (key) this.post({ type: 'itemAdded', key });
          break;
        }
        case 'editTitle':
          await controller.editTitle(message.key, message.title);
          break;
        case 'removeItem':
          await controller.removeItem(message.key);
          break;
        case 'runAction':
          await controller.runAction(message.key);
          break;
        case 'openFile':
          await controller.openFile(message.line);
          break;
        case 'bannerAction':
          switch (message.action) {
            case 'createFile':
              await controller.createFile();
              break;
            case 'fillEmpty':
              await controller.fillEmpty();
              break;
            case 'addMissing':
              await controller.addMissing();
              break;
            case 'restoreBuiltIn':
              await controller.restoreBuiltIn();
              break;
            case 'openFile':
              await controller.openFile();
              break;
            case 'chooseLocation':
              await vscode.commands.executeCommand('learnInPublic.checklist.chooseLocation');
              break;
            case 'retry':
              await controller.refresh();
              break;
          }
          break;
      }
    } catch (err) {
      this.feature.log.error(`Checklist: handling "${message.type}" failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      this.post({ type: 'notice', severity: 'error', message: vscode.l10n.t('Something went wrong: {0}', sayError(err)) });
    }
  }
}

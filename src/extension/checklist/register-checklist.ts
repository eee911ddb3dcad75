// The Career Checklist: the sidebar view, its commands and settings. Registering is cheap;
// the catalog and the Markdown parser (with its YAML front matter) load when the view first asks for them.
import * as vscode from 'vscode';
import { completedDaysKey } from '../../core/checklist/completed-days';
import type { FeatureContext } from '../feature-context';
import { learningActivityChanged } from '../learning-activity';
import { addChecklistItem, chooseChecklistLocation } from './checklist-commands';
import { ChecklistController } from './checklist-controller';
import { registerChecklistDiagnostics } from './checklist-diagnostics';
import { CHECKLIST_VIEW_ID, ChecklistViewProvider } from './checklist-view';

export function registerChecklist(feature: FeatureContext): void {
  const controller = new ChecklistController(feature);
  const provider = new ChecklistViewProvider(feature, controller);
  let daysDone: string | undefined;
  feature.context.subscriptions.push(
    controller,
    provider,
    registerChecklistDiagnostics(controller),
    // A step ticked (or unticked) can start or save today's streak in the tracker; a note or
    // an item's text typed in the editor cannot, and does not make the tracker redraw.
    controller.onDidChangeState((state) => {
      const key = completedDaysKey(state);
      if (key === daysDone) return;
      daysDone = key;
      learningActivityChanged();
    }),
    vscode.window.registerWebviewViewProvider(CHECKLIST_VIEW_ID, provider),
    vscode.commands.registerCommand('learnInPublic.checklist.openMarkdown', () => controller.openFile()),
    vscode.commands.registerCommand('learnInPublic.checklist.chooseLocation', () => chooseChecklistLocation(feature, controller)),
    vscode.commands.registerCommand('learnInPublic.checklist.addItem', async () => {
      const key = await addChecklistItem(controller);
      if (key) {
        await vscode.commands.executeCommand(`${CHECKLIST_VIEW_ID}.focus`);
        provider.focusItem(key);
      }
    }),
    vscode.commands.registerCommand('learnInPublic.checklist.unhideAll', () => controller.unhideAll()),
  );
}

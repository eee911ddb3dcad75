// The job-search kit: the Job Search tree and its commands. Registering is cheap; the
// templates, the front-matter parser and git checks load on first use.
import * as vscode from 'vscode';
import type { FeatureContext } from '../feature-context';
import { newFirstWeekPlan, newInformationalInterview, openOfferWorksheet, type KitServices } from './kit-commands';
import { JobSearchTreeProvider, type JobSearchNode } from './job-search-tree';
import { SETTING_SECTION } from './kit-settings';
import { sayError } from '../notices';

export const JOB_SEARCH_VIEW_ID = 'learnInPublic.jobSearch';

export function registerKit(feature: FeatureContext): void {
  const { subscriptions } = feature.context;
  const tree = new JobSearchTreeProvider(feature);
  const view = vscode.window.createTreeView<JobSearchNode>(JOB_SEARCH_VIEW_ID, { treeDataProvider: tree, showCollapseAll: false });
  tree.onSnapshot = (due) => {
    view.badge = due > 0 ? { value: due, tooltip: vscode.l10n.t('{0} informational-interview follow-up(s) due', due) } : undefined;
  };
  subscriptions.push(tree, view);

  const services: KitServices = {
    feature,
    tree,
    async reveal(file) {
      const node = await tree.findNode(file);
      if (node && view.visible) await Promise.resolve(view.reveal(node, { select: true, focus: false })).catch(() => undefined);
    },
  };
  const run = (name: string, action: (s: KitServices) => Promise<void>) => async () => {
    try {
      await action(services);
    } catch (err) {
      feature.log.error(`Job Search: ${name} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', name, sayError(err)));
    } finally {
      tree.refresh();
    }
  };

  subscriptions.push(
    vscode.commands.registerCommand('learnInPublic.kit.newInformationalInterview', run(vscode.l10n.t('New Informational Interview Notes'), newInformationalInterview)),
    vscode.commands.registerCommand('learnInPublic.kit.openOfferWorksheet', run(vscode.l10n.t('Open Offer Worksheet'), openOfferWorksheet)),
    vscode.commands.registerCommand('learnInPublic.kit.newFirstWeekPlan', run(vscode.l10n.t('New First-Week Plan'), newFirstWeekPlan)),
    vscode.commands.registerCommand('learnInPublic.kit.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('learnInPublic.kit.revealDocument', async (node?: JobSearchNode) => {
      if (node?.type === 'document') await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(node.document.file));
    }),
    vscode.commands.registerCommand('learnInPublic.kit.copyPath', async (node?: JobSearchNode) => {
      if (node?.type === 'document') await vscode.env.clipboard.writeText(node.document.file);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTING_SECTION)) tree.refresh();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => tree.refresh()),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      // Status and dates live in front matter: a save changes what the tree shows.
      if (doc.languageId === 'markdown') tree.refresh();
    }),
  );
}

// Create / Update Progress Card: draws the learning-in-public card from local git (and the
// other learning the user counts) into a folder they pick — typically their GitHub profile
// repository or their blog — as a light and a dark SVG, and keeps the `<picture>` block in
// that folder's README up to date. Git runs only in trusted workspaces.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FeatureContext } from '../feature-context';
import { isScanCancellation } from '../../core/tracker/refresh-policy';
import { readCardSettings } from './card-settings';
import { sayError } from '../notices';
import { requireTrust } from '../workspace-trust';

/** Where Update Progress Card writes: the folder of the last card (per machine). */
const LAST_FOLDER_KEY = 'learnInPublic.card.lastFolder';

export function registerProgressCard(feature: FeatureContext): void {
  feature.context.subscriptions.push(
    vscode.commands.registerCommand('learnInPublic.createProgressCard', () => runCardCommand(feature, 'create')),
    vscode.commands.registerCommand('learnInPublic.updateProgressCard', () => runCardCommand(feature, 'update')),
  );
}

async function runCardCommand(feature: FeatureContext, mode: 'create' | 'update'): Promise<void> {
  try {
    await writeCard(feature, mode);
  } catch (err) {
    // The user pressed Cancel on the progress notification: nothing went wrong.
    if (isScanCancellation(err)) {
      feature.log.info('Progress card: cancelled');
      return;
    }
    feature.log.error(`Progress card: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The progress card could not be written: {0}', sayError(err)));
  }
}

async function pickFolder(feature: FeatureContext, remembered: string | undefined): Promise<string | undefined> {
  const defaultUri = remembered ? vscode.Uri.file(remembered) : vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri,
    openLabel: vscode.l10n.t('Write the card here'),
    title: vscode.l10n.t('Choose a folder for your progress card (e.g. your GitHub profile repository or your blog)'),
  });
  const folder = picked?.[0];
  if (!folder) return undefined;
  if (folder.scheme !== 'file') {
    void vscode.window.showErrorMessage(vscode.l10n.t('The progress card can only be written to a folder on this machine.'));
    return undefined;
  }
  const { isInsideGitFolder } = await import('../../core/tracker/card-publish');
  if (isInsideGitFolder(folder.fsPath)) {
    void vscode.window.showErrorMessage(vscode.l10n.t("{0} is inside git's own .git folder. Choose the repository's folder itself.", folder.fsPath));
    return undefined;
  }
  return folder.fsPath;
}

async function writeCard(feature: FeatureContext, mode: 'create' | 'update'): Promise<void> {
  if (!(await requireTrust(vscode.l10n.t('The progress card reads your git history, which runs only in a trusted workspace. Trust this workspace to create it.')))) return;
  const settings = readCardSettings();
  const remembered = feature.context.globalState.get<string>(LAST_FOLDER_KEY);
  let folder: string | undefined;
  if (mode === 'update') folder = remembered || settings.folder || undefined;
  else folder = settings.folder || undefined;
  if (folder && !path.isAbsolute(folder)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('learnInPublic.card.folder must be an absolute path, not "{0}".', folder));
    return;
  }
  folder ??= await pickFolder(feature, remembered);
  if (!folder) return;
  feature.log.info(`Progress card: ${mode === 'create' ? 'creating' : 'updating'} the card in ${folder}`);

  const { publishProgressCard, CardPublishError } = await import('../../core/tracker/card-publish');
  const { progressCardData } = await import('../../core/tracker/card-svg');
  const { gatherLearningActivity } = await import('./gather-activity');

  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Drawing your progress card…'), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      try {
        const activity = await gatherLearningActivity(feature, settings, controller.signal, (message) => progress.report({ message }));
        if (!activity) return undefined;
        const data = progressCardData({
          today: activity.today,
          days: activity.days,
          postsThisYear: activity.postsThisYear,
          restDays: settings.restDays,
          mode: settings.streakMode,
          repositories: activity.repositories,
        });
        try {
          const result = await publishProgressCard({ outDir: folder, data, showRepositoryNames: settings.showRepositoryNames, updateReadme: true });
          return { kind: 'written' as const, result, data, warnings: activity.warnings };
        } catch (err) {
          if (err instanceof CardPublishError) return { kind: 'refused' as const, problem: err };
          throw err;
        }
      } finally {
        cancel.dispose();
      }
    },
  );
  if (!outcome) return;

  if (outcome.kind === 'refused') {
    const problem = outcome.problem;
    feature.log.warn(`Progress card: ${problem.message}`);
    if (problem.problem === 'readme-markers') {
      const open = vscode.l10n.t('Open README');
      const choice = await vscode.window.showErrorMessage(problem.message, open);
      if (choice === open) {
        const { findReadmeName } = await import('../../core/tracker/readme-markers');
        const fs = await import('node:fs/promises');
        const name = findReadmeName(await fs.readdir(folder)) ?? 'README.md';
        const line = Math.max(0, (problem.lines[0] ?? 1) - 1);
        await vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, name)), { selection: new vscode.Range(line, 0, line, 0) });
      }
    } else {
      void vscode.window.showErrorMessage(problem.message);
    }
    return;
  }

  await feature.context.globalState.update(LAST_FOLDER_KEY, folder);
  for (const w of outcome.warnings) feature.log.warn(`Progress card: ${w}`);
  const { result, data } = outcome;
  const streak = data.streaks.current;
  const unit = data.streaks.unit === 'week' ? vscode.l10n.t('weeks') : vscode.l10n.t('days');
  const readmeNote = !result.readme
    ? ''
    : result.readme.action === 'unchanged'
      ? vscode.l10n.t('The README section was already up to date.')
      : result.readme.created
        ? vscode.l10n.t('Created {0} with the card.', path.basename(result.readme.path))
        : result.readme.action === 'added'
          ? vscode.l10n.t('Added the card to {0}.', path.basename(result.readme.path))
          : vscode.l10n.t('Updated the card in {0}.', path.basename(result.readme.path));
  const openReadme = vscode.l10n.t('Open README');
  const reveal = vscode.l10n.t('Reveal');
  const sourceControl = vscode.l10n.t('Open Source Control');
  // The card is a snapshot in local files: it shows on a profile only once pushed.
  const nextStep = vscode.l10n.t('Commit and push the SVGs and the README to show them; Update Progress Card refreshes the numbers later.');
  const choice = await vscode.window.showInformationMessage(
    `${vscode.l10n.t('Progress card written to {0} (current streak: {1} {2}). {3}', folder, streak.length, unit, readmeNote)} ${nextStep}`,
    openReadme,
    reveal,
    sourceControl,
  );
  if (choice === sourceControl) {
    await vscode.commands.executeCommand('workbench.view.scm');
  } else if (choice === openReadme && result.readme) {
    await vscode.window.showTextDocument(vscode.Uri.file(result.readme.path));
  } else if (choice === reveal) {
    const uri = vscode.Uri.file(result.light);
    const inWorkspace = vscode.workspace.getWorkspaceFolder(uri) !== undefined;
    await vscode.commands.executeCommand(inWorkspace ? 'revealInExplorer' : 'revealFileInOS', uri);
  }
}

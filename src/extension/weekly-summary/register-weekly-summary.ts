// Write Weekly Summary: a draft post ("What I learned this week") from the week's commit
// subjects grouped by repository, posts published and checklist items completed. When the
// workspace has a blog the draft becomes a new post there through the scaffolding's own
// site detection and front matter (as a draft); otherwise it opens as an untitled Markdown
// document, so nothing is written anywhere the user did not choose.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatDay } from '../../webview/tracker/format';
import { isScanCancellation } from '../../core/tracker/refresh-policy';
import type { FeatureContext } from '../feature-context';
import { sayError } from '../notices';
import { requireTrust } from '../workspace-trust';

export function registerWeeklySummary(feature: FeatureContext): void {
  feature.context.subscriptions.push(
    vscode.commands.registerCommand('learnInPublic.weeklySummary', async () => {
      try {
        await writeWeeklySummary(feature);
      } catch (err) {
        // The user pressed Cancel on the progress notification: nothing went wrong.
        if (isScanCancellation(err)) {
          feature.log.info('Weekly summary: cancelled');
          return;
        }
        feature.log.error(`Weekly summary: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('The weekly summary could not be written: {0}', sayError(err)));
      }
    }),
  );
}

async function writeWeeklySummary(feature: FeatureContext): Promise<void> {
  if (!(await requireTrust(vscode.l10n.t('The weekly summary reads your git history, which runs only in a trusted workspace. Trust this workspace to write it.')))) return;
  const { gatherWeek } = await import('./gather-week');
  const week = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading your week…'), cancellable: true },
    async (_progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      try {
        return await gatherWeek(feature, controller.signal);
      } finally {
        cancel.dispose();
      }
    },
  );
  if (!week) return;
  const { buildWeeklySummary, weeklySummaryMarkdown } = await import('../../core/tracker/weekly-summary');
  const summary = buildWeeklySummary(week.input);
  for (const w of week.warnings) feature.log.warn(`Weekly summary: ${w}`);

  const written = await writeAsSitePost(feature, summary, week.timeZone);
  if (written) {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(written.file));
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    placeCursorAtLearned(editor);
    // "Label: number" needs no plural forms; the dates say which 7 days (not the view's Monday-to-Sunday week).
    const { start, end } = week.input.range;
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Draft written to {0}, for {1} – {2}. Commits: {3} (repositories: {4}). Posts: {5}. Checklist steps: {6}.',
        written.relativePath,
        formatDay(start, vscode.env.language),
        formatDay(end, vscode.env.language),
        summary.counts.commits,
        summary.counts.repositories,
        summary.counts.posts,
        summary.counts.checklist,
      ),
    );
  } else {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: weeklySummaryMarkdown(summary) });
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    placeCursorAtLearned(editor);
  }
  if (week.input.repositoriesRead === 0) await explainNoRepositories();
}

/** No repository was read (no folder open, or none is a git repository): the draft cannot know the week's commits. */
async function explainNoRepositories(): Promise<void> {
  const openFolder = vscode.l10n.t('Open Folder…');
  const addRepositories = vscode.l10n.t('Add Repositories…');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('No git repository was read, so the draft lists no commits. Open the folder of your repositories, or add them to the tracker\'s extra repositories, then write the summary again.'),
    openFolder,
    addRepositories,
  );
  if (choice === openFolder) await vscode.commands.executeCommand('workbench.action.files.openFolder');
  else if (choice === addRepositories) await vscode.commands.executeCommand('workbench.action.openSettings', 'learnInPublic.tracker.extraRepositories');
}

/** Puts the cursor on the empty bullet under "What I learned", where the writing starts. */
function placeCursorAtLearned(editor: vscode.TextEditor): void {
  const text = editor.document.getText();
  const heading = text.indexOf('## What I learned');
  if (heading < 0) return;
  const bullet = text.indexOf('- ', heading);
  if (bullet < 0) return;
  const pos = editor.document.positionAt(bullet + 2);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos));
}

/**
 * Writes the draft as a new post in the first workspace folder that has a site, using the
 * scaffolding's detection, settings and front matter. Undefined when there is no site.
 */
async function writeAsSitePost(
  feature: FeatureContext,
  summary: { title: string; body: string },
  timeZone: string,
): Promise<{ file: string; relativePath: string } | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return undefined;
  const { detectSite } = await import('../../core/scaffold/site-detect');
  const { applySettings, planPost } = await import('../../core/scaffold/post-plan');
  const { normalizeSettings } = await import('../../core/scaffold/settings');
  const { parseTemplate } = await import('../../core/scaffold/template');
  const { writeNewPost } = await import('../../core/scaffold/post-writer');
  for (const folder of folders) {
    if (folder.uri.scheme !== 'file') continue;
    const root = folder.uri.fsPath;
    const raw = vscode.workspace.getConfiguration('learnInPublic.scaffold', folder.uri);
    const settings = normalizeSettings({
      siteGenerator: raw.get('siteGenerator'),
      postsFolder: raw.get('postsFolder'),
      fileNamePattern: raw.get('fileNamePattern'),
      fieldNames: raw.get('fieldNames'),
      frontMatter: raw.get('frontMatter'),
      templatesFolder: raw.get('templatesFolder'),
      defaultTags: raw.get('defaultTags'),
      createAsDraft: raw.get('createAsDraft'),
    });
    const profile = applySettings(await detectSite(root), settings);
    if (!profile.detected) continue;
    // Front matter from the site's conventions; the body is ours and is added afterwards so
    // no text from a commit subject is ever read as a template placeholder.
    const template = parseTemplate('---\ntitle: {{title}}\ntags: {{tags}}\n---\n', { kind: 'weekly-summary' });
    const plan = planPost(profile, template, { title: summary.title, kind: 'weekly-summary', tags: ['weekly', 'learning-in-public'], now: Date.now(), timeZone }, settings);
    const content = `${plan.content.replace(/\n*$/, '\n')}\n${summary.body}`;
    const written = await writeNewPost(root, profile.postsDir, plan, content);
    feature.log.info(`Weekly summary: wrote ${written.file} (${profile.generator} site in ${path.basename(root)})`);
    return written;
  }
  return undefined;
}

// The scaffold commands' VS Code side: pick the folder and site, ask for a title and a kind,
// write the post through the pure core (never overwriting), open it with the cursor where
// the writing starts. Git (permalinks, the remote's address) only in trusted workspaces.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { leavesFolder } from '../../core/safe-fs';
import type { ScaffoldSettings } from '../../core/scaffold/settings';
import type { SiteProfile } from '../../core/scaffold/site-profile';
import type { PostTemplate } from '../../core/scaffold/template';
import type { FeatureContext } from '../feature-context';
import { sayError, sayMessage } from '../notices';
import { WALKTHROUGH_DONE, markWalkthroughDone } from '../walkthrough';

export type PostMode = 'post' | 'til' | 'selection';

/**
 * The pure scaffolding logic, loaded when a command first runs. These are lazy modules of
 * their own (see scripts/build.mjs), so the error classes below are the very ones the
 * writer throws.
 */
async function loadCore() {
  const [safeFs, builtIn, placeholders, postDate, postPlan, postWriter, settings, siteProfile, slug, template, calendar] = await Promise.all([
    import('../../core/safe-fs'),
    import('../../core/scaffold/builtin-templates'),
    import('../../core/scaffold/placeholders'),
    import('../../core/scaffold/post-date'),
    import('../../core/scaffold/post-plan'),
    import('../../core/scaffold/post-writer'),
    import('../../core/scaffold/settings'),
    import('../../core/scaffold/site-profile'),
    import('../../core/scaffold/slug'),
    import('../../core/scaffold/template'),
    import('../../core/tracker/calendar'),
  ]);
  return { ...safeFs, ...builtIn, ...placeholders, ...postDate, ...postPlan, ...postWriter, ...settings, ...siteProfile, ...slug, ...template, systemTimeZone: calendar.systemTimeZone };
}
type ScaffoldCore = Awaited<ReturnType<typeof loadCore>>;

const SETTINGS_SECTION = 'learnInPublic.scaffold';
const LAST_FOLDER_KEY = 'learnInPublic.scaffold.lastFolder';

/** Errors whose message is already written for the user. */
function isExplainedError(core: ScaffoldCore, err: unknown): err is Error {
  return err instanceof core.TemplateError || err instanceof core.UnsafePathError || err instanceof core.ScaffoldWriteError;
}

function readScaffoldSettings(core: ScaffoldCore, folder: vscode.WorkspaceFolder): ScaffoldSettings {
  const cfg = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri);
  return core.normalizeSettings({
    siteGenerator: cfg.get('siteGenerator'),
    postsFolder: cfg.get('postsFolder'),
    fileNamePattern: cfg.get('fileNamePattern'),
    fieldNames: cfg.get('fieldNames'),
    frontMatter: cfg.get('frontMatter'),
    templatesFolder: cfg.get('templatesFolder'),
    defaultTags: cfg.get('defaultTags'),
    createAsDraft: cfg.get('createAsDraft'),
  });
}

function localFolders(): vscode.WorkspaceFolder[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
}

async function explainNoFolder(): Promise<void> {
  const open = vscode.l10n.t('Open Folder…');
  const message = (vscode.workspace.workspaceFolders?.length ?? 0) > 0
    ? vscode.l10n.t('Learn in Public writes posts and READMEs to folders on this computer; this workspace has none.')
    : vscode.l10n.t('Open a folder first: Learn in Public writes posts and READMEs inside your workspace folder.');
  const choice = await vscode.window.showInformationMessage(message, open);
  if (choice === open) await vscode.commands.executeCommand('workbench.action.files.openFolder');
}

interface SiteChoice {
  folder: vscode.WorkspaceFolder;
  settings: ScaffoldSettings;
  profile: SiteProfile;
}

async function siteFor(core: ScaffoldCore, folder: vscode.WorkspaceFolder): Promise<SiteChoice> {
  const { detectSite } = await import('../../core/scaffold/site-detect');
  const settings = readScaffoldSettings(core, folder);
  const profile = core.applySettings(await detectSite(folder.uri.fsPath), settings);
  return { folder, settings, profile };
}

/** One site per workspace folder; asks which one when several could take the post. */
async function chooseSite(core: ScaffoldCore, feature: FeatureContext, title: string): Promise<SiteChoice | undefined> {
  const folders = localFolders();
  if (folders.length === 0) {
    await explainNoFolder();
    return undefined;
  }
  const sites = await Promise.all(folders.map((folder) => siteFor(core, folder)));
  if (sites.length === 1) return sites[0];
  const withSite = sites.filter((s) => s.profile.detected);
  if (withSite.length === 1) return withSite[0];
  const last = feature.context.workspaceState.get<string>(LAST_FOLDER_KEY);
  const ordered = [...sites].sort((a, b) => Number(b.folder.uri.toString() === last) - Number(a.folder.uri.toString() === last) || Number(b.profile.detected) - Number(a.profile.detected));
  const picked = await vscode.window.showQuickPick(
    ordered.map((s) => ({
      label: `$(root-folder) ${s.folder.name}`,
      description: s.profile.detected ? `${core.GENERATOR_LABELS[s.profile.generator]} · ${s.profile.postsDir || '.'}` : vscode.l10n.t('no site found'),
      detail: s.profile.evidence.join('; ') || undefined,
      site: s,
    })),
    { title, placeHolder: vscode.l10n.t('Which folder should the post go to?'), ignoreFocusOut: true },
  );
  if (picked) await feature.context.workspaceState.update(LAST_FOLDER_KEY, picked.site.folder.uri.toString());
  return picked?.site;
}

/** No site found: ask once where posts go, and remember it in the folder's settings. */
async function askPostsFolder(core: ScaffoldCore, site: SiteChoice, title: string): Promise<boolean> {
  const root = site.folder.uri.fsPath;
  const suggestions = ['posts', 'blog', 'content/posts', 'notes/til'];
  const exists = await Promise.all(suggestions.map((s) => fs.stat(path.join(root, s)).then((st) => st.isDirectory(), () => false)));
  const choose = vscode.l10n.t('Choose a folder…');
  const items: Array<vscode.QuickPickItem & { folder?: string }> = suggestions.map((s, i) => ({
    label: `$(folder) ${s}`,
    description: exists[i] ? vscode.l10n.t('exists') : vscode.l10n.t('will be created'),
    folder: s,
  }));
  items.sort((a, b) => Number(b.description === vscode.l10n.t('exists')) - Number(a.description === vscode.l10n.t('exists')));
  items.push({ label: `$(folder-opened) ${choose}` });
  // The question goes in the title, which is never cut off; the placeholder stays short. (A long
  // placeholder was clipped, and people typed their post's title into the filter instead.)
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('{0}: where should posts go in {1}?', title, site.folder.name),
    placeHolder: vscode.l10n.t('Pick a folder (asked once, saved in this folder\'s settings)'),
    ignoreFocusOut: true,
  });
  if (!picked) return false;
  let relative = picked.folder;
  if (relative === undefined) {
    const uris = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: site.folder.uri, openLabel: vscode.l10n.t('Use for Posts') });
    if (!uris?.[0]) return false;
    const rel = path.relative(root, uris[0].fsPath);
    if (leavesFolder(rel)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Pick a folder inside {0}: posts are only written inside the workspace folder.', site.folder.name));
      return false;
    }
    relative = rel === '' ? '.' : rel.split(path.sep).join('/');
  }
  await vscode.workspace.getConfiguration(SETTINGS_SECTION, site.folder.uri).update('postsFolder', relative, vscode.ConfigurationTarget.WorkspaceFolder);
  site.settings = { ...site.settings, postsFolder: relative };
  site.profile = { ...site.profile, postsDir: core.joinPosix(relative), detected: true };
  return true;
}

const DRAFT_HINT_SHOWN_KEY = 'learnInPublic.scaffold.draftHintShown';

/**
 * The first draft post says once what the draft field does: a site hides the post (Jekyll even
 * from `jekyll serve`) and the tracker does not count it until the field is changed.
 */
async function explainDraftsOnce(feature: FeatureContext, site: SiteChoice): Promise<void> {
  const draft = site.profile.draft;
  if (!site.settings.createAsDraft || !draft || feature.context.globalState.get<boolean>(DRAFT_HINT_SHOWN_KEY)) return;
  await feature.context.globalState.update(DRAFT_HINT_SHOWN_KEY, true);
  const marked = `${draft.field}: ${String(draft.value)}`;
  const publish = `${draft.field}: ${String(!draft.value)}`;
  const openSetting = vscode.l10n.t('Open Setting');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('New posts start as drafts ({0}): your site leaves them out, and the Learning Tracker does not count them, until you change it to {1}.', marked, publish),
    openSetting,
  );
  if (choice === openSetting) await vscode.commands.executeCommand('workbench.action.openSettings', 'learnInPublic.scaffold.createAsDraft');
}

async function loadTemplates(core: ScaffoldCore, feature: FeatureContext, site: SiteChoice): Promise<PostTemplate[]> {
  const { loadUserTemplates } = await import('../../core/scaffold/template-loader');
  let dir: string;
  try {
    dir = core.resolveInside(site.folder.uri.fsPath, site.settings.templatesFolder);
  } catch (err) {
    void vscode.window.showWarningMessage(vscode.l10n.t('learnInPublic.scaffold.templatesFolder is ignored: {0}', sayError(err)));
    return core.builtInTemplates();
  }
  // Untrusted: a template linking out of the workspace is skipped (see LoadTemplatesOptions).
  const { templates, problems } = await loadUserTemplates(dir, { confineTo: vscode.workspace.isTrusted ? undefined : site.folder.uri.fsPath });
  if (problems.length > 0) {
    for (const p of problems) feature.log.warn(`Template skipped: ${p.message}`);
    const first = problems[0];
    const open = vscode.l10n.t('Open Template');
    const more = problems.length > 1 ? ' ' + vscode.l10n.t('({0} more in the Learn in Public output)', problems.length - 1) : '';
    void vscode.window.showWarningMessage(vscode.l10n.t('A template was skipped (the built-in ones still work): {0}', sayMessage(first)) + more, open).then(async (choice) => {
      if (choice !== open) return;
      const line = Math.max(0, (first.line ?? 1) - 1);
      await vscode.window.showTextDocument(vscode.Uri.file(first.file), { selection: new vscode.Range(line, 0, line, 0) });
    });
  }
  return core.mergeTemplates(core.builtInTemplates(), templates);
}

interface EditorSelection {
  text: string;
  languageId: string;
  startLine: number;
  endLine: number;
  document: vscode.TextDocument;
}

function currentSelection(): EditorSelection | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) return undefined;
  const { selection, document } = editor;
  let endLine = selection.end.line;
  // A selection of whole lines ends at column 0 of the next line; that line is not part of it.
  if (selection.end.character === 0 && endLine > selection.start.line) endLine--;
  return { text: document.getText(selection), languageId: document.languageId, startLine: selection.start.line + 1, endLine: endLine + 1, document };
}

async function selectionExtras(feature: FeatureContext, sel: EditorSelection, title: string) {
  const { selectionValues } = await import('../../core/scaffold/selection');
  let displayPath = vscode.workspace.asRelativePath(sel.document.uri, false);
  let permalink: string | undefined;
  let caveat: string | undefined;
  if (sel.document.uri.scheme === 'file' && !sel.document.isUntitled) {
    if (vscode.workspace.isTrusted) {
      const { selectionGitInfo } = await import('../../core/scaffold/git-info');
      const info = await selectionGitInfo(sel.document.uri.fsPath, sel.startLine, sel.endLine);
      if (info.repoRelativePath) displayPath = info.repoRelativePath;
      permalink = info.permalink;
      if (info.caveat === 'uncommitted-changes') {
        caveat = vscode.l10n.t('The link to the code points to the last commit, but {0} has uncommitted changes: the lines may differ. Commit, then update the link.', displayPath);
      } else if (info.caveat === 'not-pushed' && info.sha) {
        caveat = vscode.l10n.t('The link to the code works once commit {0} is pushed.', info.sha.slice(0, 7));
      }
      feature.log.info(`Selection from ${displayPath}: ${permalink ? `permalink ${permalink}` : 'no permalink (no repository, remote, known host or tracked file)'}`);
    } else {
      feature.log.info('Restricted Mode: git is not run, so the post has no link to the code.');
    }
  }
  return { values: selectionValues({ text: sel.text, languageId: sel.languageId, startLine: sel.startLine, endLine: sel.endLine, displayPath, permalink }, title), caveat };
}

export async function newPost(feature: FeatureContext, mode: PostMode): Promise<void> {
  const commandTitle = mode === 'til' ? vscode.l10n.t('New TIL') : mode === 'selection' ? vscode.l10n.t('New Post from Selection') : vscode.l10n.t('New Post');
  let selection: EditorSelection | undefined;
  if (mode === 'selection') {
    selection = currentSelection();
    if (!selection) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select the text or code to turn into a post first, then run {0} again.', commandTitle));
      return;
    }
  }
  const core = await loadCore();
  const site = await chooseSite(core, feature, commandTitle);
  if (!site) return;
  if (!site.profile.detected && !(await askPostsFolder(core, site, commandTitle))) return;

  try {
    const templates = await loadTemplates(core, feature, site);
    const { suggestTitle } = await import('../../core/scaffold/selection');
    const suggestion = selection ? suggestTitle({ text: selection.text, languageId: selection.languageId, startLine: selection.startLine, endLine: selection.endLine, displayPath: vscode.workspace.asRelativePath(selection.document.uri, false) }) : '';
    const steps = mode === 'til' ? 1 : 2;
    const today = core.postDate(Date.now(), core.systemTimeZone());
    const previewPath = (value: string) => {
      try {
        const slug = core.slugify(value, { fallback: 'untitled-post' });
        const fileName = core.renderFileName(site.profile.fileNamePattern, { slug, date: today.dayKey, year: today.year, month: today.month, day: today.day, kind: mode === 'til' ? 'til' : 'post' });
        return core.joinPosix(site.profile.postsDir, fileName);
      } catch {
        return site.profile.postsDir;
      }
    };
    const title = await vscode.window.showInputBox({
      title: steps > 1 ? `${commandTitle} (1/${steps})` : commandTitle,
      prompt: mode === 'til' ? vscode.l10n.t('What did you learn today? (the title of the TIL)') : vscode.l10n.t('Title of the post'),
      placeHolder: mode === 'til' ? vscode.l10n.t("e.g. Python's zip() stops at the shortest input") : vscode.l10n.t('e.g. What I learned building my first RAG app'),
      value: suggestion,
      ignoreFocusOut: true,
      validateInput: (value) =>
        core.cleanTitle(value) === ''
          ? vscode.l10n.t('Type a title.')
          : { message: vscode.l10n.t('{0} post in {1}', core.GENERATOR_LABELS[site.profile.generator], previewPath(value)), severity: vscode.InputBoxValidationSeverity.Info },
    });
    if (title === undefined || core.cleanTitle(title) === '') return;

    let template: PostTemplate | undefined;
    if (mode === 'til') template = templates.find((t) => t.kind === 'til');
    else {
      const picked = await vscode.window.showQuickPick(
        templates.map((t) => ({
          label: `$(${t.icon}) ${t.label}`,
          description: t.description,
          detail: t.source === 'built-in' ? undefined : vscode.l10n.t('Your template: {0}', vscode.workspace.asRelativePath(t.source, false)),
          template: t,
        })),
        { title: `${commandTitle} (2/2)`, placeHolder: vscode.l10n.t('What kind of post is it?'), matchOnDescription: true, ignoreFocusOut: true },
      );
      template = picked?.template;
    }
    if (!template) return;

    const extras = selection ? await selectionExtras(feature, selection, title) : undefined;
    let repoUrl = '';
    if (vscode.workspace.isTrusted) {
      const { remoteRepo } = await import('../../core/scaffold/git-info');
      repoUrl = (await remoteRepo(site.folder.uri.fsPath))?.webUrl ?? '';
    }
    const plan = core.planPost(site.profile, template, { title, kind: template.kind, now: Date.now(), timeZone: core.systemTimeZone(), extraValues: { ...extras?.values, repoUrl } }, site.settings);
    const written = await core.writeNewPost(site.folder.uri.fsPath, site.profile.postsDir, plan);
    markWalkthroughDone(WALKTHROUGH_DONE.postCreated);
    feature.log.info(`Created ${written.relativePath} as a ${site.profile.generator} post (${site.profile.evidence.join('; ') || 'settings'})`);

    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(written.file));
    const cursor = new vscode.Position(plan.cursor.line, plan.cursor.character);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(cursor, cursor), preview: false });
    if (written.slug !== plan.slug) {
      void vscode.window.showInformationMessage(vscode.l10n.t('A post named "{0}" already exists, so this one is {1}. Nothing was overwritten.', plan.slug, written.relativePath));
    } else {
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Created {0}', written.relativePath), 5000);
    }
    if (extras?.caveat) void vscode.window.showInformationMessage(extras.caveat);
    if (plan.leftOutTags.length > 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t("Left out the tags that your blog's tags file does not define: {0}. Add them to that file to use them.", plan.leftOutTags.join(', ')));
    }
    void explainDraftsOnce(feature, site);
  } catch (err) {
    if (isExplainedError(core, err)) {
      feature.log.warn(`${commandTitle}: ${err.message}`);
      void vscode.window.showErrorMessage(sayError(err));
      return;
    }
    throw err;
  }
}

async function findReadme(root: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = await fs.readdir(root);
  } catch {
    return undefined;
  }
  const candidates = names.filter((n) => /^readme(\.md|\.markdown)?$/i.test(n));
  const best = candidates.find((n) => n === 'README.md') ?? candidates.find((n) => /\.(md|markdown)$/i.test(n)) ?? candidates[0];
  return best ? path.join(root, best) : undefined;
}

/** A folder New Project README can write to: a workspace folder, or a project one level down in one. */
interface ReadmeTarget {
  readonly root: string;
  readonly workspaceFolder: vscode.WorkspaceFolder;
}

async function chooseReadmeFolder(): Promise<ReadmeTarget | undefined> {
  const folders = localFolders();
  if (folders.length === 0) {
    await explainNoFolder();
    return undefined;
  }
  const { orderReadmeTargets, projectSubfolders, siteFolders } = await import('../../core/scaffold/project-folders');
  const targets: ReadmeTarget[] = [];
  for (const folder of folders) {
    targets.push({ root: folder.uri.fsPath, workspaceFolder: folder });
    for (const sub of await projectSubfolders(folder.uri.fsPath)) targets.push({ root: sub, workspaceFolder: folder });
  }
  if (targets.length === 1) return targets[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const roots = targets.map((t) => t.root);
  const sites = await siteFolders(roots);
  const order = orderReadmeTargets(roots, active?.scheme === 'file' ? active.fsPath : undefined, sites);
  const preferred = targets.find((t) => t.root === order.preferred);
  const ordered = order.ordered.map((root) => targets.find((t) => t.root === root)!);
  const isSite = (target: ReadmeTarget) => sites.some((site) => path.relative(site, target.root) === '');
  const picked = await vscode.window.showQuickPick(
    await Promise.all(
      ordered.map(async (target) => {
        const top = target.root === target.workspaceFolder.uri.fsPath;
        const name = top ? target.workspaceFolder.name : path.relative(path.dirname(target.workspaceFolder.uri.fsPath), target.root).split(path.sep).join('/');
        const readme = await findReadme(target.root);
        const notes = [
          target === preferred ? vscode.l10n.t('folder of the active editor') : undefined,
          isSite(target) ? vscode.l10n.t('your blog or docs site') : undefined,
          readme ? vscode.l10n.t('has {0}', path.basename(readme)) : vscode.l10n.t('no README yet'),
        ];
        return { label: `$(${top ? 'root-folder' : 'folder'}) ${name}`, description: notes.filter(Boolean).join(' · '), target };
      }),
    ),
    { title: vscode.l10n.t('New Project README'), placeHolder: vscode.l10n.t('Which project needs a README?'), ignoreFocusOut: true },
  );
  return picked?.target;
}

export async function newProjectReadme(feature: FeatureContext): Promise<void> {
  const target = await chooseReadmeFolder();
  if (!target) return;
  const root = target.root;
  const [{ readProjectInfo }, { appendMissingSections, buildReadme }, { createFileExclusive }] = await Promise.all([
    import('../../core/scaffold/project-info'),
    import('../../core/scaffold/readme'),
    import('../../core/safe-fs'),
  ]);
  const info = await readProjectInfo(root);
  if (vscode.workspace.isTrusted) {
    const { remoteRepo } = await import('../../core/scaffold/git-info');
    info.repoUrl = (await remoteRepo(root))?.webUrl;
  }
  for (const problem of info.problems) feature.log.warn(`README: ${problem}`);
  if (info.problems.length > 0) void vscode.window.showWarningMessage(vscode.l10n.t('Some project facts could not be read: {0}', info.problems.join(' · ')));

  let existing = await findReadme(root);
  if (!existing) {
    const file = path.join(root, 'README.md');
    const text = buildReadme(info);
    if (await createFileExclusive(file, text)) {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      const hint = text.indexOf('_Who has this problem');
      const start = document.positionAt(Math.max(0, hint));
      const end = hint >= 0 ? document.positionAt(hint + '_Who has this problem, and why does it matter?_'.length) : start;
      await vscode.window.showTextDocument(document, { selection: new vscode.Range(start, end), preview: false });
      markWalkthroughDone(WALKTHROUGH_DONE.readmeWritten);
      feature.log.info(`Created README.md from ${info.manifests.join(', ') || 'the folder name'}`);
      return;
    }
    existing = file; // created a moment ago by someone else: treat it as existing
  }

  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(existing));
  // Which README, when there may be several: "churn-model/README.md", or "README.md" at the top.
  const name = path.relative(target.workspaceFolder.uri.fsPath, existing).split(path.sep).join('/');
  const preview = appendMissingSections(document.getText(), info);
  if (preview.added.length === 0) {
    await vscode.window.showTextDocument(document, { preview: false });
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} already has every section: problem, approach, data, results, demo, how to run, what you learned, next steps.', name));
    return;
  }
  const add = vscode.l10n.t('Add Missing Sections');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('{0} already exists. Add the {1} missing sections at the end? Nothing already in it changes.', name, preview.added.length),
    { modal: true, detail: preview.added.join(' · ') },
    add,
  );
  if (choice !== add) return;
  // Computed again from the text as it is now: the user may have typed while the dialog was open.
  const current = document.getText();
  const { text } = appendMissingSections(current, info);
  const wasDirty = document.isDirty;
  const edit = new vscode.WorkspaceEdit();
  const end = document.positionAt(current.length);
  edit.insert(document.uri, end, text.slice(current.length));
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} could not be changed; nothing was written.', name));
    return;
  }
  if (!wasDirty) await document.save();
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.AtTop);
  markWalkthroughDone(WALKTHROUGH_DONE.readmeWritten);
  feature.log.info(`Added to ${name}: ${preview.added.join(', ')}`);
}

// The kit's three commands: new informational-interview notes, the offer worksheet (private by
// default, with a warning before it lands in a repository with a public remote), and a dated
// first-week plan (notes and plans: a warning before the first one lands in a folder that a
// public remote or a Jekyll site could publish). Every file is created fresh; nothing is ever
// overwritten.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KitFolder, KitRoots } from '../../core/kit/kit-locations';
import type { PublishRisk } from '../../core/kit/notes-placement';
import { redactUrl } from '../../core/kit/public-remote';
import type { RepositoryPrivacy } from '../../core/kit/repository-privacy';
import type { FeatureContext } from '../feature-context';
import type { JobSearchTreeProvider } from './job-search-tree';
import {
  FIRST_WEEK_FOLDER_SETTING,
  folderSetting,
  kitRoots,
  localWorkspaceFolders,
  NOTES_FOLDER_SETTING,
  SETTING_SECTION,
  showSettingError,
  WORKSHEET_LOCATION_SETTING,
  worksheetLocationSetting,
} from './kit-settings';
import { isInPrivateStorage, readWorksheetState, worksheetTarget, writeWorksheetState } from './offer-worksheet-store';
import { sayError, sayMessage } from '../notices';

export interface KitServices {
  readonly feature: FeatureContext;
  readonly tree: JobSearchTreeProvider;
  /** Shows `file` selected in the Job Search view (when the view is visible). */
  readonly reveal: (file: string) => Promise<void>;
}

type KitFileKind = 'notes' | 'plan';

/** The last step of a command when several folders are open: which one the file goes into. */
interface FolderQuestion {
  readonly title: string;
  /** This step's number, also the flow's number of steps (the folder comes last). */
  readonly step: number;
  readonly placeHolder: string;
  readonly kind: KitFileKind;
}

/** Steps of a flow whose last one is the folder pick, which only multi-root windows show. */
function stepsWithFolderPick(stepsBefore: number): number {
  return localWorkspaceFolders().length > 1 ? stepsBefore + 1 : stepsBefore;
}

/** The folder to write into: asks which one when several are open; undefined = private storage. */
async function pickWorkspaceFolder(question: FolderQuestion): Promise<{ folder: vscode.WorkspaceFolder | undefined; cancelled: boolean }> {
  const folders = localWorkspaceFolders();
  if (folders.length <= 1) return { folder: folders[0], cancelled: false };
  const { DEFAULT_NOTES_FOLDER, DEFAULT_FIRST_WEEK_FOLDER } = await import('../../core/kit/kit-locations');
  const [setting, defaultFolder] = question.kind === 'notes' ? [NOTES_FOLDER_SETTING, DEFAULT_NOTES_FOLDER] : [FIRST_WEEK_FOLDER_SETTING, DEFAULT_FIRST_WEEK_FOLDER];
  // Each row says where inside that folder the file lands, so the privacy hint has a place to point at.
  const picked = await vscode.window.showQuickPick(
    folders.map((folder) => ({
      label: `$(root-folder) ${folder.name}`,
      description: folderSetting(setting, folder).trim() || defaultFolder,
      folder,
    })),
    // ignoreFocusOut: a click elsewhere must not throw away the answers already typed.
    { title: `${question.title} (${question.step}/${question.step})`, placeHolder: question.placeHolder, ignoreFocusOut: true },
  );
  return { folder: picked?.folder, cancelled: picked === undefined };
}

async function openDocument(file: string): Promise<void> {
  await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
}

/** The modal's words for a folder that could publish what is written there. */
function publishWarning(risk: PublishRisk, kind: KitFileKind, workspaceRoot: string): { message: string; detail: string } {
  const inWorkspace = path.relative(workspaceRoot, risk.folder);
  const folder = inWorkspace.startsWith('..') || path.isAbsolute(inWorkspace) ? risk.folder : inWorkspace.split(path.sep).join('/');
  const lines: string[] = [];
  const repository = risk.repository;
  if (repository?.kind === 'public-remote') {
    lines.push(
      kind === 'notes'
        ? vscode.l10n.t('{0} is in the repository {1}, whose remote points at {2}. Notes about the people you talk to become public if they are committed and pushed.', folder, path.basename(repository.root), repository.publicHost)
        : vscode.l10n.t('{0} is in the repository {1}, whose remote points at {2}. Your plan becomes public if it is committed and pushed.', folder, path.basename(repository.root), repository.publicHost),
    );
  } else if (repository?.kind === 'unchecked-repository') {
    lines.push(
      kind === 'notes'
        ? vscode.l10n.t('{0} is in the repository {1}. Its remotes could not be checked ({2}); if it is pushed to a public host, notes about the people you talk to become public.', folder, path.basename(repository.root), repository.reason)
        : vscode.l10n.t('{0} is in the repository {1}. Its remotes could not be checked ({2}); if it is pushed to a public host, your plan becomes public.', folder, path.basename(repository.root), repository.reason),
    );
  }
  if (risk.jekyll) lines.push(vscode.l10n.t('Jekyll turns every Markdown file with front matter in {0} into a page of your site.', folder));
  if (repository) {
    lines.push(vscode.l10n.t('To keep this folder out of commits, add this line to {0}: {1}', path.join(repository.root, '.gitignore'), repository.gitignoreLine));
  } else if (risk.jekyll) {
    // A folder starting with "_" is one Jekyll skips, and the check here knows it (it does not read exclude:).
    const setting = `${SETTING_SECTION}.${kind === 'notes' ? NOTES_FOLDER_SETTING : FIRST_WEEK_FOLDER_SETTING}`;
    const example = kind === 'notes' ? '_career/informational-interviews' : '_career/first-week';
    lines.push(vscode.l10n.t('To keep these files out of the site, set {0} to a folder whose name starts with "_", such as {1}: Jekyll skips those.', setting, example));
  }
  lines.push(vscode.l10n.t('Keep Private saves it, and the next ones for this folder, in the extension’s private storage, outside every repository; the Job Search view lists them either way.'));
  return {
    message: kind === 'notes' ? vscode.l10n.t('Notes about the people you talk to could become public') : vscode.l10n.t('Your first-week plan could become public'),
    detail: lines.join('\n\n'),
  };
}

/**
 * Before the first file goes into a workspace folder that could publish it, asks where it
 * should go. Returns the folder to write into (private storage on request), or undefined
 * when the user cancelled.
 */
async function confirmPlacement(context: vscode.ExtensionContext, folder: KitFolder, file: string, kind: KitFileKind, roots: KitRoots, privateFolder: () => KitFolder): Promise<KitFolder | undefined> {
  if (folder.inGlobalStorage || !roots.workspaceRoot) return folder;
  const { checkNotesPlacement } = await import('../../core/kit/notes-placement');
  const risk = await checkNotesPlacement({ file, workspaceRoot: roots.workspaceRoot, trusted: vscode.workspace.isTrusted });
  if (!risk) return folder;
  // Keep Private is remembered for this folder: the next note goes there without asking again.
  // It is also the default button: Enter keeps notes about people private.
  const keptPrivate = context.workspaceState.get<string[]>(KEPT_PRIVATE_KEY, []);
  if (keptPrivate.includes(folder.folder)) return privateFolder();
  const warning = publishWarning(risk, kind, roots.workspaceRoot);
  const createHere = vscode.l10n.t('Create Here');
  const keepPrivate = vscode.l10n.t('Keep Private');
  const choice = await vscode.window.showWarningMessage(warning.message, { modal: true, detail: warning.detail }, keepPrivate, createHere);
  if (choice === createHere) return folder;
  if (choice === keepPrivate) {
    await context.workspaceState.update(KEPT_PRIVATE_KEY, [...keptPrivate, folder.folder]);
    return privateFolder();
  }
  return undefined;
}

/** Workspace folders whose notes or plans the user chose to keep in private storage. */
const KEPT_PRIVATE_KEY = 'learnInPublic.kit.keptPrivateFolders';

async function askName(title: string, step: number, steps: number, prompt: string, label: string, required: boolean, placeHolder: string): Promise<string | undefined> {
  const { checkName } = await import('../../core/kit/names');
  const answer = await vscode.window.showInputBox({
    title: `${title} (${step}/${steps})`,
    prompt,
    placeHolder,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const check = checkName(value, label, required);
      return check.ok ? undefined : sayMessage(check);
    },
  });
  if (answer === undefined) return undefined;
  const check = checkName(answer, label, required);
  return check.ok ? check.value : undefined;
}

export async function newInformationalInterview(services: KitServices): Promise<void> {
  const title = vscode.l10n.t('New Informational Interview Notes');
  const steps = stepsWithFolderPick(3);
  const person = await askName(title, 1, steps, vscode.l10n.t('Who are you talking to?'), vscode.l10n.t("The person's name"), true, vscode.l10n.t('e.g. Ada Lovelace'));
  if (person === undefined) return;
  const company = await askName(title, 2, steps, vscode.l10n.t('Where do they work?'), vscode.l10n.t('The company'), true, vscode.l10n.t('e.g. Analytical Engines Ltd'));
  if (company === undefined) return;
  const role = await askName(title, 3, steps, vscode.l10n.t('What is their role? (optional)'), vscode.l10n.t('The role'), false, vscode.l10n.t('e.g. Machine Learning Engineer'));
  if (role === undefined) return;
  const picked = await pickWorkspaceFolder({
    title,
    step: steps,
    placeHolder: vscode.l10n.t('Which folder? Your notes are private; a public repository would publish them.'),
    kind: 'notes',
  });
  if (picked.cancelled) return;

  const [{ resolveWorkspaceFolder, assertRealFolderInside, DEFAULT_NOTES_FOLDER }, { renderInterviewNotes, interviewFileName }, { createNewDocument }, { todayKey }, { systemTimeZone }] = await Promise.all([
    import('../../core/kit/kit-locations'),
    import('../../core/kit/informational-interview'),
    import('../../core/kit/kit-files'),
    import('../../core/kit/day-keys'),
    import('../../core/tracker/calendar'),
  ]);
  const roots = kitRoots(services.feature.context, picked.folder);
  let target: KitFolder;
  try {
    target = resolveWorkspaceFolder(folderSetting(NOTES_FOLDER_SETTING, picked.folder), DEFAULT_NOTES_FOLDER, 'informational-interviews', roots);
    await assertRealFolderInside(target, roots);
  } catch (err) {
    await showSettingError(vscode.l10n.t('The notes folder setting cannot be used: {0}', errorText(err)), NOTES_FOLDER_SETTING);
    return;
  }
  const input = { person, company, role, date: todayKey(Date.now(), systemTimeZone()) };
  const privateFolder = () => resolveWorkspaceFolder('', DEFAULT_NOTES_FOLDER, 'informational-interviews', kitRoots(services.feature.context, undefined));
  const placed = await confirmPlacement(services.feature.context, target, path.join(target.folder, interviewFileName(input)), 'notes', roots, privateFolder);
  if (!placed) return;
  const keptPrivate = placed !== target;
  target = placed;
  let file: string;
  try {
    file = await createNewDocument(target.folder, interviewFileName(input), renderInterviewNotes(input));
  } catch (err) {
    services.feature.log.error(`Job Search: could not create interview notes in ${target.folder}: ${errorText(err)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create the notes in {0}: {1}', target.folder, errorText(err)));
    return;
  }
  services.feature.log.info(`Job Search: created ${file}`);
  await openDocument(file);
  await services.reveal(file);
  if (keptPrivate) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved in private storage, outside every repository; the Job Search view lists the notes. ({0})', file));
  } else if (target.inGlobalStorage) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('No folder is open: saved in private storage, outside every repository; the Job Search view lists the notes. ({0})', file),
    );
  }
}

export async function newFirstWeekPlan(services: KitServices): Promise<void> {
  const [{ parseDayKey, todayKey, nextMonday, daysBetween, longDate }, { systemTimeZone }] = await Promise.all([
    import('../../core/kit/day-keys'),
    import('../../core/tracker/calendar'),
  ]);
  const today = todayKey(Date.now(), systemTimeZone());
  const suggestion = nextMonday(today);
  const title = vscode.l10n.t('New First-Week Plan');
  const steps = stepsWithFolderPick(1);
  const answer = await vscode.window.showInputBox({
    title: steps > 1 ? `${title} (1/${steps})` : title,
    prompt: vscode.l10n.t('Your start date (YYYY-MM-DD). Each task gets its own date, counted from this day.'),
    value: suggestion,
    valueSelection: [0, suggestion.length],
    ignoreFocusOut: true,
    validateInput: (value) => {
      const check = parseDayKey(value);
      if (!check.ok) return sayMessage(check);
      const days = daysBetween(today, check.dayKey);
      if (days < 0) {
        return { message: vscode.l10n.t('{0} has passed; the plan will still be made.', longDate(check.dayKey)), severity: vscode.InputBoxValidationSeverity.Warning };
      }
      return { message: longDate(check.dayKey), severity: vscode.InputBoxValidationSeverity.Info };
    },
  });
  if (answer === undefined) return;
  const check = parseDayKey(answer);
  if (!check.ok) {
    void vscode.window.showErrorMessage(sayMessage(check));
    return;
  }
  const picked = await pickWorkspaceFolder({
    title,
    step: steps,
    placeHolder: vscode.l10n.t('Which folder? Your plan is private; a public repository would publish it.'),
    kind: 'plan',
  });
  if (picked.cancelled) return;
  const [{ resolveWorkspaceFolder, assertRealFolderInside, DEFAULT_FIRST_WEEK_FOLDER }, { renderFirstWeekPlan, firstWeekPlanFileName }, { resolveInside, createFileExclusive }] = await Promise.all([
    import('../../core/kit/kit-locations'),
    import('../../core/kit/first-week-plan'),
    import('../../core/safe-fs'),
  ]);
  const roots = kitRoots(services.feature.context, picked.folder);
  let folder: KitFolder;
  try {
    folder = resolveWorkspaceFolder(folderSetting(FIRST_WEEK_FOLDER_SETTING, picked.folder), DEFAULT_FIRST_WEEK_FOLDER, 'first-week', roots);
    await assertRealFolderInside(folder, roots);
  } catch (err) {
    await showSettingError(vscode.l10n.t('The first-week plan folder setting cannot be used: {0}', errorText(err)), FIRST_WEEK_FOLDER_SETTING);
    return;
  }
  const privateFolder = () => resolveWorkspaceFolder('', DEFAULT_FIRST_WEEK_FOLDER, 'first-week', kitRoots(services.feature.context, undefined));
  const placed = await confirmPlacement(services.feature.context, folder, resolveInside(folder.folder, firstWeekPlanFileName(check.dayKey)), 'plan', roots, privateFolder);
  if (!placed) return;
  const keptPrivate = placed !== folder;
  folder = placed;
  const file = resolveInside(folder.folder, firstWeekPlanFileName(check.dayKey));
  let created: boolean;
  try {
    created = await createFileExclusive(file, renderFirstWeekPlan(check.dayKey, today));
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create the plan in {0}: {1}', folder.folder, errorText(err)));
    return;
  }
  await openDocument(file);
  await services.reveal(file);
  if (!created) {
    void vscode.window.showInformationMessage(vscode.l10n.t('You already have a plan for {0}; it is open, unchanged.', check.dayKey));
  } else if (keptPrivate) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved in private storage, outside every repository; the Job Search view lists the plan. ({0})', file));
  } else if (folder.inGlobalStorage) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No folder is open: saved in private storage, outside every repository; the Job Search view lists the plan. ({0})', file));
  }
}

/** The warning shown before the worksheet goes somewhere git could publish it; undefined = no warning needed. */
function privacyWarning(privacy: RepositoryPrivacy, file: string): { message: string; detail: string } | undefined {
  const gitignoreHint = (root: string) =>
    vscode.l10n.t('To keep it out of commits, add this line to {0}: {1}', path.join(root, '.gitignore'), path.relative(root, file).split(path.sep).join('/'));
  const defaultHint = vscode.l10n.t('By default the worksheet lives in the extension’s private storage, outside every repository (leave the setting empty).');
  if (privacy.kind === 'public-remote') {
    const remotes = privacy.publicRemotes.map((r) => `${r.remote} → ${redactUrl(r.url)}`).join(', ');
    return {
      message: vscode.l10n.t('The offer worksheet would be inside a git repository with a public remote'),
      detail: [
        vscode.l10n.t('{0} is in the repository {1}, whose remote points at {2} ({3}). If the worksheet is committed and pushed, your salary numbers can become public.', path.dirname(file), privacy.root, privacy.publicRemotes[0].publicHost ?? '', remotes),
        privacy.ignored ? vscode.l10n.t('Git ignores this file there today, but a change to .gitignore would expose it.') : gitignoreHint(privacy.root),
        defaultHint,
      ].join('\n\n'),
    };
  }
  if (privacy.kind === 'unchecked-repository') {
    return {
      message: vscode.l10n.t('The offer worksheet would be inside a git repository'),
      detail: [
        vscode.l10n.t('{0} is in the repository {1}. Its remotes could not be checked ({2}); if it is pushed to a public host, your salary numbers become public.', path.dirname(file), privacy.root, privacy.reason),
        gitignoreHint(privacy.root),
        defaultHint,
      ].join('\n\n'),
    };
  }
  return undefined;
}

export async function openOfferWorksheet(services: KitServices): Promise<void> {
  const { context } = services.feature;
  let target: { file: string; inPrivateStorage: boolean };
  try {
    target = await worksheetTarget(context, worksheetLocationSetting());
  } catch (err) {
    await showSettingError(vscode.l10n.t('The offer worksheet location cannot be used: {0}', errorText(err)), WORKSHEET_LOCATION_SETTING);
    return;
  }
  const [{ pathExists, createFileExclusive }, { renderOfferWorksheet }, { checkRepositoryPrivacy }, { decideWorksheetAction }] = await Promise.all([
    import('../../core/safe-fs'),
    import('../../core/kit/offer-worksheet'),
    import('../../core/kit/repository-privacy'),
    import('../../core/kit/worksheet-placement'),
  ]);
  const state = readWorksheetState(context);
  const targetFolder = path.dirname(target.file);
  const finish = async (file: string, declinedFolder?: string) => {
    await writeWorksheetState(context, { file, declinedFolder });
    await openDocument(file);
    await services.reveal(file);
  };

  const action = decideWorksheetAction({
    target: target.file,
    targetExists: await pathExists(target.file),
    remembered: state.file,
    rememberedExists: state.file !== undefined && (await pathExists(state.file)),
    declinedFolder: state.declinedFolder,
  });
  if (action.kind === 'open') return finish(action.file, action.file === target.file ? undefined : state.declinedFolder);

  // git runs here only, when the worksheet is about to land somewhere new.
  const warning = target.inPrivateStorage ? undefined : privacyWarning(await checkRepositoryPrivacy(target.file, vscode.workspace.isTrusted), target.file);

  if (action.kind === 'offer-move') {
    const remembered = action.from;
    const move = vscode.l10n.t('Move');
    const keep = vscode.l10n.t('Keep Where It Is');
    const where = isInPrivateStorage(context, remembered) ? vscode.l10n.t('private storage') : path.dirname(remembered);
    const choice = await vscode.window.showWarningMessage(
      warning ? warning.message : vscode.l10n.t('Move your offer worksheet to {0}?', targetFolder),
      {
        modal: true,
        detail: [vscode.l10n.t('Your worksheet is in {0}; the setting {1} now points to {2}.', where, 'learnInPublic.kit.offerWorksheetLocation', targetFolder), warning?.detail]
          .filter(Boolean)
          .join('\n\n'),
      },
      move,
      keep,
    );
    if (choice === keep) return finish(remembered, targetFolder);
    if (choice !== move) return;
    // Unsaved edits live only in the editor: save them first, or the copy would leave them behind.
    const openCopy = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && path.resolve(d.uri.fsPath) === path.resolve(remembered));
    if (openCopy?.isDirty && !(await openCopy.save())) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Your worksheet has unsaved changes that could not be saved, so it was not moved. Save it, then try again.'));
      return;
    }
    const content = await fs.readFile(remembered);
    // Copy first, delete the old file only once the new one is safely written.
    if (!(await createFileExclusive(target.file, content))) return finish(target.file); // appeared meanwhile: keep both, open the target
    await fs.rm(remembered);
    services.feature.log.info(`Job Search: moved the offer worksheet from ${remembered} to ${target.file}`);
    return finish(target.file);
  }

  let file = target.file;
  let declinedFolder: string | undefined;
  if (warning) {
    const createAnyway = vscode.l10n.t('Create There Anyway');
    const usePrivate = vscode.l10n.t('Use Private Storage');
    const choice = await vscode.window.showWarningMessage(warning.message, { modal: true, detail: warning.detail }, createAnyway, usePrivate);
    if (choice === undefined) return;
    if (choice === usePrivate) {
      file = (await worksheetTarget(context, '')).file;
      declinedFolder = targetFolder;
    }
  }
  try {
    if (!(await pathExists(file))) await createFileExclusive(file, renderOfferWorksheet());
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create the offer worksheet in {0}: {1}', path.dirname(file), errorText(err)));
    return;
  }
  await finish(file, declinedFolder);
}

function errorText(err: unknown): string {
  return sayError(err);
}

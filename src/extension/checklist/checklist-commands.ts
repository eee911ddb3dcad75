// Commands of the checklist that need more than one click: moving the file and adding an item.
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createFileExclusive, leavesFolder, pathExists } from '../../core/safe-fs';
import type { FeatureContext } from '../feature-context';
import type { ChecklistController } from './checklist-controller';
import { CHECKLIST_SETTINGS, DEFAULT_FILE_NAME, FILE_SETTING, defaultChecklistFile, resolveChecklistLocation } from './checklist-location';
import { sayError } from '../notices';

interface PlaceChoice extends vscode.QuickPickItem {
  readonly place: 'storage' | 'workspace' | 'elsewhere';
}

/**
 * "Choose Where the Checklist Lives": copies the file to the chosen place (never over an
 * existing file: an existing one is used as it is, after asking), points the setting at it, and
 * offers to delete the old copy (to the trash).
 */
export async function chooseChecklistLocation(feature: FeatureContext, controller: ChecklistController): Promise<void> {
  const current = resolveChecklistLocation(feature.context);
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  const choices: PlaceChoice[] = [
    {
      place: 'storage',
      label: `$(lock) ${vscode.l10n.t('In the extension’s storage')}`,
      detail: vscode.l10n.t('Private to this machine; the default.'),
      description: current.ok && current.isDefault ? vscode.l10n.t('current') : undefined,
    },
    ...(folder
      ? [
          {
            place: 'workspace' as const,
            label: `$(folder) ${vscode.l10n.t('In this workspace…')}`,
            detail: vscode.l10n.t('For example in your blog or portfolio repository, to publish your progress. Saved in workspace settings.'),
          },
        ]
      : []),
    { place: 'elsewhere', label: `$(file-directory) ${vscode.l10n.t('Somewhere else…')}`, detail: vscode.l10n.t('Any folder on this machine. Saved in user settings.') },
  ];
  const picked = await vscode.window.showQuickPick(choices, { title: vscode.l10n.t('Where should your career checklist live?'), ignoreFocusOut: true });
  if (!picked) return;

  let target: string;
  if (picked.place === 'storage') {
    target = defaultChecklistFile(feature.context);
  } else {
    const base = picked.place === 'workspace' && folder ? folder.uri : vscode.Uri.file(os.homedir());
    const uri = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Checklist file'),
      defaultUri: vscode.Uri.joinPath(base, DEFAULT_FILE_NAME),
      filters: { Markdown: ['md', 'markdown'] },
      saveLabel: vscode.l10n.t('Use This File'),
    });
    if (!uri) return;
    if (uri.scheme !== 'file') {
      void vscode.window.showErrorMessage(vscode.l10n.t('The checklist must be a file on this machine.'));
      return;
    }
    target = uri.fsPath;
    if (picked.place === 'workspace' && folder && leavesFolder(path.relative(folder.uri.fsPath, target))) {
      void vscode.window.showErrorMessage(vscode.l10n.t('That file is outside the workspace folder; choose “Somewhere else…” for it.'));
      return;
    }
  }

  // In Restricted Mode a workspace value of the setting is ignored (it could point anywhere),
  // so the choice would not take effect; offer the user settings instead.
  let settingPlace = picked.place;
  if (picked.place === 'workspace' && !vscode.workspace.isTrusted) {
    const useUser = vscode.l10n.t('Save in User Settings');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('This workspace is in Restricted Mode.'),
      { modal: true, detail: vscode.l10n.t('Restricted Mode ignores a workspace setting for where the checklist lives. Save the location ({0}) in your user settings instead, or trust the workspace first.', target) },
      useUser,
    );
    if (answer !== useUser) return;
    settingPlace = 'elsewhere';
  }

  const from = current.ok ? current.file : undefined;
  if (from && path.resolve(from) === path.resolve(target)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The checklist already lives there.'));
    return;
  }

  // Copy, never overwrite: an existing file at the target is used as it is, if the user agrees.
  let copied = false;
  if (await pathExists(target)) {
    const useIt = vscode.l10n.t('Use the Existing File');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('A file already exists at {0}.', target),
      { modal: true, detail: vscode.l10n.t('It will not be overwritten. Use it as your checklist as it is? Your current checklist stays where it is.') },
      useIt,
    );
    if (answer !== useIt) return;
  } else {
    let content: string | undefined;
    if (from) content = await fs.readFile(from, 'utf8').catch(() => undefined);
    if (content === undefined) {
      const { builtInCatalog } = await import('../../core/checklist/catalog');
      const { generateChecklist } = await import('../../core/checklist/edits');
      content = generateChecklist(builtInCatalog());
    } else copied = true;
    try {
      if (!(await createFileExclusive(target, content))) {
        void vscode.window.showErrorMessage(vscode.l10n.t('A file appeared at {0} meanwhile; nothing was changed.', target));
        return;
      }
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The checklist could not be written to {0}: {1}', target, sayError(err)));
      return;
    }
  }

  await pointSettingAt(settingPlace, target, folder);
  feature.log.info(`Checklist: now at ${target}${copied ? ` (copied from ${from})` : ''}`);
  await controller.refresh();
  await vscode.commands.executeCommand('learnInPublic.checklist.focus');

  if (copied && from) {
    const remove = vscode.l10n.t('Move Old Copy to Trash');
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Your checklist was copied to {0}. The old copy is still at {1}.', target, from), remove);
    if (answer === remove) {
      try {
        await vscode.workspace.fs.delete(vscode.Uri.file(from), { useTrash: true });
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The old copy could not be removed: {0}', sayError(err)));
      }
    }
  }
}

async function pointSettingAt(place: PlaceChoice['place'], target: string, folder: vscode.WorkspaceFolder | undefined): Promise<void> {
  const config = vscode.workspace.getConfiguration(CHECKLIST_SETTINGS);
  const inspect = config.inspect<string>(FILE_SETTING);
  if (place === 'storage') {
    // Clear the setting wherever it is set, so the default applies.
    if (inspect?.workspaceFolderValue !== undefined && folder) await vscode.workspace.getConfiguration(CHECKLIST_SETTINGS, folder.uri).update(FILE_SETTING, undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    if (inspect?.workspaceValue !== undefined) await config.update(FILE_SETTING, undefined, vscode.ConfigurationTarget.Workspace);
    if (inspect?.globalValue !== undefined) await config.update(FILE_SETTING, undefined, vscode.ConfigurationTarget.Global);
    return;
  }
  if (place === 'workspace' && folder) {
    await config.update(FILE_SETTING, path.relative(folder.uri.fsPath, target).split(path.sep).join('/'), vscode.ConfigurationTarget.Workspace);
    return;
  }
  await config.update(FILE_SETTING, target, vscode.ConfigurationTarget.Global);
  // A workspace value would win over the user setting just written.
  if (inspect?.workspaceValue !== undefined) await config.update(FILE_SETTING, undefined, vscode.ConfigurationTarget.Workspace);
}

/** "Add Checklist Item…": asks for the section and the text. Resolves to the new item's key. */
export async function addChecklistItem(controller: ChecklistController): Promise<string | undefined> {
  const state = controller.currentState ?? (await controller.refresh());
  if (!state.editable || state.sections.length === 0) {
    void vscode.window.showWarningMessage(state.banners[0]?.message ?? vscode.l10n.t('The checklist cannot be changed right now.'));
    return undefined;
  }
  const section = await vscode.window.showQuickPick(
    state.sections.map((s) => ({ label: s.title, description: vscode.l10n.t('{0} of {1} done', s.done, s.total), key: s.key })),
    { title: vscode.l10n.t('Add a checklist item: which section?') },
  );
  if (!section) return undefined;
  const title = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add a checklist item to “{0}”', section.label),
    prompt: vscode.l10n.t('What do you want to do? One line.'),
    validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Type what the item is.') : undefined),
  });
  if (!title) return undefined;
  return controller.addItem(section.key, title);
}

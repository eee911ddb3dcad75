// Where the checklist file lives: the `learnInPublic.checklist.file` setting, or the
// extension's global storage when it is empty.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { leavesFolder, resolveInside } from '../../core/safe-fs';
import { sayError } from '../notices';

export const CHECKLIST_SETTINGS = 'learnInPublic.checklist';
export const FILE_SETTING = 'file';
export const DEFAULT_FILE_NAME = 'checklist.md';

export type ChecklistLocation =
  | {
      readonly ok: true;
      readonly file: string;
      /** Short, readable form of the path for the sidebar. */
      readonly label: string;
      /** True for the default file in global storage (created without asking). */
      readonly isDefault: boolean;
    }
  | { readonly ok: false; readonly message: string };

export function defaultChecklistFile(context: vscode.ExtensionContext): string {
  return path.join(context.globalStorageUri.fsPath, DEFAULT_FILE_NAME);
}

export function resolveChecklistLocation(context: vscode.ExtensionContext): ChecklistLocation {
  const configured = (vscode.workspace.getConfiguration(CHECKLIST_SETTINGS).get<string>(FILE_SETTING) ?? '').trim();
  if (configured === '') {
    const file = defaultChecklistFile(context);
    return { ok: true, file, label: vscode.l10n.t('extension storage ({0})', DEFAULT_FILE_NAME), isDefault: true };
  }
  const expanded = configured === '~' || configured.startsWith('~/') ? path.join(os.homedir(), configured.slice(1)) : configured;
  if (path.isAbsolute(expanded)) {
    const file = path.normalize(expanded);
    return { ok: true, file, label: homeRelative(file), isDefault: false };
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') {
    return {
      ok: false,
      message: vscode.l10n.t('The setting {0} is a relative path ("{1}"), but no local folder is open to resolve it against.', `${CHECKLIST_SETTINGS}.${FILE_SETTING}`, configured),
    };
  }
  try {
    const file = resolveInside(folder.uri.fsPath, configured);
    return { ok: true, file, label: path.relative(folder.uri.fsPath, file).split(path.sep).join('/'), isDefault: false };
  } catch (err) {
    return { ok: false, message: vscode.l10n.t('The setting {0} is not usable: {1}', `${CHECKLIST_SETTINGS}.${FILE_SETTING}`, sayError(err)) };
  }
}

function homeRelative(file: string): string {
  const home = os.homedir();
  const relative = path.relative(home, file);
  return relative && !leavesFolder(relative) ? `~/${relative.split(path.sep).join('/')}` : file;
}

/**
 * Completed checklist items with their completion day, for other features (the weekly
 * summary, streaks). Empty when there is no readable checklist.
 */
export async function readCompletedChecklistItems(context: vscode.ExtensionContext): Promise<Array<{ title: string; day: string }>> {
  const location = resolveChecklistLocation(context);
  if (!location.ok) return [];
  const { readFile } = await import('node:fs/promises');
  const { parseChecklist } = await import('../../core/checklist/markdown');
  try {
    const parsed = parseChecklist(await readFile(location.file, 'utf8'));
    return parsed.items.filter((item) => item.checked && item.doneDate).map((item) => ({ title: item.title, day: item.doneDate! }));
  } catch {
    return [];
  }
}

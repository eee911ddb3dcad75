// Reads the kit's settings and the places its files may go (workspace folders, private storage).
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { KitRoots } from '../../core/kit/kit-locations';

export const SETTING_SECTION = 'learnInPublic.kit';
export const NOTES_FOLDER_SETTING = 'notesFolder';
export const FIRST_WEEK_FOLDER_SETTING = 'firstWeekFolder';
export const WORKSHEET_LOCATION_SETTING = 'offerWorksheetLocation';

/** Workspace folders the kit can write to with Node's fs (virtual file systems are skipped). */
export function localWorkspaceFolders(): readonly vscode.WorkspaceFolder[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
}

export function kitRoots(context: vscode.ExtensionContext, workspaceFolder: vscode.WorkspaceFolder | undefined): KitRoots {
  return { workspaceRoot: workspaceFolder?.uri.fsPath, globalStorage: context.globalStorageUri.fsPath, home: os.homedir() };
}

export function folderSetting(name: string, workspaceFolder: vscode.WorkspaceFolder | undefined): string {
  return vscode.workspace.getConfiguration(SETTING_SECTION, workspaceFolder?.uri).get<string>(name, '') ?? '';
}

export function worksheetLocationSetting(): string {
  return vscode.workspace.getConfiguration(SETTING_SECTION).get<string>(WORKSHEET_LOCATION_SETTING, '') ?? '';
}

/** Offers to open the setting that caused a problem. */
export async function showSettingError(message: string, setting: string): Promise<void> {
  const openSettings = vscode.l10n.t('Open Settings');
  const choice = await vscode.window.showErrorMessage(message, openSettings);
  if (choice === openSettings) await vscode.commands.executeCommand('workbench.action.openSettings', `${SETTING_SECTION}.${setting}`);
}

// Where the offer worksheet is: the folder from the setting, or the file the user already has
// (remembered across sessions, so changing the setting offers a move instead of a second copy).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { leavesFolder } from '../../core/safe-fs';
import { kitRoots, localWorkspaceFolders } from './kit-settings';

const STATE_KEY = 'learnInPublic.kit.offerWorksheet';

interface WorksheetState {
  readonly version: 1;
  /** The worksheet file last opened or created. */
  readonly file?: string;
  /** A folder the user chose not to move the worksheet to: do not ask again for it. */
  readonly declinedFolder?: string;
}

export function readWorksheetState(context: vscode.ExtensionContext): WorksheetState {
  const raw = context.globalState.get<unknown>(STATE_KEY);
  if (!raw || typeof raw !== 'object') return { version: 1 };
  const r = raw as Record<string, unknown>;
  return {
    version: 1,
    file: typeof r.file === 'string' ? r.file : undefined,
    declinedFolder: typeof r.declinedFolder === 'string' ? r.declinedFolder : undefined,
  };
}

export async function writeWorksheetState(context: vscode.ExtensionContext, state: Omit<WorksheetState, 'version'>): Promise<void> {
  await context.globalState.update(STATE_KEY, { version: 1, ...state });
}

export interface WorksheetTarget {
  /** Where the setting says the worksheet belongs. */
  readonly file: string;
  readonly inPrivateStorage: boolean;
}

/** The worksheet path the setting asks for. Throws a readable error for a bad setting. */
export async function worksheetTarget(context: vscode.ExtensionContext, setting: string): Promise<WorksheetTarget> {
  const { resolveWorksheetFolder } = await import('../../core/kit/kit-locations');
  const { OFFER_WORKSHEET_FILE_NAME } = await import('../../core/kit/offer-worksheet');
  const folder = resolveWorksheetFolder(setting, kitRoots(context, localWorkspaceFolders()[0]));
  return { file: path.join(folder.folder, OFFER_WORKSHEET_FILE_NAME), inPrivateStorage: folder.inGlobalStorage };
}

export function isInPrivateStorage(context: vscode.ExtensionContext, file: string): boolean {
  const relative = path.relative(context.globalStorageUri.fsPath, file);
  return relative !== '' && !leavesFolder(relative);
}

/** The worksheet the user has now (the target if it exists, else the remembered file), for the tree. */
export async function currentWorksheetFile(
  context: vscode.ExtensionContext,
  setting: string,
): Promise<{ file: string; exists: boolean; inPrivateStorage: boolean }> {
  const target = await worksheetTarget(context, setting);
  if (fs.existsSync(target.file)) return { file: target.file, exists: true, inPrivateStorage: target.inPrivateStorage };
  const remembered = readWorksheetState(context).file;
  if (remembered && fs.existsSync(remembered)) return { file: remembered, exists: true, inPrivateStorage: isInPrivateStorage(context, remembered) };
  return { file: target.file, exists: false, inPrivateStorage: target.inPrivateStorage };
}

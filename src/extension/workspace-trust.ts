// Commands that read git stay in the palette of an untrusted workspace (Restricted Mode), so
// the walkthrough and README that name them still lead somewhere: they explain why they
// cannot run and offer VS Code's own trust editor, instead of silently not being there.
import * as vscode from 'vscode';

/** True when git may run; otherwise says why not (`message`) with a Manage Workspace Trust button. */
export async function requireTrust(message: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  const choice = await vscode.window.showWarningMessage(message, manage);
  if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  return false;
}

// Runs inside the VS Code extension host (desktop VS Code via @vscode/test-cli).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('Learn in Public inside the extension host', () => {
  it('activates and registers every command it contributes', async () => {
    const ext = vscode.extensions.getExtension('learn-in-public.learn-in-public');
    assert.ok(ext, 'the extension is installed');
    await ext.activate();
    const contributed: Array<{ command: string }> = ext.packageJSON.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], 'every contributed command is registered');
  });
});

// The checklist file's problems (the core parser's warnings) as editor diagnostics, so they
// show as squiggles and in the Problems panel while the file is open. Only open documents get
// diagnostics: a closed or deleted file has none. The parser loads when the file is first open;
// the problems are the same parser warnings the sidebar lists, said the same way.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ChecklistWarning } from '../../core/checklist/markdown';
import { sayMessage } from '../notices';
import type { ChecklistController } from './checklist-controller';

export const CHECKLIST_DIAGNOSTICS_NAME = 'Learn in Public';

async function checklistWarnings(text: string): Promise<readonly ChecklistWarning[]> {
  const [{ parseChecklist }, { builtInCatalog }] = await Promise.all([import('../../core/checklist/markdown'), import('../../core/checklist/catalog')]);
  return parseChecklist(text, builtInCatalog()).warnings;
}

function toDiagnostic(document: vscode.TextDocument, warning: ChecklistWarning): vscode.Diagnostic {
  // Warnings about the whole file (a newer format) go on the first line.
  const line = document.lineAt(Math.min(Math.max((warning.line ?? 1) - 1, 0), document.lineCount - 1));
  const range = line.isEmptyOrWhitespace ? line.range : new vscode.Range(line.lineNumber, line.firstNonWhitespaceCharacterIndex, line.lineNumber, line.range.end.character);
  const diagnostic = new vscode.Diagnostic(range, sayMessage(warning), vscode.DiagnosticSeverity.Warning);
  diagnostic.source = CHECKLIST_DIAGNOSTICS_NAME;
  diagnostic.code = warning.code;
  return diagnostic;
}

export function registerChecklistDiagnostics(controller: ChecklistController): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection(CHECKLIST_DIAGNOSTICS_NAME);
  // A parse started for an older text must not overwrite the result for a newer one.
  const versions = new Map<string, number>();

  const update = async (document: vscode.TextDocument) => {
    if (document.isClosed || !controller.isChecklistDocument(document)) return;
    watchForDelete();
    const key = document.uri.toString();
    versions.set(key, document.version);
    const warnings = await checklistWarnings(document.getText());
    if (document.isClosed || versions.get(key) !== document.version || !controller.isChecklistDocument(document)) return;
    collection.set(document.uri, warnings.map((warning) => toDiagnostic(document, warning)));
  };
  const forget = (uri: vscode.Uri) => {
    versions.delete(uri.toString());
    collection.delete(uri);
  };
  const checkOpenDocuments = () => {
    collection.clear();
    versions.clear();
    for (const document of vscode.workspace.textDocuments) void update(document);
  };

  // Deleted outside VS Code, the file's editor may stay open (marked deleted): it has no problems then.
  // Watched from when the file is first open, not from activation.
  let deleteWatcher: { file: string; watcher: vscode.Disposable } | undefined;
  function watchForDelete(): void {
    const file = controller.file;
    if (deleteWatcher?.file === file) return;
    deleteWatcher?.watcher.dispose();
    deleteWatcher = undefined;
    if (!file) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)), true, true, false);
    deleteWatcher = { file, watcher: vscode.Disposable.from(watcher, watcher.onDidDelete(forget)) };
  }

  checkOpenDocuments();
  return vscode.Disposable.from(
    collection,
    { dispose: () => deleteWatcher?.watcher.dispose() },
    vscode.workspace.onDidOpenTextDocument((document) => void update(document)),
    vscode.workspace.onDidChangeTextDocument((event) => void update(event.document)),
    vscode.workspace.onDidSaveTextDocument((document) => void update(document)),
    vscode.workspace.onDidCloseTextDocument((document) => forget(document.uri)),
    // A closed tab's document can stay loaded for minutes: its problems go with its last tab.
    vscode.window.tabGroups.onDidChangeTabs((event) => {
      if (event.closed.length > 0) {
        const shown = new Set(vscode.window.tabGroups.all.flatMap((group) => group.tabs).map(tabUri).filter((uri) => uri !== undefined));
        const listed: vscode.Uri[] = [];
        collection.forEach((uri) => listed.push(uri));
        for (const uri of listed) if (!shown.has(uri.toString())) forget(uri);
      }
      for (const tab of event.opened) {
        const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === tabUri(tab));
        if (document) void update(document);
      }
    }),
    vscode.workspace.onDidDeleteFiles((event) => event.files.forEach(forget)),
    controller.onDidRelocate(checkOpenDocuments),
  );
}

function tabUri(tab: vscode.Tab): string | undefined {
  if (tab.input instanceof vscode.TabInputText) return tab.input.uri.toString();
  if (tab.input instanceof vscode.TabInputTextDiff) return tab.input.modified.toString();
  return undefined;
}

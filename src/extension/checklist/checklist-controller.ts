// The checklist's VS Code side: finds the file, watches it (on disk and in an open editor),
// turns it into the sidebar's state, and applies the sidebar's edits through the core's
// queue-and-re-read file store. Heavy modules (the front-matter parser via the Markdown parser, the
// catalog) load on first use.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Catalog } from '../../core/checklist/catalog';
import type { ChecklistFile, EditOutcome } from '../../core/checklist/checklist-file';
import type { EditResult } from '../../core/checklist/edits';
import type { ChecklistBanner, ChecklistState, ChecklistStrings } from '../../core/protocol/checklist';
import { changedRange } from '../../core/checklist/text-diff';
import type { FeatureContext } from '../feature-context';
import { sayError, sayMessage, sayNotice } from '../notices';
import { CHECKLIST_SETTINGS, resolveChecklistLocation, type ChecklistLocation } from './checklist-location';

type Core = typeof import('../../core/checklist/edits') &
  typeof import('../../core/checklist/markdown') &
  typeof import('../../core/checklist/view-model') &
  typeof import('../../core/checklist/checklist-file') & { catalog: Catalog };

let corePromise: Promise<Core> | undefined;
function loadCore(): Promise<Core> {
  corePromise ??= (async () => {
    const [catalogModule, edits, markdown, viewModel, file] = await Promise.all([
      import('../../core/checklist/catalog'),
      import('../../core/checklist/edits'),
      import('../../core/checklist/markdown'),
      import('../../core/checklist/view-model'),
      import('../../core/checklist/checklist-file'),
    ]);
    return { ...edits, ...markdown, ...viewModel, ...file, catalog: catalogModule.builtInCatalog() };
  })();
  return corePromise;
}

export const CONTEXT_HAS_HIDDEN = 'learnInPublic.checklist.hasHidden';

/** Today as YYYY-MM-DD in the machine's time zone. */
async function today(): Promise<string> {
  const { dayKeyFor, systemTimeZone } = await import('../../core/tracker/calendar');
  return dayKeyFor(Math.floor(Date.now() / 1000), systemTimeZone());
}

function checklistStrings(): ChecklistStrings {
  return {
    overall: vscode.l10n.t('{0} of {1} done'),
    percent: vscode.l10n.t('{0}%'),
    file: vscode.l10n.t('File: {0}'),
    openMarkdown: vscode.l10n.t('Open as Markdown'),
    showHidden: vscode.l10n.t('Show hidden items ({0})'),
    sectionProgress: vscode.l10n.t('{0}: {1} of {2} done'),
    emptySection: vscode.l10n.t('No items here yet.'),
    addPlaceholder: vscode.l10n.t('Add your own item…'),
    addLabel: vscode.l10n.t('Add an item to {0}'),
    add: vscode.l10n.t('Add'),
    added: vscode.l10n.t('Added “{0}”.'),
    listKeys: vscode.l10n.t('Up and Down arrows move between items, Right and Left show and hide their details; Tab leaves the list.'),
    details: vscode.l10n.t('Details for “{0}”'),
    source: vscode.l10n.t('Source: {0}'),
    completed: vscode.l10n.t('Done {0}'),
    noteLabel: vscode.l10n.t('Note for “{0}”'),
    notePlaceholder: vscode.l10n.t('A note for yourself (saved in the Markdown file)'),
    saveNote: vscode.l10n.t('Save Note'),
    hide: vscode.l10n.t('Hide'),
    unhide: vscode.l10n.t('Show Again'),
    hidden: vscode.l10n.t('hidden'),
    own: vscode.l10n.t('your item'),
    edit: vscode.l10n.t('Edit'),
    editLabel: vscode.l10n.t('New text for “{0}”'),
    save: vscode.l10n.t('Save'),
    cancel: vscode.l10n.t('Cancel'),
    remove: vscode.l10n.t('Remove'),
    showInFile: vscode.l10n.t('Show in Markdown'),
    fileNote: vscode.l10n.t('1 note about the file'),
    fileNotes: vscode.l10n.t('{0} notes about the file'),
    line: vscode.l10n.t('Line {0}'),
    readOnly: vscode.l10n.t('Read-only'),
  };
}

export class ChecklistController implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ChecklistState>();
  /** Fires with a fresh state whenever the file, the setting or the available commands change. */
  readonly onDidChangeState = this.changeEmitter.event;
  private readonly noticeEmitter = new vscode.EventEmitter<{ message: string; severity: 'info' | 'error' }>();
  readonly onNotice = this.noticeEmitter.event;
  private readonly relocateEmitter = new vscode.EventEmitter<void>();
  /** Fires when the checklist file is now another file (the setting or the folders changed). */
  readonly onDidRelocate = this.relocateEmitter.event;

  private location: ChecklistLocation;
  private store: ChecklistFile | undefined;
  private watcher: vscode.Disposable | undefined;
  private watchingFolder = false;
  private started = false;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private lastState: ChecklistState | undefined;
  private refreshing: Promise<ChecklistState> | undefined;
  private refreshAgain = false;

  constructor(private readonly feature: FeatureContext) {
    this.location = resolveChecklistLocation(feature.context);
    this.disposables.push(
      this.changeEmitter,
      this.noticeEmitter,
      this.relocateEmitter,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(CHECKLIST_SETTINGS)) this.relocate();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.relocate()),
      // Typing in an open editor shows in the sidebar at once (debounced a little).
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.isChecklistDocument(event.document) && event.contentChanges.length > 0) this.scheduleRefresh(150);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.isChecklistDocument(document)) this.scheduleRefresh(0);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.isChecklistDocument(document)) this.scheduleRefresh(0);
      }),
      // Newly installed extensions may bring the commands of item actions.
      vscode.extensions.onDidChange(() => this.scheduleRefresh(0)),
    );
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.watcher?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  get file(): string | undefined {
    return this.location.ok ? this.location.file : undefined;
  }

  get currentState(): ChecklistState | undefined {
    return this.lastState;
  }

  /** True when the document is the checklist file. */
  isChecklistDocument(document: vscode.TextDocument): boolean {
    return this.location.ok && document.uri.scheme === 'file' && samePath(document.uri.fsPath, this.location.file);
  }

  private openDocument(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((document) => this.isChecklistDocument(document) && !document.isClosed);
  }

  private relocate(): void {
    const next = resolveChecklistLocation(this.feature.context);
    const moved = next.ok !== this.location.ok || (next.ok && this.location.ok && !samePath(next.file, this.location.file));
    this.location = next;
    if (moved) {
      this.store = undefined;
      if (this.started) this.watchFile();
      this.relocateEmitter.fire();
    }
    this.scheduleRefresh(0);
  }

  private watchFile(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    if (!this.location.ok) return;
    const folder = path.dirname(this.location.file);
    const name = path.basename(this.location.file);
    const onEvent = () => this.scheduleRefresh(50);
    // A RelativePattern with a folder base also covers files outside the workspace (global storage)…
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), name));
    const parts: vscode.Disposable[] = [watcher, watcher.onDidChange(onEvent), watcher.onDidCreate(onEvent), watcher.onDidDelete(onEvent)];
    // …but it did not report every change outside the workspace in code-server, so the folder is
    // also watched directly. Watching the folder, not the file, survives atomic replaces (renames).
    try {
      const direct = fs.watch(folder, { persistent: false }, (_event, changed) => {
        if (!changed || changed.toString() === name) onEvent();
      });
      direct.on('error', () => direct.close());
      parts.push({ dispose: () => direct.close() });
      this.watchingFolder = true;
    } catch {
      // The folder does not exist yet; watchFile() runs again once the file has been created.
      this.watchingFolder = false;
    }
    this.watcher = vscode.Disposable.from(...parts);
  }

  private async fileStore(): Promise<ChecklistFile | undefined> {
    if (!this.location.ok) return undefined;
    if (this.store?.file === this.location.file) return this.store;
    const { ChecklistFile } = await loadCore();
    this.store = new ChecklistFile(this.location.file, {
      // An open editor with unsaved changes is the newest text: read it and edit it in place, so
      // neither the user's typing nor the sidebar's change is lost.
      read: () => {
        const document = this.openDocument();
        return document?.isDirty ? document.getText() : undefined;
      },
      write: async (oldText, newText) => {
        const document = this.openDocument();
        if (!document?.isDirty || document.getText() !== oldText) return 'retry';
        const edit = new vscode.WorkspaceEdit();
        const { start, end, replacement } = changedRange(oldText, newText);
        edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(end)), replacement);
        return (await vscode.workspace.applyEdit(edit)) ? 'written' : 'retry';
      },
    });
    return this.store;
  }

  scheduleRefresh(delayMs: number): void {
    // Nothing to keep fresh until something has asked for the checklist.
    if (!this.started) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), delayMs);
  }

  /** Re-reads the file and publishes the state. Calls during a refresh coalesce into one more. */
  async refresh(): Promise<ChecklistState> {
    if (!this.started) {
      // Watching starts with the first use, not at activation.
      this.started = true;
      this.watchFile();
    }
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      let state: ChecklistState;
      do {
        this.refreshAgain = false;
        try {
          state = await this.buildState();
        } catch (err) {
          this.feature.log.error(`Checklist: reading the file failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
          state = this.emptyState([{ severity: 'error', message: vscode.l10n.t('The checklist could not be read: {0}', String(err)), actions: [{ action: 'retry', label: vscode.l10n.t('Try Again') }] }]);
        }
      } while (this.refreshAgain);
      this.lastState = state;
      void vscode.commands.executeCommand('setContext', CONTEXT_HAS_HIDDEN, state.hiddenCount > 0);
      this.changeEmitter.fire(state);
      return state;
    })();
    try {
      return await this.refreshing;
    } finally {
      this.refreshing = undefined;
    }
  }

  private emptyState(banners: ChecklistBanner[], editable = false): ChecklistState {
    return {
      strings: checklistStrings(),
      fileLabel: this.location.ok ? this.location.label : '',
      editable,
      sections: [],
      done: 0,
      total: 0,
      hiddenCount: 0,
      banners,
      warnings: [],
    };
  }

  private async buildState(): Promise<ChecklistState> {
    const location = this.location;
    if (!location.ok) {
      return this.emptyState([{ severity: 'error', message: location.message, actions: [{ action: 'chooseLocation', label: vscode.l10n.t('Choose Where It Lives…') }] }]);
    }
    const core = await loadCore();
    const store = (await this.fileStore())!;
    let snapshot = await store.read();
    if (snapshot.status === 'missing' && location.isDefault) {
      // The default file in the extension's own storage is created on first use.
      await store.create(core.generateChecklist(core.catalog));
      snapshot = await store.read();
      if (!this.watchingFolder) this.watchFile();
    }
    if (snapshot.status === 'missing') {
      return this.emptyState([
        {
          severity: 'warning',
          message: vscode.l10n.t('There is no checklist file at {0}.', location.label),
          actions: [
            { action: 'createFile', label: vscode.l10n.t('Create It There') },
            { action: 'chooseLocation', label: vscode.l10n.t('Choose Where It Lives…') },
          ],
        },
      ]);
    }
    if (snapshot.status === 'unreadable') {
      return this.emptyState([
        {
          severity: 'error',
          message: sayMessage(snapshot),
          actions: [
            { action: 'retry', label: vscode.l10n.t('Try Again') },
            { action: 'chooseLocation', label: vscode.l10n.t('Choose Where It Lives…') },
          ],
        },
      ]);
    }

    let text = snapshot.text;
    let parsed = core.parseChecklist(text, core.catalog);
    if (core.shouldAutoMerge(parsed, core.catalog) && snapshot.writable && !snapshot.fromEditor) {
      // A newer catalog: add its new items once; nothing already in the file changes.
      const outcome = await store.edit((current) => core.mergeCatalog(current, core.catalog));
      if (outcome.status === 'written') {
        const added = core.parseChecklist(outcome.text, core.catalog).items.length - parsed.items.length;
        this.feature.log.info(`Checklist: added ${added} new built-in item(s) to ${location.file}`);
        text = outcome.text;
        parsed = core.parseChecklist(text, core.catalog);
      }
    }

    const banners: ChecklistBanner[] = [];
    const canEdit = core.canEditItems(parsed);
    const editable = snapshot.writable && canEdit;
    if (!snapshot.writable) banners.push({ severity: 'warning', message: snapshot.readOnlyNotice ? sayNotice(snapshot.readOnlyNotice) : snapshot.readOnlyReason ?? vscode.l10n.t('The checklist file is read-only.') });
    if (snapshot.fromEditor) banners.push({ severity: 'info', message: vscode.l10n.t('Showing unsaved changes from the open editor; changes made here go into that editor.') });
    for (const warning of parsed.warnings) {
      if (warning.code === 'newer-format' || warning.code.startsWith('front-matter')) {
        banners.push({ severity: 'warning', message: sayMessage(warning), actions: [{ action: 'openFile', label: vscode.l10n.t('Open Checklist as Markdown') }] });
      }
    }
    if (text.trim() === '') {
      banners.push({
        severity: 'warning',
        message: vscode.l10n.t('The checklist file is empty.'),
        actions: editable ? [{ action: 'fillEmpty', label: vscode.l10n.t('Fill It with the Built-in Checklist') }] : [],
      });
    } else if (parsed.catalogVersion === undefined && parsed.frontMatter.status !== 'invalid') {
      const missing = core.missingCatalogItems(parsed, core.catalog).length;
      if (missing > 0) {
        banners.push({
          severity: 'info',
          message: parsed.items.length === 0
            ? vscode.l10n.t('This file has no checklist items yet.')
            : vscode.l10n.t('{0} built-in checklist items are not in this file.', missing),
          actions: editable ? [{ action: 'addMissing', label: vscode.l10n.t('Add the Built-in Items') }] : [],
        });
      }
    } else {
      // The file says it has seen the catalog, yet most of it is gone: a bare "100%" would mislead.
      const mostlyMissing = core.mostBuiltInItemsMissing(parsed, core.catalog);
      if (mostlyMissing) {
        banners.push({
          severity: 'warning',
          message: vscode.l10n.t('{0} of the {1} built-in checklist items are not in this file, so the progress shown counts only the items it has.', mostlyMissing.missing, mostlyMissing.builtIn),
          actions: [
            ...(editable ? [{ action: 'restoreBuiltIn' as const, label: vscode.l10n.t('Add the Missing Steps Back') }] : []),
            { action: 'openFile' as const, label: vscode.l10n.t('Open Checklist as Markdown') },
          ],
        });
      }
    }
    const uncounted = parsed.warnings.filter((w) => w.code === 'id-not-a-task').length;
    if (uncounted > 0) {
      banners.push({
        severity: 'warning',
        message: uncounted === 1
          ? vscode.l10n.t('A line with an item id is not a checkbox task, so its item is not counted. The notes about the file below say which line.')
          : vscode.l10n.t('{0} lines with an item id are not checkbox tasks, so their items are not counted. The notes about the file below say which lines.', uncounted),
      });
    }

    const commands = new Set(await vscode.commands.getCommands(true));
    const content = core.buildChecklistView(parsed, core.catalog, (command) => commands.has(command));
    // Front-matter and format problems are already banners; the list keeps line-level notes.
    const warnings = parsed.warnings.filter((w) => w.code !== 'newer-format' && !w.code.startsWith('front-matter')).map((w) => ({ line: w.line, message: sayMessage(w) }));
    return { strings: checklistStrings(), fileLabel: location.label, editable, ...content, warnings, banners };
  }

  // -------------------------------------------------------------------------------------------
  // Edits

  /** Applies an edit to the current text of the file, then publishes the new state. */
  async edit(name: string, apply: (core: Core, text: string) => EditResult): Promise<EditOutcome | undefined> {
    const store = await this.fileStore();
    if (!store) {
      this.notice(this.location.ok ? '' : this.location.message, 'error');
      return undefined;
    }
    const core = await loadCore();
    let outcome: EditOutcome;
    try {
      outcome = await store.edit((text) => apply(core, text));
    } catch (err) {
      this.feature.log.error(`Checklist: ${name} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      outcome = { status: 'refused', message: vscode.l10n.t('{0} failed: {1}', name, sayError(err)) };
    }
    if (outcome.status === 'refused') {
      this.feature.log.warn(`Checklist: ${name} refused: ${outcome.message}`);
      this.notice(sayMessage(outcome), 'error');
    }
    await this.refresh();
    return outcome;
  }

  setChecked(key: string, checked: boolean): Promise<unknown> {
    return (async () => {
      const stamp = vscode.workspace.getConfiguration(CHECKLIST_SETTINGS).get<boolean>('recordCompletionDate', true) ? await today() : undefined;
      return this.edit(vscode.l10n.t('Checking an item'), (core, text) => core.setItemChecked(text, key, checked, stamp, core.catalog));
    })();
  }

  async setNote(key: string, note: string): Promise<unknown> {
    const outcome = await this.edit(vscode.l10n.t('Saving the note'), (core, text) => core.setItemNote(text, key, note, core.catalog));
    // The field keeps its text after saving, so nothing on screen would change: say it.
    if (outcome?.status === 'written') this.notice(note.trim() ? vscode.l10n.t('Note saved in the checklist file.') : vscode.l10n.t('Note removed from the checklist file.'), 'info');
    return outcome;
  }

  setHidden(key: string, hidden: boolean): Promise<unknown> {
    return this.edit(hidden ? vscode.l10n.t('Hiding an item') : vscode.l10n.t('Showing an item'), (core, text) => core.setItemHidden(text, key, hidden, core.catalog));
  }

  unhideAll(): Promise<unknown> {
    return this.edit(vscode.l10n.t('Showing hidden items'), (core, text) => core.unhideAll(text, core.catalog));
  }

  /** Adds an own item; resolves to its key, or undefined when it was not added. */
  async addItem(sectionKey: string, title: string): Promise<string | undefined> {
    let id: string | undefined;
    const outcome = await this.edit(vscode.l10n.t('Adding an item'), (core, text) => {
      const result = core.addItem(text, sectionKey, title, core.catalog);
      id = result.id;
      return result;
    });
    return outcome?.status === 'written' ? id : undefined;
  }

  editTitle(key: string, title: string): Promise<unknown> {
    return this.edit(vscode.l10n.t('Renaming an item'), (core, text) => {
      const parsed = core.parseChecklist(text, core.catalog);
      if (!core.isCustomItem(parsed, core.catalog, key)) throw new core.ChecklistEditError(vscode.l10n.t('Built-in items are renamed in the Markdown file, not here.'));
      return core.setItemTitle(text, key, title, core.catalog);
    });
  }

  async removeItem(key: string): Promise<unknown> {
    const item = this.lastState?.sections.flatMap((s) => s.items).find((i) => i.key === key);
    const remove = vscode.l10n.t('Remove');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Remove “{0}” from your checklist?', item?.title ?? key),
      { modal: true, detail: vscode.l10n.t('Its line and note are deleted from the Markdown file (Undo works in the editor).') },
      remove,
    );
    if (answer !== remove) return undefined;
    return this.edit(vscode.l10n.t('Removing an item'), (core, text) => {
      const parsed = core.parseChecklist(text, core.catalog);
      if (!core.isCustomItem(parsed, core.catalog, key)) throw new core.ChecklistEditError(vscode.l10n.t('Built-in items can be hidden, not removed.'));
      return core.removeItem(text, key, core.catalog);
    });
  }

  addMissing(): Promise<unknown> {
    return this.edit(vscode.l10n.t('Adding the built-in items'), (core, text) => core.mergeCatalog(text, core.catalog));
  }

  /** Brings back every built-in step the file lacks, deleted ones included (asked for from the banner). */
  restoreBuiltIn(): Promise<unknown> {
    return this.edit(vscode.l10n.t('Adding the missing steps back'), (core, text) => core.mergeCatalog(text, core.catalog, { restoreDeleted: true }));
  }

  fillEmpty(): Promise<unknown> {
    return this.edit(vscode.l10n.t('Filling the checklist'), (core, text) => {
      if (text.trim() !== '') throw new core.ChecklistEditError(vscode.l10n.t('The checklist file is no longer empty, so it was left as it is.'));
      return { text: core.generateChecklist(core.catalog), changed: true };
    });
  }

  async createFile(): Promise<void> {
    const store = await this.fileStore();
    if (!store) return;
    const core = await loadCore();
    try {
      const created = await store.create(core.generateChecklist(core.catalog));
      if (created && !this.watchingFolder) this.watchFile();
      if (!created) this.notice(vscode.l10n.t('A file already exists there; it was left as it is.'), 'info');
    } catch (err) {
      this.notice(vscode.l10n.t('The checklist file could not be created: {0}', sayError(err)), 'error');
    }
    await this.refresh();
  }

  /** Runs an item's action: the command comes from the catalog, never from the webview. */
  async runAction(key: string): Promise<void> {
    const store = await this.fileStore();
    const snapshot = await store?.read();
    if (snapshot?.status !== 'ok') return;
    const core = await loadCore();
    const command = core.actionCommandFor(core.parseChecklist(snapshot.text, core.catalog), core.catalog, key);
    if (!command || !(await vscode.commands.getCommands(true)).includes(command)) {
      this.notice(vscode.l10n.t('That action is not available.'), 'error');
      return;
    }
    await vscode.commands.executeCommand(command);
  }

  /** Opens the Markdown file, at a line when given. */
  async openFile(line?: number): Promise<void> {
    if (!this.location.ok) {
      void vscode.window.showErrorMessage(this.location.message);
      return;
    }
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(this.location.file));
      const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
      await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview: false });
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The checklist file could not be opened: {0}', sayError(err)));
    }
  }

  private notice(message: string, severity: 'info' | 'error'): void {
    if (message) this.noticeEmitter.fire({ message, severity });
  }
}

function samePath(a: string, b: string): boolean {
  const norm = (p: string) => (process.platform === 'win32' || process.platform === 'darwin' ? path.normalize(p).toLowerCase() : path.normalize(p));
  return norm(a) === norm(b);
}

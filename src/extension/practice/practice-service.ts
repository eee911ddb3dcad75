// Loads the decks (built-in, workspace folder, global storage) and the review history on
// first use, keeps them current as files change, and tells listeners when anything did.
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { DeckOrigin, ParsedDeck } from '../../core/practice/deck';
import type { PracticeBook } from '../../core/practice/practice-book';
import type { FeatureContext } from '../feature-context';
import { sayError } from '../notices';

export const SETTINGS = {
  section: 'learnInPublic.practice',
  dailyNewLimit: 'dailyNewLimit',
  decksFolder: 'decksFolder',
  showStatusBar: 'showStatusBar',
} as const;

export const DEFAULT_DECKS_FOLDER = 'interview-decks';
const DEFAULT_DAILY_NEW_LIMIT = 5;

export interface DeckFile {
  readonly uri: vscode.Uri;
  readonly origin: DeckOrigin;
  /** Shown in messages: workspace-relative for workspace decks. */
  readonly label: string;
  /** The workspace folder's name, when there are several: says where a workspace deck lives. */
  readonly place?: string;
}

function settings() {
  return vscode.workspace.getConfiguration(SETTINGS.section);
}

export function dailyNewLimit(): number {
  const value = settings().get<number>(SETTINGS.dailyNewLimit, DEFAULT_DAILY_NEW_LIMIT);
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.min(1000, Math.floor(value))) : DEFAULT_DAILY_NEW_LIMIT;
}

/** The workspace decks folder from the setting, or undefined when it would leave the folder. */
export function decksFolderSetting(): string | undefined {
  const raw = (settings().get<string>(SETTINGS.decksFolder, DEFAULT_DECKS_FOLDER) ?? '').trim() || DEFAULT_DECKS_FOLDER;
  const normal = path.posix.normalize(raw.replace(/\\/g, '/')).replace(/\/+$/, '');
  if (path.posix.isAbsolute(normal) || /^[a-zA-Z]:/.test(normal) || normal === '..' || normal.startsWith('../') || normal === '.') return undefined;
  return normal;
}

export class PracticeService implements vscode.Disposable {
  private bookPromise: Promise<PracticeBook> | undefined;
  private loaded: PracticeBook | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private watchers: vscode.Disposable[] = [];
  private deckFileList: DeckFile[] = [];
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  /** Refreshes when a question comes due or a rating dated ahead starts to count. */
  private nextChangeTimer: ReturnType<typeof setTimeout> | undefined;
  private lastDay: string | undefined;

  constructor(private readonly feature: FeatureContext) {
    // Every change (load, reload, rating, undo) may move the next one: one timer, set again.
    this.disposables.push(this.onDidChange(() => this.scheduleNextChange()));
  }

  get storageRoot(): string {
    return this.feature.context.globalStorageUri.fsPath;
  }
  get historyPath(): string {
    return path.join(this.storageRoot, 'practice', 'history.jsonl');
  }
  get answersRoot(): string {
    return path.join(this.storageRoot, 'practice', 'answers');
  }
  get globalDecksUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.feature.context.globalStorageUri, 'decks');
  }
  get builtinDecksUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.feature.context.extensionUri, 'decks');
  }

  /** The loaded book, or undefined before the first load finished. */
  get current(): PracticeBook | undefined {
    return this.loaded;
  }

  get deckFiles(): readonly DeckFile[] {
    return this.deckFileList;
  }

  /** Loads decks and history on first use. */
  book(): Promise<PracticeBook> {
    this.bookPromise ??= this.load();
    return this.bookPromise;
  }

  private async load(): Promise<PracticeBook> {
    const { PracticeBook } = await import('../../core/practice/practice-book');
    const { systemTimeZone } = await import('../../core/tracker/calendar');
    const book = new PracticeBook({
      historyFile: this.historyPath,
      clock: () => new Date(),
      timeZone: systemTimeZone,
      dailyNewLimit,
    });
    await Promise.all([this.readDecksInto(book), this.readHistoryInto(book)]);
    this.loaded = book;
    this.lastDay = book.today();
    this.watch();
    this.changeEmitter.fire();
    return book;
  }

  private async readHistoryInto(book: PracticeBook): Promise<void> {
    try {
      await book.loadHistory();
      for (const p of book.historyProblems) this.feature.log.warn(`Practice history ${this.historyPath}:${p.line}: ${p.message}`);
    } catch (err) {
      this.feature.log.error(`Could not read the practice history ${this.historyPath}: ${errorText(err)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not read your practice history: {0}. Nothing was changed.', errorText(err)));
    }
  }

  private async readDecksInto(book: PracticeBook): Promise<void> {
    const { parseDeck } = await import('../../core/practice/deck');
    const files = await this.findDeckFiles();
    const parsed: ParsedDeck[] = [];
    for (const f of files) {
      try {
        const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(f.uri));
        parsed.push(parseDeck(text, { file: f.label, origin: f.origin, fallbackId: path.posix.basename(f.uri.path, '.md') }));
      } catch (err) {
        parsed.push({ problems: [{ file: f.label, message: vscode.l10n.t('Could not be read: {0}', errorText(err)) }] });
      }
    }
    book.setDecks(parsed);
    this.deckFileList = files;
    for (const p of book.library.problems) this.feature.log.warn(`Practice deck ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  }

  /** Built-in decks first (their ids win a clash), then workspace folders, then global storage. */
  async findDeckFiles(): Promise<DeckFile[]> {
    const files: DeckFile[] = [];
    const add = async (dir: vscode.Uri, origin: DeckOrigin, label: (name: string) => string, place?: string) => {
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(dir);
      } catch {
        return; // no such folder: no decks there
      }
      for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
        if (type & vscode.FileType.File && name.toLowerCase().endsWith('.md') && !name.startsWith('.')) {
          files.push({ uri: vscode.Uri.joinPath(dir, name), origin, label: label(name), ...(place ? { place } : {}) });
        }
      }
    };
    await add(this.builtinDecksUri, 'builtin', (name) => `decks/${name} (${vscode.l10n.t('built-in')})`);
    const folder = decksFolderSetting();
    if (folder) {
      for (const wf of vscode.workspace.workspaceFolders ?? []) {
        const many = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
        await add(vscode.Uri.joinPath(wf.uri, folder), 'workspace', (name) => (many ? `${wf.name}/${folder}/${name}` : `${folder}/${name}`), many ? wf.name : undefined);
      }
    }
    await add(this.globalDecksUri, 'global', (name) => path.join(this.globalDecksUri.fsPath, name));
    return files;
  }

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const schedule = () => this.scheduleDeckReload();
    const folder = decksFolderSetting();
    const patterns: vscode.RelativePattern[] = [new vscode.RelativePattern(this.globalDecksUri, '*.md')];
    if (folder) for (const wf of vscode.workspace.workspaceFolders ?? []) patterns.push(new vscode.RelativePattern(wf, `${folder}/*.md`));
    for (const pattern of patterns) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      watcher.onDidChange(schedule, undefined, this.watchers);
      watcher.onDidCreate(schedule, undefined, this.watchers);
      watcher.onDidDelete(schedule, undefined, this.watchers);
      this.watchers.push(watcher);
    }
    // Saving a deck in this window: reload at once rather than waiting for the watcher.
    vscode.workspace.onDidSaveTextDocument((doc) => {
      const dir = vscode.Uri.joinPath(doc.uri, '..').toString();
      const inDeckFolder = this.deckFolders().some((d) => d.toString() === dir);
      if (inDeckFolder || this.deckFileList.some((f) => f.uri.toString() === doc.uri.toString())) schedule();
    }, undefined, this.watchers);
  }

  private deckFolders(): vscode.Uri[] {
    const folder = decksFolderSetting();
    const dirs = [this.globalDecksUri];
    if (folder) for (const wf of vscode.workspace.workspaceFolders ?? []) dirs.push(vscode.Uri.joinPath(wf.uri, folder));
    return dirs;
  }

  watchConfiguration(): vscode.Disposable[] {
    return [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!this.loaded) return;
        if (e.affectsConfiguration(`${SETTINGS.section}.${SETTINGS.decksFolder}`)) {
          this.watch();
          this.scheduleDeckReload();
        } else if (e.affectsConfiguration(SETTINGS.section)) {
          this.changeEmitter.fire();
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        if (!this.loaded) return;
        this.watch();
        this.scheduleDeckReload();
      }),
      // Another window may have rated questions, and the day may have turned: refresh on focus.
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused && this.loaded) void this.reloadHistory();
      }),
    ];
  }

  scheduleDeckReload(): void {
    if (!this.loaded) return;
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reloadDecks(), 250); // coalesce bursts of file events
  }

  async reloadDecks(): Promise<void> {
    const book = await this.book();
    await this.readDecksInto(book);
    this.changeEmitter.fire();
  }

  async reloadHistory(): Promise<void> {
    const book = await this.book();
    await this.readHistoryInto(book);
    this.lastDay = book.today();
    this.changeEmitter.fire();
  }

  /** Fires a change when the local day turned since the last look (for due counts). */
  checkDayTurned(): void {
    if (!this.loaded) return;
    const today = this.loaded.today();
    if (today !== this.lastDay) {
      this.lastDay = today;
      this.changeEmitter.fire();
    }
  }

  private scheduleNextChange(): void {
    if (this.nextChangeTimer) clearTimeout(this.nextChangeTimer);
    this.nextChangeTimer = undefined;
    const book = this.loaded;
    if (!book) return;
    // A second after the instant, so the new day (or the rating's time) has surely come. The
    // history is read again: a rating dated ahead counts only when the schedule is rebuilt.
    const delay = Math.max(1000, book.nextChangeMs() - Date.now() + 1000);
    this.nextChangeTimer = setTimeout(() => {
      this.nextChangeTimer = undefined;
      this.reloadHistory().catch((err) => this.feature.log.error(`Practice: ${errorText(err)}`));
    }, delay);
    this.nextChangeTimer.unref?.(); // a wait of up to a day must not keep a process alive on its own
  }

  notifyChanged(): void {
    this.changeEmitter.fire();
  }

  dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    if (this.nextChangeTimer) clearTimeout(this.nextChangeTimer);
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

export function errorText(err: unknown): string {
  return sayError(err);
}

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import '../tracker/fake-vscode'; // before the modules that import 'vscode'
import { parseDeck } from '../../../src/core/practice/deck';
import { PracticeBook } from '../../../src/core/practice/practice-book';
import type { PracticeService } from '../../../src/extension/practice/practice-service';
import type { PracticeSession as PracticeSessionType } from '../../../src/extension/practice/practice-session';
import { registerTsxForDynamicImports } from '../../support/dynamic-imports';

// The extension layer driven in Node: the shared fake `vscode` gets the few more pieces these
// modules touch, before they are loaded (their `import * as vscode` copies the names it sees).

type Listener<T> = (value: T) => void;
class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class Uri {
  private constructor(readonly fsPath: string) {}
  static file(p: string): Uri {
    return new Uri(p);
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return new Uri(path.join(base.fsPath, ...segments));
  }
  get path(): string {
    return this.fsPath;
  }
  toString(): string {
    return `file://${this.fsPath}`;
  }
}

const noEvent = () => ({ dispose: () => undefined });
const shown: string[] = [];
const fakeVscode = require('vscode') as Record<string, Record<string, unknown>>;
Object.assign(fakeVscode, {
  EventEmitter,
  Uri,
  ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
  QuickPickItemKind: { Separator: -1, Default: 0 },
  RelativePattern: class {},
  FileType: { File: 1, Directory: 2 },
  commands: { executeCommand: async () => undefined },
});
Object.assign(fakeVscode.window, {
  onDidChangeActiveTextEditor: noEvent,
  activeTextEditor: undefined,
  showInformationMessage: async (message: string) => void shown.push(message),
  showWarningMessage: async (message: string) => void shown.push(message),
  showErrorMessage: async (message: string) => void shown.push(message),
  // An editor whose cursor the user already moved: the session leaves it where it is.
  showTextDocument: async () => ({ document: { lineCount: 0, lineAt: () => ({ text: '' }) }, selection: { isEmpty: false } }),
});
Object.assign(fakeVscode.workspace, {
  textDocuments: [],
  fs: { readFile: async (uri: Uri) => fs.promises.readFile(uri.fsPath) },
});

const { PracticeSession } = require('../../../src/extension/practice/practice-session') as { PracticeSession: typeof PracticeSessionType };

function fakePanel() {
  return {
    visible: true,
    viewColumn: 2,
    webview: { options: {}, html: '', cspSource: 'vscode-resource:', asWebviewUri: (u: Uri) => u, onDidReceiveMessage: noEvent, postMessage: async () => true },
    onDidChangeViewState: noEvent,
    onDidDispose: noEvent,
    reveal: () => undefined,
    dispose: () => undefined,
  };
}

const DECK = ['---', 'id: ml', 'name: ML', '---', '## What is recall? <!-- id: recall -->', 'The share of positives found.', '', '## What is precision? <!-- id: precision -->', 'Right among predicted.', ''].join('\n');

describe('practice session: rating', () => {
  const dirs: string[] = [];
  let unregister: (() => Promise<void>) | undefined;
  before(async () => {
    unregister = await registerTsxForDynamicImports();
  });
  after(async () => {
    await unregister?.();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function sessionOnRevealedQuestion() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lip-review-'));
    dirs.push(dir);
    const historyFile = path.join(dir, 'practice', 'history.jsonl');
    const book = new PracticeBook({ historyFile, clock: () => new Date('2024-03-01T12:00:00Z'), timeZone: () => 'UTC', dailyNewLimit: () => 5 });
    book.setDecks([parseDeck(DECK, { file: 'decks/ml.md', origin: 'workspace', fallbackId: 'ml' })]);
    const service = {
      answersRoot: path.join(dir, 'practice', 'answers'),
      current: book,
      book: async () => book,
      onDidChange: noEvent,
      notifyChanged: () => undefined,
    } as unknown as PracticeService;
    const feature = { context: { extensionUri: Uri.file(dir), subscriptions: [] }, log: { info() {}, warn() {}, error() {} } };
    const session = new PracticeSession(feature as never, service);
    // A window reload hands the panel back on a revealed question: the quickest way there.
    await session.restorePanel(fakePanel() as never, { key: 'ml/recall', reason: 'new', revealed: true, checked: [] });
    const ratingLines = () => fs.readFileSync(historyFile, 'utf8').split('\n').filter((l) => l.includes('"rating"'));
    return { session, ratingLines };
  }

  it('undo brings back the question as it was shown (new, not "chosen"), with its own answer in the editor', async () => {
    const { session } = await sessionOnRevealedQuestion();
    const window = fakeVscode.window as { showTextDocument: (uri: Uri, options?: unknown) => Promise<unknown> };
    const showTextDocument = window.showTextDocument;
    const shownAnswers: string[] = [];
    window.showTextDocument = async (uri: Uri, options?: unknown) => {
      shownAnswers.push(path.basename(path.dirname(uri.fsPath)));
      return showTextDocument(uri, options);
    };
    try {
      await session.rate('good'); // moves on to ml/precision, whose answer the editor now shows
      await session.undo();
      const state = await session.buildState();
      assert.equal(state?.question?.key, 'ml/recall');
      assert.equal(state?.question?.reason, 'new');
      assert.equal(state?.phase, 'revealed');
      assert.equal(shownAnswers.at(-1), 'recall', `answers shown: ${shownAnswers.join(', ')}`);
    } finally {
      window.showTextDocument = showTextDocument;
      session.dispose();
    }
  });

  it('pressing a rating twice quickly records the question once, not twice', async () => {
    const { session, ratingLines } = await sessionOnRevealedQuestion();
    // Alt+3 pressed twice (or "Good" double-clicked): the second arrives while the first is writing.
    await Promise.all([session.rate('good'), session.rate('good')]);
    const lines = ratingLines();
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /"id":"ml\/recall"/);
    session.dispose();
  });

  it('the next rating after the first one finished goes to the next question', async () => {
    const { session, ratingLines } = await sessionOnRevealedQuestion();
    await session.rate('good');
    await session.rate('easy'); // the next question is not revealed yet: this reveals it
    await session.rate('easy');
    assert.deepEqual(ratingLines().map((l) => (JSON.parse(l) as { id: string; rating: string })).map((r) => `${r.id}:${r.rating}`), ['ml/recall:good', 'ml/precision:easy']);
    session.dispose();
  });
});

describe('practice pickers: a first-time user is told what to do', () => {
  const { chooseQuestion, openDeck } = require('../../../src/extension/practice/practice-decks') as typeof import('../../../src/extension/practice/practice-decks');
  const window = fakeVscode.window as { showQuickPick?: unknown };
  let showQuickPick: unknown;
  const placeHolders: (string | undefined)[] = [];
  let shownItems: { label: string; description?: string; detail?: string }[] = [];
  let unregister: (() => Promise<void>) | undefined;
  before(async () => {
    unregister = await registerTsxForDynamicImports(); // the deck commands import core modules on first use
    showQuickPick = window.showQuickPick;
    // Escape: only the question asked matters here.
    window.showQuickPick = async (items: unknown, options: { placeHolder?: string }) => {
      placeHolders.push(options.placeHolder);
      shownItems = items as { label: string; description?: string; detail?: string }[];
    };
  });
  after(async () => {
    window.showQuickPick = showQuickPick;
    await unregister?.();
  });

  function serviceWithDeck() {
    const book = new PracticeBook({ historyFile: path.join(os.tmpdir(), 'lip-no-history', 'history.jsonl'), clock: () => new Date('2024-03-01T12:00:00Z'), timeZone: () => 'UTC', dailyNewLimit: () => 5 });
    book.setDecks([parseDeck(DECK, { file: 'decks/ml.md', origin: 'builtin', fallbackId: 'ml' })]);
    const deckFiles = [{ label: 'decks/ml.md', uri: Uri.file('/ext/decks/ml.md'), origin: 'builtin' }];
    return { book: async () => book, deckFiles } as unknown as PracticeService;
  }

  it('"Practise an Interview Question" says to pick a question, that typing searches, and that the suggested one is first', async () => {
    await chooseQuestion(serviceWithDeck(), {} as never);
    assert.match(placeHolders.at(-1) ?? '', /Which question.*Type to search.*suggested one is first/);
  });

  it('each question says whether it is new or due on a line of its own, where a long question cannot hide it', async () => {
    await chooseQuestion(serviceWithDeck(), {} as never);
    const questions = shownItems.filter((item) => !item.label.startsWith('$(') && item.detail !== undefined);
    assert.ok(questions.length > 0);
    for (const item of questions) assert.match(item.detail ?? '', /^(new|due today|next on .*)$/);
  });

  it('"Where should the new deck live?" in a multi-root workspace: the active file\'s folder first, then one that holds decks', async () => {
    const { importDeck } = require('../../../src/extension/practice/practice-decks') as typeof import('../../../src/extension/practice/practice-decks');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lip-import-'));
    const folder = (name: string) => ({ name, uri: Object.assign(Uri.file(path.join(dir, name)), { scheme: 'file' }) });
    const workspace = fakeVscode.workspace as Record<string, unknown>;
    const windowFake = fakeVscode.window as Record<string, unknown>;
    const saved = { folders: workspace.workspaceFolders, fs: workspace.fs, editor: windowFake.activeTextEditor };
    try {
      const source = path.join(dir, 'mine.md');
      fs.writeFileSync(source, '## What is recall? <!-- id: recall -->\nThe share of positives found.\n');
      workspace.workspaceFolders = [folder('notes'), folder('site'), folder('interviews')];
      workspace.fs = { readFile: async (uri: Uri) => fs.promises.readFile(uri.fsPath) };
      windowFake.activeTextEditor = { document: { uri: Object.assign(Uri.file(path.join(dir, 'interviews', 'plan.md')), { scheme: 'file' }) } };
      const service = {
        ...serviceWithDeck(),
        book: serviceWithDeck().book,
        globalDecksUri: Uri.file(path.join(dir, 'global')),
        deckFiles: [{ label: 'site/interview-decks/ml.md', uri: Uri.file(path.join(dir, 'site', 'interview-decks', 'ml.md')), origin: 'workspace' }],
      } as unknown as PracticeService;
      await importDeck({ log: { info() {}, warn() {}, error() {} } } as never, service, Uri.file(source) as never);
      assert.deepEqual(shownItems.map((i) => i.label), ['$(folder) interviews/interview-decks', '$(folder) site/interview-decks', '$(folder) notes/interview-decks', '$(device-desktop) This machine only']);
    } finally {
      workspace.workspaceFolders = saved.folders;
      workspace.fs = saved.fs;
      windowFake.activeTextEditor = saved.editor;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('"Open Deck as Markdown" says which decks open for editing and which as a preview', async () => {
    await openDeck(serviceWithDeck());
    assert.match(placeHolders.at(-1) ?? '', /Yours open for editing; the built-in one opens as a preview/);
  });
});

describe('practice sidebar view: hidden and shown again', () => {
  const { PracticeViewProvider } = require('../../../src/extension/practice/practice-view') as typeof import('../../../src/extension/practice/practice-view');

  function fakeView() {
    const messages = new EventEmitter<unknown>();
    const visibility = new EventEmitter<void>();
    const disposed = new EventEmitter<void>();
    const posted: unknown[] = [];
    const view = {
      visible: true,
      webview: { options: {}, html: '', cspSource: 'vscode-resource:', asWebviewUri: (u: Uri) => u, onDidReceiveMessage: messages.event, postMessage: async (m: unknown) => void posted.push(m) },
      onDidChangeVisibility: visibility.event,
      onDidDispose: disposed.event,
    };
    return { view, posted, messages, dispose: () => disposed.fire() };
  }

  it('keeps updating the new view when the old one is disposed after it, and lets the old one go', () => {
    const changes = new EventEmitter<void>();
    const service = { onDidChange: changes.event, current: undefined, checkDayTurned: () => undefined };
    const session = { onDidChange: new EventEmitter<void>().event };
    const feature = { context: { extensionUri: Uri.file(os.tmpdir()), subscriptions: [] }, log: { info() {}, warn() {}, error() {} } };
    const provider = new PracticeViewProvider(feature as never, service as never, session as never, {} as never);
    const first = fakeView();
    const second = fakeView();
    provider.resolveWebviewView(first.view as never);
    provider.resolveWebviewView(second.view as never);
    // VS Code may report the old view's end after the new one is in place.
    first.dispose();
    changes.fire();
    assert.equal(second.posted.length, 1, 'the new view still gets the state');
    // The old view's message listener was released with it.
    assert.equal((first.messages as unknown as { listeners: unknown[] }).listeners.length, 0);
    provider.dispose();
  });
});

describe('practice session panel: the first thing it shows', () => {
  it('a panel handed back after a reload says it is loading at once, while decks and history are still being read', async () => {
    const neverLoaded = new Promise<never>(() => undefined);
    const service = { current: undefined, book: () => neverLoaded, onDidChange: noEvent } as unknown as PracticeService;
    const feature = { context: { extensionUri: Uri.file(os.tmpdir()), subscriptions: [] }, log: { info() {}, warn() {}, error() {} } };
    const session = new PracticeSession(feature as never, service);
    const panel = fakePanel();
    void session.restorePanel(panel as never, { key: 'ml/recall', reason: 'new', revealed: false, checked: [] });
    await new Promise((resolve) => setImmediate(resolve));
    const root = /<div id="root"[^>]*>([\s\S]*?)<\/div>/.exec(panel.webview.html)?.[1] ?? '';
    assert.match(root, /<p [^>]*role="status"[^>]*>.*Loading the practice session…<\/p>/, `#root: ${root}`);
    assert.match(root, /class="[^"]*lip-muted/, 'in the muted theme text colour');
    // The panel's own layout from the first paint, not only once the first state arrives.
    assert.match(panel.webview.html, /<body [^>]*data-mode="session"/);
    session.dispose();
  });
});

describe('practice service: a long-running window catches up by itself', () => {
  const { PracticeService: Service } = require('../../../src/extension/practice/practice-service') as typeof import('../../../src/extension/practice/practice-service');
  let unregister: (() => Promise<void>) | undefined;
  const dirs: string[] = [];
  before(async () => {
    unregister = await registerTsxForDynamicImports();
    const watcher = { onDidChange: noEvent, onDidCreate: noEvent, onDidDelete: noEvent, dispose: () => undefined };
    Object.assign(fakeVscode.workspace, {
      createFileSystemWatcher: () => watcher,
      onDidSaveTextDocument: noEvent,
      workspaceFolders: undefined,
      fs: {
        readFile: async (uri: Uri) => fs.promises.readFile(uri.fsPath),
        readDirectory: async () => {
          throw new Error('no decks here');
        },
      },
    });
  });
  after(async () => {
    await unregister?.();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a rating dated ahead is picked up when it starts to count: the practice view refreshes then, with nothing else happening', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lip-service-'));
    dirs.push(dir);
    fs.mkdirSync(path.join(dir, 'practice'));
    // Written by a clock a day and two hours fast: it starts to count in two hours.
    const at = new Date(Date.now() + 26 * 3_600_000).toISOString();
    fs.writeFileSync(path.join(dir, 'practice', 'history.jsonl'), `${JSON.stringify({ v: 1, id: 'ml/recall', rating: 'good', at })}\n`);
    const feature = { context: { extensionUri: Uri.file(dir), globalStorageUri: Uri.file(dir), subscriptions: [] }, log: { info() {}, warn() {}, error() {} } };
    const timers: { delay: number; callback: () => void }[] = [];
    const realSetTimeout = globalThis.setTimeout;
    globalThis.setTimeout = ((callback: () => void, delay = 0) => {
      timers.push({ delay, callback });
      return realSetTimeout(callback, delay);
    }) as typeof setTimeout;
    const service = new Service(feature as never);
    try {
      await service.book();
      const refresh = timers.at(-1);
      assert.ok(refresh, 'a refresh is scheduled');
      const twoHours = 2 * 3_600_000;
      assert.ok(Math.abs(refresh.delay - twoHours) < 5_000, `refresh in ${refresh.delay} ms, not in about two hours`);
      // When it fires, the view is told to redraw (and the next refresh is set, in place of this one).
      let changes = 0;
      service.onDidChange(() => changes++);
      refresh.callback();
      await new Promise((resolve) => realSetTimeout(resolve, 50));
      assert.equal(changes, 1);
    } finally {
      globalThis.setTimeout = realSetTimeout;
      service.dispose();
    }
  });
});

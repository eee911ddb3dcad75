// The "Interview Practice" sidebar view: due today, next due date, the week, and the decks
// with their counts and problems.
import * as vscode from 'vscode';
import type { DeckSummary, PracticeToExtension, PracticeToWebview, ProblemView, SidebarState } from '../../core/protocol/practice';
import type { FeatureContext } from '../feature-context';
import { renderWebviewHtml, webviewOptions } from '../webview-host';
import type { PracticeService } from './practice-service';
import type { PracticeSession } from './practice-session';
import { formatDay, practiceStrings } from './practice-strings';
import type { CoreNotice } from '../../core/notices';
import { sayMessage } from '../notices';

export const PRACTICE_VIEW_ID = 'learnInPublic.practice';

export class PracticeViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly feature: FeatureContext,
    private readonly service: PracticeService,
    private readonly session: PracticeSession,
    private readonly commands: {
      practiseDue(): Promise<void>;
      practiseChoose(): Promise<void>;
      importDeck(): Promise<void>;
      openDeck(target: string): Promise<void>;
      openProblem(target: string, line?: number): Promise<void>;
    },
  ) {
    this.disposables.push(
      service.onDidChange(() => this.postState()),
      session.onDidChange(() => this.postState()),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const { extensionUri } = this.feature.context;
    view.webview.options = webviewOptions(extensionUri);
    view.webview.html = renderWebviewHtml(view.webview, extensionUri, { entry: 'practice', title: vscode.l10n.t('Interview Practice'), loading: vscode.l10n.t('Loading your questions…') });
    // This view's own listeners go with it: a view hidden and shown again is a new view.
    const subscriptions = [
      view.webview.onDidReceiveMessage((m: PracticeToExtension) => void this.onMessage(m)),
      view.onDidChangeVisibility(() => {
        if (view.visible) this.service.checkDayTurned();
      }),
    ];
    view.onDidDispose(() => {
      if (this.view === view) this.view = undefined;
      for (const s of subscriptions) s.dispose();
    });
  }

  private async onMessage(message: PracticeToExtension): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
          this.postState();
          void this.service.book().catch((err) => this.feature.log.error(`Practice: ${err instanceof Error ? err.stack : String(err)}`));
          return;
        case 'webviewError':
          this.feature.log.error(`Practice view: ${message.message}${message.stack ? `\n${message.stack}` : ''}`);
          return;
        case 'practiseDue':
          await this.commands.practiseDue();
          return;
        case 'practiseChoose':
          await this.commands.practiseChoose();
          return;
        case 'showSession':
          this.session.showPanel();
          return;
        case 'importDeck':
          await this.commands.importDeck();
          return;
        case 'undo':
          await this.session.undo();
          return;
        // Only files the view listed: a message cannot open anything else.
        case 'openDeck':
          if (this.isDeckFile(message.target)) await this.commands.openDeck(message.target);
          return;
        case 'openProblem':
          if (this.isDeckFile(message.target)) await this.commands.openProblem(message.target, message.line);
          return;
        default:
          return; // panel-only messages
      }
    } catch (err) {
      this.feature.log.error(`Practice view: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
  }

  private isDeckFile(target: string): boolean {
    return this.service.deckFiles.some((f) => f.uri.toString() === target);
  }

  private postState(): void {
    if (!this.view) return;
    void this.view.webview.postMessage({ type: 'state', state: this.buildState() } satisfies PracticeToWebview);
  }

  buildState(): SidebarState {
    const strings = practiceStrings();
    const book = this.service.current;
    if (!book) {
      return { mode: 'sidebar', strings, loading: true, dueToday: 0, newToday: 0, week: [], daysPractisedThisWeek: 0, decks: [], brokenDecks: [], historyProblems: [], canUndo: false };
    }
    const stats = book.stats();
    const today = book.today();
    const files = this.service.deckFiles;
    const targetOf = (label: string) => files.find((f) => f.label === label)?.uri.toString();
    const problemView = (p: { file: string; line?: number; message: string; notice?: CoreNotice }): ProblemView => ({ file: p.file, line: p.line, message: sayMessage(p), target: targetOf(p.file) });
    const deckFilesInUse = new Set(book.decks.map((d) => d.file));
    const decks: DeckSummary[] = book.decks.map((deck) => ({
      name: deck.name,
      file: deck.file,
      origin: deck.origin,
      place: files.find((f) => f.label === deck.file)?.place,
      questions: deck.questions.length,
      due: deck.questions.filter((q) => {
        const s = book.state(q.key);
        return !!s && s.dueDay <= today;
      }).length,
      target: targetOf(deck.file) ?? '',
      problems: book.library.problems.filter((p) => p.file === deck.file).map(problemView),
    }));
    return {
      mode: 'sidebar',
      strings,
      loading: false,
      dueToday: stats.dueToday,
      newToday: stats.newToday,
      nextDue: stats.nextDueDay ? formatDay(stats.nextDueDay) : undefined,
      week: stats.week.map((d) => ({
        label: formatDay(d.day, { weekday: 'narrow' }),
        title: formatDay(d.day, { weekday: 'long', day: 'numeric', month: 'long' }),
        practised: d.practised,
        today: d.day === today,
      })),
      daysPractisedThisWeek: stats.daysPractisedThisWeek,
      decks,
      brokenDecks: book.library.problems.filter((p) => !deckFilesInUse.has(p.file)).map(problemView),
      historyProblems: book.historyProblems.map((p) => ({ file: this.service.historyPath, line: p.line, message: sayMessage(p) })),
      sessionQuestion: this.session.isOpen ? this.session.currentQuestionText : undefined,
      canUndo: !!book.schedule.lastRating(),
    };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

// One practice session: the current question, its answer document, the panel beside it
// (reveal, key points, rating buttons) and the walk through today's questions.
import * as vscode from 'vscode';
import { isGrade, type Grade } from '../../core/practice/history-log';
import type { LastAttempt } from '../../core/practice/last-attempt';
import type { Pick } from '../../core/practice/queue';
import type { PracticeToExtension, PracticeToWebview, SessionState } from '../../core/protocol/practice';
import type { FeatureContext } from '../feature-context';
import { renderWebviewHtml, webviewOptions } from '../webview-host';
import { errorText, type PracticeService } from './practice-service';
import { formatDay, intervalLabel, practiceStrings, ratingLabels, shortcutLabel } from './practice-strings';

export const PANEL_VIEW_TYPE = 'learnInPublic.practicePanel';
export const CONTEXT_SESSION_ACTIVE = 'learnInPublic.practice.sessionActive';
export const CONTEXT_ANSWER_ACTIVE = 'learnInPublic.practice.answerActive';

type Reason = 'due' | 'new' | 'leastRecent' | 'chosen';

interface CurrentQuestion {
  readonly key: string;
  readonly reason: Reason;
  readonly answerUri: vscode.Uri;
  revealed: boolean;
  checked: boolean[];
  userAnswer: string;
  /** The last time it came up, read when it was shown (its answer file is the only one the panel may open). */
  lastAttempt: LastAttempt;
}

const RATING_KEYS: Record<Grade, string> = { again: '1', hard: '2', good: '3', easy: '4' };

export class PracticeSession implements vscode.Disposable {
  private current: CurrentQuestion | undefined;
  private done = false;
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private lastRated: string | undefined;
  /** A rating is being recorded (and the next question brought up). */
  private rating = false;
  /** Questions rated since the panel opened, with why each was shown (undo brings that back). */
  private readonly ratedThisSession = new Map<string, Reason>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when the session starts, moves on or ends (the sidebar shows "Continue"). */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly feature: FeatureContext,
    private readonly service: PracticeService,
  ) {
    this.disposables.push(
      this.changeEmitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContextKeys()),
      service.onDidChange(() => this.postState()),
    );
  }

  /** The question in progress, for the sidebar. */
  get currentQuestionText(): string | undefined {
    return this.current && this.service.current?.find(this.current.key)?.question.question;
  }

  get isOpen(): boolean {
    return !!this.panel;
  }

  // ------------------------------------------------------------------ starting

  /** Today's walk: due questions first, then new ones up to the daily limit. */
  async startDue(): Promise<void> {
    const book = await this.service.book();
    const pick = book.todaysQueue().find((p) => !this.ratedThisSession.has(p.question.key));
    if (!pick) {
      this.finish();
      return;
    }
    await this.show(pick.question.key, pick.reason);
  }

  /** A question of the user's choosing (from the quick pick or another feature). */
  async startChosen(key: string): Promise<void> {
    const book = await this.service.book();
    if (!book.find(key)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No deck has the question "{0}" any more.', key));
      return;
    }
    await this.show(key, 'chosen');
  }

  /** Nothing left today: practise the question practised longest ago. */
  async practiseAhead(): Promise<void> {
    const book = await this.service.book();
    const pick: Pick | undefined = book.pickNext(new Set(this.ratedThisSession.keys())) ?? book.pickNext();
    if (!pick) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There are no questions in any deck yet.'));
      return;
    }
    await this.show(pick.question.key, pick.reason);
  }

  private async show(key: string, reason: Reason, options: { revealed?: boolean; focusAnswer?: boolean; checked?: readonly boolean[] } = {}): Promise<void> {
    const book = await this.service.book();
    const found = book.find(key);
    if (!found) return;
    const answerUri = await this.ensureAnswerDocument(key, found.question.question, book.today());
    const checked = found.question.keyPoints.map((_, i) => options.checked?.[i] === true);
    const lastAttempt = await this.readLastAttempt(key, book.today(), book.schedule.timeZone);
    this.current = { key, reason, answerUri, revealed: false, checked, userAnswer: '', lastAttempt };
    this.done = false;
    if (options.focusAnswer !== false) {
      // The panel's page takes a second or more to load: it is created as soon as the answer's
      // tab is in its column, not when the editor has finished opening (0.5-0.9 s later, measured).
      // Not before the tab: VS Code puts a panel asked for "beside" an empty window into that
      // same group, and the answer would then hide it.
      const column = this.answerColumn();
      const shown = vscode.window.showTextDocument(answerUri, { viewColumn: column, preview: false });
      if (!this.panel) await tabOpened(answerUri, column, shown);
      this.ensurePanel();
      placeCursorForAnswer(await shown);
    }
    this.ensurePanel();
    if (options.revealed) await this.reveal();
    this.postState();
    this.updateContextKeys();
    this.changeEmitter.fire();
  }

  /** The column the answer goes in: where it already is, else the one left of the panel. */
  private answerColumn(): vscode.ViewColumn {
    const panelColumn = this.panel?.viewColumn;
    if (panelColumn && panelColumn > vscode.ViewColumn.One) return panelColumn - 1;
    return vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
  }

  private async ensureAnswerDocument(key: string, question: string, today: string): Promise<vscode.Uri> {
    const { answerPath, answerTemplate } = await import('../../core/practice/answer-document');
    const { createFileExclusive } = await import('../../core/safe-fs');
    const file = answerPath(this.service.answersRoot, key, today);
    // A translation must not be able to close the comment early.
    const hintText = vscode.l10n.t('Write your answer below. Then run "Reveal Model Answer" to compare it with the model answer.').replace(/--/g, '- -');
    // An answer started earlier today is continued, never replaced.
    await createFileExclusive(file, answerTemplate(question, `<!-- ${hintText} -->`));
    return vscode.Uri.file(file);
  }

  private async readLastAttempt(key: string, today: string, timeZone: string): Promise<LastAttempt> {
    const { readLastAttempt } = await import('../../core/practice/last-attempt');
    try {
      return await readLastAttempt({ historyFile: this.service.historyPath, answersRoot: this.service.answersRoot, key, timeZone, beforeDay: today });
    } catch (err) {
      this.feature.log.warn(`Could not read the last attempt at ${key}: ${errorText(err)}`);
      return {};
    }
  }

  // ------------------------------------------------------------------ reveal and rate

  async reveal(): Promise<void> {
    const current = this.current;
    if (!current) {
      void this.noSession();
      return;
    }
    const { extractAnswer } = await import('../../core/practice/answer-document');
    const book = await this.service.book();
    const question = book.find(current.key)?.question.question;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === current.answerUri.toString());
    let text = '';
    try {
      if (doc) {
        text = doc.getText();
        if (doc.isDirty) await doc.save(); // the answer is kept next to the question's history
      } else {
        text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(current.answerUri));
      }
    } catch (err) {
      this.feature.log.warn(`Could not read the answer ${current.answerUri.fsPath}: ${errorText(err)}`);
    }
    current.userAnswer = extractAnswer(text, question);
    current.revealed = true;
    this.ensurePanel();
    this.postState();
  }

  async rate(rating: Grade): Promise<void> {
    const current = this.current;
    if (!current) {
      void this.noSession();
      return;
    }
    // A second press (a double click, a held shortcut) arrives while the first is still being
    // written and would rate the same question again: the first one wins until the next is shown.
    if (this.rating) return;
    this.rating = true;
    try {
      await this.rateCurrent(current, rating);
    } finally {
      this.rating = false;
    }
  }

  private async rateCurrent(current: CurrentQuestion, rating: Grade): Promise<void> {
    if (!current.revealed) {
      // Rating without comparing defeats the point: show the model answer first.
      await this.reveal();
      void vscode.window.showInformationMessage(vscode.l10n.t('Compare your answer with the model answer, then rate it.'));
      return;
    }
    const book = await this.service.book();
    const question = book.find(current.key)?.question.question ?? current.key;
    try {
      const outcome = await book.rate(current.key, rating);
      const due = outcome.state?.dueDay;
      this.lastRated = due
        ? vscode.l10n.t('{0}: "{1}" comes back on {2}.', ratingLabels()[rating], question, formatDay(due))
        : vscode.l10n.t('{0}: "{1}".', ratingLabels()[rating], question);
    } catch (err) {
      this.feature.log.error(`Could not record the rating: ${errorText(err)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not record the rating: {0}. Nothing was changed.', errorText(err)));
      return;
    }
    this.ratedThisSession.set(current.key, current.reason);
    this.service.notifyChanged();
    const next = book.todaysQueue().find((p) => !this.ratedThisSession.has(p.question.key));
    if (next) await this.show(next.question.key, next.reason);
    else this.finish();
  }

  async undo(): Promise<void> {
    const book = await this.service.book();
    let undone;
    try {
      undone = await book.undoLast();
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not undo: {0}. Nothing was changed.', errorText(err)));
      return;
    }
    if (!undone) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no rating to undo.'));
      return;
    }
    // Shown again as what it was (due, new), not as a question the user chose.
    const reason = this.ratedThisSession.get(undone.id) ?? 'chosen';
    this.ratedThisSession.delete(undone.id);
    const found = book.find(undone.id);
    const message = vscode.l10n.t('Undid "{0}" for "{1}".', ratingLabels()[undone.rating], found?.question.question ?? undone.id);
    this.lastRated = message;
    this.service.notifyChanged();
    if (this.panel && found) {
      // Back to the same question, answer revealed, so it can be rated again.
      await this.show(undone.id, reason, { revealed: true, focusAnswer: false });
      // The editor still shows the next question's answer: bring this one's back beside the panel.
      if (this.current) await vscode.window.showTextDocument(this.current.answerUri, { viewColumn: this.answerColumn(), preview: false, preserveFocus: true });
    } else {
      void vscode.window.showInformationMessage(message);
    }
  }

  toggleKeyPoint(key: string, index: number, checked: boolean): void {
    if (this.current?.key !== key || !Number.isInteger(index) || index < 0 || index >= this.current.checked.length) return;
    this.current.checked[index] = checked === true;
  }

  async openAnswer(): Promise<void> {
    if (this.current) placeCursorForAnswer(await vscode.window.showTextDocument(this.current.answerUri, { viewColumn: this.answerColumn(), preview: false }));
  }

  /** Opens the answer written the last time `key` came up: the file found when it was shown, nothing the webview names. */
  async openLastAnswer(key: string): Promise<void> {
    const current = this.current;
    const file = current?.key === key ? current.lastAttempt.answer?.file : undefined;
    if (!current || !file) return;
    const { isAnswerFileOf } = await import('../../core/practice/last-attempt');
    if (!isAnswerFileOf(this.service.answersRoot, key, file)) {
      this.feature.log.error(`Practice: refused to open ${file}, which is not an answer to ${key}.`);
      return;
    }
    try {
      await vscode.window.showTextDocument(vscode.Uri.file(file), { viewColumn: this.answerColumn(), preview: true });
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not open your last answer: {0}', errorText(err)));
    }
  }

  private finish(): void {
    this.current = undefined;
    this.done = true;
    this.ensurePanel();
    this.postState();
    this.updateContextKeys();
    this.changeEmitter.fire();
  }

  private async noSession(): Promise<void> {
    const start = vscode.l10n.t('Practise Due Questions');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('No question is being practised.'), start);
    if (choice === start) await this.startDue();
  }

  // ------------------------------------------------------------------ panel

  /** Brings the panel back (from the sidebar's "Continue"). */
  showPanel(): void {
    if (this.panel) this.panel.reveal(undefined, true);
    else if (this.current || this.done) this.ensurePanel();
  }

  private ensurePanel(): void {
    if (this.panel) {
      if (!this.panel.visible) this.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      vscode.l10n.t('Practice Session'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(this.feature.context.extensionUri),
    );
    this.adoptPanel(panel);
  }

  /**
   * After a window reload VS Code hands back the panel with what the webview saved: the
   * question comes back where it was (answer revealed, key points ticked). A question no deck
   * has any more, or no saved question, shows the "done" screen with its way back in.
   */
  async restorePanel(panel: vscode.WebviewPanel, saved: unknown): Promise<void> {
    if (this.panel) {
      panel.dispose(); // a session is already open in this window
      return;
    }
    panel.webview.options = webviewOptions(this.feature.context.extensionUri); // a restored panel's are not ours yet
    this.adoptPanel(panel);
    const { parseSavedPanelState } = await import('../../core/practice/saved-panel-state');
    const state = parseSavedPanelState(saved);
    const book = await this.service.book();
    if (state && book.find(state.key)) {
      await this.show(state.key, state.reason, { revealed: state.revealed, checked: state.checked, focusAnswer: false });
    } else {
      this.finish();
    }
  }

  private adoptPanel(panel: vscode.WebviewPanel): void {
    const { extensionUri } = this.feature.context;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activity-bar.svg');
    panel.webview.html = renderWebviewHtml(panel.webview, extensionUri, { entry: 'practice', title: vscode.l10n.t('Practice Session'), loading: vscode.l10n.t('Loading the practice session…'), mode: 'session' });
    panel.webview.onDidReceiveMessage((m: PracticeToExtension) => void this.onMessage(m), undefined, this.panelDisposables);
    panel.onDidChangeViewState(() => this.updateContextKeys(), undefined, this.panelDisposables);
    panel.onDidDispose(() => {
      this.panel = undefined;
      for (const d of this.panelDisposables.splice(0)) d.dispose();
      // Closing the panel ends the session; history is already on disk.
      this.current = undefined;
      this.done = false;
      this.lastRated = undefined;
      this.ratedThisSession.clear();
      this.updateContextKeys();
      this.changeEmitter.fire();
    }, undefined, this.panelDisposables);
    this.panel = panel;
  }

  private async onMessage(message: PracticeToExtension): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
          this.postState();
          return;
        case 'webviewError':
          this.feature.log.error(`Practice panel: ${message.message}${message.stack ? `\n${message.stack}` : ''}`);
          return;
        case 'reveal':
          if (message.key === this.current?.key) await this.reveal();
          return;
        case 'rate':
          // The rating goes into the history log as written: only the four grades get there.
          if (message.key === this.current?.key && isGrade(message.rating)) await this.rate(message.rating);
          return;
        case 'toggleKeyPoint':
          this.toggleKeyPoint(message.key, message.index, message.checked);
          return;
        case 'openAnswer':
          await this.openAnswer();
          return;
        case 'openLastAnswer':
          await this.openLastAnswer(message.key);
          return;
        case 'practiseAhead':
          await this.practiseAhead();
          return;
        case 'practiseDue':
          await this.startDue();
          return;
        case 'undo':
          await this.undo();
          return;
        default:
          return; // sidebar-only messages
      }
    } catch (err) {
      this.feature.log.error(`Practice: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
  }

  private postState(): void {
    if (!this.panel) return;
    void this.buildState().then((state) => {
      if (state) void this.panel?.webview.postMessage({ type: 'state', state } satisfies PracticeToWebview);
    });
  }

  async buildState(): Promise<SessionState | undefined> {
    const book = this.service.current;
    if (!book) return undefined;
    const { markdownBlocks, inlineSpans } = await import('../../core/practice/markdown-blocks');
    const { compactInterval } = await import('../../core/practice/interval');
    const strings = practiceStrings();
    const current = this.current;
    const found = current && book.find(current.key);
    const queue = book.todaysQueue().filter((p) => !this.ratedThisSession.has(p.question.key) && p.question.key !== current?.key);
    const nextDue = book.stats().nextDueDay;
    const base = {
      mode: 'session' as const,
      strings,
      remaining: queue.length,
      lastRated: this.lastRated,
      nextDue: nextDue ? formatDay(nextDue, { weekday: 'long', day: 'numeric', month: 'long' }) : undefined,
      revealShortcut: shortcutLabel('0'),
    };
    if (!current || !found) {
      return { ...base, phase: 'done', userAnswer: [], modelAnswer: [], keyPoints: [], sources: [], ratings: [] };
    }
    const labels = ratingLabels();
    const ratings = book.preview(current.key).map((p) => {
      const compact = compactInterval(p.days);
      return {
        rating: p.rating,
        label: labels[p.rating],
        interval: intervalLabel(compact.value, compact.unit),
        description: vscode.l10n.t('{0}: comes back on {1}', labels[p.rating], formatDay(p.dueDay, { weekday: 'long', day: 'numeric', month: 'long' })),
        shortcut: shortcutLabel(RATING_KEYS[p.rating]),
      };
    });
    const q = found.question;
    return {
      ...base,
      lastAttempt: lastAttemptView(current.lastAttempt),
      phase: current.revealed ? 'revealed' : 'answering',
      question: { key: q.key, text: inlineSpans(q.question), deckName: found.deck.name, reason: current.reason },
      userAnswer: current.revealed ? markdownBlocks(current.userAnswer) : [],
      modelAnswer: current.revealed ? markdownBlocks(q.answer) : [],
      keyPoints: current.revealed ? q.keyPoints.map((p, i) => ({ text: inlineSpans(p), checked: current.checked[i] ?? false })) : [],
      sources: current.revealed ? q.sources : [],
      ratings: current.revealed ? ratings : [],
    };
  }

  private updateContextKeys(): void {
    const sessionActive = !!this.current && !!this.panel;
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    const answerActive = sessionActive && active === this.current?.answerUri.toString();
    void vscode.commands.executeCommand('setContext', CONTEXT_SESSION_ACTIVE, sessionActive);
    void vscode.commands.executeCommand('setContext', CONTEXT_ANSWER_ACTIVE, answerActive);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** "Last time: Nov 24, 2026 — rated Good", or undefined when the question never came up before. */
function lastAttemptView(last: LastAttempt): SessionState['lastAttempt'] {
  const day = last.ratedDay ?? last.answer?.day;
  if (!day) return undefined;
  const date = formatDay(day, { year: 'numeric', month: 'short', day: 'numeric' });
  const text = last.rating
    ? vscode.l10n.t('Last time: {0} — rated {1}', date, ratingLabels()[last.rating.rating])
    : vscode.l10n.t('Last time: {0} — not rated', date);
  return { text, canOpenAnswer: !!last.answer };
}

/** Resolves once a tab of `uri` is in `column`'s group, or when `until` settles, whichever comes first. */
function tabOpened(uri: vscode.Uri, column: vscode.ViewColumn, until: Thenable<unknown>): Promise<void> {
  const target = uri.toString();
  const isThere = () =>
    vscode.window.tabGroups.all.some((group) => group.viewColumn === column && group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === target));
  if (isThere()) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const listener = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (isThere()) done();
    });
    const done = () => {
      listener.dispose();
      resolve();
    };
    until.then(done, done);
  });
}

/**
 * Puts the cursor where the answer goes — the end of the document, below the question and
 * the hint — unless it is already further down (the user is writing, and came back).
 */
function placeCursorForAnswer(editor: vscode.TextEditor): void {
  const doc = editor.document;
  const lastHeadLine = Math.min(doc.lineCount, 12);
  let hintEnd = -1;
  for (let line = 0; line < lastHeadLine; line++) if (doc.lineAt(line).text.includes('-->')) hintEnd = line;
  if (!editor.selection.isEmpty || editor.selection.active.line > hintEnd) return;
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end));
}

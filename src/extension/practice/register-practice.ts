// Interview practice with spaced repetition: commands, the sidebar view, the practice panel
// and the status bar hint. Registration is cheap; decks, history and FSRS load on first use.
import * as vscode from 'vscode';
import type { Grade } from '../../core/practice/history-log';
import type { FeatureContext } from '../feature-context';
import { learningActivityChanged } from '../learning-activity';
import { chooseQuestion, importDeck, openAtLine, openDeck } from './practice-decks';
import { PracticeService, SETTINGS } from './practice-service';
import { PANEL_VIEW_TYPE, PracticeSession } from './practice-session';
import { PRACTICE_VIEW_ID, PracticeViewProvider } from './practice-view';
import { sayError } from '../notices';

export function registerPractice(feature: FeatureContext): void {
  const { context } = feature;
  const service = new PracticeService(feature);
  const session = new PracticeSession(feature, service);
  const guard = (name: string, run: (...args: unknown[]) => Promise<void>) => async (...args: unknown[]) => {
    try {
      await run(...args);
    } catch (err) {
      feature.log.error(`${name}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Interview practice: {0}', sayError(err)));
    }
  };
  const rate = (rating: Grade) => guard(`rate ${rating}`, () => session.rate(rating));
  const practiseDue = () => session.startDue();
  const practiseChoose = () => chooseQuestion(service, session);

  const view = new PracticeViewProvider(feature, service, session, {
    practiseDue,
    practiseChoose,
    importDeck: () => importDeck(feature, service),
    openDeck: (target) => openDeck(service, target),
    openProblem: (target, line) => openAtLine(vscode.Uri.parse(target), line),
  });

  const statusBar = vscode.window.createStatusBarItem('learnInPublic.practice.due', vscode.StatusBarAlignment.Left, 20);
  statusBar.name = vscode.l10n.t('Interview Practice');
  statusBar.command = 'learnInPublic.practice.due';
  const updateStatusBar = () => {
    const book = service.current;
    const show = vscode.workspace.getConfiguration(SETTINGS.section).get<boolean>(SETTINGS.showStatusBar, true);
    const due = book?.stats().dueToday ?? 0;
    if (!show || due === 0) {
      statusBar.hide();
      return;
    }
    statusBar.text = `$(mortar-board) ${due}`;
    statusBar.tooltip = vscode.l10n.t('{0} interview questions due today. Click to practise.', due);
    statusBar.accessibilityInformation = { label: vscode.l10n.t('{0} interview questions due today', due) };
    statusBar.show();
  };

  context.subscriptions.push(
    service,
    session,
    view,
    statusBar,
    ...service.watchConfiguration(),
    service.onDidChange(updateStatusBar),
    // A rating (or an undo) can start or save today's streak in the tracker.
    service.onDidChange(() => learningActivityChanged()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SETTINGS.section}.${SETTINGS.showStatusBar}`)) updateStatusBar();
    }),
    vscode.window.registerWebviewViewProvider(PRACTICE_VIEW_ID, view),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, saved) => guard('restore', () => session.restorePanel(panel, saved))(),
    }),
    vscode.commands.registerCommand('learnInPublic.practice.start', guard('start', async (key?: unknown) => {
      if (typeof key === 'string' && key.includes('/')) await session.startChosen(key);
      else await practiseChoose();
    })),
    vscode.commands.registerCommand('learnInPublic.practice.due', guard('due', practiseDue)),
    vscode.commands.registerCommand('learnInPublic.practice.reveal', guard('reveal', () => session.reveal())),
    vscode.commands.registerCommand('learnInPublic.practice.rateAgain', rate('again')),
    vscode.commands.registerCommand('learnInPublic.practice.rateHard', rate('hard')),
    vscode.commands.registerCommand('learnInPublic.practice.rateGood', rate('good')),
    vscode.commands.registerCommand('learnInPublic.practice.rateEasy', rate('easy')),
    vscode.commands.registerCommand('learnInPublic.practice.undo', guard('undo', () => session.undo())),
    vscode.commands.registerCommand('learnInPublic.practice.importDeck', guard('import', async (uri?: unknown) => {
      await importDeck(feature, service, uri instanceof vscode.Uri ? uri : undefined);
    })),
    vscode.commands.registerCommand('learnInPublic.practice.openDeck', guard('openDeck', () => openDeck(service))),
  );

  // The status bar hint needs the due count: load shortly after activation, off the startup path.
  const timer = setTimeout(() => {
    void service.book().catch((err) => feature.log.error(`Practice: ${err instanceof Error ? err.stack ?? err.message : String(err)}`));
  }, 3000);
  // The service's timer wakes at the next due change, but timers do not count time the machine
  // sleeps: after a night with the lid shut it would fire hours late. Re-check now and then.
  const dayCheck = setInterval(() => service.checkDayTurned(), 5 * 60_000);
  context.subscriptions.push({ dispose: () => (clearTimeout(timer), clearInterval(dayCheck)) });
}

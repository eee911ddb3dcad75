import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { historyLines, panelFrame } from './practice-page';
import { expectWalkthroughStepDone, launchWorkbench, openWalkthroughOnce, makeTempDir, runCommandAndPick, runExactCommand, waitFor, type Workbench } from './harness';

const QUESTION_KEY = 'ml-interview/precision-vs-recall';

async function showPracticeView(wb: Workbench): Promise<FrameLocator> {
  await wb.openView();
  const header = wb.page.locator('.pane-header', { hasText: 'Interview Practice' }).first();
  await header.waitFor({ timeout: 60_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  // Wait until the view has drawn before changing the layout again.
  await (await wb.viewFrame('Interview Practice')).locator('[data-testid="due-today"]').waitFor({ timeout: 60_000 });
  // Give the practice view the room: fold the other sections of the container.
  for (const other of ['Career Checklist', 'Job Search']) {
    const h = wb.page.locator('.pane-header', { hasText: other }).first();
    if ((await h.count()) && (await h.getAttribute('aria-expanded')) === 'true') await h.click();
  }
  return wb.viewFrame('Interview Practice');
}

describe('Interview practice in a real VS Code', function () {
  let wb: Workbench;
  let workspace: string;

  before(async function () {
    workspace = makeTempDir();
    // A user deck with one good question and one that reuses an id: the error is shown, the rest works.
    fs.mkdirSync(path.join(workspace, 'interview-decks'));
    fs.writeFileSync(
      path.join(workspace, 'interview-decks', 'my-questions.md'),
      '---\nid: mine\nname: My questions\n---\n## What is overfitting? <!-- id: overfitting -->\nThe model memorises noise.\n\n| Error | Training | Validation |\n|---|:-:|:-:|\n| Overfitting | low | high |\n\n## What is underfitting? <!-- id: overfitting -->\nToo simple a model.\n',
    );
    wb = await launchWorkbench({ workspace, theme: 'dark', settings: { 'learnInPublic.practice.dailyNewLimit': 0 } });
    // History before the extension reads it: precision/recall rated Again five days ago, so it is due.
    const dir = path.join(wb.globalStorage, 'practice');
    fs.mkdirSync(dir, { recursive: true });
    const fiveDaysAgo = new Date(Date.now() - 5 * 86_400_000).toISOString();
    fs.writeFileSync(path.join(dir, 'history.jsonl'), `${JSON.stringify({ v: 1, id: QUESTION_KEY, rating: 'again', at: fiveDaysAgo })}\n`);
  });
  after(async function () {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('practise a due question → reveal → rate Good: no longer due today, and the log has one line more', async function () {
    const view = await showPracticeView(wb);
    await view.locator('[data-testid="due-today"] .stat-value', { hasText: '1' }).waitFor({ timeout: 60_000 });
    await view.locator('.problem', { hasText: 'already used by the question on line 5' }).waitFor({ timeout: 30_000 });
    await wb.screenshot('practice-sidebar-dark');
    assert.equal(historyLines(wb).length, 1);

    // Today in the week is ringed in the text colour, not in the focus colour: nothing there takes focus.
    const todayRing = await view.locator('.day.today .day-dot').evaluate((dot) => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--vscode-focusBorder)';
      document.body.append(probe);
      const focus = getComputedStyle(probe).color;
      probe.remove();
      const style = getComputedStyle(dot);
      return { ring: style.outlineColor, width: style.outlineWidth, text: getComputedStyle(document.body).color, focus };
    });
    assert.notEqual(todayRing.ring, todayRing.focus, JSON.stringify(todayRing));
    assert.equal(todayRing.ring, todayRing.text, JSON.stringify(todayRing));
    assert.notEqual(todayRing.width, '0px');

    await openWalkthroughOnce(wb);
    const clicked = Date.now();
    await view.locator('[data-testid="practise-today"]:not([secondary])', { hasText: 'Practise due questions' }).click();
    // Where the time goes before the panel has drawn: the answer's tab, the panel's tab, its page.
    const since = (done: Promise<unknown>) => done.then(() => Date.now() - clicked, () => -1);
    const answerTabAfter = since(wb.page.locator('.tab', { hasText: 'precision-vs-recall-' }).first().waitFor({ timeout: 60_000 }));
    const panelTabAfter = since(wb.page.locator('.tab', { hasText: 'Practice Session' }).first().waitFor({ timeout: 60_000 }));
    const panel = await panelFrame(wb);
    // From its first paint the panel says something: the loading line, or already the question.
    const firstText = await panel.evaluate(() => document.getElementById('root')?.textContent?.trim() ?? '');
    const paintedAfter = Date.now() - clicked;
    assert.match(firstText, /Loading the practice session…|What are precision and recall\?/);
    await panel.locator('[data-testid="question"]', { hasText: 'What are precision and recall?' }).waitFor({ timeout: 30_000 });
    // Side by side: the answer's group does not hold the panel as a second tab.
    const answerGroup = wb.page.locator('.editor-group-container', { has: wb.page.locator('.tab', { hasText: 'precision-vs-recall-' }) });
    assert.equal(await answerGroup.count(), 1);
    assert.equal(await answerGroup.locator('.tab', { hasText: 'Practice Session' }).count(), 0);
    console.log(`      practice panel, ms after the click: answer tab ${await answerTabAfter}, panel tab ${await panelTabAfter}, first text ${paintedAfter} ("${firstText.slice(0, 40)}"), question ${Date.now() - clicked}`);

    // The answer document is open in the editor, its cursor below the question and the hint:
    // typing at once writes the answer there, not into the heading.
    await wb.page.locator('.tab.active', { hasText: 'precision-vs-recall-' }).first().waitFor({ timeout: 30_000 });
    await wb.page.locator('.monaco-editor.focused').first().waitFor({ timeout: 30_000 });
    await wb.page.keyboard.type('Recall is the share of actual positives the model finds. Precision is the share of predicted positives that are right.');
    await wb.page.locator('.monaco-editor .view-line', { hasText: 'Recall is the share' }).first().waitFor({ timeout: 10_000 });
    await wb.screenshot('practice-answering-dark');

    // Reveal with the keyboard shortcut while the answer document is active.
    await wb.page.keyboard.press('Alt+0');
    await panel.locator('[data-testid="model-answer"]').waitFor({ timeout: 30_000 });
    await panel.locator('[data-testid="your-answer"]', { hasText: 'share of actual positives the model finds' }).waitFor({ timeout: 30_000 });
    assert.doesNotMatch(await panel.locator('[data-testid="your-answer"]').innerText(), /What are precision and recall/);
    await panel.locator('vscode-checkbox').nth(1).click();
    await panel.locator('vscode-checkbox').nth(2).click();
    await panel.locator('.covered', { hasText: '2 of 4 covered' }).waitFor({ timeout: 10_000 });
    // The source is named as a reader knows it, with the cited file kept.
    await panel.locator('.source', { hasText: /Career Connection.*\(000_5534f9212d9dcf8f\.txt\)/ }).waitFor({ timeout: 10_000 });
    const goodInterval = (await panel.locator('.rating-good .interval').textContent())?.trim();
    assert.match(goodInterval ?? '', /^\d+(\.\d)?(d|w|mo|y)$/);
    await panel.locator('[data-testid="rate-good"]').scrollIntoViewIfNeeded();
    await wb.screenshot('practice-revealed-dark');

    await panel.locator('[data-testid="rate-good"]').click();
    const lines = await waitFor(() => (historyLines(wb).length === 2 ? historyLines(wb) : undefined), 'a second line in the history log');
    const last = JSON.parse(lines[1]) as { v: number; id: string; rating: string; at: string };
    assert.deepEqual([last.v, last.id, last.rating], [1, QUESTION_KEY, 'good']);
    assert.ok(Number.isFinite(Date.parse(last.at)));

    // Nothing else is due and no new questions today (limit 0): the panel says so, the sidebar shows 0.
    await panel.locator('h1', { hasText: 'All done for today' }).waitFor({ timeout: 30_000 });
    await view.locator('[data-testid="due-today"] .stat-value', { hasText: '0' }).waitFor({ timeout: 30_000 });
    await view.locator('.day.today.practised').waitFor({ timeout: 30_000 });
    // Nothing due and no new questions left: today's button is no longer the view's main action.
    await view.locator('[data-testid="practise-today"][secondary]').waitFor({ timeout: 30_000 });
    // The week counts the days gone by (Monday to today), not seven days, some still to come.
    const daysSoFar = ((new Date().getDay() + 6) % 7) + 1;
    await view.locator('.week-summary', { hasText: new RegExp(`^1 of ${daysSoFar} days? practised so far this week$`) }).waitFor({ timeout: 30_000 });
    await wb.screenshot('practice-done-dark');
    // Started from the sidebar's button, not the palette: the walkthrough's step is ticked all the same.
    await expectWalkthroughStepDone(wb, 'Practise an interview question');
  });

  it('undo appends a reversal and brings the question back to rate again (light theme)', async function () {
    await wb.setTheme('light');
    await wb.runCommand('Undo Last Rating');
    await waitFor(() => historyLines(wb).length === 3, 'an undo line in the history log');
    const undo = JSON.parse(historyLines(wb)[2]) as { undo: number; id: string };
    assert.deepEqual([undo.undo, undo.id], [2, QUESTION_KEY]);

    const panel = await panelFrame(wb);
    await panel.locator('[data-testid="rate-good"]').waitFor({ timeout: 30_000 });
    await panel.locator('[data-testid="rate-good"]').scrollIntoViewIfNeeded();
    const view = await wb.viewFrame('Interview Practice');
    await view.locator('[data-testid="due-today"] .stat-value', { hasText: '1' }).waitFor({ timeout: 30_000 });
    await view.locator('.day.today.practised').waitFor({ state: 'detached', timeout: 30_000 });
    await wb.screenshot('practice-revealed-light');
    // With the sidebar hidden the panel is wide enough to show both answers side by side.
    await runExactCommand(wb.page, 'View: Toggle Primary Side Bar Visibility');
    await panel.locator('[data-testid="your-answer"]').scrollIntoViewIfNeeded();
    await wb.screenshot('practice-revealed-wide-light');
  });

  it('a window reload brings the panel back on the same question, answer revealed and key points still ticked', async function () {
    const before = await panelFrame(wb);
    await before.locator('vscode-checkbox').nth(0).click();
    await before.locator('vscode-checkbox').nth(3).click();
    await before.locator('.covered', { hasText: '2 of 4 covered' }).waitFor({ timeout: 10_000 });
    const reloaded = wb.page.waitForEvent('load', { timeout: 60_000 });
    await runExactCommand(wb.page, 'Developer: Reload Window');
    await reloaded;
    await wb.page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 60_000 });
    const after = await panelFrame(wb);
    // Not blank while the extension starts and reads decks and history again: the loading line is there from the first paint.
    const firstText = await after.evaluate(() => document.getElementById('root')?.textContent?.trim() ?? '');
    assert.match(firstText, /Loading the practice session…|What are precision and recall\?/);
    await after.locator('[data-testid="question"]', { hasText: 'What are precision and recall?' }).waitFor({ timeout: 60_000 });
    await after.locator('[data-testid="model-answer"]').waitFor({ timeout: 30_000 });
    await after.locator('.covered', { hasText: '2 of 4 covered' }).waitFor({ timeout: 30_000 });
    await wb.screenshot('practice-restored-light');
    // Still the same session: rating it records it, as before the reload.
    await after.locator('[data-testid="rate-good"]').click();
    await waitFor(() => historyLines(wb).length === 4, 'the rating after the reload in the history log');
    assert.equal((JSON.parse(historyLines(wb)[3]) as { rating: string }).rating, 'good');
    // Nothing else is due: the panel settles on its done screen before the next test.
    await after.locator('h1', { hasText: 'All done for today' }).waitFor({ timeout: 30_000 });
  });

  it('draws a table in a model answer as a table', async function () {
    await runCommandAndPick(wb.page, 'Learn in Public: Practise an Interview Question', 'What is overfitting', 'What is overfitting?');
    const panel = await panelFrame(wb);
    await panel.locator('[data-testid="question"]', { hasText: 'What is overfitting?' }).waitFor({ timeout: 30_000 });
    await runExactCommand(wb.page, 'Learn in Public: Reveal Model Answer');
    const table = panel.locator('[data-testid="model-answer"] .md-table table');
    await table.waitFor({ timeout: 30_000 });
    assert.deepEqual(await table.locator('th').allTextContents(), ['Error', 'Training', 'Validation']);
    assert.deepEqual(await table.locator('tbody td').allTextContents(), ['Overfitting', 'low', 'high']);
    assert.equal(await table.locator('td').nth(1).evaluate((td) => getComputedStyle(td).textAlign), 'center');
    await wb.screenshot('practice-table-light');
  });

  it('imports a CSV deck through the file dialog into the workspace decks folder, and its questions can be practised', async function () {
    const csv = path.join(workspace, 'ml-flashcards.csv');
    fs.writeFileSync(csv, 'front,back\n"What does a confusion matrix show?","Counts of predicted against actual classes."\nWhat is a learning rate?,The step size of gradient descent.\n');
    await runExactCommand(wb.page, 'Learn in Public: Import Deck from CSV/TSV');
    // code-server's file dialog is a quick input that takes a typed path.
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 30_000 });
    // The dialog fills in its starting folder a moment after it shows: type the path after that.
    await waitFor(async () => ((await input.inputValue()).endsWith('/') ? true : undefined), "the file dialog's starting folder");
    // Into the workspace folder, then pick the file from the dialog's list, as a user would.
    await input.fill(`${workspace}/`);
    const fileRow = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'ml-flashcards.csv' }).first();
    await fileRow.waitFor({ timeout: 30_000 });
    await fileRow.click();
    // Clicking the file's row accepts the dialog. Then the deck's name, filled in from the file name: Enter keeps it.
    await waitFor(async () => ((await input.inputValue()) === 'ml flashcards' ? true : undefined), 'the deck name filled in');
    await input.press('Enter');
    // Then where the deck goes: the workspace's decks folder, offered first.
    await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'interview-decks' }).first().waitFor({ timeout: 30_000 });
    await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'interview-decks' }).first().click();
    const deckFile = path.join(workspace, 'interview-decks', 'ml-flashcards.md');
    const markdown = await waitFor(() => (fs.existsSync(deckFile) ? fs.readFileSync(deckFile, 'utf8') : undefined), 'the imported deck on disk');
    assert.match(markdown, /^## What does a confusion matrix show\?/m);
    assert.match(markdown, /^## What is a learning rate\?/m);
    assert.equal(fs.readFileSync(csv, 'utf8').startsWith('front,back'), true, 'the CSV is left as it was');
    await wb.page.locator('.notifications-toasts', { hasText: 'Imported 2 questions' }).waitFor({ timeout: 30_000 });
    // The sidebar lists the new deck, and its questions are there to practise.
    const view = await showPracticeView(wb);
    await view.locator('.deck', { hasText: 'ml flashcards' }).waitFor({ timeout: 30_000 });
    await runCommandAndPick(wb.page, 'Learn in Public: Practise an Interview Question', 'learning rate', 'What is a learning rate?');
    const panel = await panelFrame(wb);
    await panel.locator('[data-testid="question"]', { hasText: 'What is a learning rate?' }).waitFor({ timeout: 30_000 });
    await wb.screenshot('practice-imported-deck-light');
  });
});

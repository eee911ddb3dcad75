import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { historyLines, panelFrame } from './practice-page';
import { launchWorkbench, makeTempDir, runCommandAndPick, runExactCommand, waitFor, type Workbench } from './harness';

const QUESTION = 'Explain the bias-variance trade-off.';
const QUESTION_KEY = 'mine/bias-variance';
const EARLIER_ANSWER = 'Bias is error from wrong assumptions; variance is error from sensitivity to the training set.';

const localDayKey = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const shownDate = (d: Date) => d.toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' });

/** A model answer long enough to fill more than the panel's height at 1280x800. */
function longAnswer(): string {
  const paragraphs = Array.from(
    { length: 14 },
    (_, i) =>
      `Paragraph ${i + 1}. A model with high bias misses the pattern in the data (underfitting), while a model with high variance follows the noise of its training set (overfitting); total error is bias squared plus variance plus irreducible noise, so reducing one usually raises the other.`,
  );
  return `${paragraphs.join('\n\n')}\n\nKey points:\n- Bias: error from too simple assumptions\n- Variance: error from sensitivity to the training data\n- Total error decomposes into bias², variance and noise\n- Regularisation and more data move the balance\n- Cross-validation finds the sweet spot\n`;
}

describe('Interview practice history in a real VS Code', function () {
  let wb: Workbench;
  let workspace: string;
  const earlier = new Date();
  earlier.setDate(earlier.getDate() - 5);
  earlier.setHours(12, 0, 0, 0);

  before(async function () {
    workspace = makeTempDir();
    fs.mkdirSync(path.join(workspace, 'interview-decks'));
    fs.writeFileSync(
      path.join(workspace, 'interview-decks', 'my-questions.md'),
      `---\nid: mine\nname: My questions\n---\n## ${QUESTION} <!-- id: bias-variance -->\n${longAnswer()}`,
    );
    wb = await launchWorkbench({ workspace, theme: 'dark', settings: { 'learnInPublic.practice.dailyNewLimit': 0 } });
    // Before the extension reads them: the question was answered and rated Again five days ago, so it is due.
    const dir = path.join(wb.globalStorage, 'practice');
    const answers = path.join(dir, 'answers', 'mine', 'bias-variance');
    fs.mkdirSync(answers, { recursive: true });
    fs.writeFileSync(path.join(dir, 'history.jsonl'), `${JSON.stringify({ v: 1, id: QUESTION_KEY, rating: 'again', at: earlier.toISOString() })}\n`);
    fs.writeFileSync(path.join(answers, `bias-variance-${localDayKey(earlier)}.md`), `# ${QUESTION}\n\n${EARLIER_ANSWER}\n`);
  });
  after(async function () {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('a question that comes back says when it was last rated and how, and opens the answer written then', async function () {
    await runExactCommand(wb.page, 'Learn in Public: Practise Due Questions');
    const panel = await panelFrame(wb);
    await panel.locator('[data-testid="question"]', { hasText: QUESTION }).waitFor({ timeout: 60_000 });
    const line = panel.locator('[data-testid="last-attempt"]');
    await line.waitFor({ timeout: 30_000 });
    assert.equal((await line.locator('span:not(.codicon)').first().textContent())?.trim(), `Last time: ${shownDate(earlier)} — rated Again`);

    // Today's answer is written first, in the document the session opened.
    await wb.page.locator('.tab.active', { hasText: 'bias-variance-' }).first().waitFor({ timeout: 30_000 });
    await wb.page.locator('.monaco-editor.focused').first().waitFor({ timeout: 30_000 });
    await wb.page.keyboard.type('Bias underfits, variance overfits.');
    await wb.page.locator('.monaco-editor .view-line', { hasText: 'Bias underfits' }).first().waitFor({ timeout: 10_000 });
    await wb.screenshot('practice-history-last-time-dark');

    await panel.locator('[data-testid="open-last-answer"]').click();
    await wb.page.locator('.tab.active', { hasText: `bias-variance-${localDayKey(earlier)}.md` }).first().waitFor({ timeout: 30_000 });
    await wb.page.locator('.monaco-editor .view-line', { hasText: 'error from wrong assumptions' }).first().waitFor({ timeout: 30_000 });
    await wb.screenshot('practice-history-last-answer-open-dark');
  });

  it('after reveal the four rating buttons stay in the viewport under a long model answer', async function () {
    const panel = await panelFrame(wb);
    await runExactCommand(wb.page, 'Learn in Public: Reveal Model Answer');
    await panel.locator('[data-testid="model-answer"]', { hasText: 'Paragraph 14.' }).waitFor({ timeout: 30_000 });
    const layout = await panel.evaluate(() => ({
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
      scrollHeight: document.documentElement.scrollHeight,
      buttons: ['again', 'hard', 'good', 'easy'].map((r) => {
        const b = document.querySelector(`[data-testid="rate-${r}"]`)!.getBoundingClientRect();
        return { r, top: b.top, bottom: b.bottom, left: b.left, right: b.right };
      }),
    }));
    assert.ok(layout.scrollHeight > layout.innerHeight + 200, `the model answer is longer than the panel: ${JSON.stringify(layout)}`);
    for (const b of layout.buttons) {
      assert.ok(b.top >= 0 && b.bottom <= layout.innerHeight && b.left >= 0 && b.right <= layout.innerWidth, `${b.r} is in view: ${JSON.stringify(layout)}`);
    }
    await wb.screenshot('practice-history-revealed-sticky-dark');
    // Scrolled to the end, the bar is still there and nothing of the answer is hidden under it for good.
    await panel.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await panel.locator('.source, [data-testid="model-answer"]').last().waitFor({ timeout: 10_000 });
    await wb.screenshot('practice-history-revealed-scrolled-dark');

    await panel.locator('[data-testid="rate-good"]').click();
    await waitFor(() => (historyLines(wb).length === 2 ? true : undefined), 'the rating in the history log');
    await panel.locator('h1', { hasText: 'All done for today' }).waitFor({ timeout: 30_000 });
  });

  it('practised again the same day, it says it was rated Good today', async function () {
    await runCommandAndPick(wb.page, 'Learn in Public: Practise an Interview Question', 'bias-variance', QUESTION);
    const panel = await panelFrame(wb);
    await panel.locator('[data-testid="question"]', { hasText: QUESTION }).waitFor({ timeout: 30_000 });
    const line = panel.locator('[data-testid="last-attempt"]', { hasText: `Last time: ${shownDate(new Date())} — rated Good` });
    await line.waitFor({ timeout: 30_000 });
    await wb.screenshot('practice-history-again-today-dark');
  });
});

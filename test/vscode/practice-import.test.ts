import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchWorkbench, makeTempDir, runExactCommand, waitFor, type Workbench } from './harness';

// Import Deck from CSV/TSV as a user meets it: the file dialog, the deck's name, and what is
// said when the file cannot be imported.

const IMPORT_COMMAND = 'Learn in Public: Import Deck from CSV/TSV';

/**
 * Runs Import Deck and picks `file` in code-server's file dialog (a quick input that takes a path).
 * Clicking a file's row accepts the dialog: no Enter after it, which would land in whatever
 * asks next (the deck's name).
 */
async function importThroughDialog(wb: Workbench, file: string): Promise<void> {
  await runExactCommand(wb.page, IMPORT_COMMAND);
  const input = wb.page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 30_000 });
  // The dialog fills in its starting folder a moment after it shows: type the path after that.
  await waitFor(async () => ((await input.inputValue()).endsWith('/') ? true : undefined), "the file dialog's starting folder");
  await input.fill(`${path.dirname(file)}/`);
  const fileRow = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: path.basename(file) }).first();
  await fileRow.waitFor({ timeout: 30_000 });
  await fileRow.click();
}

/** The deck-name box, once it shows `value` (the dialog's path is gone from the same widget). */
async function nameBox(wb: Workbench, value: string) {
  const input = wb.page.locator('.quick-input-widget input');
  await waitFor(async () => ((await input.inputValue()) === value ? true : undefined), `the deck name box holding "${value}"`);
  await wb.page.locator('.quick-input-widget', { hasText: 'Name the new deck' }).waitFor({ timeout: 30_000 });
  return input;
}

describe('Importing a deck in a real VS Code', function () {
  let wb: Workbench;
  let workspace: string;
  const decksDir = () => path.join(workspace, 'interview-decks');

  before(async function () {
    workspace = makeTempDir();
    fs.mkdirSync(path.join(workspace, 'interview-decks'));
    fs.writeFileSync(
      path.join(workspace, 'interview-decks', 'my-questions.md'),
      '---\nid: mine\nname: My questions\n---\n## What is overfitting? <!-- id: overfitting -->\nThe model memorises noise.\n',
    );
    wb = await launchWorkbench({ workspace, theme: 'light' });
  });
  after(async function () {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('a file with many problems: the message names the first, and Show All Problems opens the output listing each with its line', async function () {
    const csv = path.join(workspace, 'broken-cards.csv');
    // Line 3 has one column, line 4 three, line 5 no question, line 6 no answer.
    fs.writeFileSync(csv, 'front,back\nWhat is bias?,Error from wrong assumptions.\njust one field\nQ,A,extra\n,An answer without a question\nWhat is variance?,\n');
    await importThroughDialog(wb, csv);
    const toast = wb.page.locator('.notifications-toasts .notification-toast', { hasText: 'broken-cards.csv was not imported. Line 3' });
    await toast.waitFor({ timeout: 30_000 });
    assert.match((await toast.innerText()).replace(/\s+/g, ' '), /and 3 more problems/);
    const showAll = toast.locator('.monaco-button', { hasText: 'Show All Problems' });
    await showAll.waitFor({ timeout: 10_000 });
    // The toast slides in and fades in: shoot it once it has arrived, whole and opaque.
    await toast.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    await waitFor(async () => {
      const [box, height] = [await toast.boundingBox(), wb.page.viewportSize()?.height ?? 0];
      const opaque = await toast.evaluate((el) => getComputedStyle(el).opacity === '1');
      return box && opaque && box.y + box.height <= height ? true : undefined;
    }, 'the problems message fully shown');
    await wb.screenshot('practice-import-problems-light');

    await showAll.click();
    // The output's editor: the only one showing these lines (the CSV itself is not open).
    const output = wb.page.locator('.monaco-editor .view-lines', { hasText: 'broken-cards.csv:6:' }).first();
    await output.waitFor({ timeout: 30_000 });
    const text = await waitFor(async () => {
      // Long lines wrap: read it as one run of words.
      const shown = (await output.innerText()).replace(/\s+/g, ' ');
      return [3, 4, 5, 6].every((line) => shown.includes(`broken-cards.csv:${line}:`)) ? shown : undefined;
    }, 'every problem with its line in the Learn in Public output');
    assert.match(text, /broken-cards\.csv:3: This row has 1 field/);
    assert.match(text, /broken-cards\.csv:6: .*What is variance\?/);
    assert.equal(fs.readdirSync(decksDir()).join(','), 'my-questions.md', 'nothing was written');
  });

  it('a Markdown deck whose id a deck already has is refused, pointing at its id line, instead of being copied and then skipped', async function () {
    const copy = path.join(workspace, 'shared-questions.md');
    fs.writeFileSync(copy, fs.readFileSync(path.join(decksDir(), 'my-questions.md'), 'utf8'));
    await importThroughDialog(wb, copy);
    const toast = wb.page.locator('.notifications-toasts .notification-toast', { hasText: 'shared-questions.md was not imported. Line 2:' });
    await toast.waitFor({ timeout: 30_000 });
    assert.match((await toast.innerText()).replace(/\s+/g, ' '), /Its deck id "mine" is already used by my-questions\.md, so it is probably imported already/);
    assert.equal(fs.readdirSync(decksDir()).join(','), 'my-questions.md', 'nothing was written');
    await runExactCommand(wb.page, 'Notifications: Clear All Notifications');
  });

  it('asks for the deck name, filled in from the file name: a taken name is refused, Escape writes nothing, a new name names the deck and its file', async function () {
    const csv = path.join(workspace, 'anki_export.csv');
    fs.writeFileSync(csv, 'front,back\nWhat is a p-value?,The chance of data this extreme if the null hypothesis holds.\n');
    await importThroughDialog(wb, csv);
    let input = await nameBox(wb, 'anki export');
    // The name of the deck already there, in other case and spacing: refused, with the reason.
    await input.fill('my  QUESTIONS');
    const refusal = wb.page.locator('.quick-input-widget .quick-input-message', { hasText: 'A deck named "my QUESTIONS" already exists. Choose another name.' });
    await refusal.waitFor({ timeout: 10_000 });
    await input.press('Enter');
    await refusal.waitFor({ timeout: 10_000 }); // still asking
    await input.press('Escape');
    await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(fs.readdirSync(decksDir()).join(','), 'my-questions.md', 'cancelled: nothing written');
    assert.equal(fs.existsSync(path.join(wb.globalStorage, 'decks')) ? fs.readdirSync(path.join(wb.globalStorage, 'decks')).length : 0, 0, 'nothing in global storage either');

    await importThroughDialog(wb, csv);
    input = await nameBox(wb, 'anki export');
    await input.fill('');
    await wb.page.locator('.quick-input-widget .quick-input-message', { hasText: 'Give the deck a name.' }).waitFor({ timeout: 10_000 });
    await input.fill('Statistics for interviews');
    await input.press('Enter');
    const folderRow = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'interview-decks' }).first();
    await folderRow.waitFor({ timeout: 30_000 });
    await folderRow.click();
    const deckFile = path.join(decksDir(), 'statistics-for-interviews.md');
    const markdown = await waitFor(() => (fs.existsSync(deckFile) ? fs.readFileSync(deckFile, 'utf8') : undefined), 'the named deck on disk');
    assert.match(markdown, /^name: Statistics for interviews$/m);
    assert.match(markdown, /^## What is a p-value\?/m);
    assert.equal(fs.readFileSync(path.join(decksDir(), 'my-questions.md'), 'utf8').includes('name: My questions'), true, 'the deck already there is untouched');
    await wb.page.locator('.notifications-toasts', { hasText: 'Imported 1 question into' }).waitFor({ timeout: 30_000 });
  });
});

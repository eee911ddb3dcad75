import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { item, openChecklist } from './checklist-page';
import { launchWorkbench, makeTempDir, runExactCommand, waitFor, type Workbench } from './harness';

// A checklist file the user broke by hand: the sidebar and the editor both say what is wrong.
describe('Checklist problems in a real VS Code (dark theme)', function () {
  let wb: Workbench;
  let workspace: string;
  let file: string;
  const broken = [
    '---',
    'checklistFormat: 1',
    'catalogVersion: 1',
    '---',
    '',
    '## Learn the skills <!-- section:skills -->',
    '',
    '- [x] Start a tiny daily learning habit ✅ 2024-03-02 <!-- id:skills-tiny-daily-habit -->',
    'Read one paper a week <!-- id:custom-paper -->',
    '',
    '## Job search <!-- section:job-search -->',
    '',
    '- [ ] Ask someone inside for a referral <!-- id:job-referral -->',
    '',
  ].join('\n');
  const problem = 'The id "custom-paper" on line 9 is not on a checkbox task, so that item is not counted.';

  before(async function () {
    workspace = makeTempDir();
    fs.mkdirSync(path.join(workspace, 'blog'), { recursive: true });
    file = path.join(workspace, 'blog', 'checklist.md');
    fs.writeFileSync(file, broken);
    wb = await launchWorkbench({ workspace, theme: 'dark', settings: { 'learnInPublic.checklist.file': 'blog/checklist.md', 'files.autoSave': 'off' } });
  });
  after(async function () {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('a line whose checkbox was deleted is named in the sidebar and in the Problems panel, and both clear once it is fixed (screenshot)', async function () {
    const frame = await openChecklist(wb);
    // The counts cover only what was understood, and the view says so instead of a bare percentage.
    await frame.locator('.overall-figure', { hasText: '1 of 2 done' }).waitFor();
    await frame.locator('.lip-banner', { hasText: 'A line with an item id is not a checkbox task, so its item is not counted.' }).waitFor();
    await frame.locator('.lip-banner', { hasText: /\d+ of the \d+ built-in checklist items are not in this file, so the progress shown counts only the items it has\./ }).waitFor();
    await frame.locator('.file-notes summary', { hasText: '1 note about the file' }).click();
    const note = frame.locator('.file-notes li', { hasText: problem });
    await note.waitFor();
    assert.match((await note.textContent()) ?? '', /^Line 9: /);

    // The note's line link opens the file there; the editor marks the line and Problems lists it.
    await note.locator('button', { hasText: 'Line 9' }).click();
    const editor = wb.page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor();
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 30_000 });
    await runExactCommand(wb.page, 'View: Focus Problems (Errors, Warnings, Infos)');
    const row = wb.page.locator('.markers-panel .monaco-list-row', { hasText: problem });
    await row.waitFor({ timeout: 30_000 });
    assert.match((await row.textContent()) ?? '', /Learn in Public/);
    await wb.screenshot('checklist-problems-dark');

    // Closing the file takes its problems away with it.
    await runExactCommand(wb.page, 'View: Close Editor');
    await row.waitFor({ state: 'detached', timeout: 30_000 });

    // Reopened at the line and fixed there, the warning and the banner go and the item counts.
    await note.locator('button', { hasText: 'Line 9' }).click();
    await row.waitFor({ timeout: 30_000 });
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 30_000 });
    // insertText, not typing: the editor would auto-close the bracket of "[ ]".
    await wb.page.keyboard.insertText('- [ ] ');
    await row.waitFor({ state: 'detached', timeout: 30_000 });
    await item(frame, 'custom-paper').waitFor({ state: 'attached' });
    await frame.locator('.overall-figure', { hasText: '1 of 3 done' }).waitFor();
    assert.equal(await frame.locator('.lip-banner', { hasText: 'not a checkbox task' }).count(), 0);
    assert.equal(await frame.locator('.file-notes').count(), 0);
    await wb.page.keyboard.press('Control+S');
    await waitFor(() => fs.readFileSync(file, 'utf8').includes('\n- [ ] Read one paper a week <!-- id:custom-paper -->\n'), 'the fixed line to be saved');
    assert.equal(await editor.locator('.squiggly-warning').count(), 0);
  });

  it('the missing built-in steps come back from the banner, around the lines the user kept', async function () {
    const frame = await openChecklist(wb);
    const before = fs.readFileSync(file, 'utf8');
    const banner = frame.locator('.lip-banner', { hasText: 'built-in checklist items are not in this file' });
    await banner.locator('vscode-button', { hasText: 'Add the Missing Steps Back' }).click();
    const after = await waitFor(() => {
      const text = fs.readFileSync(file, 'utf8');
      return text !== before ? text : undefined;
    }, 'the restored steps on disk');
    // Every line the user had is still there, in order; the ticked step stays ticked.
    const afterLines = after.split('\n');
    let at = 0;
    for (const line of before.split('\n')) {
      at = afterLines.indexOf(line, at);
      assert.ok(at >= 0, `kept line: ${line}`);
    }
    await banner.waitFor({ state: 'detached' });
    const figure = frame.locator('.overall-figure');
    await waitFor(async () => /^1 of \d{3} done$/.test(((await figure.textContent()) ?? '').trim()), 'the overall figure to count every step');
    await item(frame, 'job-referral').waitFor({ state: 'attached' });
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { item, openChecklist, openSection } from './checklist-page';
import { launchWorkbench, makeTempDir, waitFor, type Workbench } from './harness';

/** Lines of `after` that differ from `before`, compared position by position (same length). */
function changedLines(before: string, after: string): Array<{ index: number; before: string; after: string }> {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(b.length, a.length, 'the number of lines changed');
  return a.flatMap((line, index) => (line === b[index] ? [] : [{ index, before: line, after: b[index] }]));
}

async function isChecked(frame: FrameLocator, key: string): Promise<boolean> {
  return item(frame, key).locator('vscode-checkbox').evaluate((el) => (el as unknown as { checked: boolean }).checked);
}

/** Waits until the file differs from `before` and returns its new text. */
function fileChangedFrom(file: string, before: string): Promise<string> {
  return waitFor(() => {
    const now = fs.readFileSync(file, 'utf8');
    return now !== before ? now : undefined;
  }, `${path.basename(file)} to change on disk`);
}

describe('Career checklist in a real VS Code', function () {
  describe('in a high-contrast theme', function () {
    let wb: Workbench;
    let workspace: string;

    before(async function () {
      workspace = makeTempDir();
      wb = await launchWorkbench({ workspace, theme: 'high-contrast' });
    });
    after(async function () {
      await wb?.close();
      fs.rmSync(workspace, { recursive: true, force: true });
    });

    it('outlines the progress bars and tags with the theme\'s contrast border, and shows focus (screenshot)', async function () {
      const frame = await openChecklist(wb);
      const contrastBorder = await frame.locator('body').evaluate((body) => getComputedStyle(body).getPropertyValue('--vscode-contrastBorder').trim());
      assert.notEqual(contrastBorder, '', 'the high-contrast theme defines contrastBorder');
      const meterBorder = await frame.locator('.overall .meter').evaluate((el) => getComputedStyle(el).borderTopColor);
      assert.notEqual(meterBorder, 'rgba(0, 0, 0, 0)', 'the overall progress bar has a visible outline');
      await openSection(frame, 'skills');
      await item(frame, 'skills-ml-foundations').locator('vscode-checkbox').focus();
      await wb.screenshot('checklist-high-contrast');
    });
  });


  describe('in a high-contrast light theme', function () {
    let wb: Workbench;
    let workspace: string;

    before(async function () {
      workspace = makeTempDir();
      wb = await launchWorkbench({ workspace, theme: 'high-contrast-light' });
    });
    after(async function () {
      await wb?.close();
      fs.rmSync(workspace, { recursive: true, force: true });
    });

    it('section headers, their counts and secondary buttons are readable (contrast 4.5:1 or more; screenshot)', async function () {
      const frame = await openChecklist(wb);
      await openSection(frame, 'skills');
      const target = item(frame, 'skills-ml-foundations');
      await target.locator('button.icon-button').click();
      await target.locator('vscode-button[secondary]').first().waitFor();
      // Raw colours from the page (no named helpers in there: the page has no tsx runtime), measured here.
      const raw = await frame.locator('vscode-collapsible[data-section="skills"]').evaluate((section) => {
        const header = section.shadowRoot!.querySelector('.collapsible-header')!;
        const button = document.querySelector('vscode-button[secondary]')!;
        const face = button.shadowRoot?.querySelector('button, .button') ?? button;
        const chains: string[][] = [];
        for (const start of [header, face]) {
          const chain: string[] = [];
          // The backgrounds from the element outwards, through shadow roots.
          for (let el: Element | null = start; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null)) chain.push(getComputedStyle(el).backgroundColor);
          chains.push(chain);
        }
        return {
          title: getComputedStyle(section.shadowRoot!.querySelector('.title')!).color,
          count: getComputedStyle(section.querySelector('.section-count')!).color,
          countOpacity: Number(getComputedStyle(section.querySelector('.section-count')!).opacity),
          button: getComputedStyle(face).color,
          chains,
          page: getComputedStyle(document.documentElement).getPropertyValue('--vscode-sideBar-background').trim() || 'rgb(255, 255, 255)',
        };
      });
      const channels = (c: string) => (/^#[\da-f]{6}$/i.test(c) ? [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) : (c.match(/[\d.]+/g) ?? []).map(Number));
      const opaque = (chain: string[]) => chain.find((c) => channels(c).length === 3 || (channels(c)[3] ?? 0) > 0.5) ?? raw.page;
      const luminance = (c: string) => {
        const [r, g, b] = channels(c).slice(0, 3).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const contrast = (a: string, b: string) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (hi + 0.05) / (lo + 0.05);
      };
      const headerBg = opaque(raw.chains[0]);
      const measured = { title: contrast(raw.title, headerBg), count: contrast(raw.count, headerBg), countOpacity: raw.countOpacity, button: contrast(raw.button, opaque(raw.chains[1])), raw };
      await wb.screenshot('checklist-high-contrast-light');
      assert.ok(measured.title >= 4.5 && measured.count >= 4.5 && measured.countOpacity === 1, `section header readable: ${JSON.stringify(measured)}`);
      assert.ok(measured.button >= 4.5, `secondary button readable: ${JSON.stringify(measured)}`);
    });
  });

  describe('default file in global storage (dark theme)', function () {
    let wb: Workbench;
    let workspace: string;
    let file: string;

    before(async function () {
      workspace = makeTempDir();
      wb = await launchWorkbench({ workspace, theme: 'dark' });
      file = path.join(wb.globalStorage, 'checklist.md');
    });
    after(async function () {
      await wb?.close();
      fs.rmSync(workspace, { recursive: true, force: true });
    });

    it('creates the checklist on first open and shows its sections with progress', async function () {
      const frame = await openChecklist(wb);
      await waitFor(() => fs.existsSync(file), 'the checklist file in global storage');
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /^---\nchecklistFormat: 1\ncatalogVersion: \d+\n---\n/);
      assert.ok((text.match(/^- \[ \] /gm) ?? []).length >= 60);
      assert.equal(await frame.locator('vscode-collapsible').count(), 10);
      await frame.locator('.overall-figure', { hasText: /^0 of \d+ done$/ }).waitFor();
      // Each section shows its count, even one whose long title is cut off in the sidebar.
      const projects = frame.locator('vscode-collapsible[data-section="projects"]');
      const count = projects.locator('.section-count');
      await count.filter({ hasText: /^0\/\d+$/ }).waitFor();
      const fits = await count.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const section = el.closest('vscode-collapsible')!.getBoundingClientRect();
        return { width: r.width, right: r.right, sectionRight: section.right, viewWidth: document.documentElement.clientWidth };
      });
      assert.ok(fits.width > 0 && fits.right <= Math.min(fits.sectionRight, fits.viewWidth) + 0.5, `the count of a long section is inside the view: ${JSON.stringify(fits)}`);
    });

    it('checking an item by mouse changes exactly that line on disk', async function () {
      const frame = await openChecklist(wb);
      await openSection(frame, 'skills');
      const before = fs.readFileSync(file, 'utf8');
      await item(frame, 'skills-ml-foundations').locator('vscode-checkbox').click();
      const after = await fileChangedFrom(file, before);
      const changed = changedLines(before, after);
      assert.equal(changed.length, 1, JSON.stringify(changed));
      assert.equal(changed[0].before, '- [ ] Learn the core ML models and the ideas behind them <!-- id:skills-ml-foundations -->');
      assert.match(changed[0].after, /^- \[x\] Learn the core ML models and the ideas behind them ✅ \d{4}-\d{2}-\d{2} <!-- id:skills-ml-foundations -->$/);
      await frame.locator('.overall-figure', { hasText: /^1 of \d+ done$/ }).waitFor();
      // The view's header repeats the count; with the pointer on it (title actions shown) it still fits.
      const header = wb.page.locator('.pane-header', { hasText: /career checklist/i });
      await header.hover();
      const description = header.locator('.description');
      await description.filter({ hasText: /^1\/\d+$/ }).waitFor();
      const shown = await description.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      assert.ok(shown.client > 0 && shown.scroll <= shown.client, `the header's count is not cut off: ${JSON.stringify(shown)}`);
      await wb.page.mouse.move(0, 0);
    });

    it('Space toggles the focused item, again changing only its line', async function () {
      const frame = await openChecklist(wb);
      const before = fs.readFileSync(file, 'utf8');
      await item(frame, 'skills-deep-learning').locator('vscode-checkbox').focus();
      await wb.page.keyboard.press('Space');
      const after = await fileChangedFrom(file, before);
      const changed = changedLines(before, after);
      assert.equal(changed.length, 1);
      assert.match(changed[0].after, /^- \[x\] .* <!-- id:skills-deep-learning -->$/);
    });

    it('an edit made to the file on disk shows in the sidebar', async function () {
      const frame = await openChecklist(wb);
      const text = fs.readFileSync(file, 'utf8');
      const edited = text
        .replace('- [ ] Study the math that changes your decisions', '- [x] Study the math that changes your decisions')
        .replace('- [x] Learn the core ML models and the ideas behind them', '- [ ] Learn the core ML models and the ideas behind them')
        .replace(/(<!-- id:skills-imposter-syndrome -->\n)/, '$1- [ ] Read one paper a week <!-- id:custom-read-one-paper-a-week -->\n  > Fridays, with coffee\n');
      fs.writeFileSync(file, edited);
      await waitFor(() => isChecked(frame, 'skills-math-for-decisions'), 'the sidebar to show the item checked');
      assert.equal(await isChecked(frame, 'skills-ml-foundations'), false);
      const added = item(frame, 'custom-read-one-paper-a-week');
      await added.waitFor();
      assert.match((await added.textContent()) ?? '', /your item/);
      assert.match((await added.locator('.note-preview').textContent()) ?? '', /Fridays, with coffee/);
    });

    it('shows why an item matters, its source, a note field and its actions (screenshot)', async function () {
      const frame = await openChecklist(wb);
      // Fold the first section the way a user does, and open "Learn in public".
      await frame.locator('vscode-collapsible[data-section="skills"]').click({ position: { x: 40, y: 10 } });
      await openSection(frame, 'public');
      const target = item(frame, 'public-first-post');
      await target.locator('button.icon-button').click();
      await target.locator('.details .why').waitFor();
      assert.match((await target.locator('.details .source').textContent()) ?? '', /Building a Career in ML.*\(002_26d5cb83709276d8\.txt\)/);
      assert.equal(await target.locator('vscode-textarea').count(), 1);
      // Its action runs the post scaffold, which exists; the button is shown only for commands that do.
      await target.locator('vscode-button', { hasText: 'New post' }).waitFor();
      await frame.locator('.overall').scrollIntoViewIfNeeded();
      await wb.screenshot('checklist-dark');
      // Saving a note leaves the field as typed, so the view says it was saved.
      const before = fs.readFileSync(file, 'utf8');
      await target.locator('vscode-textarea textarea').fill('Draft ready, publish Sunday');
      await target.locator('vscode-button', { hasText: 'Save Note' }).click();
      assert.match(await fileChangedFrom(file, before), /Draft ready, publish Sunday/);
      await frame.locator('.notice', { hasText: 'Note saved in the checklist file.' }).waitFor({ timeout: 15_000 });
    });

    it('hiding an item from the keyboard keeps focus in the list, on the next item', async function () {
      const frame = await openChecklist(wb);
      await openSection(frame, 'public');
      const target = item(frame, 'public-first-post');
      const nextKey = await target.evaluate((li) => li.nextElementSibling?.getAttribute('data-key'));
      assert.ok(nextKey, 'the item has a next item');
      if ((await target.locator('.details .why').count()) === 0) await target.locator('button.icon-button').click();
      const before = fs.readFileSync(file, 'utf8');
      await target.locator('[data-focus-id="hide:public-first-post"]').focus();
      await wb.page.keyboard.press('Enter');
      await fileChangedFrom(file, before);
      await target.waitFor({ state: 'detached' });
      await waitFor(
        async () => (await frame.locator('body').evaluate(() => document.activeElement?.closest('[data-focus-id]')?.getAttribute('data-focus-id'))) === `check:${nextKey}`,
        'focus on the next item\'s checkbox',
      );
    });

    it('adding an item from a section\'s field writes it, shows it highlighted with a confirmation, and keeps the field ready for the next (screenshot)', async function () {
      const frame = await openChecklist(wb);
      await openSection(frame, 'public');
      const before = fs.readFileSync(file, 'utf8');
      const field = frame.locator('[data-focus-id="add:public"]');
      await field.locator('input').fill('Post my first Kaggle notebook');
      await field.locator('input').press('Enter');
      const after = await fileChangedFrom(file, before);
      const key = /^- \[ \] Post my first Kaggle notebook <!-- id:(custom-[\w-]+) -->$/m.exec(after)?.[1];
      assert.ok(key, 'the new item is a line of its own in the file');
      const added = item(frame, key);
      await added.waitFor();
      await frame.locator('[data-testid="added:public"]', { hasText: 'Added “Post my first Kaggle notebook”.' }).waitFor();
      assert.ok(await added.evaluate((li) => li.classList.contains('just-added')), 'the new item is highlighted');
      const inView = (el: Element) => {
        const r = el.getBoundingClientRect();
        // A pixel of slack: scrolled to the very bottom, fractional layout can end just past it.
        return r.top >= -1 && r.bottom <= window.innerHeight + 1;
      };
      // (Waited for: a refresh from the file watcher may still redraw the list once.)
      await waitFor(() => added.evaluate(inView), 'the new item to be scrolled into view');
      await waitFor(() => frame.locator('[data-testid="added:public"]').evaluate(inView), 'the confirmation under the add field to be in view');
      const focused = await frame.locator('body').evaluate(() => document.activeElement?.closest('[data-focus-id]')?.getAttribute('data-focus-id'));
      assert.equal(focused, 'add:public', 'focus stays in the add field, for the next item');
      assert.equal(await field.evaluate((el) => (el as unknown as { value: string }).value), '');
      await wb.screenshot('checklist-item-added');
    });

    it('moves the checklist into the workspace by copying it, and the sidebar follows the new file', async function () {
      const frame = await openChecklist(wb);
      const before = fs.readFileSync(file, 'utf8');
      const target = path.join(workspace, 'checklist.md');
      await wb.runCommand('Choose Where the Checklist Lives');
      await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'In this workspace' }).click();
      // The web workbench's save dialog is a path in the quick input.
      const input = wb.page.locator('.quick-input-widget input');
      await waitFor(async () => (await input.inputValue()).endsWith('checklist.md'), 'the save dialog');
      await input.fill(target);
      await input.press('Enter');
      // Restricted Mode ignores workspace values of the setting: the user settings get it, after asking.
      await wb.page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Save in User Settings' }).click();
      await waitFor(() => fs.existsSync(target), 'the copy in the workspace');
      assert.equal(fs.readFileSync(target, 'utf8'), before);
      assert.equal(fs.readFileSync(file, 'utf8'), before, 'the old copy stays until the user removes it');
      const userSettings = path.join(wb.userDataDir, 'User', 'settings.json');
      await waitFor(() => JSON.parse(fs.readFileSync(userSettings, 'utf8'))['learnInPublic.checklist.file'] === target, 'the user setting to name the new file');
      await frame.locator('.file-line', { hasText: target }).waitFor();
      await openSection(frame, 'offer');
      await item(frame, 'offer-ideal-number').locator('vscode-checkbox').click();
      const after = await fileChangedFrom(target, before);
      assert.equal(changedLines(before, after).length, 1);
      assert.equal(fs.readFileSync(file, 'utf8'), before);
    });
  });

  describe('a relocated CRLF file next to an open editor (light theme)', function () {
    let wb: Workbench;
    let workspace: string;
    let file: string;
    const crlf = [
      '---',
      'title: My progress',
      'checklistFormat: 1',
      'catalogVersion: 1',
      '---',
      '',
      'Notes of my own, kept as they are.',
      '',
      '## Learn the skills <!-- section:skills -->',
      '',
      '- [x] Start a tiny daily learning habit ✅ 2024-03-02 <!-- id:skills-tiny-daily-habit -->',
      '  > ten seconds a day',
      '- [ ] Read one paper a week <!-- id:custom-paper -->',
      '',
      '## Job search <!-- section:job-search -->',
      '',
      '- [ ] Ask someone inside for a referral <!-- id:job-referral -->',
      '- [ ] Ask someone inside for a referral <!-- id:job-referral -->',
      '',
    ].join('\r\n');

    before(async function () {
      workspace = makeTempDir();
      fs.mkdirSync(path.join(workspace, 'blog'), { recursive: true });
      file = path.join(workspace, 'blog', 'checklist.md');
      fs.writeFileSync(file, crlf);
      wb = await launchWorkbench({ workspace, theme: 'light', settings: { 'learnInPublic.checklist.file': 'blog/checklist.md', 'files.autoSave': 'off' } });
    });
    after(async function () {
      await wb?.close();
      fs.rmSync(workspace, { recursive: true, force: true });
    });

    it('reads the file from the setting, reports the duplicate id with its line, and keeps CRLF when checking', async function () {
      const frame = await openChecklist(wb);
      await frame.locator('.file-line', { hasText: 'blog/checklist.md' }).waitFor();
      await frame.locator('.file-notes summary', { hasText: '1 note about the file' }).waitFor();
      await openSection(frame, 'skills');
      await item(frame, 'custom-paper').locator('vscode-checkbox').click();
      const after = await fileChangedFrom(file, crlf);
      const changed = changedLines(crlf, after);
      assert.equal(changed.length, 1);
      assert.match(changed[0].after, /^- \[x\] Read one paper a week ✅ \d{4}-\d{2}-\d{2} <!-- id:custom-paper -->\r$/);
      assert.equal((after.match(/\r\n/g) ?? []).length, (crlf.match(/\r\n/g) ?? []).length);
    });

    it('follows typing in the open editor at once, and a sidebar click joins the unsaved text without losing it', async function () {
      const frame = await openChecklist(wb);
      await openSection(frame, 'job-search');
      await wb.runCommand('Open Checklist as Markdown');
      const editor = wb.page.locator('.editor-instance .monaco-editor').first();
      await editor.waitFor();
      await editor.click();
      await wb.page.keyboard.press('Control+End');
      // insertText, not typing: the editor would auto-close the bracket of "[ ]".
      await wb.page.keyboard.insertText('- [ ] Typed in the editor');
      await wb.page.keyboard.press('Enter');
      // Unsaved typing shows in the sidebar (the item lands in the last section, Job search).
      const typed = frame.locator('li.item', { hasText: 'Typed in the editor' });
      await typed.waitFor({ timeout: 30_000 });
      await frame.locator('.lip-banner', { hasText: 'unsaved changes' }).waitFor();
      // A click in the sidebar goes into the editor buffer, next to the typing.
      await item(frame, 'job-referral').locator('vscode-checkbox').click();
      // The editor draws spaces as no-break spaces.
      const editorText = async () => ((await wb.page.locator('.editor-instance .view-lines').textContent()) ?? '').replace(/\u00a0/g, ' ');
      await waitFor(async () => (await editorText()).includes('- [x] Ask someone inside for a referral'), 'the editor to show the checked line');
      assert.equal(fs.readFileSync(file, 'utf8').includes('Typed in the editor'), false, 'nothing was written behind the editor\'s back');
      await editor.click();
      await wb.page.keyboard.press('Control+S');
      const saved = await waitFor(() => {
        const now = fs.readFileSync(file, 'utf8');
        return now.includes('Typed in the editor') ? now : undefined;
      }, 'the save to reach the disk');
      assert.match(saved, /- \[x\] Ask someone inside for a referral ✅ \d{4}-\d{2}-\d{2} <!-- id:job-referral -->/);
      assert.match(saved, /Notes of my own, kept as they are\./);
      assert.match(saved, /  > ten seconds a day/);
      // Close once the editor knows it is saved (the disk is written a moment before).
      await wb.page.locator('.tab.dirty').waitFor({ state: 'detached' });
      await wb.page.keyboard.press('Control+W');
      await item(frame, 'job-referral').locator('button.icon-button').click();
      await item(frame, 'job-referral').locator('.details .why').waitFor();
      await frame.locator('.overall').scrollIntoViewIfNeeded();
      await wb.screenshot('checklist-light');
    });

    it('offers a Getting Started walkthrough with its seven steps', async function () {
      await wb.runCommand('Welcome: Open Walkthrough');
      await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Learn in Public' }).click();
      for (const title of ['Open your career checklist', 'Choose where the checklist lives', 'Write your first post', 'Write a project README', 'See your learning streak', 'Practise an interview question', 'Talk to people who do the job']) {
        await wb.page.locator('.getting-started-step', { hasText: title }).first().waitFor();
      }
      // Room for the step's picture beside the steps: hide the sidebar.
      await wb.page.keyboard.press('Control+B');
      // An SVG step picture is drawn in a webview, where the theme's colours apply.
      const media = wb.page.frameLocator('.getting-started-media iframe.webview').first().frameLocator('iframe#active-frame');
      await media.locator('svg').first().waitFor({ timeout: 30_000 });
      await wb.screenshot('checklist-walkthrough-light');
      // The tracker's step explains the streak in a Markdown page beside the steps.
      await wb.page.locator('.getting-started-step', { hasText: 'See your learning streak' }).first().click();
      const page = wb.page.frameLocator('.getting-started-media iframe.webview').first().frameLocator('iframe#active-frame');
      await page.locator('h1', { hasText: 'See your learning streak' }).waitFor({ timeout: 30_000 });
      await wb.page.locator('.getting-started-step.expanded a, .getting-started-step.expanded vscode-button, .getting-started-step.expanded .button-link', { hasText: 'Show the Learning Tracker' }).first().waitFor({ timeout: 30_000 });
      await wb.screenshot('checklist-walkthrough-streak-light');
      // The job-search step explains informational interviews and that the notes stay private.
      await wb.page.locator('.getting-started-step', { hasText: 'Talk to people who do the job' }).first().click();
      const jobPage = wb.page.frameLocator('.getting-started-media iframe.webview').first().frameLocator('iframe#active-frame');
      await jobPage.locator('h1', { hasText: 'Talk to people who do the job' }).waitFor({ timeout: 30_000 });
      await jobPage.getByText(/kept in\s+private storage by default/).waitFor();
      await wb.screenshot('checklist-walkthrough-job-search-light');
      await wb.page.keyboard.press('Control+B');
    });
  });
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWorkbench, makeTempDir, RESULTS_DIR, waitFor, type Workbench } from './harness';

const NOTES = path.join('career', 'informational-interviews');

/** Makes the Job Search section of the sidebar visible and expanded. */
async function showJobSearch(wb: Workbench): Promise<void> {
  await wb.openView();
  const header = wb.page.locator('.pane-header', { hasText: 'Job Search' }).first();
  await header.waitFor({ timeout: 60_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}

/** A close-up of the Job Search section, beside the full-window screenshot. */
async function screenshotJobSearch(wb: Workbench, name: string): Promise<void> {
  await wb.screenshot(name);
  const pane = wb.page.locator('.pane', { has: wb.page.locator('.pane-header', { hasText: 'Job Search' }) }).first();
  await pane.screenshot({ path: path.join(RESULTS_DIR, `${name}-pane.png`) });
}

function treeRow(page: Page, text: string) {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Job Search' }) }).locator('.monaco-list-row', { hasText: text }).first();
}

/** Answers the input box whose title contains `title`. */
async function answer(page: Page, title: string, value: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ timeout: 15_000 });
  const input = page.locator('.quick-input-widget input');
  await input.fill(value);
  await input.press('Enter');
}

describe('Job-search kit in a real VS Code', function () {
  describe('informational interview notes (dark theme, Restricted Mode)', function () {
    let wb: Workbench;
    let workspace: string;

    before(async function () {
      workspace = makeTempDir();
      fs.mkdirSync(path.join(workspace, NOTES), { recursive: true });
      fs.writeFileSync(path.join(workspace, NOTES, '2025-01-10-broken.md'), '---\nperson: Grace\ncompany: [unclosed\n---\n# notes\n');
      wb = await launchWorkbench({ workspace, theme: 'dark' });
    });
    after(async function () {
      await wb?.close();
      fs.rmSync(workspace, { recursive: true, force: true });
    });

    it('the command asks person, company and role, writes the notes with the questions and lists them in the Job Search tree', async function () {
      await showJobSearch(wb);
      await wb.runCommand('New Informational Interview Notes');
      await answer(wb.page, '(1/3)', 'Ada Lovelace');
      await answer(wb.page, '(2/3)', 'Analytical Engines');
      await answer(wb.page, '(3/3)', 'ML Engineer');

      const file = await waitFor(() => {
        const names = fs.existsSync(path.join(workspace, NOTES)) ? fs.readdirSync(path.join(workspace, NOTES)) : [];
        const name = names.find((n) => n.endsWith('-ada-lovelace-analytical-engines.md'));
        return name && path.join(workspace, NOTES, name);
      }, 'the notes file on disk');
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /^person: Ada Lovelace$/m);
      assert.match(text, /^role: ML Engineer$/m);
      assert.match(text, /## Questions\n\n1\. Walk me through a typical day or week/);
      assert.match(text, /- \[ \] Send a thank-you note within 24 hours/);
      assert.match(text, /Source: \"How to Build Your Career in AI\".*\(004_93e24c764982b9b4\.txt\)/);

      const row = treeRow(wb.page, 'Ada Lovelace');
      await row.waitFor({ timeout: 30_000 });
      assert.match((await row.textContent()) ?? '', /Analytical Engines · \d{4}-\d{2}-\d{2} · planned/);
      // The editor shows the new file.
      await wb.page.locator('.tab', { hasText: path.basename(file) }).first().waitFor({ timeout: 15_000 });
    });

    it('a note with broken front matter is still listed, with a warning icon', async function () {
      const row = treeRow(wb.page, '2025-01-10-broken');
      await row.waitFor({ timeout: 30_000 });
      assert.equal(await row.locator('.codicon-warning').count(), 1);
      assert.match((await row.getAttribute('aria-label')) ?? '', /warning: The front matter is not valid YAML \(line \d\)/);
      await screenshotJobSearch(wb, 'kit-job-search-dark');
    });
  });

  describe('first-week plan and offer worksheet (light theme, trusted, public repository)', function () {
    let wb: Workbench;
    let workspace: string;

    before(async function () {
      workspace = makeTempDir();
      const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
      execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: workspace, env });
      execFileSync('git', ['remote', 'add', 'origin', 'git@github.com:me/career-notes.git'], { cwd: workspace, env });
      wb = await launchWorkbench({ workspace, theme: 'light', trusted: true });
      // The location setting is machine-scoped (a workspace cannot redirect it); code-server is a
      // remote window, so machine settings come from Machine/settings.json, read when it changes.
      fs.mkdirSync(path.join(wb.userDataDir, 'Machine'), { recursive: true });
      fs.writeFileSync(path.join(wb.userDataDir, 'Machine', 'settings.json'), JSON.stringify({ 'learnInPublic.kit.offerWorksheetLocation': 'career/private' }));
    });
    after(async function () {
      await wb?.close();
      fs.rmSync(workspace, { recursive: true, force: true });
    });

    it('an empty Job Search view offers the three commands', async function () {
      await showJobSearch(wb);
      const welcome = wb.page.locator('.pane', { has: wb.page.locator('.pane-header', { hasText: 'Job Search' }) }).locator('.welcome-view-content');
      await welcome.waitFor({ timeout: 30_000 });
      for (const title of ['New Informational Interview Notes', 'Open Offer Worksheet', 'New First-Week Plan']) {
        assert.equal(await welcome.locator('.monaco-button', { hasText: title }).count(), 1, title);
      }
      await wb.screenshot('kit-job-search-empty-light');
    });

    it('a bad start date gets a clear message; a good one, after a warning about the public remote, writes a dated plan listed in the tree', async function () {
      await wb.runCommand('New First-Week Plan');
      const input = wb.page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 15_000 });
      await input.fill('2026-02-30');
      await wb.page.locator('.quick-input-widget', { hasText: 'February 2026 has 28 days' }).waitFor({ timeout: 15_000 });
      await input.fill('2026-03-30');
      await input.press('Enter');
      // The first plan in a folder of a repository with a GitHub remote: asked first.
      const dialog = wb.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 30_000 });
      assert.match((await dialog.textContent()) ?? '', /could become public/);
      assert.match((await dialog.textContent()) ?? '', /github\.com/);
      await dialog.locator('.monaco-button', { hasText: 'Create Here' }).click();
      const file = path.join(workspace, 'career', 'first-week', 'first-week-2026-03-30.md');
      await waitFor(() => fs.existsSync(file), 'the plan on disk');
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /\*\*Email your manager\*\* \(2026-03-23\)/);
      assert.match(text, /\*\*Do a test run\*\* \(2026-03-29\)/);
      const plan = treeRow(wb.page, 'Starting');
      await plan.waitFor({ timeout: 30_000 });
      assert.match((await plan.textContent()) ?? '', /^Starting .*(Mar 30|30 Mar).*2026.*next: Email your manager \(2026-03-23\)/);
    });

    it('warns before putting the offer worksheet in a repository with a GitHub remote, and keeps it private on request', async function () {
      await wb.runCommand('Open Offer Worksheet');
      const dialog = wb.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 30_000 });
      assert.match((await dialog.textContent()) ?? '', /public remote/);
      assert.match((await dialog.textContent()) ?? '', /github\.com/);
      assert.match((await dialog.textContent()) ?? '', /\.gitignore/);
      await wb.screenshot('kit-offer-warning-light');
      await dialog.locator('.monaco-button', { hasText: 'Use Private Storage' }).click();

      const privateFile = path.join(wb.globalStorage, 'job-search', 'offer-worksheet.md');
      await waitFor(() => fs.existsSync(privateFile), 'the worksheet in private storage');
      assert.equal(fs.existsSync(path.join(workspace, 'career', 'private', 'offer-worksheet.md')), false);
      assert.match(fs.readFileSync(privateFile, 'utf8'), /\*\*Walk-away number\*\*/);
      const row = treeRow(wb.page, 'Offer worksheet');
      await row.waitFor({ timeout: 30_000 });
      assert.match((await row.textContent()) ?? '', /private storage/);
      await screenshotJobSearch(wb, 'kit-job-search-light');
    });

    it('asks before the first interview notes go into the public repository, keeps them private on request, and remembers it', async function () {
      const privateNotes = path.join(wb.globalStorage, 'job-search', 'informational-interviews');
      const notesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.md')) : []);
      await wb.runCommand('New Informational Interview Notes');
      await answer(wb.page, '(1/3)', 'Grace Hopper');
      await answer(wb.page, '(2/3)', 'Compilers Inc');
      await answer(wb.page, '(3/3)', '');
      const dialog = wb.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 30_000 });
      const said = (await dialog.textContent()) ?? '';
      assert.match(said, /Notes about the people you talk to could become public/);
      assert.match(said, /career\/informational-interviews/);
      await wb.screenshot('kit-notes-warning-light');
      await dialog.locator('.monaco-button', { hasText: 'Keep Private' }).click();
      await waitFor(() => notesIn(privateNotes).some((n) => n.includes('grace-hopper')), 'the notes in private storage');
      assert.equal(fs.existsSync(path.join(workspace, NOTES)), false, 'nothing in the repository');
      // Where they went comes first; the long path last, where a toast may cut it.
      await wb.page.locator('.notification-toast', { hasText: /Saved in private storage, outside every repository; the Job Search view lists the notes\./ }).first().waitFor({ timeout: 30_000 });
      await treeRow(wb.page, 'Grace Hopper').waitFor({ timeout: 30_000 });

      // The second time: no question, private again.
      await wb.runCommand('New Informational Interview Notes');
      await answer(wb.page, '(1/3)', 'Alan Kay');
      await answer(wb.page, '(2/3)', 'Xerox PARC');
      await answer(wb.page, '(3/3)', '');
      await waitFor(() => notesIn(privateNotes).some((n) => n.includes('alan-kay')), 'the second notes in private storage');
      assert.equal(await dialog.count(), 0);
      assert.equal(fs.existsSync(path.join(workspace, NOTES)), false);
    });
  });
});

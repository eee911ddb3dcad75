// What a keyboard or screen-reader user meets in the webviews: names, states and announcements
// read from the accessibility tree (ariaSnapshot, getByRole), keys pressed as a user would.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { FrameLocator } from 'playwright-core';
import * as path from 'node:path';
import { gitAsAda as git, localDay } from '../support/dated-git';
import { launchWorkbench, makeTempDir, runExactCommand, waitFor, type Workbench } from './harness';

/** Controls in an aria snapshot that have no name: lines like `- button` or `- textbox:`. */
function unnamedControls(snapshot: string): string[] {
  return snapshot.split('\n').filter((line) => /^\s*- (button|checkbox|textbox|link|switch)(:|\s*\[[^\]]*\])?\s*$/.test(line));
}

describe('Accessibility of the webviews in a real VS Code', function () {
  let wb: Workbench;
  let workspace: string;

  before(async function () {
    workspace = makeTempDir();
    wb = await launchWorkbench({ workspace, theme: 'dark' });
  });
  after(async function () {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  async function checklist(): Promise<FrameLocator> {
    await wb.openView();
    const frame = await wb.viewFrame('Career Checklist');
    await frame.locator('vscode-collapsible').first().waitFor();
    return frame;
  }

  it('checklist: a section header is a button heard as open or closed, named with its progress, and Enter folds it', async function () {
    const frame = await checklist();
    const header = frame.getByRole('button', { name: /^Learn the skills: 0 of \d+ done$/ });
    await header.waitFor({ timeout: 30_000 });
    assert.equal(await header.getAttribute('aria-expanded'), 'true', 'the first section with work left starts open');
    await header.focus();
    await wb.page.keyboard.press('Enter');
    await frame.getByRole('button', { name: /^Learn the skills:/, expanded: false }).waitFor();
    await wb.page.keyboard.press('Enter');
    await frame.getByRole('button', { name: /^Learn the skills:/, expanded: true }).waitFor();
    const closed = frame.getByRole('button', { name: /^Build projects that show progression: 0 of \d+ done$/ });
    assert.equal(await closed.getAttribute('aria-expanded'), 'false');
  });

  it('checklist: every checkbox, field and button has a name that says what it does', async function () {
    const frame = await checklist();
    // The field is named for its section, not by its placeholder.
    await frame.getByRole('textbox', { name: 'Add an item to Learn the skills' }).waitFor();
    const snapshot = await frame.locator('body').ariaSnapshot();
    assert.deepEqual(unnamedControls(snapshot), [], snapshot);
    assert.doesNotMatch(snapshot, /^\s*- img\s*$/m, 'no unnamed picture (a header chevron) is read out');
  });

  it('checklist: ticking an item with Space announces the new count', async function () {
    const frame = await checklist();
    const box = frame.getByRole('checkbox', { name: 'Start a tiny daily learning habit' });
    await box.focus();
    await wb.page.keyboard.press('Space');
    await frame.getByRole('status').filter({ hasText: /^1 of \d+ done$/ }).waitFor({ state: 'attached', timeout: 30_000 });
    await wb.page.keyboard.press('Space');
    await frame.getByRole('status').filter({ hasText: /^0 of \d+ done$/ }).waitFor({ state: 'attached', timeout: 30_000 });
  });
});

describe('The Learning Tracker heatmap by keyboard in High Contrast', function () {
  let wb: Workbench;
  let workspace: string;

  before(async function () {
    workspace = makeTempDir();
    const repo = path.join(workspace, 'notes');
    fs.mkdirSync(repo);
    git(repo, ['init', '-q', '-b', 'main']);
    git(repo, ['config', 'user.email', 'ada@example.com']);
    for (const daysAgo of [9, 8, 1]) {
      fs.writeFileSync(path.join(repo, `day-${daysAgo}.md`), `# Day ${daysAgo}\n`);
      git(repo, ['add', '-A']);
      git(repo, ['commit', '-q', '-m', `Day ${daysAgo}`], `${localDay(daysAgo)}T12:00:00`);
    }
    // A published post, for its "Post" badge in the Published list.
    fs.mkdirSync(path.join(repo, 'posts'));
    fs.writeFileSync(path.join(repo, 'posts', 'first-steps.md'), '---\ntitle: First steps with NumPy\n---\nArrays.\n');
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'Post: first steps'], `${localDay(1)}T15:00:00`);
    wb = await launchWorkbench({ workspace, trusted: true, theme: 'high-contrast' });
  });
  after(async function () {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  /** Runs Show Learning Tracker and returns the tracker's frame once it is visible. */
  async function showTracker(): Promise<FrameLocator> {
    await runExactCommand(wb.page, 'Learn in Public: Show Learning Tracker');
    return waitFor(async () => {
      const count = await wb.page.locator('iframe.webview').count();
      for (let i = 0; i < count; i++) {
        const f = wb.page.frameLocator('iframe.webview').nth(i).frameLocator('iframe#active-frame');
        if (await f.locator('body[data-entry="tracker"]').isVisible().catch(() => false)) return f;
      }
      return undefined;
    }, 'the Learning Tracker', 90_000);
  }

  it('moves between days with the arrow keys, says the day, and draws the focused day unlike today', async function () {
    const frame = await showTracker();
    // One tab stop for the whole year: today's cell.
    const stop = frame.locator('[data-testid="heatmap"] rect.cell[tabindex="0"]');
    await stop.waitFor({ state: 'attached', timeout: 60_000 });
    assert.equal(await frame.locator('[data-testid="heatmap"] rect.cell[tabindex="0"]').count(), 1);
    await stop.focus();
    await wb.page.keyboard.press('ArrowLeft'); // a week back
    const focused = frame.locator('[data-testid="heatmap"] rect.cell:focus');
    const label = await focused.getAttribute('aria-label');
    assert.match(label ?? '', /^No commits on /);
    await frame.locator('[data-testid="cell-detail"]', { hasText: label ?? '' }).waitFor();
    const stroke = (cell: typeof focused) => cell.evaluate((el) => getComputedStyle(el).stroke);
    const today = frame.locator('[data-testid="heatmap"] rect.cell.today');
    assert.notEqual(await stroke(focused), await stroke(today), 'the focused day and today are told apart');
  });

  it('outlines the Published list\'s black "Post" badge on the black page', async function () {
    const frame = await showTracker();
    const badge = frame.locator('.kind.post').first();
    await badge.waitFor({ timeout: 60_000 });
    // High Contrast fills badges with the page's own black, so only an outline unlike the
    // fill shows where the badge is.
    const colours = await badge.evaluate((el) => {
      const style = getComputedStyle(el);
      return { border: style.borderTopColor, fill: style.backgroundColor };
    });
    assert.equal(colours.fill, 'rgb(0, 0, 0)');
    assert.notEqual(colours.border, colours.fill, 'the badge has an outline unlike its fill');
    await wb.screenshot('a11y-hc-post-badge');
  });
});

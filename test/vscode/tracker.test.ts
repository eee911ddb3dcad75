import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { gitAsAda as git, localDay } from '../support/dated-git';
import { launchWorkbench, makeTempDir, runExactCommand, type Workbench } from './harness';

const HOSTILE = '<img src=x onerror=alert(1)>';

function commit(repo: string, daysAgo: number, file: string, subject: string, content = `# ${subject}\n`): void {
  fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  fs.writeFileSync(path.join(repo, file), content);
  git(repo, ['add', '-A']);
  // Today's commit is dated now: noon may still be in the future when the suite runs.
  git(repo, ['commit', '-q', '-m', subject], daysAgo === 0 ? new Date().toISOString() : `${localDay(daysAgo)}T12:00:00`);
}

/** Collapses the container's other views so the tracker has the sidebar to itself. */
async function collapseOtherViews(wb: Workbench): Promise<void> {
  for (const title of ['Career Checklist', 'Interview Practice', 'Job Search']) {
    const header = wb.page.locator(`.sidebar .pane-header[aria-label^="${title}"]`).first();
    if ((await header.count()) > 0 && (await header.getAttribute('aria-expanded')) === 'true') await header.click();
  }
}

/**
 * The tracker's visible webview, told apart from the container's other webviews by its body's
 * data-entry (a hidden one may linger while VS Code swaps frames). `reveal` is tried again
 * while none is visible, in case the side bar was closed.
 */
async function trackerFrame(wb: Workbench, reveal?: () => Promise<void>): Promise<FrameLocator> {
  const deadline = Date.now() + 90_000;
  let nextReveal = Date.now() + 10_000;
  for (;;) {
    const count = await wb.page.locator('iframe.webview').count();
    for (let i = 0; i < count; i++) {
      const frame = wb.page.frameLocator('iframe.webview').nth(i).frameLocator('iframe#active-frame');
      if (await frame.locator('body[data-entry="tracker"]').isVisible().catch(() => false)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`No visible Learning Tracker webview.\n${await wb.describeWebviews()}`);
    if (reveal && Date.now() > nextReveal) {
      await reveal();
      nextReveal = Date.now() + 10_000;
    }
    await wb.page.waitForTimeout(250); // polling for a frame to appear, not a fixed wait for a result
  }
}

async function openTracker(wb: Workbench): Promise<FrameLocator> {
  // The command reveals the view itself (opening the side bar if needed).
  const show = () => runExactCommand(wb.page, 'Learn in Public: Show Learning Tracker');
  await show();
  await wb.page.locator('.sidebar .pane-header[aria-label^="Learning Tracker"]').first().waitFor({ timeout: 60_000 });
  await collapseOtherViews(wb);
  return trackerFrame(wb, show);
}

describe('Learning Tracker in a real VS Code', function () {
  let wb: Workbench;
  let workspace: string;
  let repo: string;

  before(async function () {
    workspace = makeTempDir();
    // A repository one level down, whose folder name and post file name are HTML.
    repo = path.join(workspace, HOSTILE);
    fs.mkdirSync(repo);
    git(repo, ['init', '-q', '-b', 'main']);
    git(repo, ['config', 'user.email', 'ada@example.com']);
    for (const daysAgo of [200, 120, 60, 30, 12, 11, 3, 2]) commit(repo, daysAgo, `notes/day-${daysAgo}.md`, `Notes for day ${daysAgo}`);
    // Its title (HTML too) is what the Published list shows.
    commit(repo, 1, `content/posts/${HOSTILE}.md`, HOSTILE, `---\ntitle: "${HOSTILE} Attention, explained"\n---\n${HOSTILE}\n`);
    wb = await launchWorkbench({ workspace, trusted: true, theme: 'dark', viewport: { width: 1280, height: 1000 } });
  });
  after(async function () {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('shows the heatmap, the streak at risk today and the post, with HTML in names kept as text', async function () {
    const frame = await openTracker(wb);
    const cells = frame.locator('[data-testid=heatmap] rect.cell');
    await frame.locator('[data-testid=current-streak]').waitFor({ timeout: 90_000 });
    assert.ok((await cells.count()) >= 358, 'a year of days, one cell each');
    assert.equal(await frame.locator('[data-testid=heatmap] rect.cell.lv0').count() < (await cells.count()), true, 'some days are coloured');
    await frame.locator('[data-testid=current-streak]', { hasText: /^3/ }).waitFor({ timeout: 30_000 });
    await frame.getByText('at risk today').waitFor();
    await frame.locator('[data-testid=longest-streak]', { hasText: /^3/ }).waitFor();
    // Every day has its sentence (tooltip and accessible name).
    const yesterday = frame.locator('[data-testid=heatmap] rect.cell:not(.lv0)').last();
    assert.match((await yesterday.getAttribute('aria-label')) ?? '', /^1 commit on /);
    assert.match((await yesterday.locator('title').textContent()) ?? '', /^1 commit on /);
    // Names from git reach the page as text only: no <img> was created from them.
    const post = frame.locator('[data-testid=published] button', { hasText: `${HOSTILE} Attention, explained` });
    await post.waitFor();
    assert.match((await post.getAttribute('title')) ?? '', new RegExp(`content/posts/${HOSTILE.replace(/[()]/g, '\\$&')}\\.md$`));
    // The month of the post shows its count above the bar, not only in the screen-reader label.
    await frame.locator('.bars .bar .count', { hasText: /^1$/ }).waitFor();
    await frame.locator('[data-testid=repositories]', { hasText: HOSTILE }).waitFor();
    assert.equal(await frame.locator('img').count(), 0);
    // Keyboard: the last day is in the tab order; arrows move and announce the day.
    const focusable = frame.locator('[data-testid=heatmap] rect.cell[tabindex="0"]');
    assert.equal(await focusable.count(), 1);
    await focusable.focus();
    await focusable.press('ArrowLeft');
    await frame.locator('[data-testid=cell-detail]', { hasText: /on / }).waitFor();
    // A vertical scrollbar appearing after the first drawing (the pane is short) narrows the
    // page by ~10 px: the heatmap shrinks to fit rather than scrolling sideways.
    const fit = await frame.locator('#root').evaluate((root) => {
      // (No named inner functions: the test build's helpers do not exist in the page.)
      const segments = [...root.querySelectorAll('.heatmap svg.segment')];
      const padding = parseFloat(getComputedStyle(root).paddingRight);
      const slack = root.getBoundingClientRect().right - padding - Math.max(...segments.map((svg) => svg.getBoundingClientRect().right));
      // Narrow the page until the drawing is 10 px wider than the room left (as a scrollbar does).
      root.style.boxSizing = 'border-box'; // the width set below is the box's, padding included
      root.style.width = `${root.getBoundingClientRect().width - slack - 10}px`;
      const result = { segments: segments.length, slack, edge: root.getBoundingClientRect().right - padding, right: Math.max(...segments.map((svg) => svg.getBoundingClientRect().right)) };
      root.style.width = '';
      root.style.boxSizing = '';
      return result;
    });
    assert.ok(fit.segments > 0 && fit.right <= fit.edge + 0.5, `the heatmap overflows its pane: ${JSON.stringify(fit)}`);
    await wb.screenshot('tracker-dark');
  });

  it('updates after a new commit on disk: the streak grows and is no longer at risk, and a committed draft is not a published post', async function () {
    const frame = await openTracker(wb);
    commit(repo, 0, 'content/posts/transformers.md', 'Start a post on transformers', '---\ntitle: Transformers, drafted\ndraft: true\n---\nNot done yet\n');
    await frame.locator('[data-testid=current-streak]', { hasText: /^4/ }).waitFor({ timeout: 90_000 });
    assert.equal(await frame.getByText('at risk today').count(), 0);
    await frame.locator('[data-testid=this-week]').waitFor();
    // Each number says what it counts: the period in its label, the rest in its tooltip.
    const activeDays = frame.locator('[data-testid=active-days-stat]');
    assert.match((await activeDays.textContent()) ?? '', /Active days, 12 months/);
    assert.match((await activeDays.getAttribute('title')) ?? '', /last 12 months .*streak/);
    // The commit counts; the draft it added is not listed as published.
    assert.equal(await frame.locator('[data-testid=published] li').count(), 1);
    assert.equal(await frame.locator('[data-testid=published]', { hasText: 'Transformers' }).count(), 0);
  });

  it('a draft renamed into a page bundle, then published, is listed by its title where it is now and opens from there', async function () {
    const frame = await openTracker(wb);
    fs.mkdirSync(path.join(repo, 'content/posts/transformers'));
    git(repo, ['mv', 'content/posts/transformers.md', 'content/posts/transformers/index.md']);
    git(repo, ['commit', '-q', '-m', 'Make the transformers post a bundle'], new Date().toISOString());
    commit(repo, 0, 'content/posts/transformers/index.md', 'Publish the transformers post', '---\ntitle: Transformers, published\ndraft: false\n---\nDone at last\n');
    const post = frame.locator('[data-testid=published] button', { hasText: 'Transformers, published' });
    await post.waitFor({ timeout: 90_000 });
    assert.match((await post.getAttribute('title')) ?? '', /content\/posts\/transformers\/index\.md$/);
    await post.click();
    await wb.page.locator('.tab.active', { hasText: 'index.md' }).waitFor({ timeout: 30_000 });
    assert.equal(await wb.page.getByText(/is no longer in/).count(), 0);
  });

  it('puts a repository it cannot read at the top of the view, with the settings to fix it', async function () {
    const settingsDir = path.join(workspace, '.vscode');
    const missing = path.join(path.dirname(workspace), `${path.basename(workspace)}-old-blog`);
    fs.mkdirSync(settingsDir, { recursive: true });
    fs.writeFileSync(path.join(settingsDir, 'settings.json'), JSON.stringify({ 'learnInPublic.tracker.extraRepositories': [missing] }));
    try {
      const frame = await openTracker(wb);
      const problems = frame.locator('[data-testid=tracker-problems]');
      await problems.waitFor({ timeout: 90_000 });
      assert.match((await problems.textContent()) ?? '', /old-blog does not exist/);
      // Above the streaks, not under the repository list below the fold.
      const [problemsBox, streaksBox] = [await problems.boundingBox(), await frame.locator('.streaks').boundingBox()];
      assert.ok(problemsBox && streaksBox && problemsBox.y < streaksBox.y, 'the problem is shown before the streaks');
      await wb.screenshot('tracker-problem-dark');
      await problems.locator('vscode-button', { hasText: 'Open Tracker Settings' }).click();
      await wb.page.locator('.settings-editor').first().waitFor({ timeout: 30_000 });
      await runExactCommand(wb.page, 'View: Close All Editors');
    } finally {
      fs.rmSync(settingsDir, { recursive: true, force: true });
    }
    const frame = await openTracker(wb);
    await frame.locator('[data-testid=tracker-problems]').waitFor({ state: 'detached', timeout: 90_000 });
  });

  it('looks native in the light theme too', async function () {
    await wb.setTheme('light');
    const frame = await openTracker(wb);
    // Webviews carry the theme kind on their body.
    await frame.locator('body.vscode-light').waitFor({ timeout: 60_000 });
    await frame.locator('[data-testid=current-streak]').waitFor({ timeout: 60_000 });
    await wb.screenshot('tracker-light');
  });

  it('outlines every day in a high-contrast theme, empty days included', async function () {
    await wb.setTheme('high-contrast');
    const frame = await openTracker(wb);
    await frame.locator('body.vscode-high-contrast').waitFor({ timeout: 60_000 });
    const empty = frame.locator('[data-testid=heatmap] rect.cell.lv0').first();
    await empty.waitFor({ timeout: 60_000 });
    // Opacity alone (the other themes) cannot be told apart on black: each cell gets a border.
    const { stroke, width } = await empty.evaluate((el) => ({ stroke: getComputedStyle(el).stroke, width: getComputedStyle(el).strokeWidth }));
    assert.notEqual(stroke, 'none');
    assert.notEqual(width, '0px');
    await wb.screenshot('tracker-high-contrast');
  });
});

describe('Learning Tracker in an untrusted workspace', function () {
  let wb: Workbench;
  let workspace: string;

  before(async function () {
    workspace = makeTempDir();
    git(workspace, ['init', '-q', '-b', 'main']);
    commit(workspace, 1, 'notes/a.md', 'A note');
    wb = await launchWorkbench({ workspace, trusted: false, theme: 'light' });
  });
  after(async function () {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('asks to trust the workspace instead of running git, with a button that manages trust', async function () {
    await wb.openView();
    await collapseOtherViews(wb);
    const frame = await trackerFrame(wb);
    await frame.getByText('Trust this workspace to read git history').waitFor({ timeout: 90_000 });
    await frame.locator('vscode-button', { hasText: 'Manage Workspace Trust' }).waitFor();
    await wb.screenshot('tracker-untrusted-light');
    await frame.locator('vscode-button', { hasText: 'Manage Workspace Trust' }).click();
    await wb.page.locator('.workspace-trust-editor, .editor-instance', { hasText: /Restricted Mode|Workspace Trust/ }).first().waitFor({ timeout: 30_000 });
  });
});

describe('Learning Tracker: the status bar streak and learning outside git', function () {
  let wb: Workbench;
  let workspace: string;

  before(async function () {
    workspace = makeTempDir();
    git(workspace, ['init', '-q', '-b', 'main']);
    git(workspace, ['config', 'user.email', 'ada@example.com']);
    commit(workspace, 2, 'notes/a.md', 'Read about embeddings');
    commit(workspace, 1, 'notes/b.md', 'Tried a tokenizer');
    wb = await launchWorkbench({ workspace, trusted: true, theme: 'dark' });
  });
  after(async function () {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('shows the streak in the status bar after start-up, with no view opened', async function () {
    // Read by screen readers too: the item's accessible name is the sentence.
    await wb.page.locator('[aria-label="Learning streak: 2 days, at risk today"]').first().waitFor({ timeout: 90_000 });
  });

  it('a checklist step ticked today keeps the streak going without a commit', async function () {
    await wb.openView();
    const frame = await wb.viewFrame('Career Checklist');
    const section = frame.locator('vscode-collapsible[data-section="skills"]');
    await section.waitFor({ timeout: 60_000 });
    if (!(await section.evaluate((el) => (el as unknown as { open: boolean }).open))) await section.click({ position: { x: 40, y: 10 } });
    await frame.locator('li.item[data-key="skills-ml-foundations"] vscode-checkbox').click();
    // No git change happened: only the checklist's own event can move the streak.
    await wb.page.locator('[aria-label="Learning streak: 3 days"]').first().waitFor({ timeout: 30_000 });
    await wb.screenshot('tracker-status-bar-checklist-dark');
  });
});

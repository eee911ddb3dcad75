// The sidebar views at VS Code's narrowest sidebar (170 px) and at a common width (300 px):
// nothing scrolls sideways, nothing a user must read is cut off, and a section's title keeps
// a gap before its count.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { gitAsAda as git, localDay } from '../support/dated-git';
import { launchWorkbench, makeTempDir, waitFor, type Workbench } from './harness';

const MIN_SIDEBAR = 170; // VS Code's minimum sidebar width
const VIEWS = ['Career Checklist', 'Learning Tracker', 'Interview Practice', 'Job Search'];

/** Drags the sash on the sidebar's right edge until the sidebar is `width` px wide. */
async function setSidebarWidth(wb: Workbench, width: number): Promise<void> {
  const sidebar = wb.page.locator('.part.sidebar');
  await waitFor(async () => {
    const box = await sidebar.boundingBox();
    if (!box) return false;
    if (Math.round(box.width) === width) return true;
    const sash = await wb.page.evaluate((edge) => {
      const rect = Array.from(document.querySelectorAll('.monaco-sash.vertical'))
        .map((el) => el.getBoundingClientRect())
        .find((r) => r.height > 100 && Math.abs(r.left + r.width / 2 - edge) <= 4);
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    }, box.x + box.width);
    if (!sash) return false;
    await wb.page.mouse.move(sash.x, sash.y);
    await wb.page.mouse.down();
    await wb.page.mouse.move(sash.x + (width - box.width), sash.y, { steps: 8 });
    await wb.page.mouse.up();
    return Math.round((await sidebar.boundingBox())?.width ?? 0) === width;
  }, `the sidebar to be ${width} px wide`, 30_000);
}

/** Expands `title` and folds the container's other views, then returns its drawn webview. */
async function showOnly(wb: Workbench, title: string, entry: string, ready: string, width: number): Promise<FrameLocator> {
  await wb.openView();
  const header = wb.page.locator(`.sidebar .pane-header[aria-label^="${title}"]`).first();
  await header.waitFor({ timeout: 60_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  for (const other of VIEWS.filter((v) => v !== title)) {
    const h = wb.page.locator(`.sidebar .pane-header[aria-label^="${other}"]`).first();
    if ((await h.count()) > 0 && (await h.getAttribute('aria-expanded')) === 'true') await h.click();
  }
  // The visible webview of that kind (a hidden one may linger while VS Code swaps frames).
  const frame = await waitFor(async () => {
    const count = await wb.page.locator('iframe.webview').count();
    for (let i = 0; i < count; i++) {
      const f = wb.page.frameLocator('iframe.webview').nth(i).frameLocator('iframe#active-frame');
      if (await f.locator(`body[data-entry="${entry}"]`).isVisible().catch(() => false)) return f;
    }
    return undefined;
  }, `a visible ${title} webview`, 90_000);
  await frame.locator(ready).first().waitFor({ timeout: 90_000 });
  // The webview has taken the sidebar's new width.
  await waitFor(() => frame.locator('body').evaluate((_, w) => document.documentElement.clientWidth <= w, width), `the ${title} page to be at most ${width} px wide`);
  return frame;
}

/** The page's sideways overflow, with the elements that stick out past its right edge. */
function overflow(frame: FrameLocator): Promise<{ scroll: number; client: number; outside: string[] }> {
  return frame.locator('body').evaluate(() => {
    const page = document.scrollingElement ?? document.documentElement;
    const outside = Array.from(document.querySelectorAll('#root *'))
      .filter((el) => el.getBoundingClientRect().right > page.clientWidth + 0.5 && el.getBoundingClientRect().width > 0)
      .slice(0, 10)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).replace(/\s+/g, '.')} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scroll: page.scrollWidth, client: page.clientWidth, outside };
  });
}

async function assertNoSidewaysScroll(frame: FrameLocator, view: string): Promise<void> {
  const o = await overflow(frame);
  assert.ok(o.scroll <= o.client, `${view} scrolls sideways at ${MIN_SIDEBAR} px: ${JSON.stringify(o)}`);
}

describe('The sidebar views in a narrow sidebar, in a real VS Code', function () {
  let wb: Workbench;
  let workspace: string;

  before(async function () {
    // A blog repository with a few days of commits and a published post, for the tracker.
    workspace = makeTempDir();
    git(workspace, ['init', '-q', '-b', 'main']);
    for (const daysAgo of [40, 20, 9, 3, 2, 1]) {
      const file = daysAgo === 2 ? 'content/posts/attention.md' : `notes/day-${daysAgo}.md`;
      fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
      fs.writeFileSync(path.join(workspace, file), daysAgo === 2 ? '---\ntitle: Attention, explained\n---\nHello\n' : `# Day ${daysAgo}\n`);
      git(workspace, ['add', '-A']);
      git(workspace, ['commit', '-q', '-m', `Day ${daysAgo}`], `${localDay(daysAgo)}T12:00:00`);
    }
    wb = await launchWorkbench({ workspace, trusted: true, theme: 'dark', viewport: { width: 1280, height: 900 } });
    await wb.openView();
    await setSidebarWidth(wb, MIN_SIDEBAR);
  });
  after(async function () {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('checklist at 170 px: no sideways scrolling, and section titles get the room their mini bars took', async function () {
    await setSidebarWidth(wb, MIN_SIDEBAR);
    const frame = await showOnly(wb, 'Career Checklist', 'checklist', 'vscode-collapsible .section-count', MIN_SIDEBAR);
    await frame.locator('vscode-collapsible').last().scrollIntoViewIfNeeded();
    await wb.screenshot('narrow-checklist');
    await assertNoSidewaysScroll(frame, 'The checklist');
    // A closed section's title: "LEAR…" was all that was left beside its count and mini bar.
    const titles = await frame.locator('vscode-collapsible:not([open])').evaluateAll((sections) =>
      sections.map((s) => {
        const title = s.shadowRoot?.querySelector('.title');
        return { text: title?.textContent, width: title?.clientWidth ?? 0, whole: !!title && title.scrollWidth <= title.clientWidth };
      }),
    );
    const squeezed = titles.filter((t) => !t.whole && t.width < 80);
    assert.ok(titles.length > 0 && squeezed.length === 0, `a cut-off section title is narrower than 80 px: ${JSON.stringify(titles)}`);
  });

  it('tracker at 170 px: no sideways scrolling, and no stat label is cut off', async function () {
    await setSidebarWidth(wb, MIN_SIDEBAR);
    const frame = await showOnly(wb, 'Learning Tracker', 'tracker', '[data-testid=active-days]', MIN_SIDEBAR);
    await wb.screenshot('narrow-tracker');
    await assertNoSidewaysScroll(frame, 'The tracker');
    const clipped = await frame.locator('.numbers .n, .numbers .k, .stat .label, .stat .figure, .stat .detail').evaluateAll((els) =>
      els
        .filter((el) => el.scrollWidth > el.clientWidth || el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((el) => `${el.className} "${el.textContent}" scroll=${el.scrollWidth} client=${el.clientWidth} right=${Math.round(el.getBoundingClientRect().right)}`),
    );
    assert.deepEqual(clipped, [], 'stat labels and figures fit the view');
  });

  it('practice at 170 px: no sideways scrolling, button labels wrap rather than clip, deck names break between words', async function () {
    await setSidebarWidth(wb, MIN_SIDEBAR);
    const frame = await showOnly(wb, 'Interview Practice', 'practice', '[data-testid="due-today"]', MIN_SIDEBAR);
    await frame.locator('.deck-name').first().waitFor({ timeout: 60_000 });
    // Nothing is due yet, five new questions are: the main button says what it will start.
    await frame.locator('[data-testid="practise-today"]:not([secondary])', { hasText: "Start today's new questions" }).waitFor({ timeout: 30_000 });
    await wb.screenshot('narrow-practice');
    await assertNoSidewaysScroll(frame, 'The practice view');
    const clippedButtons = await frame.locator('.actions vscode-button').evaluateAll((buttons) =>
      buttons
        .map((b) => ({ text: b.textContent?.trim(), base: b.shadowRoot?.querySelector('[part~="base"]') }))
        .filter((b) => b.base && b.base.scrollWidth > b.base.clientWidth)
        .map((b) => `"${b.text}" scroll=${b.base?.scrollWidth} client=${b.base?.clientWidth}`),
    );
    assert.deepEqual(clippedButtons, [], 'button labels are shown whole');
    // A word of a deck's name split over two lines shows as two boxes ("Ma/chi/ne").
    const split = await frame.locator('.deck-name').evaluateAll((names) =>
      names.flatMap((name) => {
        const text = name.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) return [];
        return Array.from((text.textContent ?? '').matchAll(/\S+/g))
          .filter((m) => {
            const range = document.createRange();
            range.setStart(text, m.index ?? 0);
            range.setEnd(text, (m.index ?? 0) + m[0].length);
            return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size > 1;
          })
          .map((m) => m[0]);
      }),
    );
    assert.deepEqual(split, [], 'no word of a deck name is broken over two lines');
  });

  it('checklist at 300 px: every section title keeps a gap before its count', async function () {
    await setSidebarWidth(wb, 300);
    const frame = await showOnly(wb, 'Career Checklist', 'checklist', 'vscode-collapsible .section-count', 300);
    await frame.locator('vscode-collapsible[data-section="projects"]').scrollIntoViewIfNeeded();
    await wb.screenshot('wide-checklist');
    const gaps = await frame.locator('vscode-collapsible').evaluateAll((sections) =>
      sections.map((s) => ({
        heading: (s as HTMLElement & { heading: string }).heading,
        gap: Math.round((s.querySelector('.section-count')?.getBoundingClientRect().left ?? 0) - (s.shadowRoot?.querySelector('.title')?.getBoundingClientRect().right ?? 0)),
      })),
    );
    const touching = gaps.filter((g) => g.gap < 4);
    assert.deepEqual(touching, [], `a title runs into its count: ${JSON.stringify(gaps)}`);
  });
});

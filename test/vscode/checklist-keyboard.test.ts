import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { item, openChecklist, openSection } from './checklist-page';
import { launchWorkbench, makeTempDir, waitFor, type Workbench } from './harness';

/** The item keys of a section, top to bottom. */
function sectionKeys(frame: FrameLocator, section: string): Promise<string[]> {
  return frame.locator(`vscode-collapsible[data-section="${section}"] li.item`).evaluateAll((lis) => lis.map((li) => li.getAttribute('data-key')!));
}

function focusedId(frame: FrameLocator): Promise<string | null | undefined> {
  return frame.locator('body').evaluate(() => document.activeElement?.closest('[data-focus-id]')?.getAttribute('data-focus-id'));
}

/** The items of a section that are in the Tab order (a checkbox or details button without tabindex -1). */
function tabStops(frame: FrameLocator, section: string): Promise<string[]> {
  return frame
    .locator(`vscode-collapsible[data-section="${section}"] li.item`)
    .evaluateAll((lis) => lis.filter((li) => [...li.querySelectorAll('.item-row > *')].some((el) => el.getAttribute('tabindex') !== '-1')).map((li) => li.getAttribute('data-key')!));
}

/** Presses a key and waits for focus to land on `expected` (a data-focus-id). */
async function pressAndExpectFocus(wb: Workbench, frame: FrameLocator, key: string, expected: string): Promise<void> {
  await wb.page.keyboard.press(key);
  await waitFor(async () => (await focusedId(frame)) === expected, `${key} to focus ${expected} (focus is on ${await focusedId(frame)})`, 10_000);
}

describe('Career checklist from the keyboard in a real VS Code', function () {
  let wb: Workbench;
  let workspace: string;
  let frame: FrameLocator;
  let skills: string[];
  let publicKeys: string[];

  before(async function () {
    workspace = makeTempDir();
    wb = await launchWorkbench({ workspace, theme: 'dark' });
    frame = await openChecklist(wb);
    // "Learn the skills" opens by default; "Learn in public" is opened, and "Build projects…" between them stays collapsed.
    await openSection(frame, 'skills');
    await openSection(frame, 'public');
    assert.equal(await frame.locator('vscode-collapsible[data-section="projects"]').evaluate((el) => (el as unknown as { open: boolean }).open), false);
    skills = await sectionKeys(frame, 'skills');
    publicKeys = await sectionKeys(frame, 'public');
    assert.ok(skills.length >= 3 && publicKeys.length >= 2, 'both open sections have items');
  });
  after(async function () {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('ArrowDown and ArrowUp move between the items\' checkboxes, and stop at the first item', async function () {
    await item(frame, skills[0]).locator('vscode-checkbox').focus();
    await pressAndExpectFocus(wb, frame, 'ArrowDown', `check:${skills[1]}`);
    await pressAndExpectFocus(wb, frame, 'ArrowUp', `check:${skills[0]}`);
    await wb.page.keyboard.press('ArrowUp');
    assert.equal(await focusedId(frame), `check:${skills[0]}`, 'no wrap past the first item');
  });

  it('from the details button, ArrowDown goes to the next item\'s details button', async function () {
    await item(frame, skills[0]).locator('button.icon-button').focus();
    await pressAndExpectFocus(wb, frame, 'ArrowDown', `toggle:${skills[1]}`);
  });

  it('skips the items of a collapsed section, End reaches the last item of the last open section and scrolls it into view (screenshot)', async function () {
    await item(frame, skills[skills.length - 1]).locator('vscode-checkbox').focus();
    // "Build projects…" is collapsed: the next item is the first of "Learn in public".
    await pressAndExpectFocus(wb, frame, 'ArrowDown', `check:${publicKeys[0]}`);
    await pressAndExpectFocus(wb, frame, 'End', `check:${publicKeys[publicKeys.length - 1]}`);
    const inView = await item(frame, publicKeys[publicKeys.length - 1]).locator('vscode-checkbox').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.ok(inView, 'the focused item is scrolled into view');
    await wb.screenshot('checklist-keyboard-end');
    await pressAndExpectFocus(wb, frame, 'Home', `check:${skills[0]}`);
  });

  it('ArrowRight opens an item\'s details and ArrowLeft closes them, focus staying on the checkbox', async function () {
    const target = item(frame, skills[1]);
    await target.locator('vscode-checkbox').focus();
    await wb.page.keyboard.press('ArrowRight');
    await target.locator('.details .why').waitFor();
    assert.equal(await target.locator('button.icon-button').getAttribute('aria-expanded'), 'true');
    assert.equal(await focusedId(frame), `check:${skills[1]}`);
    await wb.page.keyboard.press('ArrowLeft');
    await target.locator('.details').waitFor({ state: 'hidden' });
    assert.equal(await focusedId(frame), `check:${skills[1]}`);
  });

  it('ArrowDown in the add-item field stays in the field', async function () {
    await frame.locator('[data-focus-id="add:skills"] input').focus();
    await wb.page.keyboard.press('ArrowDown');
    assert.equal(await focusedId(frame), 'add:skills');
  });

  it('each list is one Tab stop: Tab from an item goes to the section\'s add field, and the details button keeps its name and state', async function () {
    await item(frame, skills[0]).locator('vscode-checkbox').focus();
    await pressAndExpectFocus(wb, frame, 'Tab', 'add:skills');
    assert.deepEqual(await tabStops(frame, 'skills'), [skills[0]]);
    const toggle = item(frame, skills[0]).locator('button.icon-button');
    assert.equal(await toggle.getAttribute('tabindex'), '-1');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.match((await toggle.getAttribute('aria-label')) ?? '', /^Details for “/);
    assert.match((await frame.locator('vscode-collapsible[data-section="skills"] ul.items').getAttribute('aria-description')) ?? '', /Tab leaves the list/);
  });

  it('Shift+Tab leaves the list and Tab comes back to the item focused last, showing its focus ring (screenshot)', async function () {
    await item(frame, skills[0]).locator('vscode-checkbox').focus();
    await pressAndExpectFocus(wb, frame, 'ArrowDown', `check:${skills[1]}`);
    await wb.page.keyboard.press('Shift+Tab');
    await waitFor(
      () => frame.locator('body').evaluate(() => document.activeElement?.getAttribute('data-section') === 'skills'),
      'Shift+Tab to reach the section\'s header',
      10_000,
    );
    await pressAndExpectFocus(wb, frame, 'Tab', `check:${skills[1]}`);
    assert.deepEqual(await tabStops(frame, 'skills'), [skills[1]]);
    // The whole row is outlined in the theme's focus colour, not just the 16px box.
    const rowOutline = await item(frame, skills[1]).locator('.item-row').evaluate((row) => getComputedStyle(row).outlineStyle);
    assert.equal(rowOutline, 'solid', 'the focused item row has a focus outline');
    await wb.screenshot('checklist-roving-focus-dark');
  });

  it('the Tab stop stays on its item when the file changes, and moves to the nearest item when that one is removed', async function () {
    assert.ok(skills.length >= 4);
    const file = path.join(wb.globalStorage, 'checklist.md');
    await item(frame, skills[2]).locator('vscode-checkbox').focus();
    await pressAndExpectFocus(wb, frame, 'Tab', 'add:skills');
    const before = fs.readFileSync(file, 'utf8');
    const ticked = before.replace(new RegExp(`^- \\[ \\] (.*<!-- id:${skills[0]} -->)$`, 'm'), '- [x] $1');
    assert.notEqual(ticked, before);
    fs.writeFileSync(file, ticked);
    await waitFor(() => item(frame, skills[0]).locator('vscode-checkbox').evaluate((el) => (el as unknown as { checked: boolean }).checked), 'the sidebar to show the item ticked in the file');
    assert.deepEqual(await tabStops(frame, 'skills'), [skills[2]]);
    const removed = ticked.replace(new RegExp(`^- \\[.\\] .*<!-- id:${skills[2]} -->\n`, 'm'), '');
    assert.notEqual(removed, ticked);
    fs.writeFileSync(file, removed);
    await item(frame, skills[2]).waitFor({ state: 'detached' });
    assert.deepEqual(await tabStops(frame, 'skills'), [skills[3]]);
    await pressAndExpectFocus(wb, frame, 'Shift+Tab', `check:${skills[3]}`);
  });

  it('remembers where each list\'s Tab stop was when the view is hidden and shown again', async function () {
    await item(frame, skills[1]).locator('vscode-checkbox').focus();
    await pressAndExpectFocus(wb, frame, 'Tab', 'add:skills');
    assert.deepEqual(await tabStops(frame, 'skills'), [skills[1]]);
    // Another view container takes the sidebar: VS Code discards the checklist's page.
    await wb.runCommand('View: Show Explorer');
    await wb.page.locator('.sidebar .pane-header', { hasText: 'Career Checklist' }).waitFor({ state: 'hidden' });
    frame = await openChecklist(wb);
    await frame.locator(`vscode-collapsible[data-section="skills"] li.item[data-key="${skills[1]}"]`).waitFor();
    assert.deepEqual(await tabStops(frame, 'skills'), [skills[1]]);
    // From the add field below the list, Shift+Tab goes back to that item, not the first.
    await frame.locator('[data-focus-id="add:skills"]').focus();
    await pressAndExpectFocus(wb, frame, 'Shift+Tab', `check:${skills[1]}`);
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
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
});

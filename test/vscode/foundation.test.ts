import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchWorkbench, makeTempDir, type Workbench } from './harness';

describe('Learn in Public in a real VS Code', function () {
  let wb: Workbench;
  let workspace: string;

  before(async function () {
    workspace = makeTempDir();
    fs.writeFileSync(path.join(workspace, 'notes.md'), '# Notes\n');
    wb = await launchWorkbench({ workspace, theme: 'dark' });
  });
  after(async function () {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('shows the Learn in Public icon in the activity bar, even in Restricted Mode', async function () {
    const icon = wb.page.locator('.activitybar [aria-label^="Learn in Public"]').first();
    await icon.waitFor({ timeout: 60_000 });
    assert.equal(await icon.isVisible(), true);
  });

  it('opens the sidebar with the career checklist rendered from real components', async function () {
    await wb.openView();
    const frame = await wb.viewFrame('Career Checklist');
    await frame.locator('vscode-checkbox').first().waitFor({ timeout: 60_000 });
    assert.ok((await frame.locator('vscode-collapsible').count()) >= 10, 'one collapsible section per career step');
    assert.ok((await frame.locator('vscode-checkbox').count()) >= 60, 'the catalog items are there');
    await wb.screenshot('foundation-sidebar-dark');
  });

  it('loads every webview under its strict Content Security Policy without a violation', async function () {
    // Every webview view of the container is open, Interview Practice included.
    const practice = wb.page.locator('.sidebar .pane-header[aria-label^="Interview Practice"]').first();
    await practice.waitFor({ timeout: 30_000 });
    if ((await practice.getAttribute('aria-expanded')) !== 'true') await practice.click();
    const frame = await wb.viewFrame('Interview Practice');
    await frame.locator('vscode-button').first().waitFor({ timeout: 60_000 });
    const violations = wb.consoleMessages().filter((m) => /Content Security Policy|Refused to (load|execute|apply)/i.test(m));
    assert.deepEqual(violations, []);
  });
});

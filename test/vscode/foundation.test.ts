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
});

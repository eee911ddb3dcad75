import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertRealFolderInside, resolveWorksheetFolder, resolveWorkspaceFolder } from '../../../src/core/kit/kit-locations';

const roots = { workspaceRoot: path.resolve('/work/space'), globalStorage: path.resolve('/gs'), home: path.resolve('/home/me') };

describe('kit: where files go', () => {
  it('interview notes go to the workspace folder from the setting, or its default', () => {
    assert.deepEqual(resolveWorkspaceFolder('', 'career/informational-interviews', 'informational-interviews', roots), {
      folder: path.join(roots.workspaceRoot, 'career', 'informational-interviews'),
      inGlobalStorage: false,
    });
    assert.equal(resolveWorkspaceFolder(' notes/people ', 'x', 'y', roots).folder, path.join(roots.workspaceRoot, 'notes', 'people'));
  });

  it('a notes folder setting that leaves the workspace is refused', () => {
    for (const bad of ['../outside', '/etc', 'a/../../b', '.']) {
      assert.throws(() => resolveWorkspaceFolder(bad, 'x', 'y', roots), /leaves the folder|absolute path/, bad);
    }
  });

  it('without a workspace folder, notes go to private storage and say so', () => {
    const result = resolveWorkspaceFolder('career/x', 'career/x', 'informational-interviews', { ...roots, workspaceRoot: undefined });
    assert.deepEqual(result, { folder: path.join(roots.globalStorage, 'job-search', 'informational-interviews'), inGlobalStorage: true });
  });

  it('the worksheet defaults to private storage; ~, absolute and workspace-relative settings work', () => {
    assert.deepEqual(resolveWorksheetFolder('', roots), { folder: path.join(roots.globalStorage, 'job-search'), inGlobalStorage: true });
    assert.equal(resolveWorksheetFolder('~/private', roots).folder, path.join(roots.home, 'private'));
    assert.equal(resolveWorksheetFolder(path.resolve('/srv/offers'), roots).folder, path.resolve('/srv/offers'));
    assert.equal(resolveWorksheetFolder('career/private', roots).folder, path.join(roots.workspaceRoot, 'career', 'private'));
  });

  it('a relative worksheet location without a workspace, or one leaving it, is refused with a clear message', () => {
    assert.throws(() => resolveWorksheetFolder('career', { ...roots, workspaceRoot: undefined }), /none is open/);
    assert.throws(() => resolveWorksheetFolder('../x', roots), /leaves the folder/);
  });

  it('a notes folder that leads out of the workspace through a symbolic link is refused; one inside is fine', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-links-'));
    try {
      const workspace = path.join(tmp, 'repo');
      const outside = path.join(tmp, 'elsewhere');
      fs.mkdirSync(workspace);
      fs.mkdirSync(outside);
      fs.symlinkSync(outside, path.join(workspace, 'career'));
      const linked = { workspaceRoot: workspace, globalStorage: path.join(tmp, 'gs'), home: tmp };
      const notes = resolveWorkspaceFolder('', 'career/informational-interviews', 'informational-interviews', linked);
      await assert.rejects(assertRealFolderInside(notes, linked), /outside the workspace folder/);
      await assertRealFolderInside(resolveWorkspaceFolder('notes/people', 'x', 'y', linked), linked);
      await assertRealFolderInside(resolveWorkspaceFolder('', 'x', 'informational-interviews', { ...linked, workspaceRoot: undefined }), linked);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

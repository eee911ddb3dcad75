import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createFileExclusive, findFreePath, leavesFolder, resolveInside, UnsafePathError, writeFileAtomic } from '../../src/core/safe-fs';

describe('safe file writes', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lip-safe-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses paths that leave the target folder', () => {
    for (const bad of ['../x.md', 'a/../../x.md', '/etc/passwd', 'C:\\x.md', 'a\0b', '.', '']) {
      assert.throws(() => resolveInside(dir, bad), UnsafePathError, bad);
    }
    assert.equal(resolveInside(dir, 'posts/a.md'), path.join(dir, 'posts', 'a.md'));
  });

  it('accepts names that merely start with two dots', () => {
    assert.equal(resolveInside(dir, '..notes.md'), path.join(dir, '..notes.md'));
    assert.equal(resolveInside(dir, 'posts/..draft/a.md'), path.join(dir, 'posts', '..draft', 'a.md'));
    assert.throws(() => resolveInside(dir, 'posts/../../x.md'), UnsafePathError);
    for (const rel of ['..', '../x', `..${path.sep}x`, path.resolve('/elsewhere')]) assert.equal(leavesFolder(rel), true, rel);
    for (const rel of ['', 'x', '..x', '..x/y', 'a/..b']) assert.equal(leavesFolder(rel), false, rel);
  });

  it('never overwrites an existing file when creating', async () => {
    const file = path.join(dir, 'post.md');
    fs.writeFileSync(file, 'mine');
    assert.equal(await createFileExclusive(file, 'theirs'), false);
    assert.equal(fs.readFileSync(file, 'utf8'), 'mine');
  });

  it('creates a file whole, leaving no temp file, and of racing creators exactly one wins', async () => {
    const file = path.join(dir, 'notes', 'post.md');
    const contents = Array.from({ length: 12 }, (_, i) => `writer ${i}\n`.repeat(20_000));
    const results = await Promise.all(contents.map((c) => createFileExclusive(file, c)));
    assert.equal(results.filter(Boolean).length, 1);
    assert.equal(fs.readFileSync(file, 'utf8'), contents[results.indexOf(true)]);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['post.md']);
  });

  it('finds the next free name beside an existing file', async () => {
    fs.writeFileSync(path.join(dir, 'post.md'), '');
    fs.writeFileSync(path.join(dir, 'post-2.md'), '');
    assert.equal(await findFreePath(path.join(dir, 'post.md')), path.join(dir, 'post-3.md'));
  });

  it('replaces a file atomically and leaves no temp file behind', async () => {
    const file = path.join(dir, 'checklist.md');
    fs.writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new');
    assert.equal(fs.readFileSync(file, 'utf8'), 'new');
    assert.deepEqual(fs.readdirSync(dir), ['checklist.md']);
  });
});

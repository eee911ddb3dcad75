import assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtInCatalog } from '../../../src/core/checklist/catalog';
import { ChecklistFile } from '../../../src/core/checklist/checklist-file';
import { generateChecklist, setItemChecked, setItemNote } from '../../../src/core/checklist/edits';
import { parseChecklist } from '../../../src/core/checklist/markdown';
import { diffLines } from './helpers';

const catalog = builtInCatalog();

describe('checklist file: reading and writing without losing text', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lip-checklist-'));
    file = path.join(dir, 'checklist.md');
  });
  afterEach(async () => {
    await fs.chmod(dir, 0o755).catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('a missing file is reported as missing, and an edit is refused without creating it', async () => {
    const store = new ChecklistFile(file);
    assert.deepEqual(await store.read(), { status: 'missing' });
    const outcome = await store.edit((text) => setItemChecked(text, 'job-referral', true, undefined, catalog));
    assert.equal(outcome.status, 'refused');
    await assert.rejects(fs.stat(file));
  });

  it('creating never overwrites an existing file', async () => {
    await fs.writeFile(file, 'mine\n');
    assert.equal(await new ChecklistFile(file).create(generateChecklist(catalog)), false);
    assert.equal(await fs.readFile(file, 'utf8'), 'mine\n');
  });

  it('checking an item writes exactly that line, atomically, leaving no temporary files', async () => {
    const original = generateChecklist(catalog);
    await fs.writeFile(file, original);
    const outcome = await new ChecklistFile(file).edit((text) => setItemChecked(text, 'job-referral', true, '2024-05-01', catalog));
    assert.equal(outcome.status, 'written');
    const now = await fs.readFile(file, 'utf8');
    const diff = diffLines(original, now);
    assert.equal(diff.removed.length, 1);
    assert.equal(diff.added.length, 1);
    assert.deepEqual(await fs.readdir(dir), ['checklist.md']);
  });

  it('two quick clicks both land', async () => {
    await fs.writeFile(file, generateChecklist(catalog));
    const store = new ChecklistFile(file);
    await Promise.all([
      store.edit((text) => setItemChecked(text, 'job-referral', true, undefined, catalog)),
      store.edit((text) => setItemChecked(text, 'offer-ideal-number', true, undefined, catalog)),
      store.edit((text) => setItemNote(text, 'offer-ideal-number', 'ask for more', catalog)),
    ]);
    const parsed = parseChecklist(await fs.readFile(file, 'utf8'), catalog);
    const byKey = (key: string) => parsed.items.find((i) => i.key === key)!;
    assert.equal(byKey('job-referral').checked, true);
    assert.equal(byKey('offer-ideal-number').checked, true);
    assert.equal(byKey('offer-ideal-number').note, 'ask for more');
  });

  it('a save from the editor between render and click is kept: the edit applies to the new text', async () => {
    await fs.writeFile(file, generateChecklist(catalog));
    const store = new ChecklistFile(file);
    // The sidebar rendered the old text; then the user saved a change in the editor.
    const saved = `${await fs.readFile(file, 'utf8')}\nA line typed in the editor.\n`;
    await fs.writeFile(file, saved);
    await store.edit((text) => setItemChecked(text, 'job-referral', true, undefined, catalog));
    const now = await fs.readFile(file, 'utf8');
    assert.ok(now.endsWith('\nA line typed in the editor.\n'));
    assert.equal(diffLines(saved, now).removed.length, 1);
  });

  it('a file that changes while an edit is being computed is re-read, and the edit applied again', async () => {
    await fs.writeFile(file, generateChecklist(catalog));
    const store = new ChecklistFile(file);
    let calls = 0;
    await store.edit((text) => {
      calls++;
      // The first time round, someone else saves the file before we write.
      if (calls === 1) require('node:fs').appendFileSync(file, '\nsaved meanwhile\n');
      return setItemChecked(text, 'job-referral', true, undefined, catalog);
    });
    assert.equal(calls, 2);
    const now = await fs.readFile(file, 'utf8');
    assert.ok(now.endsWith('\nsaved meanwhile\n'));
    assert.equal(parseChecklist(now, catalog).items.find((i) => i.key === 'job-referral')!.checked, true);
  });

  it('a read-only file is reported and left untouched', async function () {
    if (process.platform === 'win32') this.skip();
    const original = generateChecklist(catalog);
    await fs.writeFile(file, original);
    await fs.chmod(file, 0o444);
    const store = new ChecklistFile(file);
    const snapshot = await store.read();
    assert.equal(snapshot.status === 'ok' && snapshot.writable, false);
    const outcome = await store.edit((text) => setItemChecked(text, 'job-referral', true, undefined, catalog));
    assert.equal(outcome.status, 'refused');
    assert.match(outcome.status === 'refused' ? outcome.message : '', /read-only/);
    assert.equal(await fs.readFile(file, 'utf8'), original);
  });

  it('a read-only folder is reported (an atomic write needs it)', async function () {
    if (process.platform === 'win32') this.skip();
    await fs.writeFile(file, generateChecklist(catalog));
    await fs.chmod(dir, 0o555);
    const snapshot = await new ChecklistFile(file).read();
    assert.equal(snapshot.status === 'ok' && snapshot.readOnlyReason?.includes('folder'), true);
  });

  it('a file in another encoding is shown read-only and never rewritten (its bytes stay as they are)', async () => {
    // Latin-1 "café": the é is not UTF-8, and a UTF-8 write would turn it into U+FFFD.
    const latin1 = Buffer.concat([Buffer.from('- [ ] caf'), Buffer.from([0xe9]), Buffer.from(' <!-- id:custom-a -->\n')]);
    await fs.writeFile(file, latin1);
    const store = new ChecklistFile(file);
    const snapshot = await store.read();
    assert.equal(snapshot.status, 'ok');
    assert.equal(snapshot.status === 'ok' && snapshot.writable, false);
    assert.match(snapshot.status === 'ok' ? snapshot.readOnlyReason! : '', /not saved as UTF-8/);
    const outcome = await store.edit((text) => setItemChecked(text, 'custom-a', true, undefined, catalog));
    assert.equal(outcome.status, 'refused');
    assert.deepEqual(await fs.readFile(file), latin1);

    // UTF-16 (with its byte-order mark) is read as such: the items show, read-only.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('- [x] in UTF-16 <!-- id:custom-b -->\n', 'utf16le')]);
    await fs.writeFile(file, utf16);
    const read16 = await store.read();
    assert.equal(read16.status === 'ok' && read16.writable, false);
    assert.deepEqual(parseChecklist(read16.status === 'ok' ? read16.text : '', catalog).items.map((i) => [i.title, i.checked]), [['in UTF-16', true]]);
    assert.equal((await store.edit((text) => setItemChecked(text, 'custom-b', false, undefined, catalog))).status, 'refused');
    assert.deepEqual(await fs.readFile(file), utf16);
  });

  it('a folder in place of the file is reported as unreadable', async () => {
    await fs.mkdir(file);
    const snapshot = await new ChecklistFile(file).read();
    assert.equal(snapshot.status, 'unreadable');
    assert.match(snapshot.status === 'unreadable' ? snapshot.message : '', /folder/);
  });

  it('a symlinked checklist stays a link and its target gets the change', async function () {
    if (process.platform === 'win32') this.skip();
    const target = path.join(dir, 'real.md');
    await fs.writeFile(target, generateChecklist(catalog));
    await fs.symlink(target, file);
    await new ChecklistFile(file).edit((text) => setItemChecked(text, 'job-referral', true, undefined, catalog));
    assert.ok((await fs.lstat(file)).isSymbolicLink());
    assert.match(await fs.readFile(target, 'utf8'), /- \[x\] Ask someone inside for a referral/);
  });

  it('an edit that would empty the file is refused', async () => {
    await fs.writeFile(file, 'text\n');
    const outcome = await new ChecklistFile(file).edit(() => ({ text: '', changed: true }));
    assert.equal(outcome.status, 'refused');
    assert.equal(await fs.readFile(file, 'utf8'), 'text\n');
  });

  it('an open editor with unsaved changes receives the edit instead of the disk', async () => {
    await fs.writeFile(file, generateChecklist(catalog));
    let buffer = `${generateChecklist(catalog)}typed but not saved\n`;
    const store = new ChecklistFile(file, {
      read: () => buffer,
      write: async (_old, next) => {
        buffer = next;
        return 'written' as const;
      },
    });
    await store.edit((text) => setItemChecked(text, 'job-referral', true, undefined, catalog));
    assert.ok(buffer.endsWith('typed but not saved\n'));
    assert.match(buffer, /- \[x\] Ask someone inside/);
    assert.equal(await fs.readFile(file, 'utf8'), generateChecklist(catalog));
  });
});

describe('checklist file: the span an edit changed', () => {
  // Imported here to keep the file's first describe about files.
  const { changedRange } = require('../../../src/core/checklist/text-diff') as typeof import('../../../src/core/checklist/text-diff');
  const apply = (oldText: string, newText: string) => {
    const { start, end, replacement } = changedRange(oldText, newText);
    return oldText.slice(0, start) + replacement + oldText.slice(end);
  };

  it('replaces whole lines only, and rebuilds the new text exactly', () => {
    const before = 'a\n- [ ] one\nb\n';
    const after = 'a\n- [x] one\nb\n';
    assert.deepEqual(changedRange(before, after), { start: 2, end: 11, replacement: '- [x] one' });
    for (const [x, y] of [['', 'abc'], ['abc', ''], ['same', 'same'], ['x\r\ny\r\n', 'x\r\nz\r\ny\r\n'], ['- [ ] a', '- [x] a ✅ 2024-01-01']]) assert.equal(apply(x, y), y);
  });
});

describe('checklist file: an open editor that changes under the edit', () => {
  it('is edited again on its new text when it changed between reading and writing', async () => {
    let buffer = '- [ ] a <!-- id:custom-a -->\n';
    let writes = 0;
    const store = new ChecklistFile('/nonexistent/checklist.md', {
      read: () => buffer,
      write: async (old, next) => {
        writes++;
        if (writes === 1) {
          // The user typed a line just before our change arrived.
          buffer = `${old}- [ ] typed <!-- id:custom-t -->\n`;
          return 'retry';
        }
        buffer = next;
        return 'written';
      },
    });
    const outcome = await store.edit((text) => setItemChecked(text, 'custom-a', true, undefined, catalog));
    assert.equal(outcome.status, 'written');
    assert.equal(buffer, '- [x] a <!-- id:custom-a -->\n- [ ] typed <!-- id:custom-t -->\n');
  });
});

import assert from 'node:assert/strict';
import { orderDeckFolders } from '../../../src/core/practice/deck-destination';

// "Where should the new deck live?" in a multi-root workspace: the first entry is what Enter picks.

const folders = [
  { name: 'notes', folderPath: '/work/notes', hasDecks: false },
  { name: 'site', folderPath: '/work/site', hasDecks: true },
  { name: 'interviews', folderPath: '/work/interviews', hasDecks: false },
];
const names = (list: readonly { name: string }[]) => list.map((f) => f.name);

describe('new deck destination: which folder comes first', () => {
  it('the folder of the file being edited comes first, the others keep their place after it', () => {
    assert.deepEqual(names(orderDeckFolders(folders, '/work/interviews/plan.md')), ['interviews', 'site', 'notes']);
  });

  it('with no file open (or one outside every folder), a folder that already holds decks comes first', () => {
    assert.deepEqual(names(orderDeckFolders(folders, undefined)), ['site', 'notes', 'interviews']);
    assert.deepEqual(names(orderDeckFolders(folders, '/tmp/scratch.md')), ['site', 'notes', 'interviews']);
  });

  it('a folder whose name only starts like the file\'s folder is not taken for it', () => {
    assert.deepEqual(names(orderDeckFolders(folders, '/work/notes-old/a.md')), ['site', 'notes', 'interviews']);
  });

  it('with nested folders, the innermost one holding the file comes first', () => {
    const nested = [...folders, { name: 'site-blog', folderPath: '/work/site/blog', hasDecks: false }];
    assert.deepEqual(names(orderDeckFolders(nested, '/work/site/blog/post.md')), ['site-blog', 'site', 'notes', 'interviews']);
  });

  it('Windows paths: the separator is the platform\'s', () => {
    const windows = [
      { name: 'a', folderPath: 'C:\\work\\a', hasDecks: true },
      { name: 'b', folderPath: 'C:\\work\\b', hasDecks: false },
    ];
    assert.deepEqual(names(orderDeckFolders(windows, 'C:\\work\\b\\notes.md', '\\')), ['b', 'a']);
  });
});

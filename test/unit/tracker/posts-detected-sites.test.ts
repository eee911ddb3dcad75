import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DEFAULT_POSTS_FOLDERS, postsFoldersWithDetectedSites } from '../../../src/core/tracker/posts';

describe('posts folders from detected sites', () => {
  const ws = path.join(path.sep, 'work', 'ws');

  it('adds a detected site posts folder relative to the repository that holds it', () => {
    const folders = postsFoldersWithDetectedSites(DEFAULT_POSTS_FOLDERS, [path.join(ws, 'site', 'src', 'content', 'writing')], [path.join(ws, 'site'), path.join(ws, 'project')]);
    assert.ok(folders.includes('src/content/writing'));
    for (const d of DEFAULT_POSTS_FOLDERS) assert.ok(folders.includes(d), d);
  });

  it('uses the path from the workspace repository when the site sits one level down in it', () => {
    const folders = postsFoldersWithDetectedSites([], [path.join(ws, 'blog', 'content', 'notes')], [ws]);
    assert.deepEqual(folders, ['blog/content/notes']);
  });

  it('ignores a posts folder that no scanned repository holds', () => {
    assert.deepEqual(postsFoldersWithDetectedSites(['posts'], [path.join(path.sep, 'elsewhere', 'posts2')], [ws]), ['posts']);
  });
});

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { sitePostsFolders } from '../../../src/core/tracker/site-posts-folders';
import { makeSite, removeTempSites } from '../scaffold/temp-site';

describe('tracker: posts folders follow the scaffold settings', () => {
  after(removeTempSites);

  it('counts posts where New Post writes when learnInPublic.scaffold.postsFolder names a custom folder', async () => {
    const site = makeSite({ 'hugo.toml': 'title = "Notes"\n', 'content/posts/hello.md': '---\ntitle: Hello\n---\n' });
    assert.deepEqual(await sitePostsFolders([site], () => ({ postsFolder: 'writing/til' })), [path.join(site, 'writing', 'til')]);
  });

  it('uses the generator the settings name, even where none is detected', async () => {
    const plain = makeSite({ 'README.md': '# notes\n' });
    assert.deepEqual(await sitePostsFolders([plain], () => ({})), []);
    assert.deepEqual(await sitePostsFolders([plain], () => ({ siteGenerator: 'jekyll' })), [path.join(plain, '_posts')]);
  });

  it('keeps the detected posts folder when nothing is set', async () => {
    const site = makeSite({ 'hugo.toml': 'title = "Notes"\n', 'content/posts/hello.md': '---\ntitle: Hello\n---\n' });
    assert.deepEqual(await sitePostsFolders([site], () => ({ siteGenerator: 'auto', postsFolder: '' })), [path.join(site, 'content', 'posts')]);
  });
});

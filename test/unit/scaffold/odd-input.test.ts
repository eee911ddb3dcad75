import assert from 'node:assert/strict';
import { readProjectInfo } from '../../../src/core/scaffold/project-info';
import { missingSections } from '../../../src/core/scaffold/readme';
import { selectionValues } from '../../../src/core/scaffold/selection';
import { detectSite } from '../../../src/core/scaffold/site-detect';
import { slugify } from '../../../src/core/scaffold/slug';
import { makeSite, removeTempSites } from './temp-site';

describe('scaffold: hostile but realistic input', () => {
  describe('slugs of titles in scripts that need their marks', () => {
    it('keeps Japanese voiced kana, so ブログ does not become フロク', () => {
      assert.equal(slugify('ブログを始めた'), 'ブログを始めた');
    });

    it('keeps Devanagari vowel signs, so the word stays readable', () => {
      assert.equal(slugify('हिन्दी में सीखना'), 'हिन्दी-में-सीखना');
    });

    it('writes Korean as composed syllables, as typed', () => {
      const slug = slugify('한국어 공부');
      assert.equal(slug, '한국어-공부');
      assert.equal(slug, slug.normalize('NFC'));
    });

    it('still drops Latin accents and emoji modifiers', () => {
      assert.equal(slugify('Crème brûlée'), 'creme-brulee');
      assert.equal(slugify('1\uFE0F\u20E3 first 🏳️‍🌈'), '1-first');
      assert.equal(slugify('\u0301abc'), 'abc');
    });
  });

  describe('a selection as a post body', () => {
    const code = (displayPath: string, permalink?: string) =>
      selectionValues({ text: 'x = 1', languageId: 'python', startLine: 3, endLine: 3, displayPath, permalink }).selectionSource;

    it('shows a file name with backticks as one code span in the source link', () => {
      assert.equal(code('src/my `odd` file.py', 'https://github.com/a/b/blob/1/src/my%20%60odd%60%20file.py#L3'),
        'From [`` src/my `odd` file.py ``, line 3](https://github.com/a/b/blob/1/src/my%20%60odd%60%20file.py#L3)');
    });

    it('keeps the source link whole when the permalink holds an unbalanced parenthesis', () => {
      assert.equal(code('notes).py', 'https://github.com/a/b/blob/1/notes).py#L3'), 'From [`notes).py`, line 3](https://github.com/a/b/blob/1/notes%29.py#L3)');
    });

    it('closes a code block the selected Markdown leaves open, so the rest of the post is not code', () => {
      const v = selectionValues({ text: '# Setup\r\n\r\n```bash\r\npip install x\r\n', languageId: 'markdown', startLine: 1, endLine: 4 });
      assert.equal(v.selection, '# Setup\n\n```bash\npip install x\n```');
      const closed = selectionValues({ text: '~~~~\n```\nx\n```\n~~~~\n', languageId: 'markdown', startLine: 1, endLine: 5 });
      assert.equal(closed.selection, '~~~~\n```\nx\n```\n~~~~');
    });
  });

  describe('sites configured away from the defaults', () => {
    after(removeTempSites);

    it('writes Jekyll posts into the collections_dir, where Jekyll reads them', async () => {
      const site = await detectSite(makeSite({ '_config.yml': 'title: Blog\ncollections_dir: my_collections # all in one place\n', 'my_collections/_posts/': '' }));
      assert.equal(site.generator, 'jekyll');
      assert.equal(site.postsDir, 'my_collections/_posts');
    });

    it('ignores a Jekyll collections_dir that leaves the site', async () => {
      const site = await detectSite(makeSite({ '_config.yml': 'collections_dir: ../elsewhere\n' }));
      assert.equal(site.postsDir, '_posts');
    });

    it('writes Docusaurus posts into the blog plugin path, with its authors', async () => {
      const config = "export default { presets: [['classic', { docs: { path: 'guides' }, blog: { showReadingTime: true, path: 'articles', routeBasePath: '/' } }]] };\n";
      const site = await detectSite(makeSite({ 'docusaurus.config.ts': config, 'articles/authors.yml': 'ada:\n  name: Ada\n' }));
      assert.equal(site.generator, 'docusaurus');
      assert.equal(site.postsDir, 'articles');
      assert.deepEqual(site.fixedFields.authors, ['ada']);
    });
  });

  describe('project files saved by Windows editors, and READMEs with nested fences', () => {
    after(removeTempSites);

    it('reads a package.json and a pyproject.toml that start with a byte-order mark', async () => {
      const npm = await readProjectInfo(makeSite({ 'package.json': '\uFEFF{"name":"bom-app","description":"Saved by Notepad"}' }));
      assert.equal(npm.name, 'bom-app');
      assert.equal(npm.description, 'Saved by Notepad');
      assert.deepEqual(npm.problems, []);
      const py = await readProjectInfo(makeSite({ 'pyproject.toml': '\uFEFF[project]\nname = "bom-py"\n' }));
      assert.equal(py.name, 'bom-py');
    });

    it('recognises an Eleventy site from a package.json with a byte-order mark', async () => {
      const site = await detectSite(makeSite({ 'package.json': '\uFEFF{"devDependencies":{"@11ty/eleventy":"^3.0.0"}}' }));
      assert.equal(site.generator, 'eleventy');
    });

    it('does not count a heading shown as code inside a longer fence as a section the README has', () => {
      const readme = '# X\n\n````markdown\n```\n## Results\n```\n````\n';
      assert.ok(missingSections(readme).some((s) => s.heading === 'Results'));
    });
  });
});

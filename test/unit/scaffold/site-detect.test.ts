import assert from 'node:assert/strict';
import { detectSite } from '../../../src/core/scaffold/site-detect';
import { makeSite, removeTempSites } from './temp-site';

const post = (fm: string) => `---\n${fm}\n---\n\nText.\n`;

describe('scaffold: site detection', () => {
  after(removeTempSites);

  it('recognises Hugo from hugo.toml and finds its posts folder', async () => {
    const root = makeSite({ 'hugo.toml': 'baseURL = "https://example.org/"\n', 'content/post/first.md': post('title: First\ndate: 2024-01-01T10:00:00+01:00\ntags: [a]') });
    const site = await detectSite(root);
    assert.equal(site.generator, 'hugo');
    assert.equal(site.postsDir, 'content/post');
    assert.equal(site.fileNamePattern, '{{slug}}.md');
    assert.deepEqual(site.draft, { field: 'draft', value: true });
    assert.equal(site.dateStyle, 'iso');
    assert.match(site.evidence.join(), /hugo\.toml/);
  });

  it("puts Hugo posts under the site's contentDir, and ignores one that leaves the site", async () => {
    const moved = await detectSite(makeSite({ 'hugo.toml': 'baseURL = "/"\ncontentDir = "site-content" # moved\n[languages.fr]\ncontentDir = "fr"\n', 'site-content/blog/a.md': post('title: A') }));
    assert.equal(moved.postsDir, 'site-content/blog');
    const yaml = await detectSite(makeSite({ 'config/_default/hugo.yaml': 'contentDir: pages\n', 'pages/': '' }));
    assert.equal(yaml.generator, 'hugo');
    assert.equal(yaml.postsDir, 'pages/posts');
    const escaping = await detectSite(makeSite({ 'hugo.toml': 'contentDir = "../elsewhere"\n', 'content/posts/': '' }));
    assert.equal(escaping.postsDir, 'content/posts');
  });

  it('puts Astro posts in the collection named like a blog when the content config has several', async () => {
    const config = "const docs = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/data/docs' }) });\nconst blog = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/data/blog' }), schema: z.object({ pubDate: z.date() }) });\n";
    const site = await detectSite(makeSite({ 'astro.config.mjs': 'export default {}\n', 'src/content.config.ts': config }));
    assert.equal(site.generator, 'astro');
    assert.equal(site.postsDir, 'src/data/blog');
  });

  it('recognises Hugo from a config.toml with Hugo keys, and not from any config.toml', async () => {
    assert.equal((await detectSite(makeSite({ 'config.toml': 'baseURL = "/"\ntheme = "ananke"\n', 'content/': '' }))).generator, 'hugo');
    assert.equal((await detectSite(makeSite({ 'config.toml': '[tool]\nname = "x"\n' }))).generator, 'markdown');
  });

  it('writes Hugo page bundles when the existing posts are bundles', async () => {
    const root = makeSite({
      'hugo.yaml': 'title: x\n',
      'content/posts/one/index.md': post('title: One'),
      'content/posts/two/index.md': post('title: Two'),
      'content/posts/_index.md': post('title: Posts'),
      'content/posts/three.md': post('title: Three'),
    });
    assert.equal((await detectSite(root)).fileNamePattern, '{{slug}}/index.md');
  });

  it('keeps tags on a new Jekyll site, whose only post is the starter\'s (its categories would move every new post\'s address)', async () => {
    const starter = '---\nlayout: post\ntitle:  "Welcome to Jekyll!"\ndate:   2026-11-20 10:00:00 +0100\ncategories: jekyll update\n---\nYou\'ll find this post in your `_posts` directory.\n';
    const fresh = await detectSite(makeSite({ '_config.yml': 'title: My blog\ntheme: minima\n', '_posts/2026-11-20-welcome-to-jekyll.markdown': starter }));
    assert.equal(fresh.taxonomyField, 'tags');
    const own = await detectSite(makeSite({ '_config.yml': 'title: My blog\n', '_posts/2026-11-20-welcome-to-jekyll.markdown': starter, '_posts/2026-11-21-first.md': post('layout: post\ntitle: First\ncategories: [ml]') }));
    assert.equal(own.taxonomyField, 'categories', 'the user\'s own posts still decide');
  });

  it('follows the site when its posts use categories rather than tags', async () => {
    const root = makeSite({ 'hugo.toml': '', 'content/posts/a.md': post('title: A\ncategories: [x]'), 'content/posts/b.md': post('title: B\ncategories: [y]') });
    assert.equal((await detectSite(root)).taxonomyField, 'categories');
  });

  it('recognises Jekyll and its _posts naming and date format', async () => {
    const site = await detectSite(makeSite({ '_config.yml': 'title: Blog\n', '_posts/': '' }));
    assert.equal(site.generator, 'jekyll');
    assert.equal(site.postsDir, '_posts');
    assert.equal(site.fileNamePattern, '{{date}}-{{slug}}.md');
    assert.equal(site.dateStyle, 'jekyll');
    assert.deepEqual(site.draft, { field: 'published', value: false });
    assert.deepEqual(site.fixedFields, { layout: 'post' });
  });

  it('recognises Astro content collections and the field names of their schema', async () => {
    const schema = "import { defineCollection, z } from 'astro:content';\nconst blog = defineCollection({ schema: z.object({ title: z.string(), description: z.string(), pubDate: z.coerce.date(), draft: z.boolean().optional() }) });\n";
    const site = await detectSite(makeSite({ 'astro.config.mjs': 'export default {}', 'src/content/config.ts': schema, 'src/content/blog/': '' }));
    assert.equal(site.generator, 'astro');
    assert.equal(site.postsDir, 'src/content/blog');
    assert.equal(site.dateField, 'pubDate');
    assert.deepEqual(site.draft, { field: 'draft', value: true });
    assert.equal(site.fixedFields.description, '');
  });

  it('follows an Astro 5 glob loader base folder', async () => {
    const schema = "const posts = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/data/posts' }), schema: z.object({ title: z.string(), date: z.date() }) });";
    const site = await detectSite(makeSite({ 'astro.config.ts': '', 'src/content.config.ts': schema }));
    assert.equal(site.postsDir, 'src/data/posts');
    assert.equal(site.dateField, 'date');
    assert.equal(site.draft, null);
  });

  it('ignores an Astro loader base that points outside the site', async () => {
    const site = await detectSite(makeSite({ 'astro.config.ts': '', 'src/content.config.ts': "glob({ base: '../../outside' })" }));
    assert.equal(site.postsDir, 'src/content/blog');
  });

  it('recognises Eleventy from its config file or its dependency alone', async () => {
    const fromConfig = await detectSite(makeSite({ 'eleventy.config.js': '', 'content/blog/': '' }));
    assert.equal(fromConfig.generator, 'eleventy');
    assert.equal(fromConfig.postsDir, 'content/blog');
    const fromDependency = await detectSite(makeSite({ 'package.json': JSON.stringify({ devDependencies: { '@11ty/eleventy': '^3.0.0' } }) }));
    assert.equal(fromDependency.generator, 'eleventy');
    assert.equal(fromDependency.dateStyle, 'day');
  });

  it('recognises Docusaurus, its dated blog file names and its authors', async () => {
    const site = await detectSite(makeSite({ 'docusaurus.config.ts': '', 'blog/authors.yml': 'ada:\n  name: Ada\nbob:\n  name: Bob\n' }));
    assert.equal(site.generator, 'docusaurus');
    assert.equal(site.postsDir, 'blog');
    assert.equal(site.fileNamePattern, '{{date}}-{{slug}}.md');
    assert.equal(site.dateField, null);
    assert.deepEqual(site.fixedFields.authors, ['ada']);
  });

  it('finds a site one level down, in blog/ or website/', async () => {
    const hugo = await detectSite(makeSite({ 'package.json': '{"name":"tool"}', 'blog/hugo.toml': '', 'blog/content/posts/': '' }));
    assert.equal(hugo.generator, 'hugo');
    assert.equal(hugo.siteRoot, 'blog');
    assert.equal(hugo.postsDir, 'blog/content/posts');
    const docusaurus = await detectSite(makeSite({ 'website/docusaurus.config.js': '' }));
    assert.equal(docusaurus.postsDir, 'website/blog');
  });

  it('prefers the folder itself over a subfolder when both are sites', async () => {
    const site = await detectSite(makeSite({ '_config.yml': '', 'site/hugo.toml': '' }));
    assert.equal(site.generator, 'jekyll');
    assert.equal(site.siteRoot, '');
  });

  it('falls back to plain Markdown, marked as not detected, when there is no site', async () => {
    const site = await detectSite(makeSite({ 'README.md': '# x' }));
    assert.equal(site.generator, 'markdown');
    assert.equal(site.detected, false);
  });

  it('survives broken posts and configs without throwing', async () => {
    const root = makeSite({ 'hugo.toml': '', 'package.json': '{not json', 'content/posts/bad.md': '---\ntitle: [oops\n---\n', 'content/posts/evil.md': '---js\n{}\n---\n' });
    assert.equal((await detectSite(root)).generator, 'hugo');
  });
});

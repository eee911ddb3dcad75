import assert from 'node:assert/strict';
import { parseFrontMatter } from '../../../src/core/front-matter';
import { builtInTemplates } from '../../../src/core/scaffold/builtin-templates';
import { applySettings, planPost } from '../../../src/core/scaffold/post-plan';
import { DEFAULT_SCAFFOLD_SETTINGS, type ScaffoldSettings } from '../../../src/core/scaffold/settings';
import { detectSite } from '../../../src/core/scaffold/site-detect';
import { makeSite, removeTempSites } from './temp-site';

const NOW = Date.UTC(2024, 4, 23, 12, 7, 4);
const CONFIG = "export default { presets: [['classic', { blog: { showReadingTime: true } }]] };\n";

/** Detects the site in a temp folder built from `files` and plans a new post of `kind` with the tags the user gave. */
async function newPostIn(files: Record<string, string>, kind: string, tags: string[] = ['ml', 'career'], over: Partial<ScaffoldSettings> = {}) {
  const settings = { ...DEFAULT_SCAFFOLD_SETTINGS, ...over };
  const profile = applySettings(await detectSite(makeSite(files)), settings);
  const template = builtInTemplates().find((t) => t.kind === kind);
  assert.ok(template);
  const plan = planPost(profile, template, { title: 'Notes on zip()', kind, tags, now: NOW, timeZone: 'Europe/London' }, settings);
  // Whatever we write must read back as front matter.
  return { plan, profile, data: parseFrontMatter(plan.content).data };
}

describe('scaffold: Docusaurus sites that declare their tags in tags.yml', () => {
  after(removeTempSites);

  it('keeps only the tags blog/tags.yml defines, for every kind of post', async () => {
    const tagsFile = '# Tags of this blog\ntil:\n  label: Today I learned\n  permalink: /til\nml:\n';
    const til = await newPostIn({ 'docusaurus.config.ts': CONFIG, 'blog/tags.yml': tagsFile }, 'til');
    assert.match(til.profile.evidence.join(), /tags limited to those in blog\/tags\.yml/);
    assert.deepEqual(til.data.tags, ['til', 'ml']);
    for (const kind of ['tutorial', 'cheatsheet', 'project-write-up', 'weekly-log']) {
      const post = await newPostIn({ 'docusaurus.config.ts': CONFIG, 'blog/tags.yml': tagsFile }, kind);
      assert.deepEqual(post.data.tags, ['ml'], kind);
    }
  });

  it("names the user's own tags it left out, not the template's", async () => {
    const files = { 'docusaurus.config.ts': CONFIG, 'blog/tags.yml': 'ml:\n' };
    const { plan, data } = await newPostIn(files, 'til', [], { defaultTags: ['ml', 'career', 'python'] });
    assert.deepEqual(data.tags, ['ml']);
    assert.deepEqual(plan.leftOutTags, ['career', 'python']);
    assert.deepEqual((await newPostIn({ 'hugo.toml': '', 'content/posts/x.md': '' }, 'til', [], { defaultTags: ['career'] })).plan.leftOutTags, []);
  });

  it('writes no tags line when tags.yml defines none of the post\'s tags, or is empty', async () => {
    for (const tagsFile of ['python:\n  label: Python\n', '', '# no tags yet\n']) {
      const { plan, data } = await newPostIn({ 'docusaurus.config.ts': CONFIG, 'blog/tags.yml': tagsFile }, 'til');
      assert.equal(data.tags, undefined, JSON.stringify(tagsFile));
      assert.doesNotMatch(plan.content.slice(0, plan.content.indexOf('\n---\n', 3)), /^tags:/m);
      assert.equal(data.title, 'Notes on zip()');
    }
  });

  it('reads blog/tags.yaml too, and a tags file that starts with a document marker', async () => {
    const yaml = await newPostIn({ 'docusaurus.config.js': CONFIG, 'blog/tags.yaml': 'ml: {label: ML}\n' }, 'til');
    assert.deepEqual(yaml.data.tags, ['ml']);
    const marked = await newPostIn({ 'docusaurus.config.js': CONFIG, 'blog/tags.yml': '# shared\n---\ntil:\n' }, 'til');
    assert.deepEqual(marked.data.tags, ['til']);
  });

  it('reads the tags file of a site one level down, and not for a posts folder set elsewhere', async () => {
    const files = { 'website/docusaurus.config.ts': CONFIG, 'website/blog/tags.yml': 'ml:\n' };
    const nested = await newPostIn(files, 'til');
    assert.deepEqual(nested.data.tags, ['ml']);
    assert.match(nested.profile.evidence.join(), /website\/blog\/tags\.yml/);
    assert.deepEqual((await newPostIn(files, 'til', undefined, { postsFolder: 'website/blog' })).data.tags, ['ml']);
    assert.deepEqual((await newPostIn(files, 'til', undefined, { postsFolder: 'notes' })).data.tags, ['til', 'ml', 'career']);
  });

  it('keeps every tag, without failing, when tags.yml cannot be read as a list of tags', async () => {
    for (const tagsFile of ['til: [unclosed\n', '- til\n- ml\n', 'just a sentence\n', 'til:\n---\nml:\n', 'til: !!js/function "function () { return 1 }"\n']) {
      const { data } = await newPostIn({ 'docusaurus.config.ts': CONFIG, 'blog/tags.yml': tagsFile }, 'til');
      assert.deepEqual(data.tags, ['til', 'ml', 'career'], JSON.stringify(tagsFile));
    }
  });

  it('follows the blog options: another tags file, no tags file, or inline tags allowed', async () => {
    const topics = "export default { presets: [['classic', { blog: { feedOptions: { type: 'all' }, tags: 'topics.yml' } }]] };\n";
    const custom = await newPostIn({ 'docusaurus.config.ts': topics, 'blog/topics.yml': 'career:\n', 'blog/tags.yml': 'til:\n' }, 'til');
    assert.deepEqual(custom.data.tags, ['career']);
    const off = "export default { presets: [['classic', { blog: { tags: false } }]] };\n";
    assert.deepEqual((await newPostIn({ 'docusaurus.config.ts': off, 'blog/tags.yml': 'til:\n' }, 'til')).data.tags, ['til', 'ml', 'career']);
    const ignore = "export default { presets: [['classic', { blog: { onInlineTags: 'ignore' } }]] };\n";
    assert.deepEqual((await newPostIn({ 'docusaurus.config.ts': ignore, 'blog/tags.yml': 'til:\n' }, 'til')).data.tags, ['til', 'ml', 'career']);
    const docsOnly = "export default { presets: [['classic', { docs: { tags: 'docs-tags.yml' }, blog: { path: 'articles' } }]] };\n";
    assert.deepEqual((await newPostIn({ 'docusaurus.config.ts': docsOnly, 'articles/tags.yml': 'ml:\n' }, 'til')).data.tags, ['ml']);
  });

  it('leaves other sites alone when their posts folder holds a tags.yml', async () => {
    const hugo = await newPostIn({ 'hugo.toml': 'baseURL = "/"\n', 'content/posts/tags.yml': 'til:\n' }, 'til');
    assert.deepEqual(hugo.data.tags, ['til', 'ml', 'career']);
    const jekyll = await newPostIn({ '_config.yml': 'title: Blog\n', '_posts/tags.yml': 'ml:\n' }, 'til');
    assert.deepEqual(jekyll.data.tags, ['til', 'ml', 'career']);
    const switched = await newPostIn({ 'docusaurus.config.ts': CONFIG, 'blog/tags.yml': 'ml:\n' }, 'til', undefined, { siteGenerator: 'markdown' });
    assert.deepEqual(switched.data.tags, ['til', 'ml', 'career']);
  });
});

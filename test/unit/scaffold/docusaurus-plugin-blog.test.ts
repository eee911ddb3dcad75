import assert from 'node:assert/strict';
import { parseFrontMatter } from '../../../src/core/front-matter';
import { builtInTemplates } from '../../../src/core/scaffold/builtin-templates';
import { applySettings, planPost } from '../../../src/core/scaffold/post-plan';
import { DEFAULT_SCAFFOLD_SETTINGS } from '../../../src/core/scaffold/settings';
import { detectSite } from '../../../src/core/scaffold/site-detect';
import { makeSite, removeTempSites } from './temp-site';

const NOW = Date.UTC(2024, 4, 23, 12, 7, 4);

/** Detects the site in a temp folder built from `files` and plans a TIL post tagged til, ml and career. */
async function newPostIn(files: Record<string, string>) {
  const profile = applySettings(await detectSite(makeSite(files)), DEFAULT_SCAFFOLD_SETTINGS);
  const template = builtInTemplates().find((t) => t.kind === 'til');
  assert.ok(template);
  const plan = planPost(profile, template, { title: 'Notes on zip()', kind: 'til', tags: ['til', 'ml', 'career'], now: NOW, timeZone: 'Europe/London' }, DEFAULT_SCAFFOLD_SETTINGS);
  return { profile, file: `${profile.postsDir}/${plan.fileNameFor(plan.slug)}`, data: parseFrontMatter(plan.content).data };
}

const NEWS_PLUGIN = `export default {
  presets: [['classic', { blog: false, docs: { path: 'docs' } }]],
  plugins: [
    ['@docusaurus/plugin-content-blog', { id: 'news', path: 'news', routeBasePath: 'news', tags: 'tags.yml', onInlineTags: 'throw' }],
  ],
};
`;

describe('scaffold: Docusaurus blogs declared as a plugin-content-blog plugin', () => {
  after(removeTempSites);

  it('writes new posts into the folder of a standalone blog plugin, and says why', async () => {
    const { profile, file } = await newPostIn({ 'docusaurus.config.ts': NEWS_PLUGIN, 'news/authors.yml': 'ada:\n  name: Ada\n' });
    assert.equal(profile.generator, 'docusaurus');
    assert.equal(profile.postsDir, 'news');
    assert.equal(file, 'news/2024-05-23-notes-on-zip.md');
    assert.deepEqual(profile.fixedFields.authors, ['ada']);
    assert.match(profile.evidence.join('; '), /blog plugin 'news'/);
  });

  it('keeps only the tags news/tags.yml defines, and follows the plugin’s own tags options', async () => {
    const limited = await newPostIn({ 'docusaurus.config.ts': NEWS_PLUGIN, 'news/tags.yml': 'til:\n  label: Today I learned\nml:\n', 'blog/tags.yml': 'career:\n' });
    assert.deepEqual(limited.data.tags, ['til', 'ml']);
    assert.match(limited.profile.evidence.join('; '), /tags limited to those in news\/tags\.yml/);
    const topics = NEWS_PLUGIN.replace("tags: 'tags.yml'", "tags: 'topics.yml'");
    assert.deepEqual((await newPostIn({ 'docusaurus.config.ts': topics, 'news/topics.yml': 'career:\n', 'news/tags.yml': 'til:\n' })).data.tags, ['career']);
    const ignore = NEWS_PLUGIN.replace("onInlineTags: 'throw'", "onInlineTags: 'ignore'");
    assert.deepEqual((await newPostIn({ 'docusaurus.config.ts': ignore, 'news/tags.yml': 'til:\n' })).data.tags, ['til', 'ml', 'career']);
  });

  it('reads a `blog: false` preset and a short-named plugin through comments, any quotes and trailing commas', async () => {
    const config = `// @ts-check
// Old setup, kept for reference:  presets: [['classic', { blog: { path: 'old-blog' } }]],
/** @type {import('@docusaurus/types').Config} */
const config = {
  title: "Notes // not a comment",
  url: 'https://example.com', /* blog: { path: 'commented' } */
  presets: [
    [
      "classic",
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({ docs: { sidebarPath: './sidebars.js', }, blog: false, }),
    ],
  ],
  plugins: [
    [
      \`content-blog\`,
      /** @type {import('@docusaurus/plugin-content-blog').Options} */
      ({
        "id": "writing", // a second id: the preset's blog is off
        "path": "./writing/",
        feedOptions: { type: 'all', path: 'feeds' },
      }),
    ],
  ],
  themeConfig: { blog: { sidebar: { groupByYear: true } }, navbar: { items: [{ to: '/writing', label: 'Writing' }] } },
};
module.exports = config;
`;
    const { profile, file } = await newPostIn({ 'docusaurus.config.js': config, 'writing/tags.yml': 'ml:\n' });
    assert.equal(profile.postsDir, 'writing');
    assert.equal(file, 'writing/2024-05-23-notes-on-zip.md');
    assert.deepEqual(profile.definedTags, ['ml']);
  });

  it('reads the require.resolve form of a TypeScript config, and takes the first of several blog plugins', async () => {
    const config = `import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type { Options as BlogOptions } from '@docusaurus/plugin-content-blog';

const slash = /\\/+$/; // a regex literal with a quote: '

const config: Config = {
  presets: [['classic', { blog: false } satisfies Preset.Options]],
  plugins: [
    [require.resolve('@docusaurus/plugin-content-blog'), { id: 'journal', path: 'journal' } satisfies BlogOptions],
    [require.resolve("@docusaurus/plugin-content-blog"), { id: 'releases', path: 'releases' } as BlogOptions],
    '@docusaurus/plugin-content-pages',
  ],
};

export default config;
`;
    const { profile, file } = await newPostIn({ 'docusaurus.config.ts': config, 'journal/tags.yaml': 'til:\n', 'releases/tags.yml': 'ml:\n' });
    assert.equal(profile.postsDir, 'journal');
    assert.equal(file, 'journal/2024-05-23-notes-on-zip.md');
    assert.deepEqual(profile.definedTags, ['til']);
    assert.match(profile.evidence.join('; '), /several blog plugins \(journal, releases\): new posts go to the first, 'journal'/);
  });

  it('reads a config written as an async function, with regex literals, templates and arrow functions', async () => {
    const config = `import type { Config } from '@docusaurus/types';
const isDev = process.env.NODE_ENV === 'development';
export default async function createConfigAsync() {
  return {
    title: 'Docs',
    markdown: {
      preprocessor: ({ fileContent }) => fileContent.replaceAll('{/_', '{/*').replaceAll('_/}', '*/}'),
    },
    plugins: [
      ['content-docs', { id: 'community', path: 'community', editUrl: ({ locale }) => \`https://example.com/\${locale}/{\` }],
      isDev && ['@docusaurus/plugin-content-blog', { id: 'changelog', path: 'changelog', authorsMapPath: 'authors.json' }],
      ...extraPlugins,
    ],
    presets: [['classic', { docs: { path: 'docs' }, blog: false, sitemap: { ignorePatterns: ['/tags/{blog,pages}/**'] } }]],
    themeConfig: {
      algolia: { replaceSearchResultPathname: isDev ? { from: /^\\/docs\\/next[)}\\]]/g.source, to: '/docs' } : undefined },
      navbar: { items: [{ to: 'blog', label: 'Blog' }, isDev && { to: '/debug' }].filter(Boolean) as NonNullable<Config['themeConfig']>['items'] },
      footer: { copyright: \`Copyright © \${new Date().getFullYear()} Someone\` },
    },
  } satisfies Config;
}
`;
    const { profile, file } = await newPostIn({ 'docusaurus.config.ts': config, 'changelog/tags.yml': 'ml:\n' });
    assert.equal(profile.postsDir, 'changelog');
    assert.equal(file, 'changelog/2024-05-23-notes-on-zip.md');
    assert.deepEqual(profile.definedTags, ['ml']);
  });

  it("keeps the preset's blog when it is enabled, and names the plugin's blog as a second one", async () => {
    const config = `export default {
  plugins: [['@docusaurus/plugin-content-blog', { id: 'news', path: 'news' }]],
  presets: [['@docusaurus/preset-classic', { blog: { path: 'articles', showReadingTime: true } }]],
};
`;
    const { profile, file, data } = await newPostIn({ 'docusaurus.config.ts': config, 'articles/tags.yml': 'til:\n', 'news/tags.yml': 'ml:\n' });
    assert.equal(profile.postsDir, 'articles');
    assert.equal(file, 'articles/2024-05-23-notes-on-zip.md');
    assert.deepEqual(data.tags, ['til']);
    assert.match(profile.evidence.join('; '), /second blog, plugin 'news' in news\/, is not where new posts go/);
  });

  it('falls back to the default blog folder, without failing, when the config cannot be read', async () => {
    const broken = [
      "export default { presets: [['classic', { blog: { path: 'articles' }]] };\n",
      "export default { plugins: [['@docusaurus/plugin-content-blog', { path: 'news' }]] ;\n",
      "export default { plugins: [['@docusaurus/plugin-content-blog', { path: 'news }]] };\n",
      'export default { title: `unfinished ${"template"}, plugins: [] };\n',
      '\u0000\u0001{{[[((',
      `export default { plugins: [['@docusaurus/plugin-content-blog', { path: 'news', x: ${'['.repeat(50000)}${']'.repeat(50000)} }]] };\n`,
    ];
    for (const config of broken) {
      const { profile, file } = await newPostIn({ 'docusaurus.config.js': config, 'news/tags.yml': 'ml:\n', 'articles/tags.yml': 'ml:\n' });
      assert.equal(profile.generator, 'docusaurus', config.slice(0, 80));
      assert.equal(profile.postsDir, 'blog', config.slice(0, 80));
      assert.equal(file, 'blog/2024-05-23-notes-on-zip.md', config.slice(0, 80));
      assert.equal(profile.definedTags, undefined, config.slice(0, 80));
      assert.match(profile.evidence.join('; '), /could not read the blog options in docusaurus\.config\.js/, config.slice(0, 80));
    }
  });

  it('keeps the classic preset\'s own blog (blog/) when the preset does not turn it off, and uses the plugin when there is no preset', async () => {
    const presetDefault = NEWS_PLUGIN.replace("{ blog: false, docs: { path: 'docs' } }", "{ docs: { path: 'docs' } }");
    const withPreset = await newPostIn({ 'docusaurus.config.ts': presetDefault });
    assert.equal(withPreset.profile.postsDir, 'blog');
    assert.match(withPreset.profile.evidence.join('; '), /a second blog, plugin 'news' in news\/, is not where new posts go/);
    const noPreset = NEWS_PLUGIN.replace("presets: [['classic', { blog: false, docs: { path: 'docs' } }]],", "presets: [],");
    assert.equal((await newPostIn({ 'docusaurus.config.ts': noPreset })).profile.postsDir, 'news');
  });
});

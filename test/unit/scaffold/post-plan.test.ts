import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFrontMatter } from '../../../src/core/front-matter';
import { UnsafePathError } from '../../../src/core/safe-fs';
import { builtInTemplates } from '../../../src/core/scaffold/builtin-templates';
import { TemplateError } from '../../../src/core/scaffold/placeholders';
import { applySettings, parseTags, planPost, validateFileNamePattern, type NewPostRequest } from '../../../src/core/scaffold/post-plan';
import { ScaffoldWriteError, explainWriteError, writeNewPost } from '../../../src/core/scaffold/post-writer';
import { selectionValues } from '../../../src/core/scaffold/selection';
import { DEFAULT_SCAFFOLD_SETTINGS, normalizeSettings, type ScaffoldSettings } from '../../../src/core/scaffold/settings';
import { defaultProfile, type SiteGenerator } from '../../../src/core/scaffold/site-profile';
import { makeSite, removeTempSites } from './temp-site';

const NOW = Date.UTC(2024, 4, 23, 12, 7, 4);
const template = (kind: string) => {
  const t = builtInTemplates().find((x) => x.kind === kind);
  assert.ok(t);
  return t;
};
const request = (over: Partial<NewPostRequest> = {}): NewPostRequest => ({ title: 'Notes on: getting an ML job', kind: 'til', tags: ['career'], now: NOW, timeZone: 'Europe/London', ...over });
const settings = (over: Partial<ScaffoldSettings> = {}): ScaffoldSettings => ({ ...DEFAULT_SCAFFOLD_SETTINGS, ...over });
const plan = (generator: SiteGenerator, over: Partial<NewPostRequest> = {}, s = settings()) => planPost(applySettings(defaultProfile(generator), s), template('til'), request(over), s);
const frontMatterText = (content: string) => content.slice(0, content.indexOf('\n---\n', 3) + 5);

describe('scaffold: planning a post', () => {
  after(removeTempSites);

  it('writes Hugo front matter: bare ISO date with offset, draft, tags', () => {
    const p = plan('hugo');
    assert.equal(p.fileNameFor(p.slug), 'notes-on-getting-an-ml-job.md');
    assert.equal(frontMatterText(p.content), "---\ntitle: 'Notes on: getting an ML job'\ndate: 2024-05-23T13:07:04+01:00\ndraft: true\ntags:\n  - til\n  - career\n---\n");
    const parsed = parseFrontMatter(p.content);
    assert.ok(parsed.data.date instanceof Date, 'the date is a YAML timestamp, not a quoted string');
  });

  it('writes Jekyll posts as _posts/YYYY-MM-DD-slug.md with published: false', () => {
    const p = plan('jekyll');
    assert.equal(p.fileNameFor(p.slug), '2024-05-23-notes-on-getting-an-ml-job.md');
    const fm = frontMatterText(p.content);
    assert.match(fm, /^date: 2024-05-23 13:07:04 \+0100$/m);
    assert.match(fm, /^published: false$/m);
    assert.match(fm, /^layout: post$/m);
  });

  it('writes Docusaurus posts with the date in the file name and no empty tags', () => {
    const p = plan('docusaurus', { tags: [] });
    assert.equal(p.fileNameFor(p.slug), '2024-05-23-notes-on-getting-an-ml-job.md');
    const data = parseFrontMatter(p.content).data;
    assert.equal(data.date, undefined);
    assert.deepEqual(data.tags, ['til']);
  });

  it('ends a Docusaurus post\'s summary with a truncate marker below the first paragraph, as its starter posts do', () => {
    // Without one, Docusaurus 3.5+ warns on every build and shows the whole post in the blog list.
    const selection = selectionValues({ text: 'x = 1', languageId: 'python', startLine: 1, endLine: 1 });
    for (const kind of ['til', 'tutorial', 'weekly-log', 'post']) {
      const s = settings();
      const p = planPost(applySettings(defaultProfile('docusaurus'), s), template(kind), request({ extraValues: selection }), s);
      const lines = p.content.split('\n');
      assert.equal(lines.filter((l) => l === '<!-- truncate -->').length, 1, kind);
      const marker = lines.indexOf('<!-- truncate -->');
      assert.ok(marker > p.cursor.line, `${kind}: the summary is where the cursor is`);
      assert.deepEqual([lines[marker - 1], lines[marker + 1]], ['', ''], `${kind}: the marker is a paragraph of its own`);
      assert.ok(marker < lines.indexOf('```python'), `${kind}: the selected code is below the summary`);
    }
    assert.doesNotMatch(plan('hugo').content, /truncate/);
  });

  it('uses the Astro schema field for the date', () => {
    const profile = { ...defaultProfile('astro'), fixedFields: { description: '' } };
    const p = planPost(profile, template('post'), request({ tags: [] }), settings());
    const data = parseFrontMatter(p.content).data;
    assert.ok(data.pubDate instanceof Date);
    assert.equal(data.description, '');
  });

  it('places the cursor on the first line the user writes, below the guidance', () => {
    const p = plan('hugo');
    const lines = p.content.split('\n');
    assert.equal(lines[p.cursor.line], '');
    assert.match(lines[p.cursor.line - 2], /-->$/, 'the guidance comment ends just above');
    assert.equal(p.cursor.character, 0);
  });

  it('names a post whose title has no letters the same for every kind, as the title box previews it', () => {
    for (const kind of ['til', 'tutorial', 'cheatsheet'] as const) {
      const s = settings();
      const p = planPost(applySettings(defaultProfile('hugo'), s), template(kind), request({ title: '?!?!...' }), s);
      assert.equal(p.fileNameFor(p.slug), 'untitled-post.md');
    }
  });

  it('keeps a title with quotes, colons and YAML syntax as plain text', () => {
    const title = `"Quoted": [not, a, list] # nor a comment & *alias`;
    const data = parseFrontMatter(plan('hugo', { title }).content).data;
    assert.equal(data.title, title);
  });

  it('merges default tags, typed tags and the template tag without duplicates', () => {
    const data = parseFrontMatter(plan('markdown', { tags: ['ml', 'til'] }, settings({ defaultTags: ['ml', 'learning'] })).content).data;
    assert.deepEqual(data.tags, ['til', 'ml', 'learning']);
  });

  it('puts tags under categories when the site uses categories', () => {
    const profile = { ...defaultProfile('hugo'), taxonomyField: 'categories' };
    const data = parseFrontMatter(planPost(profile, template('til'), request(), settings()).content).data;
    assert.deepEqual(data.categories, ['til', 'career']);
    assert.equal(data.tags, undefined);
  });

  it('applies settings: file-name pattern, renamed fields, extra fields, no draft', () => {
    const s = normalizeSettings({ fileNamePattern: '{{year}}/{{slug}}.md', fieldNames: { date: 'publishDate' }, frontMatter: { author: 'Ada', series: '{{kind}}', draft: null }, createAsDraft: true });
    const p = plan('hugo', {}, s);
    assert.equal(p.fileNameFor(p.slug), '2024/notes-on-getting-an-ml-job.md');
    const fm = frontMatterText(p.content);
    assert.match(fm, /^publishDate: 2024-05-23T13:07:04\+01:00$/m);
    const data = parseFrontMatter(p.content).data;
    assert.equal(data.author, 'Ada');
    assert.equal(data.series, 'til');
    assert.equal(data.draft, undefined);
  });

  it('overrides the detected generator from settings', () => {
    const profile = applySettings(defaultProfile('hugo'), settings({ siteGenerator: 'jekyll' }));
    assert.equal(profile.generator, 'jekyll');
    assert.equal(profile.postsDir, '_posts');
  });

  it('rejects file-name patterns that could escape or collide', () => {
    assert.throws(() => validateFileNamePattern('../{{slug}}.md'), TemplateError);
    assert.throws(() => validateFileNamePattern('/abs/{{slug}}.md'), TemplateError);
    assert.throws(() => validateFileNamePattern('{{date}}.md'), /must contain \{\{slug\}\}/);
    assert.throws(() => validateFileNamePattern('{{slug}}.html'), /must end in \.md/);
    assert.throws(() => validateFileNamePattern('{{slugg}}.md'), /Unknown placeholder \{\{slugg\}\}/);
  });

  it('reads tags typed as "python, #ml; pandas"', () => {
    assert.deepEqual(parseTags('python, #ml; pandas ,, python'), ['python', 'ml', 'pandas']);
  });

  it('normalizes settings.json values it cannot use', () => {
    const s = normalizeSettings({ siteGenerator: 'wordpress', defaultTags: ['ok', 3, ''] as unknown as string[], frontMatter: 'x', createAsDraft: 'yes' });
    assert.equal(s.siteGenerator, 'auto');
    assert.deepEqual(s.defaultTags, ['ok']);
    assert.deepEqual(s.frontMatter, {});
    assert.equal(s.createAsDraft, true);
  });
});

describe('scaffold: writing a post', () => {
  after(removeTempSites);

  it('creates the missing posts folder and the file', async () => {
    const root = makeSite({ 'hugo.toml': '' });
    const written = await writeNewPost(root, 'content/posts', plan('hugo'));
    assert.equal(written.relativePath, 'content/posts/notes-on-getting-an-ml-job.md');
    assert.match(fs.readFileSync(written.file, 'utf8'), /^---\ntitle:/);
  });

  it('never overwrites: an existing file keeps its text and the post gets the next free name', async () => {
    const root = makeSite({ 'content/posts/notes-on-getting-an-ml-job.md': 'MINE' });
    const written = await writeNewPost(root, 'content/posts', plan('hugo'));
    assert.equal(written.relativePath, 'content/posts/notes-on-getting-an-ml-job-2.md');
    assert.equal(fs.readFileSync(path.join(root, 'content/posts/notes-on-getting-an-ml-job.md'), 'utf8'), 'MINE');
  });

  it('picks a free bundle folder for Hugo page bundles', async () => {
    const root = makeSite({ 'content/posts/notes-on-getting-an-ml-job/cover.png': 'x' });
    const p = plan('hugo', {}, settings({ fileNamePattern: '{{slug}}/index.md' }));
    const written = await writeNewPost(root, 'content/posts', p);
    assert.equal(written.relativePath, 'content/posts/notes-on-getting-an-ml-job-2/index.md');
  });

  it('does not give a post the address of one saved with another Markdown extension', async () => {
    // Astro and Hugo read hello.md and hello.mdx as the same post (a duplicate id / the same URL).
    const root = makeSite({ 'content/posts/notes-on-getting-an-ml-job.mdx': 'MINE', 'content/posts/notes-on-getting-an-ml-job-2.markdown': 'MINE TOO' });
    const written = await writeNewPost(root, 'content/posts', plan('hugo'));
    assert.equal(written.relativePath, 'content/posts/notes-on-getting-an-ml-job-3.md');
  });

  it('does not put a flat post beside a page bundle of the same name, or a bundle beside a flat post', async () => {
    // content/posts/x.md and content/posts/x/index.md are both /posts/x/ in Hugo.
    const bundled = makeSite({ 'content/posts/notes-on-getting-an-ml-job/index.md': 'MINE' });
    assert.equal((await writeNewPost(bundled, 'content/posts', plan('hugo'))).relativePath, 'content/posts/notes-on-getting-an-ml-job-2.md');
    const flat = makeSite({ 'content/posts/notes-on-getting-an-ml-job.md': 'MINE' });
    const p = plan('hugo', {}, settings({ fileNamePattern: '{{slug}}/index.md' }));
    assert.equal((await writeNewPost(flat, 'content/posts', p)).relativePath, 'content/posts/notes-on-getting-an-ml-job-2/index.md');
  });

  it('keeps hostile titles inside the posts folder', async () => {
    const root = makeSite({});
    for (const title of ['../../../etc/passwd', '..\\..\\boot.ini', 'CON', '/', '🙂', 'x'.repeat(500)]) {
      const written = await writeNewPost(root, 'posts', plan('markdown', { title }));
      assert.ok(written.file.startsWith(path.join(root, 'posts') + path.sep), written.file);
    }
    assert.deepEqual(fs.readdirSync(root), ['posts']);
  });

  it('refuses a posts folder outside the workspace folder', async () => {
    const root = makeSite({});
    await assert.rejects(writeNewPost(root, '../elsewhere', plan('markdown')), UnsafePathError);
  });

  it('refuses to follow a symbolic link out of the workspace folder', async () => {
    const outside = makeSite({});
    const root = makeSite({});
    fs.symlinkSync(outside, path.join(root, 'posts'));
    await assert.rejects(writeNewPost(root, 'posts', plan('markdown')), ScaffoldWriteError);
    assert.deepEqual(fs.readdirSync(outside), []);
  });

  it('explains a posts folder that is a link to a folder that no longer exists, and writes nothing', async () => {
    const outside = makeSite({});
    const root = makeSite({});
    fs.symlinkSync(path.join(outside, 'gone'), path.join(root, 'posts'));
    await assert.rejects(writeNewPost(root, 'posts', plan('markdown')), (err: unknown) => err instanceof ScaffoldWriteError && /link to a folder that does not exist/.test(err.message));
    assert.deepEqual(fs.readdirSync(outside), []);
  });

  it('explains a folder it cannot create', async () => {
    const root = makeSite({ posts: 'a file, not a folder' });
    await assert.rejects(writeNewPost(root, 'posts', plan('markdown')), (err: unknown) => err instanceof ScaffoldWriteError && /in the way/.test(err.message));
  });

  it('turns permission, read-only and full-disk errors into sentences', () => {
    const errno = (code: string) => Object.assign(new Error(code), { code });
    assert.match(explainWriteError(errno('EACCES'), '/site/posts').message, /Cannot write in \/site\/posts: permission denied/);
    assert.match(explainWriteError(errno('EPERM'), '/p').message, /permission denied/);
    assert.match(explainWriteError(errno('EROFS'), '/p').message, /read-only/);
    assert.match(explainWriteError(errno('ENOSPC'), '/p').message, /disk is full/);
    const other = errno('EIO');
    assert.equal(explainWriteError(other, '/p'), other);
  });

  it('explains a folder it may not write to', async function () {
    const root = makeSite({ 'posts/': '' });
    const unlock = lockFolder(path.join(root, 'posts'));
    if (!unlock) this.skip();
    try {
      await assert.rejects(writeNewPost(root, 'posts', plan('markdown')), /permission denied/);
      assert.deepEqual(fs.readdirSync(path.join(root, 'posts')), [], 'nothing half-written is left behind');
    } finally {
      unlock?.();
    }
  });
});

/**
 * Makes a folder unwritable; returns how to undo it, or undefined where that is impossible.
 * Root ignores permission bits (CI runs as root), but not the immutable attribute.
 */
function lockFolder(folder: string): (() => void) | undefined {
  if (process.getuid?.() !== 0) {
    fs.chmodSync(folder, 0o555);
    return () => fs.chmodSync(folder, 0o755);
  }
  try {
    execFileSync('chattr', ['+i', folder], { stdio: 'ignore' });
    return () => execFileSync('chattr', ['-i', folder], { stdio: 'ignore' });
  } catch {
    return undefined; // no chattr, or a file system without the attribute
  }
}

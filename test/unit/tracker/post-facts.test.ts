import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { frontMatterFacts, readPostFacts, withoutDrafts } from '../../../src/core/tracker/post-facts';

async function readPostTitles(posts: { root: string; path: string }[]): Promise<(string | undefined)[]> {
  return (await readPostFacts(posts)).map((f) => f?.title);
}

describe('tracker: what a post\'s front matter says (title, draft)', () => {
  let root: string;
  let outside: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lip-titles-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'lip-titles-out-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write('_posts/2026-11-07-pandas-groupby-til.md', '---\r\nlayout: post\r\ntitle: "Pandas groupby, finally: <b>split</b>-apply-combine"\r\n---\r\nBody\r\n');
    write('content/posts/hugo-toml.md', '+++\ntitle = "Gradient \\"clipping\\" in PyTorch"\ndate = 2024-05-01\n[params]\ntitle = "not this"\n+++\nBody\n');
    write('content/posts/no-front-matter.md', '# Just a heading\n');
    write('content/posts/broken.md', '---\ntitle: [unclosed\n---\n');
    write('content/posts/js.md', '---js\n{ title: (() => { throw new Error("ran") })() }\n---\n');
    write('content/posts/multi-line.md', `---\ntitle: "Line one\\n\\tline two\\x07"\n---\n${'x'.repeat(100_000)}\n`);
    write('content/posts/long.md', `---\ntitle: "${'🤖'.repeat(300)}"\n---\n`);
    write('content/posts/number.md', '---\ntitle: 2024\n---\n');
    fs.writeFileSync(path.join(outside, 'secret.md'), '---\ntitle: A private note\n---\n');
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'content/posts/link-out.md'));
  });
  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('reads the title from YAML and Hugo TOML front matter, as written', async () => {
    const titles = await readPostTitles([
      { root, path: '_posts/2026-11-07-pandas-groupby-til.md' },
      { root, path: 'content/posts/hugo-toml.md' },
    ]);
    assert.deepEqual(titles, ['Pandas groupby, finally: <b>split</b>-apply-combine', 'Gradient "clipping" in PyTorch']);
  });

  it('gives no title, and never fails, for a post without one, a broken or JavaScript block, a deleted file or a number', async () => {
    const titles = await readPostTitles(['no-front-matter.md', 'broken.md', 'js.md', 'deleted.md', 'number.md'].map((name) => ({ root, path: `content/posts/${name}` })));
    assert.deepEqual(titles, [undefined, undefined, undefined, undefined, undefined]);
  });

  it('keeps a title to one line of bounded length, cut at a whole emoji', async () => {
    const [multi, long] = await readPostTitles([{ root, path: 'content/posts/multi-line.md' }, { root, path: 'content/posts/long.md' }]);
    assert.equal(multi, 'Line one line two');
    assert.equal(Array.from(long ?? '').length, 160);
    assert.ok(long?.endsWith('🤖…'));
  });

  it('offers the first heading after the front matter for a post without a title, and keeps the order over many files', async () => {
    const facts = await readPostFacts([{ root, path: 'content/posts/no-front-matter.md' }, { root, path: 'content/posts/hugo-toml.md' }]);
    assert.equal(facts[0]?.heading, 'Just a heading');
    assert.equal(facts[0]?.title, undefined);
    assert.equal(frontMatterFacts('+++\n# a TOML comment\n+++\n\n# After the block\n').heading, 'After the block');
    // More files than are read at once: every answer in its place.
    const many = Array.from({ length: 40 }, (_, i) => ({ root, path: i % 2 ? 'content/posts/hugo-toml.md' : 'content/posts/gone.md' }));
    const answers = await readPostFacts(many);
    assert.deepEqual(answers.map((f) => f?.title), many.map((_, i) => (i % 2 ? 'Gradient "clipping" in PyTorch' : undefined)));
  });

  it('knows a draft as each generator marks it, in YAML and TOML', () => {
    const draft = (text: string) => frontMatterFacts(text).draft;
    assert.equal(draft('---\ntitle: A\ndraft: true\n---\n'), true, 'Hugo, Astro, Eleventy, Docusaurus');
    assert.equal(draft('---\nlayout: post\npublished: false\n---\n'), true, 'Jekyll');
    assert.equal(draft('+++\ntitle = "A"\ndraft = true # not yet\n+++\n'), true, 'Hugo TOML');
    assert.equal(draft('---\ndraft: false\n---\n'), false);
    assert.equal(draft('---\npublished: true\n---\n'), false);
    assert.equal(draft('---\nlayout: post\npublished: no\n---\n'), true, 'Jekyll reads YAML 1.1, where no is false');
    assert.equal(draft('---\npublished: Off\n---\n'), true, 'and so is off');
    assert.equal(draft('---\npublished: "nope"\n---\n'), false);
    assert.equal(draft('---\ndraft: "true"\n---\n'), false, 'only a real boolean: a string is what a generator would not read as one either');
    assert.equal(draft('+++\ntitle = "A"\n[params]\ndraft = true\n+++\n'), false, 'a table of its own is not the post\'s');
    assert.equal(draft('# no front matter\n'), false);
    assert.equal(draft('---\ntitle: [broken\n---\n'), false);
  });

  it('leaves drafts out of the posts, keeps published ones, READMEs and posts whose file is gone', async () => {
    fs.writeFileSync(path.join(root, 'content/posts/draft.md'), '---\ntitle: Still writing\ndraft: true\n---\n');
    const posts = [
      { kind: 'post', path: 'content/posts/draft.md' },
      { kind: 'post', path: 'content/posts/hugo-toml.md' },
      { kind: 'post', path: 'content/posts/deleted.md' },
      { kind: 'readme', path: 'content/posts/draft.md' },
    ];
    const kept = await withoutDrafts(posts, () => root);
    assert.deepEqual(kept.map((p) => `${p.kind}:${p.path}`), ['post:content/posts/hugo-toml.md', 'post:content/posts/deleted.md', 'readme:content/posts/draft.md']);
  });

  it('reads nothing outside the repository: a link out or a path with ..', async () => {
    const titles = await readPostTitles([{ root, path: 'content/posts/link-out.md' }, { root, path: `../${path.basename(outside)}/secret.md` }]);
    assert.deepEqual(titles, [undefined, undefined]);
  });
});

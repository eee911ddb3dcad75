// Review of this session's changes: behaviour the three readers of a post's front matter
// (tracker, progress card, weekly summary) and the New Post helpers must agree on.
import assert from 'node:assert/strict';
import { frontMatterFacts } from '../../src/core/tracker/post-facts';
import { suggestTitle } from '../../src/core/scaffold/selection';
import { postTitle } from '../../src/core/tracker/weekly-summary';

describe('post titles agree between the tracker and the weekly summary', () => {
  it('a Hugo post with TOML front matter is listed in the weekly summary by its title, as in the tracker', () => {
    const text = '+++\ntitle = "Pandas groupby, finally"\ndate = 2026-11-07\n+++\n\nBody text.\n';
    assert.equal(frontMatterFacts(text).title, 'Pandas groupby, finally');
    assert.equal(postTitle('content/posts/pandas-groupby.md', text), 'Pandas groupby, finally');
  });

  it('a comment inside TOML front matter is not taken for the post\'s heading', () => {
    const text = '+++\n# written on the train\ndate = 2026-11-07\n+++\n\nBody text.\n';
    assert.equal(postTitle('content/posts/pandas-groupby.md', text), 'Pandas groupby');
  });

  it('a heading after TOML front matter without a title still names the post', () => {
    const text = '+++\ndate = 2026-11-07\n+++\n\n# Groupby, at last\n\nBody.\n';
    assert.equal(postTitle('content/posts/pandas-groupby.md', text), 'Groupby, at last');
  });
});

describe('the title offered for a selection copied from another post', () => {
  const offered = (text: string) => suggestTitle({ text, languageId: 'markdown', startLine: 1, endLine: 4 });

  it('reads a folded title (title: >-) as YAML does, not as its marker', () => {
    assert.equal(offered('---\ntitle: >-\n  Attention, explained\ndate: 2026-01-02\n---\n\nBody.'), 'Attention, explained');
  });

  it('leaves a comment after a quoted title out', () => {
    assert.equal(offered('---\ntitle: "Attention, explained" # working title\n---\n\nBody.'), 'Attention, explained');
  });
});

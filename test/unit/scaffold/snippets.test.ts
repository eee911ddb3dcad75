import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const file = path.join(__dirname, '../../../snippets/markdown.json');

describe('scaffold: Markdown snippets', () => {
  const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix?: unknown; body?: unknown; description?: unknown }>;

  it('parses as JSON and every snippet has a prefix, a body and a description', () => {
    assert.ok(Object.keys(snippets).length >= 11);
    for (const [name, s] of Object.entries(snippets)) {
      const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
      assert.ok(prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && p.length > 0), `${name}: prefix`);
      const body = Array.isArray(s.body) ? s.body : [s.body];
      assert.ok(body.length > 0 && body.every((b) => typeof b === 'string'), `${name}: body`);
      assert.ok(typeof s.description === 'string' && s.description.length > 20, `${name}: description`);
    }
  });

  it('offers front matter for each site generator, a TIL, both callout forms, STAR and the interview list', () => {
    const prefixes = new Set(Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix])));
    for (const p of ['fm-hugo', 'fm-jekyll', 'fm-astro', 'fm-eleventy', 'fm-docusaurus', 'til', 'notice-hugo', 'callout', 'result-with-context', 'star', 'informational-interview']) {
      assert.ok(prefixes.has(p), p);
    }
  });

  it('has no prefix used by two snippets', () => {
    const all = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    assert.equal(new Set(all).size, all.length);
  });

  it('uses only snippet variables VS Code knows, with balanced ${…}', () => {
    const known = new Set(['TM_FILENAME_BASE', 'TM_SELECTED_TEXT', 'CURRENT_YEAR', 'CURRENT_MONTH', 'CURRENT_DATE', 'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_TIMEZONE_OFFSET']);
    for (const [name, s] of Object.entries(snippets)) {
      const body = (Array.isArray(s.body) ? s.body : [s.body]).join('\n');
      for (const m of body.matchAll(/\$\{?([A-Z][A-Z_]+)/g)) assert.ok(known.has(m[1]), `${name}: $${m[1]}`);
      // Every ${ is closed; braces inside a placeholder (regex quantifiers like {4}) must pair up too.
      let depth = 0;
      for (let i = 0; i < body.length; i++) {
        if (body[i] === '$' && body[i + 1] === '{') {
          depth++;
          i++;
        } else if (depth > 0 && body[i] === '{') depth++;
        else if (depth > 0 && body[i] === '}') depth--;
      }
      assert.equal(depth, 0, `${name}: unclosed \${`);
    }
  });

  it('cites its sources where the advice comes from the seeds', () => {
    const cited = Object.values(snippets).filter((s) => /source[s]?: 00\d_[0-9a-f]{16}\.txt/.test(String(s.description)));
    assert.ok(cited.length >= 5);
  });
});

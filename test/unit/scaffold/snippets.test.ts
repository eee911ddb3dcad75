import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFrontMatter } from '../../../src/core/front-matter';

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

  it('keeps the front matter valid YAML when the title typed into it has a colon, a # or a leading @', () => {
    const frontMatterSnippets = Object.entries(snippets).filter(([, s]) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).some((p) => String(p).startsWith('fm-')));
    assert.equal(frontMatterSnippets.length, 5);
    for (const title of ['TIL: pandas groupby', '@decorators and #hashtags', "Don't panic"]) {
      for (const [name, s] of frontMatterSnippets) {
        const text = expandSnippet((s.body as string[]).join('\n'), title);
        assert.equal(parseFrontMatter(text).data.title, title, `${name}: ${title}`);
      }
    }
  });

  it('writes only what the Astro blog starter\'s schema reads: a draft field there would be dropped and the post published', () => {
    const astro = Object.values(snippets).find((s) => (s.prefix as string[]).includes('fm-astro'));
    const fields = expandSnippet((astro?.body as string[]).join('\n'), 'x').split('\n').map((l) => /^(\w+):/.exec(l)?.[1]).filter(Boolean);
    assert.deepEqual(fields, ['title', 'description', 'pubDate']);
    assert.match((astro?.body as string[]).join('\n'), /^description: "\$\{2:[^"]*\}"$/m, 'a description with a colon stays valid YAML');
  });

  it('offers the file name as the default title, without the date Jekyll and Docusaurus put before it', () => {
    const title = (prefix: string, fileBase: string) => {
      const s = Object.values(snippets).find((x) => (x.prefix as string[]).includes(prefix));
      const line = (s?.body as string[]).find((l) => l.startsWith('title:')) ?? '';
      const transform = /\$\{TM_FILENAME_BASE\/((?:[^/\\]|\\.)*)\/(.*)\/(\w*)\}\}"$/.exec(line);
      assert.ok(transform, `${prefix}: a title from the file name`);
      return applyFormat(fileBase, transform[1], transform[2], transform[3]);
    };
    assert.equal(title('fm-jekyll', '2026-11-24-what-i-learned-about-git'), 'what i learned about git');
    assert.equal(title('fm-docusaurus', '2026-11-24-pandas_groupby'), 'pandas groupby');
    assert.equal(title('fm-docusaurus', 'no-date-here'), 'no date here');
    assert.equal(title('fm-hugo', 'first-steps_with-numpy'), 'first steps with numpy');
  });

  it('cites its sources where the advice comes from the seeds', () => {
    const cited = Object.values(snippets).filter((s) => /source[s]?: 00\d_[0-9a-f]{16}\.txt/.test(String(s.description)));
    assert.ok(cited.length >= 5);
  });
});

/** The text a snippet inserts when the user types `title` at the first tab stop and accepts every default. */
function expandSnippet(body: string, title: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '$' && body[i + 1] === '{') {
      let depth = 1;
      let j = i + 2;
      for (; j < body.length && depth > 0; j++) {
        if (body[j] === '{') depth++;
        else if (body[j] === '}') depth--;
      }
      const inner = body.slice(i + 2, j - 1);
      if (inner.startsWith('1:')) out += title;
      else if (/^\d+:/.test(inner)) out += expandSnippet(inner.replace(/^\d+:/, ''), title);
      else if (/^\d+\|/.test(inner)) out += inner.replace(/^\d+\|/, '').split(',')[0];
      else out += inner.startsWith('CURRENT_TIMEZONE_OFFSET') ? '+01:00' : inner.startsWith('CURRENT_YEAR') ? '2024' : '05';
      i = j - 1;
    } else if (body[i] === '$' && /\d/.test(body[i + 1] ?? '')) i++;
    else out += body[i];
  }
  return out;
}

/**
 * A snippet variable transform `${VAR/regex/format/options}` as VS Code applies it: `$n`,
 * `${n}`, `${n:+if}`, `${n:-else}` and `${n:?if:else}` (an unmatched group is empty, and
 * `:+` / `:-` give the group's own text on the other side).
 */
function applyFormat(value: string, regex: string, format: string, options: string): string {
  const parts = [...format.matchAll(/\$(\d+)|\$\{(\d+)(?::([+?-])([^:}]*)(?::([^}]*))?)?\}|([^$]+)/g)];
  return value.replace(new RegExp(regex, options), (...args: unknown[]) => {
    const groups = args.slice(0, -2) as (string | undefined)[];
    let out = '';
    for (const [, plain, index, op, first, second, text] of parts) {
      if (text !== undefined) {
        out += text;
        continue;
      }
      const group = groups[Number(plain ?? index)] ?? '';
      if (op === '+') out += group ? first : group;
      else if (op === '-') out += group ? group : first;
      else if (op === '?') out += group ? first : (second ?? '');
      else out += group;
    }
    return out;
  });
}

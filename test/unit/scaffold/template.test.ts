import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILT_IN_TEMPLATE_TEXTS, builtInTemplates } from '../../../src/core/scaffold/builtin-templates';
import { TemplateError, renderPlaceholders } from '../../../src/core/scaffold/placeholders';
import { KNOWN_POST_PLACEHOLDERS, mergeTemplates, parseTemplate, renderTemplate } from '../../../src/core/scaffold/template';
import { loadUserTemplates } from '../../../src/core/scaffold/template-loader';
import { makeSite, removeTempSites } from './temp-site';

const values = { title: 'Cross-validation: a primer', slug: 'cross-validation-a-primer', kind: 'til', tags: ['ml', 'python'], date: '2024-05-23', year: '2024' };

describe('scaffold: templates and placeholders', () => {
  after(removeTempSites);

  it('reports an unknown placeholder by name, file and line, with a suggestion', () => {
    const text = '---\ntags: [til]\n---\n\nHello\n{{titel}}\n';
    assert.throws(
      () => parseTemplate(text, { kind: 'til', file: 'til.md' }),
      (err: unknown) => {
        assert.ok(err instanceof TemplateError);
        assert.equal(err.line, 6);
        assert.match(err.message, /\{\{titel\}\}/);
        assert.match(err.message, /til\.md, line 6/);
        assert.match(err.message, /Did you mean \{\{title\}\}/);
        return true;
      },
    );
  });

  it('finds a typo in the front matter too', () => {
    assert.throws(() => parseTemplate('---\ntitle: {{tittle}}\n---\nbody\n', { kind: 'x', file: 'x.md' }), /\{\{tittle\}\} \(x\.md, line 2\)/);
  });

  it('leaves Hugo shortcodes and Go templates alone and honours \\{{escapes}}', () => {
    const out = renderPlaceholders('{{< notice tip >}}\n{{ .Title }}\n\\{{title}} is {{title}}', values, KNOWN_POST_PLACEHOLDERS);
    assert.equal(out.text, '{{< notice tip >}}\n{{ .Title }}\n{{title}} is Cross-validation: a primer');
  });

  it('does not expand placeholders inside the inserted selection', () => {
    const out = renderPlaceholders('{{selection}}', { selection: 'code with {{title}} in it' }, KNOWN_POST_PLACEHOLDERS);
    assert.equal(out.text, 'code with {{title}} in it');
  });

  it('fills front matter without quotes and makes {{tags}} a real list', () => {
    const t = parseTemplate('---\ntitle: TIL {{title}}\ntags: {{tags}}\nseries: [a, "{{kind}}"]\n---\n\nBody {{cursor}}\n', { kind: 'til', file: 't.md' });
    const r = renderTemplate(t, values);
    assert.deepEqual(r.frontMatter, { title: 'TIL Cross-validation: a primer', tags: ['ml', 'python'], series: ['a', 'til'] });
    assert.equal(r.body, '\nBody \n');
    assert.equal(r.cursor, '\nBody '.length);
  });

  it('refuses JavaScript front matter without running it', () => {
    const marker = '__lipJsRan';
    const text = `---js\n{ title: (globalThis.${marker} = true, "x") }\n---\nbody\n`;
    assert.throws(() => parseTemplate(text, { kind: 'x', file: 'evil.md' }), (err: unknown) => err instanceof TemplateError && /evil\.md/.test(err.message));
    assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
  });

  it('names the file when the YAML is malformed', () => {
    assert.throws(() => parseTemplate('---\ntitle: [unclosed\n---\nbody\n', { kind: 'x', file: 'broken.md' }), /broken\.md: The front matter is not valid YAML/);
  });

  it('refuses {{cursor}} in the front matter', () => {
    assert.throws(() => parseTemplate('---\ntitle: "{{cursor}}"\n---\n', { kind: 'x', file: 'c.md' }), /belongs in the body/);
  });

  it('puts the selection at the cursor when a template forgot {{selection}}', () => {
    const t = parseTemplate('---\n---\n\n## Notes\n\n{{cursor}}\n\n## More\n', { kind: 'x' });
    const r = renderTemplate(t, { selection: '```py\nx = 1\n```', selectionSource: '' });
    assert.equal(r.body, '\n## Notes\n\n\n\n```py\nx = 1\n```\n\n## More\n');
    assert.equal(r.cursor, '\n## Notes\n\n'.length);
  });

  it('drops template lines whose placeholders are all empty', () => {
    const t = parseTemplate('---\n---\n\nIntro\n\n{{selection}}\n{{selectionSource}}\n\n## Next\n', { kind: 'x' });
    assert.equal(renderTemplate(t, { selection: '', selectionSource: '' }).body, '\nIntro\n\n## Next\n');
  });

  describe('built-in templates', () => {
    it('offers the six kinds from the issue plus a blank post', () => {
      assert.deepEqual(
        builtInTemplates().map((t) => t.kind),
        ['til', 'tutorial', 'cheatsheet', 'project-write-up', 'weekly-log', 'interview-notes', 'post'],
      );
    });

    it('each has a label, a description and an icon, and cites its sources', () => {
      for (const t of builtInTemplates()) {
        assert.ok(t.label && t.icon, t.kind);
        assert.ok(t.description.length > 10, t.kind);
        // Cited by title, as a writer knows the document, and by file, so it can be checked.
        // (A long citation may wrap, like the rest of the comment.)
        if (t.kind !== 'post') assert.match(t.body, /source[s]?:\s+(Blog\s+post|Bootcamp\s+lesson|"How\s+to\s+Build)[^)]{0,100}(\(DeepLearning\.AI\))?\s+\(00\d_[0-9a-f]{16}\.txt\)/, t.kind);
        // Citing by title does not leave lines far longer than the rest of the comment.
        for (const line of t.body.split('\n')) assert.ok(line.length <= 96, `${t.kind}: ${line}`);
        assert.doesNotMatch(t.body, /source[s]?: 00\d_/, t.kind);
      }
    });

    it('render without leftover placeholders and with a cursor', () => {
      for (const t of builtInTemplates()) {
        const r = renderTemplate(t, { ...values, selection: '', selectionSource: '' });
        assert.doesNotMatch(r.body, /\{\{/, t.kind);
        assert.ok(r.cursor !== undefined && r.cursor > 0, t.kind);
        assert.ok(!('template' in r.frontMatter), t.kind);
        assert.doesNotMatch(r.body, /[^\x00-\x7f]/, `${t.kind}: plain ASCII, nothing for the editor to flag`);
      }
    });

    it('are stored as text that parses on its own', () => {
      for (const [kind, text] of BUILT_IN_TEMPLATE_TEXTS) assert.equal(parseTemplate(text, { kind }).kind, kind);
    });
  });

  it('a template saved with Windows line endings gives a post with one kind of line ending', () => {
    const t = parseTemplate('---\r\nseries: "{{kind}}"\r\n---\r\n\r\n## {{title}}\r\n\r\n{{cursor}}\r\n', { kind: 'til' });
    const r = renderTemplate(t, values);
    assert.deepEqual(r.frontMatter, { series: 'til' });
    assert.equal(r.body.includes('\r'), false, JSON.stringify(r.body));
    assert.match(r.body, /^\n## Cross-validation: a primer\n/);
  });

  describe('user templates', () => {
    it('override a built-in kind, add new kinds, and report broken files by name', async () => {
      const dir = makeSite({
        'til.md': '---\ntags: [today-i-learned]\ntemplate:\n  label: My TIL\n---\n\n{{cursor}}\n',
        'Paper Notes.md': '---\ntemplate:\n  description: Notes on a paper\n  icon: $(book)\n---\n\n## Paper\n',
        'typo.md': '---\n---\n\n{{titel}}\n',
        'evil.md': '---js\n{}\n---\n',
        'notes.txt': 'ignored',
      });
      const { templates, problems } = await loadUserTemplates(dir);
      assert.deepEqual(templates.map((t) => t.kind).sort(), ['paper-notes', 'til']);
      assert.equal(templates.find((t) => t.kind === 'paper-notes')?.icon, 'book');
      assert.equal(problems.length, 2);
      assert.match(problems.find((p) => p.file.endsWith('typo.md'))?.message ?? '', /typo\.md, line 4/);
      assert.match(problems.find((p) => p.file.endsWith('evil.md'))?.message ?? '', /evil\.md/);
      const merged = mergeTemplates(builtInTemplates(), templates);
      assert.equal(merged[0].label, 'My TIL');
      assert.equal(merged.at(-1)?.kind, 'paper-notes');
      assert.equal(merged.length, builtInTemplates().length + 1);
    });

    it('in an untrusted workspace, skip a template that links to a file outside the workspace, and say so', async () => {
      const workspace = makeSite({ 'notes.md': 'x' });
      const outside = makeSite({ 'private.md': '---\n---\nMy private notes\n' });
      const dir = path.join(workspace, '.learn-in-public', 'templates');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'til.md'), '---\n---\n{{cursor}}\n');
      fs.symlinkSync(path.join(outside, 'private.md'), path.join(dir, 'stolen.md'));
      // A link that stays inside the workspace is fine.
      fs.symlinkSync(path.join(workspace, 'notes.md'), path.join(dir, 'shared.md'));

      const untrusted = await loadUserTemplates(dir, { confineTo: workspace });
      assert.deepEqual(untrusted.templates.map((t) => t.kind).sort(), ['shared', 'til']);
      assert.equal(untrusted.problems.length, 1);
      assert.match(untrusted.problems[0].message, /stolen\.md is a link to a file outside the workspace folder/);

      // Trusted: the user's own links are read.
      const trusted = await loadUserTemplates(dir);
      assert.deepEqual(trusted.templates.map((t) => t.kind).sort(), ['shared', 'stolen', 'til']);
    });

    it('a missing templates folder is simply no user templates', async () => {
      assert.deepEqual(await loadUserTemplates('/nonexistent/learn-in-public/templates'), { templates: [], problems: [] });
    });
  });
});

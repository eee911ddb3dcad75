import assert from 'node:assert/strict';
import { FrontMatterError, parseFrontMatter, stringifyFrontMatter } from '../../src/core/front-matter';

describe('front matter', () => {
  it('reads YAML front matter and keeps the body exactly', () => {
    const parsed = parseFrontMatter('---\ntitle: Hello\ntags: [ml]\n---\nBody\r\nline 2\n');
    assert.deepEqual(parsed.data, { title: 'Hello', tags: ['ml'] });
    assert.equal(parsed.body, 'Body\r\nline 2\n');
    assert.equal(parsed.hasFrontMatter, true);
  });

  it('treats text without a front-matter block as all body', () => {
    assert.deepEqual(parseFrontMatter('# Just Markdown\n'), { data: {}, body: '# Just Markdown\n', hasFrontMatter: false });
  });

  it('never evaluates JavaScript front matter', () => {
    let ran = false;
    (globalThis as Record<string, unknown>).__lipRan = () => (ran = true);
    for (const lang of ['js', 'javascript', 'JS', 'coffee']) {
      assert.throws(() => parseFrontMatter(`---${lang}\n{ title: globalThis.__lipRan() }\n---\nbody`), FrontMatterError);
    }
    assert.equal(ran, false);
  });

  it('names the file line of a YAML mistake', () => {
    assert.throws(() => parseFrontMatter('---\ntitle: a\ntitle: b\n---\n'), (err: FrontMatterError) => err.line === 3 && /line 3/.test(err.message));
  });

  it('ends the block only at an exact "---" line, and says so when nothing closes it', () => {
    // gray-matter alone ends it at any line starting with "---" and drops the fields after it.
    assert.throws(() => parseFrontMatter('---\na: 1\n----\nb: 2\n---\nbody'), (err: FrontMatterError) => err.line === 4);
    assert.deepEqual(parseFrontMatter('---\na: 1\nb: 2\n---   \r\nbody').data, { a: 1, b: 2 });
    assert.equal(parseFrontMatter('---\na: 1\n---\r\nbody\n---\nmore').body, 'body\n---\nmore');
    assert.throws(() => parseFrontMatter('---\ntitle: x\nbody\n'), /never closed with a "---" line/);
    // Only a line feed starts a line: "---" after a U+2028 inside a value does not close it.
    assert.deepEqual(parseFrontMatter('---\ntitle: "a\u2028---\u2028b"\n---\nbody').data, { title: 'a\u2028---\u2028b' });
    assert.throws(() => parseFrontMatter('---\ntitle: x\0\n---\n'), /NUL character/);
  });

  it('refuses front matter that is not a set of fields rather than drop its text, and takes "----" for a rule', () => {
    assert.throws(() => parseFrontMatter('---\nHello world\n\n---\nmore'), /not a set of fields/);
    assert.throws(() => parseFrontMatter('---\n- a\n- b\n---\n'), /not a set of fields/);
    assert.deepEqual(parseFrontMatter('---\n# only a comment\n---\nbody'), { data: {}, body: 'body', hasFrontMatter: true });
    assert.deepEqual(parseFrontMatter('----\nHello\n'), { data: {}, body: '----\nHello\n', hasFrontMatter: false });
  });

  it('writes emoji as typed, not as \\U escapes, and they read back the same', () => {
    const data = { title: 'Linear regression 🚀 from scratch', person: 'Ana 👩‍🔬', tags: ['ml', '🧠'], note: 'a \\U0001F680 typed by hand' };
    const text = stringifyFrontMatter('Body 🚀\n', data);
    assert.ok(text.includes('Linear regression 🚀 from scratch') && text.includes('Ana 👩‍🔬') && text.includes('🧠'), text);
    assert.ok(!/\\U0001F/.test(text.replace('\\U0001F680 typed', '')), text);
    assert.deepEqual(parseFrontMatter(text).data, data);
    assert.equal(parseFrontMatter(text).body, 'Body 🚀\n');
  });

  it('writes data back as YAML that reads the same', () => {
    const text = stringifyFrontMatter('Body\n', { title: 'A "quoted" title: yes', draft: true });
    assert.deepEqual(parseFrontMatter(text).data, { title: 'A "quoted" title: yes', draft: true });
  });
});

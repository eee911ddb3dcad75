import assert from 'node:assert/strict';
import { checkName, fileStem, MAX_NAME_LENGTH, MAX_SLUG_LENGTH, slugify } from '../../../src/core/kit/names';

describe('kit: names typed into the input boxes', () => {
  it('an empty or blank required name gets a message naming the field', () => {
    for (const raw of ['', '   ', '\t\n']) {
      const check = checkName(raw, "The person's name", true);
      assert.equal(check.ok, false);
      assert.match((check as { message: string }).message, /The person's name is required/);
    }
  });

  it('an empty optional name is accepted as empty', () => {
    assert.deepEqual(checkName('  ', 'The role', false), { ok: true, value: '' });
  });

  it('a 500-character name is refused with its length in the message', () => {
    const check = checkName('a'.repeat(500), 'The company', true);
    assert.equal(check.ok, false);
    assert.match((check as { message: string }).message, /500 characters long; keep it under 120/);
    assert.equal(checkName('a'.repeat(MAX_NAME_LENGTH), 'The company', true).ok, true);
  });

  it('pasted line breaks collapse to spaces, control characters are refused', () => {
    assert.deepEqual(checkName('  Ada\n  Lovelace ', 'Name', true), { ok: true, value: 'Ada Lovelace' });
    assert.equal(checkName('Ada\u0007', 'Name', true).ok, false);
  });

  it('names with slashes and dots are kept as typed (they never become paths)', () => {
    assert.deepEqual(checkName('../../etc/passwd', 'Name', true), { ok: true, value: '../../etc/passwd' });
    assert.deepEqual(checkName('AI/ML Engineer', 'Role', false), { ok: true, value: 'AI/ML Engineer' });
  });
});

describe('kit: file-name slugs', () => {
  it('turns names into lower-case words joined by hyphens, dropping accents', () => {
    assert.equal(slugify('Zoë Müller-Lüdenscheidt'), 'zoe-muller-ludenscheidt');
    assert.equal(slugify('  DeepMind (London)  '), 'deepmind-london');
  });

  it('keeps letters of other scripts', () => {
    assert.equal(slugify('李 小龙'), '李-小龙');
    assert.equal(slugify('Ольга'), 'ольга');
  });

  it('leaves no path separators or dot segments', () => {
    for (const raw of ['../../etc/passwd', '..\\..\\Windows', 'a/./b', '...', 'C:\\x']) {
      const slug = slugify(raw);
      assert.doesNotMatch(slug, /[/\\.:]/, raw);
    }
    assert.equal(slugify('../../etc/passwd'), 'etc-passwd');
  });

  it('cuts long names at a word boundary within the limit', () => {
    const slug = slugify('word '.repeat(100));
    assert.ok(slug.length <= MAX_SLUG_LENGTH);
    assert.match(slug, /^word(-word)*$/);
    assert.equal(slugify('x'.repeat(500)).length, MAX_SLUG_LENGTH);
  });

  it('never cuts a letter outside the Basic Multilingual Plane in half', () => {
    const slug = slugify(`a${'𠀀'.repeat(100)}`);
    assert.doesNotMatch(slug, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    assert.equal(Array.from(slug).length, MAX_SLUG_LENGTH);
  });

  it('slugs a name the way New Post slugs a title (apostrophes vanish, no stray hyphen)', () => {
    assert.equal(slugify("Siobhán O'Brien"), 'siobhan-obrien');
    assert.equal(fileStem(["Zoë's Lab", 'DeepMind'], 'notes'), 'zoes-lab-deepmind');
  });

  it('falls back when nothing usable is left', () => {
    assert.equal(fileStem(['...', '///'], 'notes'), 'notes');
    assert.equal(fileStem(['Ada', ''], 'notes'), 'ada');
  });
});

import assert from 'node:assert/strict';
import {
  CARD_MARKER_END,
  CARD_MARKER_START,
  cardPictureBlock,
  detectLineEnding,
  findReadmeName,
  upsertCardBlock,
} from '../../../src/core/tracker/readme-markers';

const block = cardPictureBlock({ lightSrc: 'learn-in-public-card-light.svg', darkSrc: 'learn-in-public-card-dark.svg', alt: 'Streak: 3 days' });
const newer = cardPictureBlock({ lightSrc: 'learn-in-public-card-light.svg', darkSrc: 'learn-in-public-card-dark.svg', alt: 'Streak: 4 days' });

function ok(r: ReturnType<typeof upsertCardBlock>): { text: string; action: string } {
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r;
}

describe('README card markers', () => {
  it('a README without markers gets the card appended at the end, after a blank line', () => {
    const readme = '# Hi, I am Ada\n\nI write about ML.\n';
    const r = ok(upsertCardBlock(readme, block));
    assert.equal(r.action, 'added');
    assert.ok(r.text.startsWith(readme), 'everything before is untouched');
    assert.equal(r.text, `${readme}\n${CARD_MARKER_START}\n${block}\n${CARD_MARKER_END}\n`);
  });

  it('a README that does not end with a newline gets one before the card, nothing else changes', () => {
    const r = ok(upsertCardBlock('# Title\nlast line', block));
    assert.ok(r.text.startsWith('# Title\nlast line\n\n' + CARD_MARKER_START));
  });

  it('an empty README becomes just the card section', () => {
    const r = ok(upsertCardBlock('', block));
    assert.equal(r.text, `${CARD_MARKER_START}\n${block}\n${CARD_MARKER_END}\n`);
  });

  it('an existing section is replaced and every byte outside it is kept', () => {
    const before = '# Me\r\n\r\nintro  \t with trailing spaces   \n\n';
    const after = '\n\n## Projects\n- a\n- b\n\n\n';
    const readme = `${before}${CARD_MARKER_START}\nold stuff\n<img src="x.png">\n${CARD_MARKER_END}${after}`;
    const r = ok(upsertCardBlock(readme, newer));
    assert.equal(r.action, 'updated');
    const startAt = r.text.indexOf(CARD_MARKER_START);
    assert.equal(r.text.slice(0, startAt), before);
    const endAt = r.text.indexOf(CARD_MARKER_END) + CARD_MARKER_END.length;
    assert.equal(r.text.slice(endAt), after);
    assert.ok(r.text.includes('Streak: 4 days'));
    assert.ok(!r.text.includes('old stuff'));
  });

  it('markers written inline in a line keep the text around them', () => {
    const readme = `text ${CARD_MARKER_START}old${CARD_MARKER_END} tail\n`;
    const r = ok(upsertCardBlock(readme, block));
    assert.ok(r.text.startsWith(`text ${CARD_MARKER_START}\n<picture>`));
    assert.ok(r.text.endsWith(`</picture>\n${CARD_MARKER_END} tail\n`));
  });

  it('running the update twice changes nothing the second time', () => {
    const first = ok(upsertCardBlock('# Me\n', block));
    const second = ok(upsertCardBlock(first.text, block));
    assert.equal(second.action, 'unchanged');
    assert.equal(second.text, first.text);
  });

  it('a CRLF README stays CRLF: the new section uses CRLF and nothing else changes', () => {
    const readme = '# Me\r\n\r\nHello\r\n';
    const r = ok(upsertCardBlock(readme, block));
    assert.ok(r.text.startsWith(readme));
    const added = r.text.slice(readme.length);
    assert.ok(!/[^\r]\n/.test(added), 'every newline in the added text is CRLF');
    assert.equal(added, `\r\n${CARD_MARKER_START}\r\n${block.replace(/\n/g, '\r\n')}\r\n${CARD_MARKER_END}\r\n`);
    const updated = ok(upsertCardBlock(r.text, newer));
    assert.equal(updated.action, 'updated');
    assert.ok(!/[^\r]\n/.test(updated.text));
  });

  it('a start marker alone is refused, naming its line', () => {
    const r = upsertCardBlock(`# Me\n\n${CARD_MARKER_START}\nstuff\n`, block);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(r.lines, [3]);
    assert.match(r.message, /start marker on line 3 but no end marker/);
  });

  it('an end marker alone is refused, naming its line', () => {
    const r = upsertCardBlock(`a\nb\nc\nd\n${CARD_MARKER_END}\n`, block, 'readme.md');
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(r.lines, [5]);
    assert.match(r.message, /^readme\.md has the card's end marker on line 5 but no start marker/);
  });

  it('the pair written twice is refused, naming all four lines', () => {
    const readme = `${CARD_MARKER_START}\nA\n${CARD_MARKER_END}\n\n${CARD_MARKER_START}\nB\n${CARD_MARKER_END}\n`;
    const r = upsertCardBlock(readme, block);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(r.lines, [1, 3, 5, 7]);
    assert.match(r.message, /more than once \(start on lines 1 and 5, end on lines 3 and 7\)/);
  });

  it('an end marker before the start marker is refused', () => {
    const r = upsertCardBlock(`${CARD_MARKER_END}\nx\n${CARD_MARKER_START}\n`, block);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.match(r.message, /end marker \(line 1\) before its start marker \(line 3\)/);
  });

  it('line numbers count CRLF lines too', () => {
    const r = upsertCardBlock(`a\r\nb\r\n${CARD_MARKER_START}\r\n`, block);
    assert.equal(r.ok, false);
    if (!r.ok) assert.deepEqual(r.lines, [3]);
  });
});

describe('README card block', () => {
  it('uses <picture> with a dark source for prefers-color-scheme and the light image as fallback', () => {
    assert.equal(
      block,
      [
        '<picture>',
        '  <source media="(prefers-color-scheme: dark)" srcset="learn-in-public-card-dark.svg">',
        '  <source media="(prefers-color-scheme: light)" srcset="learn-in-public-card-light.svg">',
        '  <img alt="Streak: 3 days" src="learn-in-public-card-light.svg">',
        '</picture>',
      ].join('\n'),
    );
  });

  it('escapes the alt text and encodes paths with spaces or commas', () => {
    const b = cardPictureBlock({ lightSrc: 'my cards/light,1.svg', darkSrc: 'dark.svg', alt: 'a "quoted" <b> & more\nline' });
    assert.ok(b.includes('srcset="my%20cards/light%2C1.svg"'));
    assert.ok(b.includes('alt="a &quot;quoted&quot; &lt;b&gt; &amp; more line"'));
  });

  it('detects the line ending a file already uses', () => {
    assert.equal(detectLineEnding('a\r\nb\n'), '\r\n');
    assert.equal(detectLineEnding('a\nb\r\n'), '\n');
    assert.equal(detectLineEnding('no newline'), '\n');
  });

  it('finds the README whatever its case, preferring README.md', () => {
    assert.equal(findReadmeName(['index.md', 'readme.md', 'README.md']), 'README.md');
    assert.equal(findReadmeName(['Readme.MD', 'x']), 'Readme.MD');
    assert.equal(findReadmeName(['README.markdown']), 'README.markdown');
    assert.equal(findReadmeName(['docs', 'index.md']), undefined);
  });
});

import assert from 'node:assert/strict';
import { buildLibrary, formatProblem, parseDeck, slugify } from '../../../src/core/practice/deck';

const opts = { file: 'decks/mine.md', origin: 'workspace' as const, fallbackId: 'mine' };

describe('practice deck parsing', () => {
  it('reads questions, model answers, key points and sources with their heading lines', () => {
    const text = [
      '---',
      'id: ml',
      'name: My ML deck',
      '---',
      '# My ML deck',
      '',
      '## What is recall? <!-- id: recall -->',
      '',
      'The share of actual positives found.',
      '',
      'Key points:',
      '- true positive rate',
      '- TP / (TP + FN)',
      '',
      'Source: 000_5534f9212d9dcf8f.txt',
      '',
      '## What is precision? <!-- id: precision -->',
      'Of predicted positives, how many are right.',
    ].join('\n');
    const { deck, problems } = parseDeck(text, opts);
    assert.deepEqual(problems, []);
    assert.equal(deck?.id, 'ml');
    assert.equal(deck?.name, 'My ML deck');
    assert.deepEqual(
      deck?.questions.map((q) => [q.key, q.question, q.answer, q.keyPoints, q.sources, q.line]),
      [
        ['ml/recall', 'What is recall?', 'The share of actual positives found.', ['true positive rate', 'TP / (TP + FN)'], ['000_5534f9212d9dcf8f.txt'], 7],
        ['ml/precision', 'What is precision?', 'Of predicted positives, how many are right.', [], [], 17],
      ],
    );
  });

  it('uses the file name as deck id and name when there is no front matter', () => {
    const { deck, problems } = parseDeck('## Q? <!-- id: q -->\nA.\n', opts);
    assert.deepEqual(problems, []);
    assert.equal(deck?.id, 'mine');
    assert.equal(deck?.questions[0].key, 'mine/q');
  });

  it('keeps a "## " line inside a code block as part of the answer', () => {
    const { deck } = parseDeck('## Q? <!-- id: q -->\n```md\n## not a question\n```\n', opts);
    assert.equal(deck?.questions.length, 1);
    assert.match(deck!.questions[0].answer, /## not a question/);
  });

  it('keeps the other questions when one id is used twice, naming the file and line', () => {
    const { deck, problems } = parseDeck('## One <!-- id: a -->\nx\n\n## Two <!-- id: a -->\ny\n\n## Three <!-- id: c -->\nz\n', opts);
    assert.deepEqual(deck?.questions.map((q) => q.question), ['One', 'Three']);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 4);
    assert.match(formatProblem(problems[0]), /^decks\/mine\.md:4: The id "a" is already used by the question on line 1/);
  });

  it('reports a question with no answer and skips only that question', () => {
    const { deck, problems } = parseDeck('## Empty? <!-- id: empty -->\n\nSource: x.txt\n\n## Full? <!-- id: full -->\nYes.\n', opts);
    assert.deepEqual(deck?.questions.map((q) => q.id), ['full']);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 1);
    assert.match(problems[0].message, /"Empty\?" has no model answer/);
  });

  it('accepts key points as the whole answer', () => {
    const { deck, problems } = parseDeck('## Q <!-- id: q -->\nKey points:\n- one\n- two\n', opts);
    assert.deepEqual(problems, []);
    assert.deepEqual(deck?.questions[0].keyPoints, ['one', 'two']);
  });

  it('explains how to add a missing id, suggesting one', () => {
    const { problems } = parseDeck('## What is a neural network?\nLayers.\n', opts);
    assert.equal(problems[0].line, 1);
    assert.match(problems[0].message, /<!-- id: what-is-a-neural-network -->/);
  });

  it('refuses ids with spaces or slashes', () => {
    const { deck, problems } = parseDeck('## Q <!-- id: a/b -->\nx\n', opts);
    assert.equal(deck?.questions.length, 0);
    assert.match(problems[0].message, /may only use letters/);
  });

  it('skips a deck with malformed front matter, naming the file and line', () => {
    const text = '---\nid: ml\n  bad: indentation\nname: x\n---\n## Q <!-- id: q -->\nA\n';
    const { deck, problems } = parseDeck(text, opts);
    assert.equal(deck, undefined);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, 'decks/mine.md');
    // Within the front-matter block (lines 1-5), where the YAML error is.
    assert.ok(problems[0].line && problems[0].line >= 2 && problems[0].line <= 5, `line ${problems[0].line}`);
    assert.match(problems[0].message, /not valid YAML/);
  });

  it('refuses JavaScript front matter without running it', () => {
    const { deck, problems } = parseDeck('---js\n{ id: (() => { throw new Error("ran") })() }\n---\n## Q <!-- id: q -->\nA\n', opts);
    assert.equal(deck, undefined);
    assert.match(problems[0].message, /only YAML/);
  });

  it('reports a deck with no questions at all', () => {
    const { deck, problems } = parseDeck('---\nid: empty\n---\nJust notes.\n', opts);
    assert.equal(deck?.questions.length, 0);
    assert.equal(problems[0].line, 4);
    assert.match(problems[0].message, /no questions/);
  });

  it('counts lines after front matter correctly with Windows line endings', () => {
    const { deck } = parseDeck('---\r\nid: w\r\n---\r\n\r\n## Q <!-- id: q -->\r\nA\r\n', opts);
    assert.equal(deck?.questions[0].line, 5);
    assert.equal(deck?.questions[0].answer, 'A');
  });

  it('keeps the first deck when two decks share an id, and says which file won', () => {
    const a = parseDeck('---\nid: same\n---\n## Q <!-- id: q -->\nA\n', { ...opts, file: 'a.md', origin: 'builtin' });
    const b = parseDeck('---\nid: same\n---\n## R <!-- id: r -->\nB\n', { ...opts, file: 'b.md' });
    const lib = buildLibrary([a, b]);
    assert.deepEqual(lib.decks.map((d) => d.file), ['a.md']);
    assert.match(formatProblem(lib.problems[0]), /^b\.md:1: The deck id "same" is already used by a\.md/);
  });

  it('slugifies questions into readable ids', () => {
    assert.equal(slugify('What’s the difference between “precision” and recall?'), 'what-s-the-difference-between-precision-and-recall');
    assert.equal(slugify('???'), 'question');
    assert.ok(slugify('a '.repeat(100)).length <= 60);
  });
});

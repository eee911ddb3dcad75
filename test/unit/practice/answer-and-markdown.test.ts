import assert from 'node:assert/strict';
import * as path from 'node:path';
import { answerPath, answerTemplate, extractAnswer } from '../../../src/core/practice/answer-document';
import { isUnsafeFileName } from '../../../src/core/scaffold/slug';
import { inlineSpans, markdownBlocks } from '../../../src/core/practice/markdown-blocks';

describe('practice answer document', () => {
  it("reads back only what the user wrote, not the question or the hint", () => {
    const doc = `${answerTemplate('What is recall?')}Recall is the share of positives found.\n\nIt is TP/(TP+FN).\n`;
    assert.equal(extractAnswer(doc, 'What is recall?'), 'Recall is the share of positives found.\n\nIt is TP/(TP+FN).');
  });

  it('reads an untouched document as an empty answer', () => {
    assert.equal(extractAnswer(answerTemplate('Q?'), 'Q?'), '');
  });

  it('keeps a heading the user wrote themselves', () => {
    assert.equal(extractAnswer('# My own title\nText', 'Q?'), '# My own title\nText');
  });

  it('files answers per question and day', () => {
    const root = path.join(path.sep, 'storage', 'answers');
    const file = answerPath(root, 'ml-interview/precision-vs-recall', '2025-01-10');
    assert.equal(file, path.join(root, 'ml-interview', 'precision-vs-recall', 'precision-vs-recall-2025-01-10.md'));
  });

  it('files answers to ids Windows reserves (CON, aux.notes, a trailing dot) under names every OS can create', () => {
    const root = path.join(path.sep, 'storage', 'answers');
    for (const [key, deck, question] of [
      ['CON/q', '_CON_', 'q'],
      ['d/CON', 'd', '_CON_'],
      ['d/aux.notes', 'd', '_aux.notes_'],
      ['d/q.', 'd', '_q._'],
      ['d/console', 'd', 'console'],
    ]) {
      const file = answerPath(root, key, '2025-01-01');
      assert.equal(file, path.join(root, deck, question, `${question}-2025-01-01.md`));
      for (const part of path.relative(root, file).split(path.sep)) assert.equal(isUnsafeFileName(part), false, `${key}: ${part}`);
    }
  });

  it('refuses a key that would leave the answers folder', () => {
    assert.throws(() => answerPath('/storage/answers', '../../etc/passwd', '2025-01-10'));
  });
});

describe('model answer rendering (safe Markdown subset)', () => {
  it('splits paragraphs, lists, headings, quotes and code', () => {
    const blocks = markdownBlocks('Intro line\ncontinues.\n\n- one\n- **two**\n\n1. first\n2. second\n\n### Sub\n\n> quoted\n\n```\n## code\n```');
    assert.deepEqual(blocks.map((b) => b.kind), ['paragraph', 'list', 'list', 'heading', 'quote', 'code']);
    assert.equal(blocks[0].kind === 'paragraph' && blocks[0].spans[0].text, 'Intro line continues.');
    assert.equal(blocks[2].kind === 'list' && blocks[2].ordered, true);
    assert.equal(blocks[5].kind === 'code' && blocks[5].text, '## code');
  });

  it('reads bold, italic, code, links as text and backslash escapes', () => {
    assert.deepEqual(inlineSpans('a **b** *c* `d*e` [f](http://x) \\*g\\*'), [
      { text: 'a ' },
      { text: 'b', bold: true },
      { text: ' ' },
      { text: 'c', italic: true },
      { text: ' ' },
      { text: 'd*e', code: true },
      { text: ' f *g*' },
    ]);
  });

  it('leaves snake_case and lone asterisks alone', () => {
    assert.deepEqual(inlineSpans('use snake_case_names and 2 * 3'), [{ text: 'use snake_case_names and 2 * 3' }]);
  });

  it('reads a GitHub table: header, alignment, rows padded to its columns, escaped pipes kept', () => {
    const blocks = markdownBlocks('Compare:\n\n| Metric | Formula |\n|:--|--:|\n| **Precision** | TP / (TP + FP) |\n| a \\| b\n\nAfter.');
    assert.deepEqual(blocks.map((b) => b.kind), ['paragraph', 'table', 'paragraph']);
    const table = blocks[1];
    assert.ok(table.kind === 'table');
    assert.deepEqual(table.align, ['left', 'right']);
    assert.deepEqual(table.header, [[{ text: 'Metric' }], [{ text: 'Formula' }]]);
    assert.deepEqual(table.rows, [
      [[{ text: 'Precision', bold: true }], [{ text: 'TP / (TP + FP)' }]],
      [[{ text: 'a | b' }], []],
    ]);
    // Pipes in a sentence, without a delimiter row, stay a paragraph; dashes alone under a line are no delimiter row.
    assert.deepEqual(markdownBlocks('Use a | b for "or".').map((b) => b.kind), ['paragraph']);
    assert.deepEqual(markdownBlocks('| note |\n---').map((b) => b.kind), ['paragraph']);
    // A list, quote or heading ends a table even without a blank line.
    const ended = markdownBlocks('| a | b |\n|---|---|\n| 1 | 2 |\n- item | x\n> quote | y');
    assert.deepEqual(ended.map((b) => b.kind), ['table', 'list', 'quote']);
    assert.equal(ended[0].kind === 'table' && ended[0].rows.length, 1);
    // A long line that only looks like a delimiter row is no table.
    assert.deepEqual(markdownBlocks('| a | b |\n|-' + ' '.repeat(3_000) + 'x').map((b) => b.kind), ['paragraph']);
  });

  it('reads headings with and without closing #s, and a line of spaces in one as plain text', () => {
    const texts = ['## Title', '### Title ###', '# C# tips', '#  spaced   ', '#'].map((line) => markdownBlocks(line)[0]);
    assert.deepEqual(texts.map((b) => b.kind === 'heading' && b.spans.map((sp) => sp.text).join('')), ['Title', 'Title', 'C# tips', 'spaced', '']);
    assert.equal(markdownBlocks('#hashtag')[0].kind, 'paragraph');
    const long = markdownBlocks('# a' + ' '.repeat(20_000) + 'x')[0];
    assert.equal(long.kind === 'heading' && long.spans[0].text.length, 20_002);
  });

  it('never turns HTML into anything but text', () => {
    const blocks = markdownBlocks('<img src=x onerror=alert(1)> <b>bold</b>');
    assert.equal(blocks[0].kind === 'paragraph' && blocks[0].spans[0].text, '<img src=x onerror=alert(1)> <b>bold</b>');
  });
});

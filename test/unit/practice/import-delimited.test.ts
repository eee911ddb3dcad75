import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDeck } from '../../../src/core/practice/deck';
import { writeDeck } from '../../../src/core/practice/deck-writer';
import { parseDelimited } from '../../../src/core/practice/delimited';
import { deckNameProblem, importDelimited } from '../../../src/core/practice/import-delimited';
import { inlineSpans, spansText } from '../../../src/core/practice/markdown-blocks';

const today = '2025-01-10';

function importedQuestions(text: string, fileName = 'cards.csv') {
  const result = importDelimited(text, { fileName, today });
  assert.ok(result.ok, `import failed: ${JSON.stringify(!result.ok && result.problems)}`);
  const parsed = parseDeck(result.markdown, { file: 'out.md', origin: 'workspace', fallbackId: 'out' });
  assert.deepEqual(parsed.problems, []);
  return { result, questions: parsed.deck!.questions, deck: parsed.deck! };
}

describe('CSV/TSV reading', () => {
  it('reads quoted fields holding commas, line breaks and doubled quotes', () => {
    const { rows, problems } = parseDelimited('a,"b, c"\n"multi\nline","say ""hi"""\n', ',');
    assert.deepEqual(problems, []);
    assert.deepEqual(rows.map((r) => [r.fields, r.line]), [
      [['a', 'b, c'], 1],
      [['multi\nline', 'say "hi"'], 2],
    ]);
  });

  it('numbers rows by the line they start on, after multi-line fields and blank lines', () => {
    const { rows } = parseDelimited('"x\ny\nz",1\r\n\r\nlast,2', ',');
    assert.deepEqual(rows.map((r) => r.line), [1, 5]);
  });

  it('reports a quote that is never closed at the line it opened', () => {
    const { problems } = parseDelimited('a,b\nc,"never closed\nmore\n', ',');
    assert.equal(problems[0].line, 2);
  });
});

describe('importing a deck from CSV/TSV', () => {
  it('turns front,back rows into questions, skipping a header row', () => {
    const { questions, result } = importedQuestions('Front,Back\nWhat is recall?,"Of actual positives, the share found."\nWhat is precision?,Of predicted positives the share right.\n', 'ml-basics.csv');
    assert.equal(result.ok && result.count, 2);
    assert.equal(result.ok && result.deckId, 'ml-basics');
    assert.deepEqual(questions.map((q) => [q.id, q.question, q.answer]), [
      ['what-is-recall', 'What is recall?', 'Of actual positives, the share found.'],
      ['what-is-precision', 'What is precision?', 'Of predicted positives the share right.'],
    ]);
  });

  it('imports without a header row too', () => {
    const { questions } = importedQuestions('Q1,A1\nQ2,A2\n');
    assert.deepEqual(questions.map((q) => q.question), ['Q1', 'Q2']);
  });

  it('reads tab-separated files and Anki plain-text exports with HTML', () => {
    const anki = '#separator:tab\n#html:true\nWhat is a neural network?\tNeurons<br>in layers &amp; an output\n';
    const { questions } = importedQuestions(anki, 'anki.txt');
    assert.equal(questions[0].answer, 'Neurons\nin layers & an output');
    const { questions: tsv } = importedQuestions('front\tback\nQ, with comma\tA\n', 'deck.tsv');
    assert.equal(tsv[0].question, 'Q, with comma');
  });

  it('maps source and key-point columns named in the header', () => {
    const { questions } = importedQuestions('question,answer,source,key points\nQ,A,000_x.txt,one; two\n');
    assert.deepEqual(questions[0].sources, ['000_x.txt']);
    assert.deepEqual(questions[0].keyPoints, ['one', 'two']);
  });

  it('refuses a ragged file, naming every bad row by line, and writes nothing', () => {
    const result = importDelimited('Q1,A1\nQ2,A2,extra\n"Q3\nstill Q3",A3\nQ4\n', { fileName: 'bad.csv', today });
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.problems.map((p) => p.line), [2, 5]);
    assert.match(!result.ok ? result.problems[0].message : '', /3 fields but the first row has 2/);
  });

  it('refuses rows with an empty question or answer', () => {
    const result = importDelimited('Q1,A1\n,A2\nQ3,\n', { fileName: 'x.csv', today });
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.problems.map((p) => [p.line, /no question|no answer/.exec(p.message)?.[0]]), [
      [2, 'no question'],
      [3, 'no answer'],
    ]);
  });

  it('refuses a single-column file and an empty file', () => {
    assert.equal(importDelimited('just one column\n', { fileName: 'x.csv', today }).ok, false);
    assert.equal(importDelimited('', { fileName: 'x.csv', today }).ok, false);
  });

  it('picks a deck id no other deck uses', () => {
    const result = importDelimited('Q,A\n', { fileName: 'ml.csv', today, existingDeckIds: new Set(['ml', 'ml-2']) });
    assert.equal(result.ok && result.deckId, 'ml-3');
  });

  it('gives repeated questions distinct ids', () => {
    const { questions } = importedQuestions('Same?,A\nSame?,B\n');
    assert.deepEqual(questions.map((q) => q.id), ['same', 'same-2']);
  });

  it('keeps answers that look like headings, key points or open code fences inside their question', () => {
    const back = '## looks like a heading\nKey points:\n- x\n```python\nprint(1)';
    const { questions } = importedQuestions(`Q1,"${back}"\nQ2,A2\n`);
    assert.equal(questions.length, 2);
    assert.deepEqual(questions[0].keyPoints, []);
    assert.match(questions[0].answer, /looks like a heading/);
    assert.equal(questions[1].answer, 'A2');
  });

  it('a question that already escapes a comment opener (a\\<!--) keeps it as text, not a backslash and a comment', () => {
    for (const question of ['a\\<!-- b', 'a <!-- b', 'a\\\\<!-- b', '`<!--`a', 'Is `<!--` HTML? <!-- yes']) {
      const md = writeDeck({ id: 'q', name: 'Q', cards: [{ question, answer: 'x' }, { question: 'next', answer: 'y' }] });
      const parsed = parseDeck(md, { file: 'p.md', origin: 'workspace', fallbackId: 'p' });
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.deck!.questions.map((q) => spansText(inlineSpans(q.question))), [spansText(inlineSpans(question)), 'next'], question);
    }
  });

  it('an answer whose first line is an indented # keeps its text: trimmed, it is not read as a heading', () => {
    const md = writeDeck({ id: 'q', name: 'Q', cards: [{ question: 'Q1', answer: '    #\nsee above' }, { question: 'Q2', answer: 'A2' }] });
    const parsed = parseDeck(md, { file: 'p.md', origin: 'workspace', fallbackId: 'p' });
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.deck!.questions.map((q) => q.question), ['Q1', 'Q2']);
    assert.match(parsed.deck!.questions[0].answer, /see above/);
  });

  it('round-trips any text through the deck file: same questions, in order, each with an answer', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\n', '#', '-', '*', '`', ':', '"', '<', '!', 'K', 'S', ',', '\\'), minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.record({ q: text, a: text }), { minLength: 1, maxLength: 6 }), (cards) => {
        const usable = cards.filter((c) => c.q.trim() && c.a.trim() && /[a-zA-Z]/.test(c.q) && /[^\s`~]/.test(c.a.replace(/^[#\s]*$/gm, '')));
        fc.pre(usable.length > 0);
        const md = writeDeck({ id: 'prop', name: 'Prop', cards: usable.map((c) => ({ question: c.q, answer: c.a })) });
        const parsed = parseDeck(md, { file: 'p.md', origin: 'workspace', fallbackId: 'p' });
        assert.deepEqual(parsed.problems, []);
        assert.deepEqual(
          parsed.deck!.questions.map((q) => spansText(inlineSpans(q.question))),
          usable.map((c) => spansText(inlineSpans(c.q.replace(/\s+/g, ' ').trim()))),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('naming an imported deck', () => {
  it('the deck takes the name the user chose: its heading, front matter, id and file name follow it', () => {
    const result = importDelimited('Q,A\n', { fileName: 'anki-export_2024.csv', today, deckName: '  Statistics   for interviews ' });
    assert.ok(result.ok);
    assert.equal(result.deckName, 'Statistics for interviews');
    assert.equal(result.deckId, 'statistics-for-interviews');
    const deck = parseDeck(result.markdown, { file: 'out.md', origin: 'global', fallbackId: 'out' }).deck!;
    assert.equal(deck.name, 'Statistics for interviews');
    assert.equal(deck.id, 'statistics-for-interviews');
    assert.match(result.markdown, /^# Statistics for interviews$/m);
    assert.match(result.markdown, /^imported_from: anki-export_2024\.csv$/m, 'where it came from is still recorded');
  });

  it('without a chosen name the file name is offered, as before', () => {
    const result = importDelimited('Q,A\n', { fileName: 'ml-flash_cards.csv', today });
    assert.ok(result.ok);
    assert.equal(result.deckName, 'ml flash cards');
    assert.equal(result.deckId, 'ml-flash-cards');
  });

  it('a chosen name whose id another deck has gets the next free id, never that deck', () => {
    const result = importDelimited('Q,A\n', { fileName: 'x.csv', today, deckName: 'ML', existingDeckIds: new Set(['ml']) });
    assert.ok(result.ok);
    assert.equal(result.deckId, 'ml-2');
  });

  it('an empty name, or the name of a deck already there (case and spacing aside), is refused', () => {
    const existing = ['Machine learning interviews', 'ml flashcards'];
    assert.equal(deckNameProblem('', existing), 'empty');
    assert.equal(deckNameProblem('   ', existing), 'empty');
    assert.equal(deckNameProblem('ML  Flashcards ', existing), 'taken');
    assert.equal(deckNameProblem('machine learning INTERVIEWS', existing), 'taken');
    assert.equal(deckNameProblem('ml flashcards 2', existing), undefined);
    assert.equal(deckNameProblem('Statistics', []), undefined);
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { answerTemplate } from '../../../src/core/practice/answer-document';
import { isAnswerFileOf, lastAnswerFile, readLastAttempt } from '../../../src/core/practice/last-attempt';

const KEY = 'ml-interview/precision-vs-recall';
const rated = (id: string, rating: string, at: string) => JSON.stringify({ v: 1, id, rating, at });

describe('the last time a question came up (rating and answer)', () => {
  let dir: string;
  let historyFile: string;
  let answersRoot: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lip-last-attempt-'));
    historyFile = path.join(dir, 'practice', 'history.jsonl');
    answersRoot = path.join(dir, 'practice', 'answers');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const writeHistory = (...lines: string[]) => {
    fs.mkdirSync(path.dirname(historyFile), { recursive: true });
    fs.writeFileSync(historyFile, lines.map((l) => `${l}\n`).join(''));
  };
  const writeAnswer = (day: string, text: string, key = KEY) => {
    const [deck, question] = key.split('/');
    const folder = path.join(answersRoot, deck, question);
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${question}-${day}.md`);
    fs.writeFileSync(file, text);
    return file;
  };
  const read = (beforeDay = '2026-12-01', key = KEY) => readLastAttempt({ historyFile, answersRoot, key, timeZone: 'UTC', beforeDay });

  it('a question never practised has no last time (no history file, no answers folder)', async () => {
    assert.deepEqual(await read(), {});
  });

  it('one rating and one answer: that rating, its local day, and that file', async () => {
    writeHistory(rated(KEY, 'good', '2026-11-24T09:00:00.000Z'));
    const file = writeAnswer('2026-11-24', '# Q\n\nMy answer.\n');
    const last = await read();
    assert.equal(last.rating?.rating, 'good');
    assert.equal(last.ratedDay, '2026-11-24');
    assert.deepEqual(last.answer, { file, day: '2026-11-24' });
  });

  it('the rating day is the local day in the time zone asked for', async () => {
    writeHistory(rated(KEY, 'hard', '2026-11-24T23:30:00.000Z'));
    const last = await readLastAttempt({ historyFile, answersRoot, key: KEY, timeZone: 'Asia/Tokyo' });
    assert.equal(last.ratedDay, '2026-11-25');
  });

  it('several: the newest rating of this question that was not undone, and the newest answer before today by the date in its name', async () => {
    writeHistory(
      rated(KEY, 'again', '2026-10-01T09:00:00.000Z'),
      rated(KEY, 'hard', '2026-11-20T09:00:00.000Z'),
      rated('ml-interview/other', 'easy', '2026-11-28T09:00:00.000Z'),
      rated(KEY, 'easy', '2026-11-24T09:00:00.000Z'),
      JSON.stringify({ v: 1, undo: 4, id: KEY, at: '2026-11-24T09:01:00.000Z' }),
    );
    writeAnswer('2026-10-01', 'first');
    const wanted = writeAnswer('2026-11-20', 'second');
    writeAnswer('2026-09-30', 'older, written later'); // the date in the name counts, not the file's time
    writeAnswer('2026-12-01', 'today, being written');
    writeAnswer('2026-11-29', 'another question', 'ml-interview/other');
    const last = await read('2026-12-01');
    assert.equal(last.rating?.rating, 'hard');
    assert.equal(last.rating?.line, 2);
    assert.equal(last.ratedDay, '2026-11-20');
    assert.deepEqual(last.answer, { file: wanted, day: '2026-11-20' });
  });

  it('an answer file still holding only the template (or nothing) is not "your last answer": the newest one with an answer is', async () => {
    writeHistory(rated(KEY, 'good', '2026-11-24T09:00:00.000Z'));
    const written = writeAnswer('2026-11-10', `${answerTemplate('What is the difference between precision and recall?')}Precision counts the predicted positives that are right.\n`);
    // Shown and left untouched: the template as the extension wrote it, in English and in another language.
    writeAnswer('2026-11-20', answerTemplate('What is the difference between precision and recall?'));
    writeAnswer('2026-11-22', answerTemplate('An older wording of the question', '<!-- Schreiben Sie Ihre Antwort unten. -->').replace(/\n/g, '\r\n') + '\n  \n');
    writeAnswer('2026-11-24', '');
    const last = await read();
    assert.equal(last.rating?.rating, 'good', 'the rating line stays as it was');
    assert.equal(last.ratedDay, '2026-11-24');
    assert.deepEqual(last.answer, { file: written, day: '2026-11-10' });
  });

  it('a question shown before but never answered or rated has no last time', async () => {
    writeAnswer('2026-11-20', answerTemplate('What is the difference between precision and recall?'));
    assert.deepEqual(await read(), {});
  });

  it('malformed history lines are skipped: the last readable rating still counts', async () => {
    writeHistory(
      rated(KEY, 'good', '2026-11-24T09:00:00.000Z'),
      'not json',
      rated(KEY, 'perfect', '2026-11-25T09:00:00.000Z'),
      JSON.stringify({ v: 2, id: KEY, rating: 'easy', at: '2026-11-26T09:00:00.000Z' }),
      JSON.stringify({ v: 1, undo: 99, id: KEY, at: '2026-11-26T09:00:00.000Z' }),
    );
    fs.appendFileSync(historyFile, '{"v":1,"id":"ml-interview/precision-vs-recall","rating":"ea'); // cut off
    const last = await read();
    assert.equal(last.rating?.rating, 'good');
    assert.equal(last.ratedDay, '2026-11-24');
  });

  it('only answer files of the question count: not other names, folders, or links', async () => {
    const folder = path.dirname(writeAnswer('2026-11-01', 'the real one'));
    fs.writeFileSync(path.join(folder, 'notes-2026-11-20.md'), 'someone else’s');
    fs.writeFileSync(path.join(folder, 'precision-vs-recall-2026-11-21.txt'), 'not markdown');
    fs.mkdirSync(path.join(folder, 'precision-vs-recall-2026-11-22.md'));
    const outside = path.join(dir, 'secret.md');
    fs.writeFileSync(outside, 'secret');
    fs.symlinkSync(outside, path.join(folder, 'precision-vs-recall-2026-11-23.md'));
    assert.equal((await lastAnswerFile(answersRoot, KEY))?.day, '2026-11-01');
  });

  it('an answer file is recognised only where its question keeps answers', () => {
    const inside = path.join(answersRoot, 'ml-interview', 'precision-vs-recall', 'precision-vs-recall-2026-11-24.md');
    assert.equal(isAnswerFileOf(answersRoot, KEY, inside), true);
    assert.equal(isAnswerFileOf(answersRoot, KEY, path.join(dir, 'precision-vs-recall-2026-11-24.md')), false);
    assert.equal(isAnswerFileOf(answersRoot, 'ml-interview/other', inside), false);
    assert.equal(isAnswerFileOf(answersRoot, KEY, path.join(answersRoot, 'ml-interview', 'precision-vs-recall', '..', '..', '..', 'history-2026-11-24.md')), false);
    assert.equal(isAnswerFileOf(answersRoot, '../x', inside), false);
  });
});

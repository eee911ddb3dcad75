import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HistoryFile } from '../../../src/core/practice/history-file';
import { parseHistory } from '../../../src/core/practice/history-log';
import { PracticeBook } from '../../../src/core/practice/practice-book';

const good = (id: string, at: string) => JSON.stringify({ v: 1, id, rating: 'good', at });

describe('practice review history log', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lip-history-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads ratings and undo records with their line numbers', () => {
    const text = `${good('d/a', '2025-01-10T08:00:00Z')}\n${JSON.stringify({ v: 1, undo: 1, id: 'd/a', at: '2025-01-10T08:01:00Z' })}\n`;
    const parsed = parseHistory(text);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.entries.map((e) => e.line), [1, 2]);
    assert.equal(parsed.lineCount, 2);
  });

  it('reports a cut-off last line and skips it, keeping the lines before', () => {
    const text = `${good('d/a', '2025-01-10T08:00:00Z')}\n{"v":1,"id":"d/b","rat`;
    const parsed = parseHistory(text);
    assert.equal(parsed.entries.length, 1);
    assert.deepEqual(parsed.problems.map((p) => p.line), [2]);
    assert.match(parsed.problems[0].message, /incomplete/);
    assert.equal(parsed.endsWithNewline, false);
  });

  it('skips invalid lines in the middle with a reason, and lines from a newer version', () => {
    const text = [
      good('d/a', '2025-01-10T08:00:00Z'),
      'not json',
      JSON.stringify({ v: 1, id: 'd/a', rating: 'perfect', at: '2025-01-10T08:00:00Z' }),
      JSON.stringify({ v: 2, id: 'd/a', rating: 'good', at: '2025-01-10T08:00:00Z' }),
      JSON.stringify({ v: 1, id: 'd/a', rating: 'good', at: 'yesterday-ish' }),
      '',
      good('d/b', '2025-01-11T08:00:00Z'),
    ].join('\n') + '\n';
    const parsed = parseHistory(text);
    assert.deepEqual(parsed.entries.map((e) => e.line), [1, 7]);
    assert.deepEqual(parsed.problems.map((p) => p.line), [2, 3, 4, 5]);
    assert.match(parsed.problems[2].message, /newer version/);
  });

  it('appends after a cut-off line on a fresh line and never changes the bytes before', async () => {
    const file = path.join(dir, 'practice', 'history.jsonl');
    fs.mkdirSync(path.dirname(file));
    const original = `${good('d/a', '2025-01-10T08:00:00Z')}\n{"v":1,"id":"d/b","rat`;
    fs.writeFileSync(file, original);
    const history = new HistoryFile(file);
    const { entry } = await history.append({ v: 1, id: 'd/c', rating: 'easy', at: '2025-01-11T09:00:00.000Z' });
    assert.equal(entry.line, 3);
    const after = fs.readFileSync(file, 'utf8');
    assert.ok(after.startsWith(original), 'the existing bytes are untouched');
    const parsed = parseHistory(after);
    assert.deepEqual(parsed.entries.map((e) => [e.line, e.record.id]), [[1, 'd/a'], [3, 'd/c']]);
    assert.deepEqual(parsed.problems.map((p) => p.line), [2]);
  });

  it('creates the log on the first rating and treats a missing log as empty history', async () => {
    const file = path.join(dir, 'deep', 'history.jsonl');
    const history = new HistoryFile(file);
    assert.equal((await history.read()).entries.length, 0);
    await history.append({ v: 1, id: 'd/a', rating: 'good', at: '2025-01-10T08:00:00.000Z' });
    await history.append({ v: 1, id: 'd/a', rating: 'hard', at: '2025-01-12T08:00:00.000Z' });
    assert.equal(fs.readFileSync(file, 'utf8').split('\n').length, 3);
    assert.deepEqual((await history.read()).entries.map((e) => e.line), [1, 2]);
  });

  it('reads the first rating of a file saved with a byte-order mark', () => {
    const parsed = parseHistory(`\uFEFF${good('d/a', '2025-01-10T08:00:00Z')}\n${good('d/b', '2025-01-11T08:00:00Z')}\n`);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.entries.map((e) => [e.line, e.record.id]), [[1, 'd/a'], [2, 'd/b']]);
  });

  it('skips a line dated beyond what a schedule can hold (year 10000) and keeps rating and undo working', async () => {
    const file = path.join(dir, 'practice', 'history.jsonl');
    fs.mkdirSync(path.dirname(file));
    const extremes = ['+010000-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z', '-000100-01-01T00:00:00Z'];
    fs.writeFileSync(file, [good('d/a', '2025-05-01T10:00:00Z'), ...extremes.map((at) => JSON.stringify({ v: 1, id: 'd/b', rating: 'easy', at }))].join('\n') + '\n');
    const book = new PracticeBook({ historyFile: file, clock: () => new Date('2025-06-01T12:00:00Z'), timeZone: () => 'UTC', dailyNewLimit: () => 5 });
    await book.loadHistory();
    assert.deepEqual(book.historyProblems.map((p) => p.line), [2, 3, 4]);
    assert.match(book.historyProblems[0].message, /"\+010000-01-01T00:00:00Z" is outside the years 1970 to 9899/);
    assert.equal(book.state('d/a')?.ratings.length, 1, 'the readable rating still counts');
    assert.equal(book.state('d/b'), undefined);
    await book.rate('d/a', 'good');
    assert.equal(book.state('d/a')?.ratings.length, 2);
    assert.equal((await book.undoLast())?.line, 5);
    assert.equal(book.state('d/a')?.ratings.length, 1);
  });
});

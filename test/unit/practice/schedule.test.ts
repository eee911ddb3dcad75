import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseDeck } from '../../../src/core/practice/deck';
import { GRADES, parseHistory, type Grade, type HistoryEntry } from '../../../src/core/practice/history-log';
import { PracticeBook } from '../../../src/core/practice/practice-book';
import { previewRatings, ReviewSchedule, type QuestionState } from '../../../src/core/practice/schedule';

const UTC = 'UTC';

function entry(line: number, id: string, rating: Grade, at: string): HistoryEntry {
  return { line, record: { v: 1, id, rating, at }, atMs: Date.parse(at) };
}

function cardView(s: QuestionState | undefined) {
  if (!s) return undefined;
  const c = s.card;
  return {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    last: c.last_review?.toISOString(),
    dueDay: s.dueDay,
    firstDay: s.firstDay,
    lastDay: s.lastDay,
  };
}

const deckText = '---\nid: d\n---\n## A? <!-- id: a -->\nx\n\n## B? <!-- id: b -->\ny\n\n## C? <!-- id: c -->\nz\n';

describe('practice scheduling (FSRS, day-level)', () => {
  it('schedules a new question further out for each better rating', () => {
    const preview = previewRatings(undefined, '2025-01-10');
    assert.deepEqual(preview.map((p) => [p.rating, p.dueDay, p.days]), [
      ['again', '2025-01-11', 1],
      ['hard', '2025-01-12', 2],
      ['good', '2025-01-13', 3],
      ['easy', '2025-01-18', 8],
    ]);
  });

  it('makes each rating of a question produce the due day its preview showed', () => {
    for (const rating of GRADES) {
      const schedule = ReviewSchedule.rebuild([entry(1, 'd/a', 'good', '2025-01-10T09:00:00Z')], UTC);
      const preview = previewRatings(schedule.get('d/a'), '2025-01-13').find((p) => p.rating === rating)!;
      schedule.apply(entry(2, 'd/a', rating, '2025-01-13T09:00:00Z'));
      assert.equal(schedule.get('d/a')!.dueDay, preview.dueDay, rating);
    }
  });

  it('grows the interval after a second Good, and shrinks it after Again', () => {
    const s = ReviewSchedule.rebuild([entry(1, 'd/a', 'good', '2025-01-10T09:00:00Z'), entry(2, 'd/a', 'good', '2025-01-13T09:00:00Z')], UTC);
    assert.equal(s.get('d/a')!.dueDay, '2025-01-27');
    s.apply(entry(3, 'd/a', 'again', '2025-01-27T09:00:00Z'));
    assert.ok(s.get('d/a')!.dueDay <= '2025-01-30');
    assert.equal(s.get('d/a')!.card.lapses, 1);
  });

  it('counts a review for the local calendar day, whatever the hour', () => {
    // 06:00 UTC is still the previous evening in Los Angeles.
    const la = ReviewSchedule.rebuild([entry(1, 'd/a', 'good', '2025-01-10T06:00:00Z')], 'America/Los_Angeles');
    assert.equal(la.get('d/a')!.lastDay, '2025-01-09');
    assert.equal(la.get('d/a')!.dueDay, '2025-01-12');
    // 23:30 in Berlin is 22:30 UTC: the same local day.
    const berlin = ReviewSchedule.rebuild([entry(1, 'd/a', 'good', '2025-01-10T22:30:00Z')], 'Europe/Berlin');
    assert.equal(berlin.get('d/a')!.lastDay, '2025-01-10');
  });

  it('survives a clock that went backwards: the later rating counts on the earlier day, nothing is lost', () => {
    const s = ReviewSchedule.rebuild([entry(1, 'd/a', 'good', '2025-01-20T09:00:00Z'), entry(2, 'd/a', 'good', '2025-01-05T09:00:00Z')], UTC);
    const state = s.get('d/a')!;
    assert.equal(state.ratings.length, 2);
    assert.equal(state.ratings[1].day, '2025-01-20');
    assert.equal(state.ratings[1].recordedDay, '2025-01-05');
    assert.ok(state.dueDay > '2025-01-20');
    assert.ok(Number.isFinite(state.card.stability));
  });

  it('a rating left out for being dated in the future counts once its time comes, and undoing it clears the report', () => {
    const entries = [entry(1, 'd/a', 'good', '2025-01-10T09:00:00Z'), entry(2, 'd/a', 'easy', '2025-03-01T09:00:00Z')];
    const early = ReviewSchedule.rebuild(entries, UTC, () => new Date('2025-01-11T09:00:00Z'));
    assert.equal(early.get('d/a')!.ratings.length, 1);
    assert.deepEqual(early.problems.map((p) => p.line), [2]);
    assert.equal(early.lastRating()?.line, 1, 'undo reverses a rating that counts');
    const later = ReviewSchedule.rebuild(entries, UTC, () => new Date('2025-03-01T09:00:00Z'));
    assert.equal(later.get('d/a')!.ratings.length, 2);
    assert.deepEqual(later.problems, []);
    const undone = ReviewSchedule.rebuild([...entries, { line: 3, record: { v: 1, undo: 2, id: 'd/a', at: '2025-01-11T09:00:00Z' }, atMs: 0 }], UTC, () => new Date('2025-01-11T09:00:00Z'));
    assert.deepEqual(undone.problems, []);
    assert.equal(undone.get('d/a')!.ratings.length, 1);
  });

  it('ignores an undo that refers to a line that is not a rating, and reports it', () => {
    const s = ReviewSchedule.rebuild(
      [entry(1, 'd/a', 'good', '2025-01-10T09:00:00Z'), { line: 2, record: { v: 1, undo: 7, id: 'd/a', at: '2025-01-10T09:01:00Z' }, atMs: 0 }],
      UTC,
    );
    assert.equal(s.get('d/a')!.ratings.length, 1);
    assert.match(s.problems[0].message, /line 7/);
  });
});

describe('practice book: rating, undo and rebuilding from the log', () => {
  let dir: string;
  let now: Date;
  let file: string;
  const book = () =>
    new PracticeBook({ historyFile: file, clock: () => now, timeZone: () => UTC, dailyNewLimit: () => 2 });
  const load = async () => {
    const b = book();
    b.setDecks([parseDeck(deckText, { file: 'd.md', origin: 'builtin', fallbackId: 'd' })]);
    await b.loadHistory();
    return b;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lip-book-'));
    file = path.join(dir, 'practice', 'history.jsonl');
    now = new Date('2025-01-10T09:00:00Z');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('rating Good takes a due question off today and adds one line to the log', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify({ v: 1, id: 'd/a', rating: 'again', at: '2025-01-08T09:00:00Z' })}\n`);
    const b = await load();
    assert.equal(b.stats().dueToday, 1);
    assert.equal(b.pickNext()?.question.id, 'a');
    await b.rate('d/a', 'good');
    assert.equal(b.stats().dueToday, 0);
    assert.equal(fs.readFileSync(file, 'utf8').trimEnd().split('\n').length, 2);
    assert.ok(b.state('d/a')!.dueDay > '2025-01-10');
  });

  it('a rating that is not one of the four grades is refused and the log stays as it was', async () => {
    const b = await load();
    await b.rate('d/a', 'good');
    const before = fs.readFileSync(file, 'utf8');
    await assert.rejects(b.rate('d/a', 'perfect' as Grade), /not a rating/);
    assert.equal(fs.readFileSync(file, 'utf8'), before);
    assert.equal(b.state('d/a')?.ratings.length, 1);
  });

  it('undo appends a reversal, restores the previous schedule, and walks back one rating at a time', async () => {
    const b = await load();
    await b.rate('d/a', 'good');
    const afterFirst = cardView(b.state('d/a'));
    now = new Date('2025-01-13T09:00:00Z');
    await b.rate('d/a', 'easy');
    const before = fs.readFileSync(file, 'utf8');
    const undone = await b.undoLast();
    assert.equal(undone?.rating, 'easy');
    assert.deepEqual(cardView(b.state('d/a')), afterFirst);
    const after = fs.readFileSync(file, 'utf8');
    assert.ok(after.startsWith(before), 'undo never rewrites the log');
    assert.match(after.trimEnd().split('\n').pop()!, /"undo":2/);
    await b.undoLast();
    assert.equal(b.state('d/a'), undefined, 'the question is new again');
    assert.equal(await b.undoLast(), undefined, 'nothing left to undo');
    assert.equal(fs.readFileSync(file, 'utf8').trimEnd().split('\n').length, 4);
  });

  it('keeps the history of a question no deck has any more, and resumes it when it comes back', async () => {
    const b = await load();
    await b.rate('d/a', 'good');
    const withA = cardView(b.state('d/a'));
    const gone = book();
    gone.setDecks([parseDeck('---\nid: d\n---\n## B? <!-- id: b -->\ny\n', { file: 'd.md', origin: 'builtin', fallbackId: 'd' })]);
    await gone.loadHistory();
    assert.equal(gone.stats().totalQuestions, 1);
    assert.equal(gone.stats().daysPractisedThisWeek, 1, 'the day still counts as practised');
    assert.equal(gone.pickNext()?.question.id, 'b');
    const back = await load();
    assert.deepEqual(cardView(back.state('d/a')), withA);
  });

  it('leaves out a rating dated far in the future (a wrong clock) and says so; later ratings schedule as usual', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const rating = (r: Grade, at: string) => JSON.stringify({ v: 1, id: 'd/a', rating: r, at });
    fs.writeFileSync(file, [rating('good', '2035-05-01T10:00:00Z'), rating('again', '2025-01-08T10:00:00Z'), rating('again', '2025-01-09T10:00:00Z')].join('\n') + '\n');
    const b = await load();
    const state = b.state('d/a')!;
    assert.deepEqual(state.ratings.map((r) => r.line), [2, 3]);
    assert.equal(state.lastDay, '2025-01-09');
    assert.ok(state.dueDay <= '2025-01-11', `due ${state.dueDay}`);
    assert.deepEqual(b.preview('d/a').map((p) => p.days < 365), [true, true, true, true]);
    assert.deepEqual(b.historyProblems.map((p) => p.line), [1]);
    assert.match(b.historyProblems[0].message, /dated 2035-05-01, more than a day from now/);
    // A rating a few hours ahead (a clock slightly off) still counts.
    const ahead = new PracticeBook({ historyFile: file, clock: () => new Date('2025-01-09T00:00:00Z'), timeZone: () => UTC, dailyNewLimit: () => 2 });
    await ahead.loadHistory();
    assert.deepEqual(ahead.state('d/a')!.ratings.map((r) => r.line), [2, 3]);
  });

  it('rebuilding from the log equals the state built step by step, and equals a log without the undone ratings', async () => {
    const op = fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('rate' as const), id: fc.constantFrom('d/a', 'd/b', 'd/c'), rating: fc.constantFrom(...GRADES), hours: fc.integer({ min: -72, max: 240 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo' as const), hours: fc.integer({ min: 0, max: 5 }) }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        fs.rmSync(path.dirname(file), { recursive: true, force: true });
        now = new Date('2025-01-10T09:00:00Z');
        let latest = now.getTime();
        const stepwise = await load();
        for (const o of ops) {
          // The clock may go back, but less than a day behind the latest rating: further back,
          // that rating looks dated in the future and is left out until then (tested above).
          now = new Date(Math.max(now.getTime() + o.hours * 3_600_000, latest - 23 * 3_600_000));
          latest = Math.max(latest, now.getTime());
          if (o.kind === 'rate') await stepwise.rate(o.id, o.rating);
          else await stepwise.undoLast();
        }
        const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
        const parsed = parseHistory(text);
        const rebuilt = ReviewSchedule.rebuild(parsed.entries, UTC);
        // The same log with every undone rating (and every undo) removed.
        const undoneLines = new Set(parsed.entries.flatMap((e) => ('undo' in e.record ? [e.record.undo] : [])));
        const withoutUndone = ReviewSchedule.rebuild(parsed.entries.filter((e) => !('undo' in e.record) && !undoneLines.has(e.line)), UTC);
        for (const id of ['d/a', 'd/b', 'd/c']) {
          assert.deepEqual(cardView(rebuilt.get(id)), cardView(stepwise.state(id)), `rebuild vs step-by-step for ${id}`);
          assert.deepEqual(cardView(withoutUndone.get(id)), cardView(rebuilt.get(id)), `undo vs never rated for ${id}`);
        }
      }),
      { numRuns: 60 },
    );
  });
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { parseFrontMatter } from '../../../src/core/front-matter';
import { firstWeekPlanFileName, planFirstWeek, renderFirstWeekPlan } from '../../../src/core/kit/first-week-plan';

const byTitle = (start: string) => {
  const tasks = planFirstWeek(start);
  return (title: string) => tasks.filter((t) => t.title === title).map((t) => t.date);
};
/** First and last day of the one-to-one chats (working days 2-5). */
const chatDays = (start: string) => planFirstWeek(start).filter((t) => t.title === 'Hold your one-to-one chats').flatMap((t) => [t.date, t.lastDate]);

describe('kit: first-week plan dates', () => {
  it('puts the email a week before, the test run the day before, introductions and phone away on day one', () => {
    const dates = byTitle('2025-09-01'); // a Monday
    assert.deepEqual(dates('Email your manager'), ['2025-08-25']);
    assert.deepEqual(dates('Write a two-minute introduction'), ['2025-08-30']);
    assert.deepEqual(dates('Do a test run'), ['2025-08-31']);
    assert.deepEqual(dates('Introduce yourself'), ['2025-09-01']);
    assert.deepEqual(dates('Put your phone away'), ['2025-09-01']);
    assert.deepEqual(dates('Book one-to-one chats'), ['2025-09-01']);
    assert.deepEqual(chatDays('2025-09-01'), ['2025-09-02', '2025-09-05']);
  });

  it('one-to-one chats skip the weekend when the job starts on a Thursday', () => {
    assert.deepEqual(chatDays('2025-09-04'), ['2025-09-05', '2025-09-10']);
  });

  it('crosses month and year ends, and leap days', () => {
    const newYear = byTitle('2026-01-05');
    assert.deepEqual(newYear('Email your manager'), ['2025-12-29']);
    const leap = byTitle('2024-03-01');
    assert.deepEqual(leap('Do a test run'), ['2024-02-29']);
    assert.deepEqual(leap('Email your manager'), ['2024-02-23']);
  });

  it('a week spanning a daylight-saving change still has seven calendar days', () => {
    // Europe and the US change clocks on 2025-03-30 and 2025-03-09; Sydney on 2025-04-06.
    assert.deepEqual(byTitle('2025-04-02')('Email your manager'), ['2025-03-26']);
    assert.deepEqual(byTitle('2025-03-12')('Email your manager'), ['2025-03-05']);
    assert.deepEqual(byTitle('2025-11-03')('Email your manager'), ['2025-10-27']);
    assert.deepEqual(byTitle('2025-04-07')('Do a test run'), ['2025-04-06']);
  });

  it('made less than a week before the start, dates what has passed today, to catch up, instead of overdue', () => {
    const text = renderFirstWeekPlan('2026-11-30', '2026-11-24');
    const dates = [...text.matchAll(/\((\d{4}-\d{2}-\d{2})\):/g)].map((m) => m[1]);
    assert.ok(dates.length > 5 && dates.every((d) => d >= '2026-11-24'), dates.join(' '));
    assert.match(text, /## Before you start \(do today, Tue 2026-11-24\)\n\n- \[ \] \*\*Email your manager\*\* \(2026-11-24\)/);
    assert.match(text, /## Sat 2026-11-28 \(2 days before\)/);
    // Made on the day before or on day one: what was due earlier is caught up on under its own
    // heading, and the day's own tasks keep theirs.
    const eve = renderFirstWeekPlan('2026-11-30', '2026-11-29');
    assert.match(eve, /## Before you start \(do today, Sun 2026-11-29\)\n\n- \[ \] \*\*Email your manager\*\* \(2026-11-29\)[^\n]*\n- \[ \] \*\*Write a two-minute introduction\*\*[^\n]*\n\n## Sun 2026-11-29 \(the day before\)\n\n- \[ \] \*\*Do a test run\*\*/);
    const dayOne = renderFirstWeekPlan('2026-11-30', '2026-11-30');
    assert.match(dayOne, /## Mon 2026-11-30 \(day one\)\n\n- \[ \] \*\*Put your phone away\*\*/);
    // A start already past keeps every date as planned: the user chose it knowingly.
    assert.match(renderFirstWeekPlan('2026-11-02', '2026-11-24'), /Email your manager\*\* \(2026-10-26\)/);
  });

  it('every task cites the first-day source and is dated in the rendered plan', () => {
    const text = renderFirstWeekPlan('2025-09-01');
    assert.equal(parseFrontMatter(text).data.start, '2025-09-01');
    for (const t of planFirstWeek('2025-09-01')) {
      assert.equal(t.source, 'firstDay');
      assert.ok(text.includes(`**${t.title}** (${t.date})`), t.title);
    }
    assert.match(text, /^## Mon 2025-08-25 \(7 days before\)$/m);
    assert.match(text, /^## Mon 2025-09-01 \(day one\)$/m);
    assert.match(text, /Source: Career Connection: starting a new job \(001_f65caf9f471f906a\.txt\)/);
    assert.equal(firstWeekPlanFileName('2025-09-01'), 'first-week-2025-09-01.md');
  });

  it('the same plan comes out in every machine time zone, around clock changes', function () {
    this.timeout(30_000);
    const script = path.resolve(__dirname, 'render-plan.fixture.ts');
    const starts = ['2025-03-31', '2025-03-10', '2025-10-27', '2025-11-03', '2025-04-07', '2025-10-06'];
    const render = (tz: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', script, ...starts], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    const reference = render('UTC');
    assert.match(reference, /Email your manager\*\* \(2025-03-24\)/);
    for (const tz of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      assert.equal(render(tz), reference, tz);
    }
  });
});

describe('kit: first-week plan text', () => {
  it('refuses at once a start outside 1900-2200 or a weekday outside 0-6, instead of searching forever for a working day', () => {
    assert.throws(() => renderFirstWeekPlan('2025-02-30'), /February 2025/);
    assert.throws(() => planFirstWeek('9999-12-31'), /year 9999 is outside/);
    assert.throws(() => planFirstWeek('2025-01-06', [7]), /0 \(Sunday\) to 6 \(Saturday\), not 7/);
    assert.throws(() => planFirstWeek('2025-01-06', [1.5]), /not 1.5/);
    assert.deepEqual(chatDays('2200-12-29'), ['2200-12-30', '2201-01-02']);
  });

  const headings = (text: string) => [...text.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
  /** Each heading with the task titles under it. */
  const sections = (text: string) =>
    text.split(/^## /m).slice(1).map((s) => ({ heading: s.split('\n', 1)[0], tasks: [...s.matchAll(/^- \[ \] \*\*([^*]+)\*\*/gm)].map((m) => m[1]) }));

  it('the intro counts exactly the tasks that follow', () => {
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
    for (const [start, today] of [['2025-09-01', undefined], ['2026-11-30', '2026-11-24'], ['2025-09-04', undefined]] as const) {
      const text = renderFirstWeekPlan(start, today);
      const tasks = text.match(/^- \[ \] /gm) ?? [];
      // The words between the title and the first heading.
      const intro = text.split(/^## /m)[0].split(/^# .*$/m)[1];
      const counted = [...intro.matchAll(new RegExp(`\\b(${words.join('|')}|\\d+)\\b`, 'gi'))].map((m) => m[1].toLowerCase());
      assert.deepEqual(counted.map((w) => (words.includes(w) ? words.indexOf(w) : Number(w))), [tasks.length], intro);
    }
  });

  it('reads as a plan: no two headings hold the same tasks, and days 2-5 are one block of chats with a table to fill in', () => {
    for (const start of ['2026-11-30', '2025-09-04']) {
      const lists = sections(renderFirstWeekPlan(start, '2026-11-24')).map((s) => s.tasks.join(' | '));
      assert.equal(new Set(lists).size, lists.length, lists.join('\n'));
    }
    const text = renderFirstWeekPlan('2026-11-30', '2026-11-24');
    const chats = sections(text).filter((s) => /one-to-one/i.test(s.tasks.join(' ') + s.heading));
    assert.deepEqual(chats.map((s) => s.heading), ['Mon 2026-11-30 (day one)', 'Days 2-5: one-to-one chats (Tue 2026-12-01 to Fri 2026-12-04)']);
    assert.match(text, /^\| Name \| Role \| When \| What I learned \|\n\| --- \| --- \| --- \| --- \|\n(\|  \|  \|  \|  \|\n){3,}/m);
    // A Thursday start: days 2-5 are the next four working days, over the weekend.
    assert.match(renderFirstWeekPlan('2025-09-04'), /^## Days 2-5: one-to-one chats \(Fri 2025-09-05 to Wed 2025-09-10\)$/m);
  });

  it('titles what is caught up on before the start plainly, with the day it was made', () => {
    const text = renderFirstWeekPlan('2026-11-30', '2026-11-24');
    assert.equal(headings(text)[0], 'Before you start (do today, Tue 2026-11-24)');
    assert.doesNotMatch(text, /catch up/);
  });

  it('writes every date one way: ISO with a short weekday in headings, ISO on task lines', () => {
    for (const text of [renderFirstWeekPlan('2026-11-30', '2026-11-24'), renderFirstWeekPlan('2025-09-04')]) {
      assert.doesNotMatch(text, /January|February|March|April|May|June|July|August|September|October|November|December/);
      assert.doesNotMatch(text, /\b(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day\b/);
      assert.doesNotMatch(text, /\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/);
      // Every date with a weekday names the right one.
      for (const m of text.matchAll(/\b(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (\d{4}-\d{2}-\d{2})\b/g)) {
        assert.equal(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(`${m[2]}T00:00:00Z`).getUTCDay()], m[1], m[0]);
      }
      // Headings and the title carry the weekday; task lines keep the bare (YYYY-MM-DD) the Job Search view reads.
      for (const h of [...headings(text), text.match(/^# (.*)$/m)![1]]) {
        for (const d of h.matchAll(/\d{4}-\d{2}-\d{2}/g)) assert.match(h.slice(0, d.index), /(Sun|Mon|Tue|Wed|Thu|Fri|Sat) $/, h);
      }
    }
  });

  it('uses plain ASCII punctuation', () => {
    assert.doesNotMatch(renderFirstWeekPlan('2025-09-01'), /[^\x00-\x7f]/);
  });
});

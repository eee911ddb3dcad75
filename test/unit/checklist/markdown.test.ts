import assert from 'node:assert/strict';
import { builtInCatalog } from '../../../src/core/checklist/catalog';
import { generateChecklist } from '../../../src/core/checklist/edits';
import { completedBetween, parseChecklist, parseTaskLine } from '../../../src/core/checklist/markdown';
import { lines } from './helpers';

const catalog = builtInCatalog();

describe('checklist Markdown: reading', () => {
  it('a new file holds every catalog item, unchecked, under its section', () => {
    const parsed = parseChecklist(generateChecklist(catalog), catalog);
    assert.deepEqual(parsed.warnings, []);
    assert.equal(parsed.frontMatter.status, 'ok');
    assert.equal(parsed.catalogVersion, catalog.version);
    assert.deepEqual(parsed.items.map((i) => i.id), catalog.items.map((i) => i.id));
    assert.ok(parsed.items.every((i) => !i.checked));
    for (const item of parsed.items) assert.equal(item.sectionKey, catalog.items.find((c) => c.id === item.id)!.section);
    assert.deepEqual(parsed.sections.map((s) => s.key), catalog.sections.map((s) => s.id));
  });

  it('reads the title, completion date, flags and note of an item', () => {
    const parsed = parseChecklist(
      lines(
        '## Learn the skills <!-- section:skills -->',
        '- [x] Start a tiny habit ✅ 2024-05-01 <!-- id:skills-tiny-daily-habit hidden -->',
        '  > first line',
        '  >',
        '  > third line',
        '- [X] Upper-case X counts as done <!-- id:custom-upper -->',
      ),
      catalog,
    );
    const [habit, upper] = parsed.items;
    assert.equal(habit.title, 'Start a tiny habit');
    assert.equal(habit.doneDate, '2024-05-01');
    assert.equal(habit.hidden, true);
    assert.equal(habit.note, 'first line\n\nthird line');
    assert.deepEqual(habit.noteLines, { start: 2, end: 5 });
    assert.equal(upper.checked, true);
    assert.equal(upper.sectionKey, 'skills');
  });

  it('keeps the id invisible: a marker is an HTML comment at the end of the line', () => {
    const task = parseTaskLine('- [ ] Write your first post <!-- id:public-first-post -->')!;
    assert.equal(task.id, 'public-first-post');
    assert.equal(task.title, 'Write your first post');
  });

  it('recognises other list shapes: *, +, numbered and indented tasks', () => {
    for (const line of ['* [ ] a', '+ [x] b', '1. [ ] c', '12) [x] d', '    - [ ] e', '\t- [ ] f']) assert.ok(parseTaskLine(line), line);
    for (const line of ['- [] a', '-[ ] a', '- [ ]a', '- [y] a', 'text - [ ] a', '> - [ ] quoted']) assert.equal(parseTaskLine(line), undefined, line);
  });

  it('matches a section by its heading text when the marker is missing', () => {
    const parsed = parseChecklist(lines('## Offer and negotiation', '- [ ] Mine'), catalog);
    assert.equal(parsed.sections[0].key, 'offer');
  });

  it('ignores tasks in code blocks and HTML comments', () => {
    const parsed = parseChecklist(lines('## Job search', '```md', '- [ ] in code', '```', '<!--', '- [ ] in comment', '-->', '- [ ] real'), catalog);
    assert.deepEqual(parsed.items.map((i) => i.title), ['real']);
  });

  it('lists items completed in a date range, for the weekly summary', () => {
    const parsed = parseChecklist(lines('- [x] a ✅ 2024-05-01', '- [x] b ✅ 2024-05-09', '- [ ] c ✅ 2024-05-02', '- [x] d'), catalog);
    assert.deepEqual(completedBetween(parsed, '2024-05-01', '2024-05-07').map((i) => i.title), ['a']);
  });

  describe('bad input: shows what it can and says what is odd', () => {
    it('an empty file has no items and no warnings', () => {
      const parsed = parseChecklist('', catalog);
      assert.equal(parsed.items.length, 0);
      assert.deepEqual(parsed.warnings, []);
    });

    it('front matter that is not valid YAML is reported with its line, and the items are still read', () => {
      const parsed = parseChecklist(lines('---', 'title: [unclosed', '---', '- [x] Still here <!-- id:resume-pdf -->'), catalog);
      assert.equal(parsed.frontMatter.status, 'invalid');
      assert.equal(parsed.warnings[0].code, 'front-matter-invalid');
      assert.match(parsed.warnings[0].message, /not valid YAML/);
      assert.equal(parsed.items[0].title, 'Still here');
    });

    it('front matter that is never closed is reported, and the items are still read', () => {
      const parsed = parseChecklist(lines('---', 'title: x', '- [ ] Item'), catalog);
      assert.equal(parsed.warnings[0].code, 'front-matter-unclosed');
      assert.equal(parsed.items.length, 1);
    });

    it('JavaScript front matter is refused, never run', () => {
      const parsed = parseChecklist(lines('---js', '{ x: process.exit(1) }', '---', '- [ ] Item'), catalog);
      assert.equal(parsed.frontMatter.status, 'invalid');
      assert.equal(parsed.items.length, 1);
    });

    it('a file from a newer format is flagged read-only', () => {
      const parsed = parseChecklist(lines('---', 'checklistFormat: 99', '---', '- [ ] Item'), catalog);
      assert.equal(parsed.warnings[0].code, 'newer-format');
    });

    it('duplicate ids: the first keeps the id, copies get their own keys and a warning with the line', () => {
      const parsed = parseChecklist(lines('## Job search', '- [ ] A <!-- id:job-referral -->', '- [x] B <!-- id:job-referral -->'), catalog);
      assert.deepEqual(parsed.items.map((i) => i.key), ['job-referral', 'job-referral~2']);
      assert.equal(parsed.items[1].duplicate, true);
      assert.deepEqual(parsed.warnings.map((w) => [w.code, w.line]), [['duplicate-id', 3]]);
    });

    it('a line with an item id that is not a checkbox task is reported with its line, and its item is not counted', () => {
      const parsed = parseChecklist(
        lines(
          '## Job search <!-- section:job-search -->',
          '- [ ] Kept <!-- id:job-referral -->',
          'Ask for a referral <!-- id:job-informational -->',
          '- Bullet without a box <!-- id:custom-a -->',
          '-[ ] Glued box <!-- id:custom-b -->',
          '  - [] Empty box, nested <!-- id:custom-c -->',
          '## A heading now <!-- id:custom-d -->',
          'Shown as `code` but this one is real <!-- id:custom-e -->',
        ),
        catalog,
      );
      assert.deepEqual(parsed.items.map((i) => i.id), ['job-referral']);
      assert.deepEqual(parsed.warnings.map((w) => [w.code, w.line]), [
        ['id-not-a-task', 3],
        ['id-not-a-task', 4],
        ['id-not-a-task', 5],
        ['id-not-a-task', 6],
        ['id-not-a-task', 7],
        ['id-not-a-task', 8],
      ]);
      assert.equal(
        parsed.warnings[0].message,
        'The id "job-informational" on line 3 is not on a checkbox task, so that item is not counted. Put "- [ ] " back at the start of the line.',
      );
      assert.deepEqual(parsed.warnings[0].notice, { id: 'checklistIdNotTask', values: ['job-informational', '3'] });
    });

    it('a file edited into prose keeps a warning for every id it still carries, after the front matter', () => {
      const parsed = parseChecklist(lines('---', 'checklistFormat: 1', 'catalogVersion: 1', '---', 'I rewrote this <!-- id:resume-pdf --> as a paragraph.', '', '- [x] One left <!-- id:custom-left -->'), catalog);
      assert.deepEqual(parsed.warnings.map((w) => [w.code, w.line]), [['id-not-a-task', 5]]);
      assert.equal(parsed.items.length, 1);
    });

    it('ids in code blocks or HTML comments, section markers and ids without a marker are not reported', () => {
      const parsed = parseChecklist(
        lines(
          '## Learn the skills <!-- section:skills -->',
          '```md',
          'x <!-- id:custom-a -->',
          '```',
          '<!--',
          'y <!-- id:custom-b -->',
          '-->',
          'plain id:custom-c text',
          'The `<!-- id:… -->` comments, or ``<!-- id:x -->`` with a ` inside',
          '- [ ] Task <!-- id:custom-d -->',
        ),
        catalog,
      );
      assert.deepEqual(parsed.warnings, []);
    });

    it('an unknown section marker is reported and its items are shown as the user\'s own', () => {
      const parsed = parseChecklist(lines('## Side quests <!-- section:quests -->', '- [ ] Mine'), catalog);
      assert.equal(parsed.warnings[0].code, 'unknown-section');
      assert.equal(parsed.sections[0].catalogId, undefined);
      assert.equal(parsed.sections[0].title, 'Side quests');
    });

    it('a section that appears twice is reported', () => {
      const parsed = parseChecklist(lines('## Job search', '- [ ] a', '## Job search', '- [ ] b'), catalog);
      assert.equal(parsed.warnings[0].code, 'duplicate-section');
      assert.deepEqual(parsed.sections.map((s) => s.key), ['job-search', 'job-search~2']);
    });

    it('tasks before any section heading are kept in a section of their own', () => {
      const parsed = parseChecklist(lines('- [ ] loose', '## Job search', '- [ ] b'), catalog);
      assert.deepEqual(parsed.sections.map((s) => s.key), ['top', 'job-search']);
    });

    it('items without an id get keys from their text, numbered when repeated', () => {
      const parsed = parseChecklist(lines('- [ ] same', '- [ ] same', '- [ ] other'), catalog);
      const keys = parsed.items.map((i) => i.key);
      assert.equal(new Set(keys).size, 3);
      assert.equal(keys[1], `${keys[0]}~2`);
      assert.deepEqual(parseChecklist(lines('- [x] same', '- [ ] same', '- [ ] other'), catalog).items.map((i) => i.key), keys);
    });

    it('CRLF line endings and a byte-order mark are read like LF', () => {
      const parsed = parseChecklist('\uFEFF---\r\ncatalogVersion: 1\r\n---\r\n## Job search\r\n- [x] a <!-- id:job-referral -->\r\n', catalog);
      assert.equal(parsed.eol, '\r\n');
      assert.equal(parsed.bom, '\uFEFF');
      assert.equal(parsed.catalogVersion, 1);
      assert.equal(parsed.items[0].title, 'a');
      assert.equal(parsed.items[0].checked, true);
    });

    it('very long lines are read quickly', () => {
      // Shapes that make naive regular expressions take quadratic time.
      const long = 'x '.repeat(200_000);
      const spaces = ' '.repeat(400_000);
      const ticks = '✅ '.repeat(100_000);
      const comments = '<!-- id:'.repeat(50_000);
      // Lines that are not tasks are searched for id markers outside code spans.
      const codeSpans = '`<!-- id:x -->` '.repeat(25_000);
      let unmatchedRuns = '<!-- id:y -->';
      for (let width = 1; unmatchedRuns.length < 300_000; width++) unmatchedRuns += `${'`'.repeat(width)}a`;
      const started = process.hrtime.bigint();
      const parsed = parseChecklist(lines(`- [ ] ${long}<!-- id:a -->`, `- [ ] a${spaces}b`, `- [x] ${ticks}`, `- [ ] ${comments}`, `## ${spaces}`, codeSpans, unmatchedRuns), catalog);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      assert.equal(parsed.items.length, 4);
      assert.deepEqual(parsed.warnings.map((w) => [w.code, w.line]), [['id-not-a-task', 7]]);
      assert.equal(parsed.items[0].id, 'a');
      assert.ok(ms < 5000, `took ${ms} ms`);
    });
  });
});

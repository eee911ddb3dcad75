import assert from 'node:assert/strict';
import fc from 'fast-check';
import { builtInCatalog, type Catalog } from '../../../src/core/checklist/catalog';
import { ChecklistEditError, addItem, mergeCatalog, removeItem, setItemChecked, setItemHidden, setItemNote, toggleItem } from '../../../src/core/checklist/edits';
import { parseChecklist, splitLines, type ChecklistItem } from '../../../src/core/checklist/markdown';
import { diffLines } from './helpers';

const catalog = builtInCatalog();
const runs = { numRuns: Number(process.env.CHECKLIST_PROPERTY_RUNS ?? 300) };

// ------------------------------------------------------------------ generated checklist files
const chars = fc.constantFrom('a', 'b', 'Z', ' ', ' ', 'é', '✅', '<', '!', '-', '>', '#', '[', ']', 'x', '\t', '2', '0', '1', '`', '~', '*', ':', '日');
const word = fc.string({ unit: chars, maxLength: 24 });
const date = fc.constantFrom('2024-01-02', '2023-12-31', '1999-09-09');
const id = fc.constantFrom('job-referral', 'skills-ml-foundations', 'offer-ideal-number', 'custom-a', 'custom-b', 'odd.id_1');

const taskLine = fc
  .record({
    indent: fc.constantFrom('', '', '  ', '\t', '    '),
    bullet: fc.constantFrom('-', '-', '*', '+', '1.', '10)'),
    gap: fc.constantFrom(' ', ' ', '  ', '\t'),
    mark: fc.constantFrom(' ', 'x', 'X'),
    title: word,
    date: fc.option(date),
    id: fc.option(id),
    flags: fc.subarray(['hidden', 'pinned']),
    trailing: fc.constantFrom('', '', '  ', '\t'),
  })
  .map((t) => {
    const marker = t.id ? ` <!-- id:${[t.id, ...t.flags].join(' ')} -->` : '';
    const when = t.date ? ` ✅ ${t.date}` : '';
    return `${t.indent}${t.bullet}${t.gap}[${t.mark}] ${t.title}${when}${marker}${t.trailing}`;
  });
const heading = fc.oneof(
  fc.constantFrom('## Learn the skills <!-- section:skills -->', '## Job search', '## Side quests <!-- section:quests -->', '## Offer and negotiation ##', '##', '# Title', '### Sub'),
  word.map((w) => `## ${w}`),
);
const noteLine = word.map((w) => `  > ${w}`);
const otherLine = fc.oneof(
  fc.constant(''),
  fc.constant(''),
  word,
  word.map((w) => `  ${w}`),
  fc.constantFrom('```', '~~~', '```js', '<!--', '-->', '<!-- a comment -->', '---', '> quote'),
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')),
);
const bodyLine = fc.oneof({ weight: 5, arbitrary: taskLine }, { weight: 2, arbitrary: heading }, { weight: 2, arbitrary: noteLine }, { weight: 4, arbitrary: otherLine });
const frontMatter = fc.constantFrom(
  [] as string[],
  ['---', 'checklistFormat: 1', 'catalogVersion: 1', '---'],
  ['---', 'title: x', '---'],
  ['---', 'a: [unclosed', '---'],
  ['---', 'unclosed: true'],
  ['---', 'checklistFormat: 3', '---'],
);

const checklistFile = fc
  .record({
    front: frontMatter,
    body: fc.array(bodyLine, { maxLength: 40 }),
    eols: fc.array(fc.constantFrom('\n', '\r\n', '\n'), { minLength: 60, maxLength: 60 }),
    finalEol: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ front, body, eols, finalEol, bom }) => {
    const all = [...front, ...body];
    let text = bom ? '\uFEFF' : '';
    all.forEach((line, i) => {
      text += line + (i < all.length - 1 || finalEol ? eols[i % eols.length] : '');
    });
    return text;
  });

/** A generated file plus one of its items (files without items are skipped). */
const fileWithItem = fc
  .tuple(checklistFile, fc.nat())
  .map(([text, n]) => {
    const parsed = parseChecklist(text, catalog);
    return { text, parsed, item: parsed.items.length ? parsed.items[n % parsed.items.length] : undefined };
  })
  .filter((x): x is { text: string; parsed: ReturnType<typeof parseChecklist>; item: ChecklistItem } => x.item !== undefined && !x.parsed.warnings.some((w) => w.code === 'newer-format'));

/** Runs an edit; a refusal with a message is an allowed outcome, any other error is not. */
function attempt<T>(edit: () => T): T | undefined {
  try {
    return edit();
  } catch (err) {
    if (err instanceof ChecklistEditError) return undefined;
    throw err;
  }
}

describe('checklist Markdown: properties over generated files', function () {
  // Hundreds of generated files per property: allow for a busy machine (mocha's default is 2 s).
  this.timeout(20_000);
  it('parsing never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        parseChecklist(text, catalog);
      }),
      { numRuns: 1000 },
    );
    fc.assert(fc.property(checklistFile, (text) => void parseChecklist(text, catalog)), runs);
  });

  it('splitting into lines and joining them back gives the same bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\r', '\n', ' '), maxLength: 60 }), (text) => {
        assert.equal(splitLines(text).map((l) => l.text + l.eol).join(''), text);
      }),
      { numRuns: 1000 },
    );
  });

  it('toggling an item changes exactly one line, and only the character in the brackets when there is no date', () => {
    fc.assert(
      fc.property(fileWithItem, ({ text, item }) => {
        const after = toggleItem(text, item.key, undefined, catalog).text;
        const diff = diffLines(text, after);
        assert.equal(diff.removed.length, 1);
        assert.equal(diff.added.length, 1);
        assert.equal(diff.added[0].eol, diff.removed[0].eol);
        if (!item.date) {
          const [before, now] = [diff.removed[0].text, diff.added[0].text];
          assert.equal(now.length, before.length);
          const differing = [...before].filter((ch, i) => ch !== now[i]);
          assert.equal(differing.length, 1);
          assert.equal(parseChecklist(after, catalog).items.find((i) => i.key === item.key)!.checked, !item.checked);
        }
      }),
      runs,
    );
  });

  it('toggling twice is the identity', () => {
    fc.assert(
      fc.property(fileWithItem, date, ({ text, item }, today) => {
        // With a date stamp, from an unchecked item with no date; without one, from any item without a
        // date. An upper-case [X] comes back as [x]: the one normalisation a toggle makes.
        if (item.date) return;
        if (splitLines(text.replace(/^\uFEFF/, ''))[item.line].text[item.checkOffset] === 'X') return;
        const stamp = item.checked ? undefined : today;
        const once = toggleItem(text, item.key, stamp, catalog).text;
        assert.equal(toggleItem(once, item.key, stamp, catalog).text, text);
      }),
      runs,
    );
  });

  it('checking with a date changes exactly one line', () => {
    fc.assert(
      fc.property(fileWithItem, date, ({ text, item }, today) => {
        const after = setItemChecked(text, item.key, true, today, catalog);
        if (item.checked) return assert.equal(after.changed, false);
        const diff = diffLines(text, after.text);
        assert.equal(diff.removed.length, 1);
        assert.equal(diff.added.length, 1);
        const reread = parseChecklist(after.text, catalog).items.find((i) => i.key === item.key)!;
        assert.equal(reread.checked, true);
        // A date left on an unchecked line is stale: checking writes today's.
        assert.equal(reread.doneDate, today);
        assert.equal(reread.title, item.title);
      }),
      runs,
    );
  });

  it('a note edit touches only the lines under its item, and reads back', () => {
    const note = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r\n', '>', '-', '[', ']', '#', '`', '✅'), maxLength: 30 });
    fc.assert(
      fc.property(fileWithItem, note, ({ text, item }, value) => {
        const result = attempt(() => setItemNote(text, item.key, value, catalog));
        if (!result) return;
        const diff = diffLines(text, result.text);
        const oldLines = splitLines(text.replace(/^\uFEFF/, ''));
        if (result.changed) {
          assert.ok(diff.prefix >= item.line, 'changed a line above the item');
          assert.ok(diff.suffix >= oldLines.length - (item.noteLines?.end ?? item.line + 1), 'changed a line below its note');
        }
        const cleaned = value.replace(/\r\n?/g, '\n').replace(/\s+$/, '').replace(/^\n+/, '');
        assert.equal(parseChecklist(result.text, catalog).items.find((i) => i.key === item.key)!.note ?? '', cleaned);
      }),
      runs,
    );
  });

  it('hiding changes one line and keeps every item', () => {
    fc.assert(
      fc.property(fileWithItem, ({ text, parsed, item }) => {
        const result = attempt(() => setItemHidden(text, item.key, !item.hidden, catalog));
        if (!result) return assert.ok(!item.marker);
        const diff = diffLines(text, result.text);
        assert.equal(diff.removed.length, 1);
        assert.equal(diff.added.length, 1);
        assert.deepEqual(parseChecklist(result.text, catalog).items.map((i) => i.key), parsed.items.map((i) => i.key));
      }),
      runs,
    );
  });

  it('adding an item only inserts lines and keeps every item as it was', () => {
    fc.assert(
      fc.property(fileWithItem, word, ({ text, parsed, item }, title) => {
        const result = attempt(() => addItem(text, item.sectionKey, `${title} new`, catalog));
        if (!result) return;
        const diff = diffLines(text, result.text);
        // Pure insertion, except that a last line without a newline gains one.
        assert.ok(diff.removed.length <= 1);
        if (diff.removed.length === 1) assert.equal(diff.removed[0].eol, '');
        const after = parseChecklist(result.text, catalog);
        assert.equal(after.items.filter((i) => i.id === result.id).length, 1);
        for (const before of parsed.items) {
          const same = after.items.find((i) => i.key === before.key);
          assert.ok(same, `lost ${before.key}`);
          assert.equal(same.checked, before.checked);
          assert.equal(same.note, before.note);
        }
      }),
      runs,
    );
  });

  it('removing an item removes only its own lines', () => {
    fc.assert(
      fc.property(fileWithItem, ({ text, parsed, item }) => {
        const result = attempt(() => removeItem(text, item.key, catalog));
        if (!result) return;
        // Every other line stays byte for byte.
        const end = item.noteLines?.end ?? item.line + 1;
        const expected = splitLines(text.replace(/^\uFEFF/, '')).filter((_, i) => i < item.line || i >= end);
        assert.equal(result.text.replace(/^\uFEFF/, ''), expected.map((l) => l.text + l.eol).join(''));
        assert.equal(parseChecklist(result.text, catalog).items.length, parsed.items.length - 1);
      }),
      runs,
    );
  });

  it('merging the catalog keeps every existing item and its state, adds each id once, and is idempotent', () => {
    const v2: Catalog = {
      ...catalog,
      version: catalog.version + 1,
      items: [...catalog.items, { id: 'job-later-item', section: 'job-search', title: 'Later', why: 'w', source: '004_93e24c764982b9b4.txt', since: catalog.version + 1 }],
    };
    fc.assert(
      fc.property(checklistFile, (text) => {
        const parsed = parseChecklist(text, v2);
        const merged = attempt(() => mergeCatalog(text, v2));
        if (!merged) return;
        const after = parseChecklist(merged.text, v2);
        for (const before of parsed.items) {
          const same = after.items.find((i) => i.key === before.key);
          assert.ok(same, `lost ${before.key}`);
          assert.equal(same.checked, before.checked);
          assert.equal(same.hidden, before.hidden);
        }
        for (const added of merged.added) assert.equal(after.items.filter((i) => i.id === added).length, 1);
        assert.equal(mergeCatalog(merged.text, v2).text, merged.text);
      }),
      runs,
    );
  });
});

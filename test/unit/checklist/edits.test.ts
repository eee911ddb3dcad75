import assert from 'node:assert/strict';
import { builtInCatalog, type Catalog } from '../../../src/core/checklist/catalog';
import {
  ChecklistEditError,
  addItem,
  generateChecklist,
  mergeCatalog,
  missingCatalogItems,
  removeItem,
  setItemChecked,
  setItemHidden,
  setItemNote,
  setItemTitle,
  shouldAutoMerge,
  toggleItem,
  unhideAll,
} from '../../../src/core/checklist/edits';
import { parseChecklist } from '../../../src/core/checklist/markdown';
import { diffLines, lines } from './helpers';

const catalog = builtInCatalog();

const userFile = lines(
  '---',
  'title: My path   # a YAML comment the user wrote',
  'checklistFormat: 1',
  'catalogVersion: 1',
  '---',
  '',
  '# My checklist',
  '',
  'Some words of my own, *kept*.',
  '',
  '## Learn the skills <!-- section:skills -->',
  '',
  '- [ ] Learn the core ML models <!-- id:skills-ml-foundations -->',
  '- [x] Start a tiny daily learning habit ✅ 2024-03-02 <!-- id:skills-tiny-daily-habit -->',
  '  > ten seconds a day',
  '',
  '<!-- a comment of mine -->',
  '',
  '## Job search <!-- section:job-search -->',
  '',
  '- [ ] Ask someone inside for a referral <!-- id:job-referral -->',
);

describe('checklist Markdown: editing', () => {
  describe('checking an item', () => {
    it('toggling an item changes only its line, adding the completion date', () => {
      const { text, changed } = setItemChecked(userFile, 'skills-ml-foundations', true, '2024-05-01', catalog);
      assert.ok(changed);
      const diff = diffLines(userFile, text);
      assert.equal(diff.removed.length, 1);
      assert.deepEqual(diff.added.map((l) => l.text), ['- [x] Learn the core ML models ✅ 2024-05-01 <!-- id:skills-ml-foundations -->']);
    });

    it('unchecking removes the date and nothing else', () => {
      const { text } = setItemChecked(userFile, 'skills-tiny-daily-habit', false, '2024-05-01', catalog);
      const diff = diffLines(userFile, text);
      assert.deepEqual(diff.added.map((l) => l.text), ['- [ ] Start a tiny daily learning habit <!-- id:skills-tiny-daily-habit -->']);
    });

    it('checking an item that still carries an old date (unticked in the editor) writes today\'s date', () => {
      const file = lines('- [ ] Old ✅ 2020-01-01 <!-- id:custom-old -->');
      assert.equal(setItemChecked(file, 'custom-old', true, '2024-05-01', catalog).text, lines('- [x] Old ✅ 2024-05-01 <!-- id:custom-old -->'));
      assert.equal(setItemChecked(file, 'custom-old', true, undefined, catalog).text, lines('- [x] Old ✅ 2020-01-01 <!-- id:custom-old -->'));
    });

    it('checking an item that is already checked (a stale click) changes nothing', () => {
      const result = setItemChecked(userFile, 'skills-tiny-daily-habit', true, '2024-05-01', catalog);
      assert.equal(result.changed, false);
      assert.equal(result.text, userFile);
    });

    it('toggling twice gives back the same bytes', () => {
      const once = toggleItem(userFile, 'job-referral', '2024-05-01', catalog).text;
      assert.equal(toggleItem(once, 'job-referral', '2024-05-01', catalog).text, userFile);
    });

    it('keeps an upper-case [X] when it is already checked, and flips only that character when unchecking', () => {
      const text = lines('- [X] Done thing <!-- id:custom-a -->');
      assert.equal(setItemChecked(text, 'custom-a', false, undefined, catalog).text, lines('- [ ] Done thing <!-- id:custom-a -->'));
    });

    it('keeps CRLF line endings, everywhere', () => {
      const crlf = userFile.replace(/\n/g, '\r\n');
      const { text } = setItemChecked(crlf, 'job-referral', true, '2024-05-01', catalog);
      assert.equal(text, crlf.replace('referral <!-- id:job-referral -->', 'referral ✅ 2024-05-01 <!-- id:job-referral -->').replace('- [ ] Ask someone', '- [x] Ask someone'));
      assert.ok(!/[^\r]\n/.test(text));
    });

    it('keeps a file without a final newline that way', () => {
      const noFinal = userFile.slice(0, -1);
      const { text } = setItemChecked(noFinal, 'job-referral', true, undefined, catalog);
      assert.ok(!text.endsWith('\n'));
      assert.ok(text.endsWith('- [x] Ask someone inside for a referral <!-- id:job-referral -->'));
    });

    it('finds the item by id after its line moved', () => {
      const moved = userFile.replace('# My checklist\n', '# My checklist\n\nA new paragraph.\n\n');
      const { text } = setItemChecked(moved, 'job-referral', true, undefined, catalog);
      assert.equal(diffLines(moved, text).removed[0].text, '- [ ] Ask someone inside for a referral <!-- id:job-referral -->');
    });

    it('refuses with a clear message when the item is gone', () => {
      assert.throws(() => setItemChecked(userFile, 'nope', true, undefined, catalog), (err) => err instanceof ChecklistEditError && /no longer in the checklist file/.test(err.message));
    });

    it('refuses to edit a file written in a newer format', () => {
      const newer = lines('---', 'checklistFormat: 7', '---', '- [ ] a <!-- id:custom-a -->');
      assert.throws(() => setItemChecked(newer, 'custom-a', true, undefined, catalog), /newer version/);
    });

    it('still edits item lines when the front matter is broken, leaving the front matter alone', () => {
      const broken = lines('---', 'title: [oops', '---', '- [ ] a <!-- id:custom-a -->');
      const { text } = setItemChecked(broken, 'custom-a', true, undefined, catalog);
      assert.equal(text, lines('---', 'title: [oops', '---', '- [x] a <!-- id:custom-a -->'));
    });
  });

  describe('notes', () => {
    it('writes a note as quoted lines right under the item', () => {
      const { text } = setItemNote(userFile, 'job-referral', 'Ask Sam\n\nafter the meetup', catalog);
      assert.ok(text.endsWith(lines('- [ ] Ask someone inside for a referral <!-- id:job-referral -->', '  > Ask Sam', '  >', '  > after the meetup')));
      assert.equal(parseChecklist(text, catalog).items.find((i) => i.key === 'job-referral')!.note, 'Ask Sam\n\nafter the meetup');
    });

    it('replaces an existing note and removes it when emptied, touching only its lines', () => {
      const replaced = setItemNote(userFile, 'skills-tiny-daily-habit', 'two minutes now', catalog).text;
      assert.deepEqual(diffLines(userFile, replaced).added.map((l) => l.text), ['  > two minutes now']);
      const removed = setItemNote(userFile, 'skills-tiny-daily-habit', '  \n', catalog).text;
      const diff = diffLines(userFile, removed);
      assert.deepEqual(diff.removed.map((l) => l.text), ['  > ten seconds a day']);
      assert.deepEqual(diff.added, []);
    });

    it('uses the file\'s line endings and the item\'s indentation', () => {
      const crlf = lines('1. [ ] numbered <!-- id:custom-n -->').replace(/\n/g, '\r\n');
      assert.equal(setItemNote(crlf, 'custom-n', 'a\r\nb', catalog).text, '1. [ ] numbered <!-- id:custom-n -->\r\n   > a\r\n   > b\r\n');
    });
  });

  describe('hiding built-in items', () => {
    it('adds and removes a hidden flag inside the id comment only', () => {
      const hidden = setItemHidden(userFile, 'job-referral', true, catalog).text;
      assert.deepEqual(diffLines(userFile, hidden).added.map((l) => l.text), ['- [ ] Ask someone inside for a referral <!-- id:job-referral hidden -->']);
      assert.equal(parseChecklist(hidden, catalog).items.find((i) => i.key === 'job-referral')!.hidden, true);
      assert.equal(setItemHidden(hidden, 'job-referral', false, catalog).text, userFile);
      assert.equal(unhideAll(hidden, catalog).text, userFile);
    });
  });

  describe("the user's own items", () => {
    it('adds an item at the end of its section with a fresh custom id', () => {
      const { text, id } = addItem(userFile, 'skills', 'Read one paper a week', catalog);
      assert.equal(id, 'custom-read-one-paper-a-week');
      const diff = diffLines(userFile, text);
      assert.deepEqual(diff.removed, []);
      assert.deepEqual(diff.added.map((l) => l.text), ['- [ ] Read one paper a week <!-- id:custom-read-one-paper-a-week -->']);
      // After the note of the last item, before the blank line and the user's comment.
      const parsed = parseChecklist(text, catalog);
      assert.equal(parsed.items[2].line, 15);
    });

    it('never reuses an id already in the file', () => {
      const first = addItem(userFile, 'skills', 'Same', catalog);
      const second = addItem(first.text, 'skills', 'Same', catalog);
      assert.equal(second.id, 'custom-same-2');
    });

    it('cleans titles: one line, no comment markers, no date markers', () => {
      const { text } = addItem(userFile, 'job-search', 'two\nlines <!-- id:x --> ✅ 2020-01-01', catalog);
      const added = parseChecklist(text, catalog).items.at(-1)!;
      assert.equal(added.title, 'two lines id:x 2020-01-01');
      assert.equal(added.doneDate, undefined);
      assert.throws(() => addItem(userFile, 'job-search', '  \n ', catalog), /needs some text/);
    });

    it('adds a missing catalog section in catalog order when an item goes into it', () => {
      const { text } = addItem(userFile, 'projects', 'My project', catalog);
      const parsed = parseChecklist(text, catalog);
      assert.deepEqual(parsed.sections.map((s) => s.key), ['skills', 'projects', 'job-search']);
      assert.deepEqual(diffLines(userFile, text).removed, []);
    });

    it('adds to a section that has no items yet, after its text', () => {
      const file = lines('## Job search', '', 'My notes about the search.', '', '## Keep growing', '- [ ] a');
      const { text } = addItem(file, 'job-search', 'First', catalog);
      assert.equal(text, lines('## Job search', '', 'My notes about the search.', '', '- [ ] First <!-- id:custom-first -->', '', '## Keep growing', '- [ ] a'));
    });

    it('edits the title of an own item, keeping its state, date and id', () => {
      const file = lines('- [x] Old title ✅ 2024-01-02 <!-- id:custom-old -->', '- [ ] no id yet');
      const renamed = setItemTitle(file, 'custom-old', 'New title', catalog).text;
      assert.equal(renamed, lines('- [x] New title ✅ 2024-01-02 <!-- id:custom-old -->', '- [ ] no id yet'));
      const key = parseChecklist(file, catalog).items[1].key;
      assert.equal(setItemTitle(file, key, 'Given an id', catalog).text, lines('- [x] Old title ✅ 2024-01-02 <!-- id:custom-old -->', '- [ ] Given an id <!-- id:custom-given-an-id -->'));
    });

    it('removes an own item with its note and nothing else', () => {
      const file = lines('- [ ] keep', '- [ ] go <!-- id:custom-go -->', '  > its note', '- [ ] keep too');
      assert.equal(removeItem(file, 'custom-go', catalog).text, lines('- [ ] keep', '- [ ] keep too'));
    });

    it('refuses to remove an item with other text nested under it', () => {
      const file = lines('- [ ] parent <!-- id:custom-p -->', '  - [ ] child', '- [ ] next');
      assert.throws(() => removeItem(file, 'custom-p', catalog), /nested under it/);
    });
  });

  describe('merging a newer catalog', () => {
    const v2: Catalog = {
      version: 2,
      sections: [...catalog.sections, { id: 'extra', title: 'A new section' }],
      items: [
        ...catalog.items,
        { id: 'skills-new-thing', section: 'skills', title: 'A new skills item', why: 'w', source: '004_93e24c764982b9b4.txt', since: 2 },
        { id: 'extra-one', section: 'extra', title: 'In a new section', why: 'w', source: '004_93e24c764982b9b4.txt', since: 2 },
      ],
    };

    it('appends new items to their sections without touching anything else', () => {
      const file = generateChecklist(catalog);
      const edited = setItemChecked(setItemNote(file, 'skills-software-craft', 'mine', catalog).text, 'skills-software-craft', true, '2024-01-01', catalog).text;
      const merged = mergeCatalog(edited, v2);
      assert.deepEqual(merged.added, ['skills-new-thing', 'extra-one']);
      const parsed = parseChecklist(merged.text, v2);
      const craft = parsed.items.find((i) => i.key === 'skills-software-craft')!;
      assert.equal(craft.checked, true);
      assert.equal(craft.note, 'mine');
      assert.equal(parsed.catalogVersion, 2);
      assert.equal(parsed.sections.find((s) => s.key === 'skills')!.items.at(-1)!.id, 'skills-new-thing');
      assert.equal(parsed.sections.at(-1)!.key, 'extra');
      // Every original line is still there, in order.
      const before = edited.split('\n');
      const after = merged.text.split('\n');
      let at = 0;
      for (const line of before) {
        if (line === 'catalogVersion: 1') continue;
        at = after.indexOf(line, at);
        assert.ok(at >= 0, `lost line: ${line}`);
      }
    });

    it('is idempotent and never duplicates an item, hidden or moved', () => {
      let file = generateChecklist(catalog);
      file = setItemHidden(file, 'job-referral', true, catalog).text;
      const once = mergeCatalog(file, v2).text;
      const twice = mergeCatalog(once, v2);
      assert.equal(twice.text, once);
      assert.deepEqual(twice.added, []);
      const ids = parseChecklist(once, v2).items.map((i) => i.id);
      assert.equal(new Set(ids).size, ids.length);
    });

    it('records the new version in front matter written any valid way, and never leaves it unreadable', () => {
      const body = generateChecklist(catalog).split('---\n').slice(2).join('---\n');
      for (const [front, expected] of [
        ["'catalogVersion': 1\nchecklistFormat: 1", "'catalogVersion': 2\nchecklistFormat: 1"],
        ['{checklistFormat: 1, catalogVersion: 1}', '{checklistFormat: 1, catalogVersion: 2}'],
        ['{catalogVersion: 1, checklistFormat: 1}', '{catalogVersion: 2, checklistFormat: 1}'],
        ['note: "a, catalogVersion: 1"\ncatalogVersion: 1\nchecklistFormat: 1', 'note: "a, catalogVersion: 1"\ncatalogVersion: 2\nchecklistFormat: 1'],
        ['checklistFormat: 1\ncatalogVersion:   1   # from the first install', 'checklistFormat: 1\ncatalogVersion:   2   # from the first install'],
      ]) {
        const merged = mergeCatalog(`---\n${front}\n---\n${body}`, v2);
        assert.ok(merged.text.startsWith(`---\n${expected}\n---\n`), merged.text.slice(0, 80));
        const parsed = parseChecklist(merged.text, v2);
        assert.equal(parsed.frontMatter.status, 'ok');
        assert.equal(parsed.catalogVersion, 2);
        assert.deepEqual(merged.added, ['skills-new-thing', 'extra-one']);
      }
      // A flow mapping without the key: a line added after it would break the YAML, so the
      // merge is refused and the file stays as it is.
      assert.throws(() => mergeCatalog(`---\n{checklistFormat: 1}\n---\n${body}`, v2), ChecklistEditError);
    });

    it('does not bring back a built-in item the user deleted', () => {
      const file = generateChecklist(catalog).replace(/^- \[ \].*id:job-referral -->\n/m, '');
      const merged = mergeCatalog(file, v2);
      assert.ok(!merged.added.includes('job-referral'));
      assert.deepEqual(missingCatalogItems(parseChecklist(merged.text, v2), v2), ['job-referral']);
    });

    it('brings deleted built-in items back when asked to restore them, keeping every line of the file', () => {
      const deletedTwo = generateChecklist(catalog)
        .replace(/^- \[ \].*id:job-referral -->\n/m, '')
        .replace(/^- \[ \].*id:skills-software-craft -->\n/m, '');
      const edited = setItemChecked(deletedTwo, catalog.items[0].id, true, '2024-01-01', catalog).text;
      const restored = mergeCatalog(edited, catalog, { restoreDeleted: true });
      assert.deepEqual([...restored.added].sort(), ['job-referral', 'skills-software-craft']);
      assert.deepEqual(missingCatalogItems(parseChecklist(restored.text, catalog), catalog), []);
      const after = restored.text.split('\n');
      let at = 0;
      for (const line of edited.split('\n')) {
        at = after.indexOf(line, at);
        assert.ok(at >= 0, `lost line: ${line}`);
      }
      assert.equal(parseChecklist(restored.text, catalog).items.find((i) => i.id === catalog.items[0].id)!.checked, true);
    });

    it('adds everything missing to a file that records no catalog version, and then records it', () => {
      const file = lines('## Job search', '- [x] mine');
      const merged = mergeCatalog(file, catalog);
      assert.equal(merged.added.length, catalog.items.length);
      assert.ok(merged.text.startsWith('---\nchecklistFormat: 1\ncatalogVersion: 1\n---\n## Learn the skills'));
      assert.ok(merged.text.includes('## Job search\n- [x] mine\n- [ ] Switch role or industry'));
    });

    it('opens with an automatic merge only when the file records an older catalog version', () => {
      assert.equal(shouldAutoMerge(parseChecklist(generateChecklist(catalog), v2), v2), true);
      assert.equal(shouldAutoMerge(parseChecklist(generateChecklist(catalog), catalog), catalog), false);
      assert.equal(shouldAutoMerge(parseChecklist(lines('- [ ] a'), v2), v2), false);
      assert.equal(shouldAutoMerge(parseChecklist(lines('---', 'catalogVersion: [1', '---'), v2), v2), false);
    });

    it('changes only the catalogVersion line of the front matter, keeping YAML comments', () => {
      const merged = mergeCatalog(userFile, v2).text;
      assert.ok(merged.startsWith(lines('---', 'title: My path   # a YAML comment the user wrote', 'checklistFormat: 1', 'catalogVersion: 2', '---')));
    });

    it('refuses to merge into a file whose front matter cannot be read', () => {
      assert.throws(() => mergeCatalog(lines('---', 'a: [', '---'), v2), /front matter/);
    });
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import './tracker/fake-vscode'; // before the modules that import 'vscode'
import { sayError, sayMessage, sayNotice } from '../../src/extension/notices';
import { CORE_MESSAGES, englishText, notice, type CoreMessageId } from '../../src/core/notices';
import { SHARED_MESSAGES } from '../../src/core/shared-messages';
import { CHECKLIST_MESSAGES } from '../../src/core/checklist/checklist-messages';
import { KIT_MESSAGES } from '../../src/core/kit/kit-messages';
import { SCAFFOLD_MESSAGES } from '../../src/core/scaffold/scaffold-messages';
import { PRACTICE_MESSAGES } from '../../src/core/practice/practice-messages';
import { resolveInside } from '../../src/core/safe-fs';
import { ChecklistFile } from '../../src/core/checklist/checklist-file';
import { parseChecklist } from '../../src/core/checklist/markdown';
import { builtInCatalog } from '../../src/core/checklist/catalog';
import { parseDayKey } from '../../src/core/kit/day-keys';
import { checkName } from '../../src/core/kit/names';
import { describeInterview } from '../../src/core/kit/kit-documents';
import { parseTemplate } from '../../src/core/scaffold/template';
import { parseDeck } from '../../src/core/practice/deck';
import { importDelimited } from '../../src/core/practice/import-delimited';

// What the core modules tell the user reaches VS Code's l10n with the core's English as the key:
// if a say… function and its core table drift apart, a translation would be looked up under a
// key nobody uses, or a value would land in the wrong slot.

const AREAS = { shared: SHARED_MESSAGES, checklist: CHECKLIST_MESSAGES, kit: KIT_MESSAGES, scaffold: SCAFFOLD_MESSAGES, practice: PRACTICE_MESSAGES };
const SAMPLE_VALUES = ['first value', 'second value', 'third value', 'fourth value'];

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  assert.fail('expected an error');
}

describe('core notices', () => {
  for (const [area, table] of Object.entries(AREAS)) {
    it(`says every ${area} notice in the extension exactly as the core says it in English`, () => {
      for (const id of Object.keys(table) as CoreMessageId[]) {
        const n = notice(id, ...SAMPLE_VALUES);
        assert.equal(sayNotice(n), englishText(n), id);
        assert.doesNotMatch(englishText(n), /\{\d\}/, `${id}: every placeholder is filled`);
        // VS Code's l10n.t reads `{` up to the next `}` as a slot name: a literal brace beside a slot would hide it.
        assert.doesNotMatch(CORE_MESSAGES[id].replace(/\{\d+\}/g, ''), /[{}]/, `${id}: only {n} slots use braces`);
      }
    });
  }

  it('keeps ids unique across the areas, so each notice reaches the one say function that knows it', () => {
    const total = Object.values(AREAS).reduce((sum, table) => sum + Object.keys(table).length, 0);
    assert.equal(Object.keys(CORE_MESSAGES).length, total);
  });

  it('says notices nested in values in the same language, and errors without a notice in their own words', () => {
    const n = notice('templateInFile', 'x.md', notice('frontMatterInvalidYamlAtLine', 2, 'bad indentation'));
    assert.equal(sayNotice(n), 'x.md: The front matter is not valid YAML (line 2): bad indentation.');
    assert.equal(sayError(new Error('plain')), 'plain');
    assert.equal(sayError('text'), 'text');
    assert.equal(sayMessage({ message: 'only English' }), 'only English');
    // Another library's error that happens to carry a `notice` whose id is an object key.
    const foreign = Object.assign(new Error('from elsewhere'), { notice: { id: 'toString', values: [] } });
    assert.equal(sayError(foreign), 'from elsewhere');
  });

  it('a path that leaves its folder is refused with a notice', () => {
    const err = caught(() => resolveInside('/w', '../outside')) as Error & { notice?: unknown };
    assert.deepEqual(err.notice, { id: 'pathLeavesFolder', values: ['../outside', '/w'] });
    assert.equal(sayError(err), '"../outside" leaves the folder /w.');
  });

  describe('checklist', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lip-notices-'));
    });
    afterEach(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    it('a save that would empty the file is refused with a notice the sidebar can say', async () => {
      const file = path.join(dir, 'checklist.md');
      await fs.writeFile(file, '- [ ] Write a post\n');
      const outcome = await new ChecklistFile(file).edit(() => ({ text: '', changed: true }));
      assert.equal(outcome.status, 'refused');
      assert.ok(outcome.status === 'refused');
      assert.deepEqual(outcome.notice, { id: 'checklistWouldEmpty', values: [] });
      assert.equal(sayMessage(outcome), 'That change would have emptied the checklist file, so it was not saved.');
      assert.equal(outcome.message, 'That change would have emptied the checklist file, so it was not saved.');
    });

    it('a duplicate id in the Markdown is a warning with its id and line as values', () => {
      const parsed = parseChecklist('## Job search\n- [ ] A <!-- id:job-referral -->\n- [x] B <!-- id:job-referral -->\n', builtInCatalog());
      const warning = parsed.warnings.find((w) => w.code === 'duplicate-id');
      assert.deepEqual(warning?.notice, { id: 'checklistDuplicateId', values: ['job-referral', '3'] });
      assert.equal(warning && sayMessage(warning), warning?.message);
    });
  });

  describe('kit', () => {
    it('a date that does not exist is refused with the month, year and day as values', () => {
      const check = parseDayKey('2025-02-30');
      assert.ok(!check.ok);
      assert.deepEqual(check.notice, { id: 'kitDateNoSuchDay', values: ['February', '2025', '28', '30'] });
      assert.equal(sayMessage(check), 'February 2025 has 28 days, so day 30 does not exist.');
    });

    it('an empty required name and a notes file without a person say why', () => {
      const check = checkName('  ', 'The person\'s name', true);
      assert.ok(!check.ok);
      assert.deepEqual(check.notice, { id: 'kitNameRequired', values: ['The person\'s name'] });
      const document = describeInterview('/k/notes.md', '---\ndate: 2025-09-01\n---\n');
      assert.deepEqual(document.problemNotices, [{ id: 'kitDocumentFieldMissing', values: ['person'] }]);
      assert.equal(document.problem, '`person` is missing from the front matter.');
    });
  });

  describe('scaffold', () => {
    it('a template with broken front matter throws a notice naming its file, with the YAML problem inside', () => {
      const err = caught(() => parseTemplate('---\ntitle: [unclosed\n---\nbody\n', { kind: 'x', file: 'broken.md' })) as Error & { notice?: { id: string; values: unknown[] } };
      assert.equal(err.notice?.id, 'templateInFile');
      assert.equal(err.notice?.values[0], 'broken.md');
      assert.match(JSON.stringify(err.notice?.values[1]), /"id":"frontMatterInvalidYaml/);
      assert.equal(sayError(err), err.message);
    });

    it('an unknown placeholder is said with its place and the closest known name', () => {
      const err = caught(() => parseTemplate('---\ntitle: {{tittle}}\n---\nbody\n', { kind: 'x', file: 'x.md' })) as Error & { notice?: { id: string } };
      assert.equal(err.notice?.id, 'templateUnknownPlaceholderDidYouMean');
      assert.equal(sayError(err), err.message);
      assert.match(sayError(err), /^Unknown placeholder \{\{tittle\}\} \(x\.md, line 2\)\. Did you mean \{\{title\}\}\? Known: /);
    });

    it('an unknown placeholder like no known one is said without a suggestion', () => {
      const err = caught(() => parseTemplate('---\ntitle: {{mood}}\n---\nbody\n', { kind: 'x', file: 'x.md' })) as Error & { notice?: { id: string } };
      assert.equal(err.notice?.id, 'templateUnknownPlaceholder');
      assert.equal(sayError(err), err.message);
      assert.match(sayError(err), /^Unknown placeholder \{\{mood\}\} \(x\.md, line 2\)\. Known: \{\{/);
    });
  });

  describe('practice', () => {
    it('a deck without questions and a ragged import row carry notices', () => {
      const { problems } = parseDeck('---\nname: Empty\n---\n', { file: 'empty.md', origin: 'workspace', fallbackId: 'empty' });
      assert.equal(problems[0].notice?.id, 'deckNoQuestions');
      assert.equal(sayMessage(problems[0]), problems[0].message);
      const result = importDelimited('front,back\nq1,a1\nq2\n', { fileName: 'cards.csv', today: '2026-11-24' });
      assert.ok(!result.ok);
      assert.deepEqual(result.problems[0].notice, { id: 'importRowWidthOne', values: ['2', '","'] });
      assert.equal(sayMessage(result.problems[0]), 'This row has 1 field but the first row has 2. Quote fields that contain "," or line breaks.');
    });
  });
});

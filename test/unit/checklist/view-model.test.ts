import assert from 'node:assert/strict';
import { builtInCatalog } from '../../../src/core/checklist/catalog';
import { generateChecklist, setItemChecked, setItemHidden } from '../../../src/core/checklist/edits';
import { parseChecklist } from '../../../src/core/checklist/markdown';
import { actionCommandFor, buildChecklistView, isCustomItem, mostBuiltInItemsMissing } from '../../../src/core/checklist/view-model';
import { lines } from './helpers';

const catalog = builtInCatalog();

describe('checklist sidebar content', () => {
  it('counts done and total per section and overall, leaving hidden items out', () => {
    let text = generateChecklist(catalog);
    text = setItemChecked(text, 'offer-ideal-number', true, '2024-01-01', catalog).text;
    text = setItemHidden(text, 'offer-walk-away-number', true, catalog).text;
    const view = buildChecklistView(parseChecklist(text, catalog), catalog, () => true);
    const offer = view.sections.find((s) => s.key === 'offer')!;
    const offerItems = catalog.items.filter((i) => i.section === 'offer').length;
    assert.deepEqual([offer.done, offer.total], [1, offerItems - 1]);
    assert.deepEqual([view.done, view.total, view.hiddenCount], [1, catalog.items.length - 1, 1]);
    assert.equal(offer.items.find((i) => i.key === 'offer-ideal-number')!.doneDate, '2024-01-01');
  });

  it('shows no completion date for an item unticked in the editor', () => {
    const view = buildChecklistView(parseChecklist(lines('- [ ] a ✅ 2024-01-01 <!-- id:custom-a -->'), catalog), catalog, () => true);
    assert.equal(view.sections[0].items[0].doneDate, undefined);
  });

  it('shows the why and the source of built-in items, and marks the user\'s own', () => {
    const text = lines('## Job search <!-- section:job-search -->', '- [ ] Mine', '- [ ] Renamed by me <!-- id:job-referral -->', '- [ ] copy <!-- id:job-referral -->');
    const parsed = parseChecklist(text, catalog);
    const [mine, referral, copy] = buildChecklistView(parsed, catalog, () => true).sections[0].items;
    assert.equal(mine.builtIn, false);
    assert.equal(referral.builtIn, true);
    assert.equal(referral.title, 'Renamed by me');
    assert.match(referral.why!, /refer/);
    // The source is named as a reader knows it, and the file stays in the citation.
    assert.equal(referral.source, '"How to Build Your Career in AI" (DeepLearning.AI) (004_93e24c764982b9b4.txt)');
    assert.equal(copy.builtIn, false);
    assert.equal(isCustomItem(parsed, catalog, mine.key), true);
    assert.equal(isCustomItem(parsed, catalog, referral.key), false);
    assert.equal(isCustomItem(parsed, catalog, copy.key), true);
  });

  it('shows an action button only when its command exists', () => {
    const parsed = parseChecklist(generateChecklist(catalog), catalog);
    const find = (exists: (c: string) => boolean) =>
      buildChecklistView(parsed, catalog, exists).sections.find((s) => s.key === 'public')!.items.find((i) => i.key === 'public-first-post')!;
    assert.equal(find(() => false).actionLabel, undefined);
    assert.equal(find((c) => c === 'learnInPublic.newPost').actionLabel, 'New post');
    assert.equal(actionCommandFor(parsed, catalog, 'public-first-post'), 'learnInPublic.newPost');
    assert.equal(actionCommandFor(parsed, catalog, 'job-referral'), undefined);
  });

  it('says when most built-in items are gone from the file, so a high percentage is not taken at face value', () => {
    const cutDown = lines('---', 'checklistFormat: 1', `catalogVersion: ${catalog.version}`, '---', '- [x] a <!-- id:skills-tiny-daily-habit -->', '- [x] b <!-- id:job-referral -->', 'nonsense <!-- id:resume-pdf -->');
    const parsed = parseChecklist(cutDown, catalog);
    assert.deepEqual([buildChecklistView(parsed, catalog, () => true).done, buildChecklistView(parsed, catalog, () => true).total], [2, 2]);
    assert.deepEqual(mostBuiltInItemsMissing(parsed, catalog), { missing: catalog.items.length - 2, builtIn: catalog.items.length });
    // Hidden items are still in the file; a few removed ones are the user's choice.
    let text = generateChecklist(catalog);
    text = setItemHidden(text, 'offer-walk-away-number', true, catalog).text;
    assert.equal(mostBuiltInItemsMissing(parseChecklist(text, catalog), catalog), undefined);
    const half = parseChecklist(text.split('\n').filter((line, index) => !/<!-- id:/.test(line) || index % 2 === 0).join('\n'), catalog);
    assert.equal(mostBuiltInItemsMissing(half, catalog), undefined, 'about half gone is not "most"');
  });

  it('lists a line with an item id that is not a task among the file\'s warnings', () => {
    const view = buildChecklistView(parseChecklist(lines('- [ ] a <!-- id:custom-a -->', 'b <!-- id:custom-b -->'), catalog), catalog, () => true);
    assert.deepEqual(view.warnings, [{ line: 2, message: 'The id "custom-b" on line 2 is not on a checkbox task, so that item is not counted. Put "- [ ] " back at the start of the line.' }]);
    assert.equal(view.total, 1);
  });

  it('passes the file\'s warnings on with their lines', () => {
    const view = buildChecklistView(parseChecklist(lines('- [ ] a <!-- id:x -->', '- [ ] b <!-- id:x -->'), catalog), catalog, () => true);
    assert.deepEqual(view.warnings.map((w) => w.line), [2]);
  });
});

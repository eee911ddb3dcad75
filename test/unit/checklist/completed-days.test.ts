import assert from 'node:assert/strict';
import { builtInCatalog } from '../../../src/core/checklist/catalog';
import { completedDaysKey } from '../../../src/core/checklist/completed-days';
import { addItem, generateChecklist, setItemChecked, setItemNote, setItemTitle } from '../../../src/core/checklist/edits';
import { parseChecklist } from '../../../src/core/checklist/markdown';
import { buildChecklistView } from '../../../src/core/checklist/view-model';

const catalog = builtInCatalog();
const keyOf = (text: string) => completedDaysKey(buildChecklistView(parseChecklist(text, catalog), catalog, () => true));

describe('checklist: what the learning streak reads from it', () => {
  it('changes when a step is ticked, unticked or ticked on another day', () => {
    const empty = generateChecklist(catalog);
    const ticked = setItemChecked(empty, 'offer-ideal-number', true, '2024-01-01', catalog).text;
    const second = setItemChecked(ticked, 'offer-walk-away-number', true, '2024-01-02', catalog).text;
    const otherDay = setItemChecked(empty, 'offer-ideal-number', true, '2024-01-03', catalog).text;
    const keys = [empty, ticked, second, otherDay].map(keyOf);
    assert.equal(new Set(keys).size, 4, keys.join(' | '));
    assert.equal(keyOf(setItemChecked(ticked, 'offer-ideal-number', false, undefined, catalog).text), keyOf(empty));
  });

  it('stays the same while a note or an item\'s text is typed, or an unticked item is added', () => {
    const ticked = setItemChecked(generateChecklist(catalog), 'offer-ideal-number', true, '2024-01-01', catalog).text;
    const noted = setItemNote(ticked, 'offer-ideal-number', 'Asked two friends in the field', catalog).text;
    const renamed = setItemTitle(noted, 'offer-ideal-number', 'Know my number', catalog).text;
    const added = addItem(renamed, 'offer', 'Practise the call', catalog).text;
    assert.notEqual(added, ticked);
    assert.deepEqual([noted, renamed, added].map(keyOf), [keyOf(ticked), keyOf(ticked), keyOf(ticked)]);
  });
});

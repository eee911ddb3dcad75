import assert from 'node:assert/strict';
import * as path from 'node:path';
import { decideWorksheetAction } from '../../../src/core/kit/worksheet-placement';

const privateFile = path.resolve('/gs/job-search/offer-worksheet.md');
const repoFile = path.resolve('/work/repo/career/private/offer-worksheet.md');
const base = { target: privateFile, targetExists: false, remembered: undefined, rememberedExists: false, declinedFolder: undefined };

describe('kit: where Open Offer Worksheet goes', () => {
  it('first time: creates the worksheet', () => {
    assert.deepEqual(decideWorksheetAction(base), { kind: 'create' });
  });

  it('opening again opens the existing file, never a second copy', () => {
    assert.deepEqual(decideWorksheetAction({ ...base, targetExists: true, remembered: privateFile, rememberedExists: true }), { kind: 'open', file: privateFile });
  });

  it('after the setting changes, offers to move the existing worksheet instead of making a new one', () => {
    const situation = { ...base, target: repoFile, remembered: privateFile, rememberedExists: true };
    assert.deepEqual(decideWorksheetAction(situation), { kind: 'offer-move', from: privateFile });
  });

  it('once the user keeps it where it is, the same folder is not offered again', () => {
    const situation = { ...base, target: repoFile, remembered: privateFile, rememberedExists: true, declinedFolder: path.dirname(repoFile) };
    assert.deepEqual(decideWorksheetAction(situation), { kind: 'open', file: privateFile });
    const otherFolder = { ...situation, target: path.resolve('/elsewhere/offer-worksheet.md') };
    assert.deepEqual(decideWorksheetAction(otherFolder), { kind: 'offer-move', from: privateFile });
  });

  it('a remembered file that was deleted is forgotten: a fresh worksheet is created', () => {
    assert.deepEqual(decideWorksheetAction({ ...base, target: repoFile, remembered: privateFile, rememberedExists: false }), { kind: 'create' });
  });

  it('when both places have a worksheet, the one at the setting wins and nothing moves', () => {
    assert.deepEqual(decideWorksheetAction({ ...base, target: repoFile, targetExists: true, remembered: privateFile, rememberedExists: true }), { kind: 'open', file: repoFile });
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeSource, SEED_DOCUMENT_TITLES } from '../../src/core/seed-sources';
import { SOURCES } from '../../src/core/kit/sources';

const repoRoot = path.resolve(__dirname, '../..');

/** Every file name cited by the catalog, the bundled decks and the kit. */
function citedFiles(): Set<string> {
  const cited = new Set<string>();
  const catalog = fs.readFileSync(path.join(repoRoot, 'src/core/checklist/catalog.json'), 'utf8');
  for (const m of catalog.matchAll(/"source":\s*"([^"]+)"/g)) cited.add(m[1]);
  for (const deck of fs.readdirSync(path.join(repoRoot, 'decks'))) {
    const text = fs.readFileSync(path.join(repoRoot, 'decks', deck), 'utf8');
    for (const m of text.matchAll(/^Source:\s*(.+)$/gm)) for (const file of m[1].split(/[;,]\s*/)) cited.add(file.trim());
  }
  for (const source of Object.values(SOURCES)) cited.add(source.file);
  return cited;
}

describe('seed sources', () => {
  it('every source the content cites has a title a reader would recognise', () => {
    const cited = citedFiles();
    assert.ok(cited.size >= 5, 'the catalog, decks and kit cite the five documents');
    for (const file of cited) assert.ok(SEED_DOCUMENT_TITLES[file], `${file} has no title`);
  });

  it('leads with the title and keeps the file name, so the citation can still be checked', () => {
    assert.equal(describeSource('002_26d5cb83709276d8.txt'), 'Blog post "Building a Career in ML" (002_26d5cb83709276d8.txt)');
  });

  it('leaves a source it does not know (a user\'s own deck) exactly as written', () => {
    assert.equal(describeSource('My notes from the fast.ai course'), 'My notes from the fast.ai course');
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeSource, rewrapLongComments, SEED_DOCUMENT_TITLES } from '../../src/core/seed-sources';
import { buildReadme } from '../../src/core/scaffold/readme';
import { readProjectInfo } from '../../src/core/scaffold/project-info';
import * as os from 'node:os';
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

  describe('guidance comments after citing by title', () => {
    it('wraps a comment that got too long, keeping its indentation, every word and the closing marker on a text line', () => {
      const text = 'Intro\n\n<!-- Short first line\n     then a line that citing made long (source: Blog post "Notes on: Getting an ML job" (003_71b1740b79917299.txt)). -->\n\nAfter';
      const wrapped = rewrapLongComments(text, 60);
      const lines = wrapped.split('\n');
      assert.equal(lines[0], 'Intro');
      assert.equal(lines.at(-1), 'After');
      for (const line of lines) assert.ok(line.length <= 60, line);
      const comment = lines.filter((l) => l.startsWith('<!--') || l.startsWith('     '));
      assert.ok(comment.length >= 3);
      assert.ok(comment.slice(1).every((l) => /^ {5}\S/.test(l)), 'continuation lines keep their indentation');
      assert.match(comment.at(-1)!, /\S -->$/);
      assert.equal(wrapped.replace(/\s+/g, ' '), text.replace(/\s+/g, ' '));
    });

    it('leaves a comment that fits exactly as written', () => {
      const text = '<!-- One line.\n  Odd indent kept. -->\n\n<!-- Another -->\n';
      assert.equal(rewrapLongComments(text, 60), text);
    });

    it('a new README has no guidance line past 96 characters', async () => {
      const readme = buildReadme(await readProjectInfo(fs.mkdtempSync(path.join(os.tmpdir(), 'lip-readme-wrap-'))));
      assert.match(readme, /\(004_93e24c764982b9b4\.txt\)/);
      const comments = readme.match(/^<!--[\s\S]*?-->/gm) ?? [];
      assert.ok(comments.length >= 8);
      for (const line of comments.join('\n').split('\n')) assert.ok(line.length <= 96, line);
    });
  });
});

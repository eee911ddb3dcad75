import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CardPublishError, publishProgressCard } from '../../../src/core/tracker/card-publish';
import { CARD_FILE_NAMES, progressCardData } from '../../../src/core/tracker/card-svg';

const data = progressCardData({ today: '2025-03-10', days: new Map([['2025-03-09', 2], ['2025-03-10', 1]]), postsThisYear: 3 });

describe('progress card: writing into the chosen folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lip-card-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("refuses git's own .git folder (a folder picker lists it) and writes nothing there", async () => {
    const gitDir = path.join(dir, '.git');
    fs.mkdirSync(path.join(gitDir, 'refs'), { recursive: true });
    for (const outDir of [gitDir, path.join(gitDir, 'refs')]) {
      await assert.rejects(
        publishProgressCard({ outDir, data, showRepositoryNames: false, updateReadme: true }),
        (err: unknown) => err instanceof CardPublishError && err.problem === 'out-dir-in-git' && /Choose the repository's folder itself/.test(err.message),
      );
    }
    // Nor through a symbolic link that leads there.
    const link = path.join(dir, 'card-folder');
    fs.symlinkSync(gitDir, link, 'dir');
    await assert.rejects(publishProgressCard({ outDir: link, data, showRepositoryNames: false, updateReadme: true }), (err: unknown) => err instanceof CardPublishError && err.problem === 'out-dir-in-git');
    assert.deepEqual(fs.readdirSync(gitDir), ['refs']);
    // A folder whose name merely contains ".git" is fine.
    const result = await publishProgressCard({ outDir: path.join(dir, 'me.github.io'), data, showRepositoryNames: false, updateReadme: false });
    assert.ok(fs.existsSync(result.light));
  });

  it('Update Progress Card replaces the cards it drew before', async () => {
    await publishProgressCard({ outDir: dir, data, showRepositoryNames: false, updateReadme: false });
    const later = progressCardData({ today: '2025-03-11', days: new Map([['2025-03-11', 4]]), postsThisYear: 4 });
    const result = await publishProgressCard({ outDir: dir, data: later, showRepositoryNames: false, updateReadme: false });
    assert.match(fs.readFileSync(result.light, 'utf8'), /Mar 11, 2025/);
    assert.match(fs.readFileSync(result.dark, 'utf8'), /Mar 11, 2025/);
  });

  it('a file of the user’s own at a card’s name is left alone, and nothing else is written', async () => {
    const mine = path.join(dir, CARD_FILE_NAMES.dark);
    fs.writeFileSync(mine, '<svg xmlns="http://www.w3.org/2000/svg"><!-- my own drawing --></svg>\n');
    fs.writeFileSync(path.join(dir, 'README.md'), '# Me\n');
    await assert.rejects(
      publishProgressCard({ outDir: dir, data, showRepositoryNames: false, updateReadme: true }),
      (err: unknown) => err instanceof CardPublishError && err.problem === 'card-file-not-ours' && err.message.includes(mine),
    );
    assert.equal(fs.readFileSync(mine, 'utf8'), '<svg xmlns="http://www.w3.org/2000/svg"><!-- my own drawing --></svg>\n');
    assert.equal(fs.existsSync(path.join(dir, CARD_FILE_NAMES.light)), false);
    assert.equal(fs.readFileSync(path.join(dir, 'README.md'), 'utf8'), '# Me\n');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['README.md', CARD_FILE_NAMES.dark].sort());
  });

  it('a folder at a card’s name is refused with a message that names it', async () => {
    fs.mkdirSync(path.join(dir, CARD_FILE_NAMES.light));
    await assert.rejects(
      publishProgressCard({ outDir: dir, data, showRepositoryNames: false, updateReadme: false }),
      (err: unknown) => err instanceof CardPublishError && err.problem === 'card-file-not-ours' && /is a folder/.test(err.message),
    );
    assert.equal(fs.existsSync(path.join(dir, CARD_FILE_NAMES.dark)), false);
  });
});

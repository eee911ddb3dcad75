import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCachedScan, scanRepositories } from '../../../src/core/tracker/scan';
import { TRACKER_RULES_VERSION, identityHash, validateCacheEntry } from '../../../src/core/tracker/scan-cache';
import { ME, TempRepo, removeTempDirs, tempDir } from './git-fixtures';

function cacheFiles(dir: string, ext: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => path.join(dir, f));
}

async function setUp(days = 3) {
  const repo = TempRepo.create();
  for (let i = 1; i <= days; i++) repo.commit({ date: `2024-05-0${i}T12:00:00Z`, files: { [`content/posts/p${i}.md`]: `# ${i}\n` } });
  const cacheDir = tempDir();
  const options = { repos: [repo.dir], emails: [ME], timeZone: 'UTC', cacheDir };
  await scanRepositories(options);
  const [file] = cacheFiles(cacheDir, '.json');
  return { repo, cacheDir, options, file };
}

/** Two repositories with one commit each, scanned once into a fresh cache folder. */
async function twoRepositoriesScanned() {
  const a = TempRepo.create();
  const b = TempRepo.create();
  a.commit({ date: '2024-05-01T12:00:00Z' });
  b.commit({ date: '2024-05-02T12:00:00Z' });
  const cacheDir = tempDir();
  const options = { repos: [a.dir, b.dir], emails: [ME], timeZone: 'UTC', cacheDir };
  await scanRepositories(options);
  return { a, cacheDir, options };
}

describe('tracker disk cache', () => {
  after(removeTempDirs);

  it('shows the last heatmap from disk without running git', async () => {
    const { options } = await setUp();
    const savedPath = process.env.PATH;
    process.env.PATH = tempDir(); // git cannot even be found now
    try {
      const cached = await loadCachedScan(options);
      assert.ok(cached);
      assert.deepEqual(Object.fromEntries(cached.days), { '2024-05-01': 1, '2024-05-02': 1, '2024-05-03': 1 });
      assert.equal(cached.posts.length, 3);
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it('runs no git at all on a reopen when nothing changed, even after git pack-refs', async () => {
    const { repo, options } = await setUp();
    repo.git('pack-refs', '--all');
    assert.equal((await scanRepositories(options)).perRepo[0].read, 'unchanged'); // refs moved on disk: asks git once
    const savedPath = process.env.PATH;
    process.env.PATH = tempDir(); // from here on, any git call would fail
    try {
      const result = await scanRepositories(options);
      assert.equal(result.perRepo[0].read, 'unchanged');
      assert.equal(result.perRepo[0].status, 'ok');
      assert.equal(result.days.size, 3);
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it('rebuilds a cache file cut off mid-write instead of trusting it', async () => {
    const { options, file } = await setUp();
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
    assert.equal(await loadCachedScan(options), undefined);
    const result = await scanRepositories(options);
    assert.equal(result.perRepo[0].read, 'full');
    assert.equal(result.days.size, 3);
    assert.doesNotThrow(() => JSON.parse(fs.readFileSync(file, 'utf8')));
  });

  it('rebuilds a cache from another rules version, another identity set or another time zone', async () => {
    const { options, file } = await setUp();
    const entry = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...entry, version: TRACKER_RULES_VERSION - 1 }));
    assert.equal((await scanRepositories(options)).perRepo[0].read, 'full');
    assert.equal((await scanRepositories({ ...options, emails: [ME, 'second@example.com'] })).perRepo[0].read, 'full');
    assert.equal((await scanRepositories({ ...options, emails: [ME, 'second@example.com'] })).perRepo[0].read, 'unchanged');
    assert.equal((await scanRepositories({ ...options, emails: [ME, 'second@example.com'], timeZone: 'Asia/Tokyo' })).perRepo[0].read, 'full');
  });

  it('never trusts an entry whose numbers do not add up or whose fields are off', () => {
    const good = {
      format: 'learn-in-public/tracker-cache', version: TRACKER_RULES_VERSION, folder: '/r', root: '/r',
      location: { root: '/r', gitDir: '/r/.git', commonDir: '/r/.git', bare: false, shallow: false }, configStamp: 's', rawRefs: { HEAD: 'ref: refs/heads/main' },
      identityHash: identityHash([]), identities: [] as string[], timeZone: 'UTC', dateKind: 'author', postsKey: 'x', shallow: '',
      tips: { 'refs/heads/main': 'a'.repeat(40) }, days: { '2024-01-01': 2 }, commits: 2, undated: 0, published: [], postsLookedIn: ['README.md'], savedAt: 1,
    };
    assert.ok(validateCacheEntry(good));
    assert.equal(validateCacheEntry({ ...good, postsLookedIn: undefined }), undefined);
    assert.equal(validateCacheEntry({ ...good, postsLookedIn: [3] }), undefined);
    assert.equal(validateCacheEntry({ ...good, commits: 3 }), undefined);
    assert.equal(validateCacheEntry({ ...good, days: { '2024-1-1': 2 } }), undefined);
    assert.equal(validateCacheEntry({ ...good, tips: { HEAD: 'not-a-sha' } }), undefined);
    assert.equal(validateCacheEntry({ ...good, identities: ['someone@else'] }), undefined);
    assert.ok(validateCacheEntry({ ...good, published: [['post', 'x.md', 1, '2024-01-01', 'a'.repeat(40)]] }));
    assert.equal(validateCacheEntry({ ...good, published: [['post', 'x.md', -1, '2024-01-01', 'a'.repeat(40)]] }), undefined);
    assert.equal(validateCacheEntry({ ...good, published: [{ kind: 'post', path: 'x.md', epochSeconds: 1, day: '2024-01-01', sha: 'a'.repeat(40) }] }), undefined);
    assert.equal(validateCacheEntry({ ...good, location: { ...good.location, root: '/elsewhere' } }), undefined);
    assert.equal(validateCacheEntry(null), undefined);
    assert.equal(validateCacheEntry([]), undefined);
  });

  it('rebuilds when the commit keys beside the entry are damaged', async () => {
    const { cacheDir, options } = await twoRepositoriesScanned();
    const keys = cacheFiles(cacheDir, '.keys');
    assert.equal(keys.length, 2);
    fs.writeFileSync(keys[0], Buffer.from('garbage'));
    const result = await scanRepositories(options);
    assert.deepEqual(result.perRepo.map((r) => r.read).sort(), ['full', 'unchanged']);
    assert.equal(result.days.size, 2);
  });

  it('writes atomically and cleans up: no temp files, one key file per repository', async () => {
    const { a, cacheDir, options } = await twoRepositoriesScanned();
    a.commit({ date: '2024-05-03T12:00:00Z' });
    await scanRepositories(options);
    const names = fs.readdirSync(cacheDir);
    assert.equal(names.filter((n) => n.endsWith('.tmp')).length, 0);
    assert.equal(names.filter((n) => n.endsWith('.keys')).length, 2);
    assert.equal(names.filter((n) => n.endsWith('.json')).length, 2);
  });

  it('rescans a repository whose old tips were garbage-collected away', async () => {
    const { repo, options } = await setUp();
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    repo.git('reflog', 'expire', '--expire=now', '--all');
    repo.git('gc', '-q', '--prune=now');
    const result = await scanRepositories(options);
    assert.equal(result.perRepo[0].read, 'full');
    assert.equal(result.days.size, 2);
    assert.equal(result.posts.length, 2);
  });
});

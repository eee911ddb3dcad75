import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { scanRepositories } from '../../../src/core/tracker/scan';
import { ME, TempRepo, git, removeTempDirs, tempDir } from './git-fixtures';

/**
 * A repository whose own config points fsmonitor, the pager, the external diff, a textconv
 * driver and the signature program at a script that writes a marker file. Opening it with
 * the tracker must never run that script.
 */
function hostileRepository() {
  const repo = TempRepo.create();
  const markers = tempDir('lip-markers-');
  const script = path.join(markers, 'evil.sh');
  fs.writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> "${path.join(markers, 'ran')}"\ncat >/dev/null 2>&1\nexit 0\n`, { mode: 0o755 });
  repo.commit({ date: '2024-01-01T12:00:00Z', files: { 'content/posts/a.md': '# a\n', '.gitattributes': '*.md diff=evil\n' } });
  repo.commit({ date: '2024-01-02T12:00:00Z', files: { 'content/posts/a.md': '# a, edited\n', 'README.md': '# readme\n' } });
  // A commit carrying a (fake) signature header: with log.showSignature, git would call gpg.program.
  const tree = repo.git('rev-parse', 'HEAD^{tree}').trim();
  const parent = repo.head();
  const signed = `tree ${tree}\nparent ${parent}\nauthor Me <${ME}> 1704196800 +0000\ncommitter Me <${ME}> 1704196800 +0000\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\nsigned\n`;
  const sha = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: repo.dir, input: signed, encoding: 'utf8' }).trim();
  repo.git('update-ref', 'refs/heads/main', sha);
  for (const [key, value] of [
    ['core.fsmonitor', script],
    ['core.pager', script],
    ['pager.log', script],
    ['diff.external', script],
    ['diff.evil.textconv', script],
    ['gpg.program', script],
    ['log.showSignature', 'true'],
    ['core.hooksPath', markers],
    ['i18n.logOutputEncoding', 'UTF-16'],
  ]) {
    repo.git('config', key, value);
  }
  return { repo, markers, ran: path.join(markers, 'ran') };
}

describe('tracker: a hostile repository config cannot make the tracker run its commands', () => {
  after(removeTempDirs);

  it('scans (full, unchanged and incremental) without ever running the configured scripts', async () => {
    const { repo, ran } = hostileRepository();
    const cacheDir = tempDir();
    const options = { repos: [repo.dir], emails: [ME], timeZone: 'UTC', cacheDir };
    const full = await scanRepositories(options);
    assert.deepEqual(Object.fromEntries(full.days), { '2024-01-01': 1, '2024-01-02': 2 });
    assert.deepEqual(full.posts.map((p) => p.path), ['content/posts/a.md', 'README.md']);
    await scanRepositories(options);
    // a new commit written as a raw object, so no hook of ours runs either
    repo.rawCommit(`Me <${ME}> 1704369600 +0000`, `Me <${ME}> 1704369600 +0000`);
    const incremental = await scanRepositories(options);
    assert.equal(incremental.perRepo[0].read, 'incremental');
    assert.equal(fs.existsSync(ran), false, fs.existsSync(ran) ? fs.readFileSync(ran, 'utf8') : '');
  });

  it('(control) the same config does run the script for a plain git command, so the test above can fail', () => {
    const { repo, ran } = hostileRepository();
    git(repo.dir, ['-c', 'log.showSignature=true', 'log', '-1', '-p', '--ext-diff', '--format=%H'], { PAGER: '' });
    assert.equal(fs.existsSync(ran), true);
  });
});

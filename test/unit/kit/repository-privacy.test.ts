import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkRepositoryPrivacy } from '../../../src/core/kit/repository-privacy';
import { gitAsAda, isolatedGitTempDir } from '../../support/dated-git';

// Fixture commits with a fixed author and date, isolated from the machine's git config.
const git = (cwd: string, ...args: string[]) => gitAsAda(cwd, args, '2025-01-01T12:00:00Z');

describe('kit: is the worksheet folder inside a public repository?', function () {
  this.timeout(20_000);
  const tempDir = isolatedGitTempDir('kit-privacy-');

  function repo(name: string): string {
    const dir = path.join(tempDir(), name);
    fs.mkdirSync(dir, { recursive: true });
    git(dir, 'init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(dir, 'README.md'), '# notes\n');
    git(dir, 'add', 'README.md');
    git(dir, 'commit', '-q', '-m', 'first');
    return dir;
  }

  it('a folder outside any repository is fine', async () => {
    const dir = path.join(tempDir(), 'plain', 'not-created-yet');
    assert.deepEqual(await checkRepositoryPrivacy(path.join(dir, 'offer-worksheet.md'), true), { kind: 'no-repository' });
  });

  it('a repository with a GitHub remote is flagged, even for a subfolder not created yet', async () => {
    const dir = repo('public');
    git(dir, 'remote', 'add', 'origin', 'git@github.com:me/notes.git');
    const verdict = await checkRepositoryPrivacy(path.join(dir, 'career', 'private', 'offer-worksheet.md'), true);
    assert.equal(verdict.kind, 'public-remote');
    if (verdict.kind !== 'public-remote') return;
    assert.equal(fs.realpathSync(verdict.root), fs.realpathSync(dir));
    assert.deepEqual(verdict.publicRemotes.map((r) => [r.remote, r.publicHost]), [['origin', 'github.com']]);
    assert.equal(verdict.ignored, false);
  });

  it('says when .gitignore already keeps the file out', async () => {
    const dir = repo('ignored');
    git(dir, 'remote', 'add', 'origin', 'https://gitlab.com/me/notes.git');
    fs.writeFileSync(path.join(dir, '.gitignore'), 'offer-worksheet.md\n');
    const verdict = await checkRepositoryPrivacy(path.join(dir, 'offer-worksheet.md'), true);
    assert.equal(verdict.kind, 'public-remote');
    assert.equal(verdict.kind === 'public-remote' && verdict.ignored, true);
  });

  it('a remote spelled with a global insteadOf alias is recognised', async () => {
    fs.writeFileSync(process.env.GIT_CONFIG_GLOBAL!, '[url "https://github.com/"]\n\tinsteadOf = gh:\n');
    const dir = repo('alias');
    git(dir, 'remote', 'add', 'origin', 'gh:me/notes');
    const verdict = await checkRepositoryPrivacy(path.join(dir, 'offer-worksheet.md'), true);
    assert.equal(verdict.kind, 'public-remote');
  });

  it('a repository with only a local remote, or none, is private', async () => {
    const dir = repo('local');
    assert.equal((await checkRepositoryPrivacy(path.join(dir, 'w.md'), true)).kind, 'private-repository');
    git(dir, 'remote', 'add', 'backup', path.join(tempDir(), 'backup.git'));
    assert.equal((await checkRepositoryPrivacy(path.join(dir, 'w.md'), true)).kind, 'private-repository');
  });

  it('in Restricted Mode git is not run: a repository is reported as unchecked', async () => {
    const dir = repo('untrusted');
    git(dir, 'remote', 'add', 'origin', 'git@github.com:me/notes.git');
    const verdict = await checkRepositoryPrivacy(path.join(dir, 'sub', 'w.md'), false);
    assert.equal(verdict.kind, 'unchecked-repository');
    assert.match(verdict.kind === 'unchecked-repository' ? verdict.reason : '', /Restricted Mode/);
    assert.deepEqual(await checkRepositoryPrivacy(path.join(tempDir(), 'elsewhere', 'w.md'), false), { kind: 'no-repository' });
  });
});

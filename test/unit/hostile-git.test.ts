import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkRepositoryPrivacy } from '../../src/core/kit/repository-privacy';
import { remoteRepo, selectionGitInfo } from '../../src/core/scaffold/git-info';
import { git, makeRepo, removeTempSites } from './scaffold/temp-site';

// The small git calls outside the tracker (the permalink of New Post from Selection, the
// remote of New Project README, the offer worksheet's public-remote check) open whatever
// repository the user works in. That repository's own config must not make them run its
// programs: fsmonitor, a pager, an external diff, a textconv driver.

const CODE = Array.from({ length: 10 }, (_, i) => `x_${i} = ${i}`).join('\n') + '\n';

function hostileRepository() {
  const root = makeRepo({ 'a.py': CODE, '.gitattributes': '*.py diff=evil\n' }, 'git@github.com:ada/notes.git');
  const markers = fs.mkdtempSync(path.join(os.tmpdir(), 'lip-hostile-'));
  const ran = path.join(markers, 'ran');
  const script = path.join(markers, 'evil.sh');
  fs.writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> "${ran}"\ncat >/dev/null 2>&1\nexit 0\n`, { mode: 0o755 });
  for (const [key, value] of [
    ['core.fsmonitor', script],
    ['core.pager', script],
    ['pager.diff', script],
    ['pager.branch', script],
    ['diff.external', script],
    ['diff.evil.textconv', script],
  ]) {
    git(root, 'config', key, value);
  }
  fs.appendFileSync(path.join(root, 'a.py'), 'changed = True\n'); // a dirty file makes git look closer
  return { root, markers, ran };
}

const ranText = (ran: string) => (fs.existsSync(ran) ? fs.readFileSync(ran, 'utf8') : '');

describe('git outside the tracker: a hostile repository config runs nothing', function () {
  this.timeout(20_000);
  const markerDirs: string[] = [];
  after(() => {
    removeTempSites();
    for (const dir of markerDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('New Post from Selection reads the permalink without running the repository’s scripts', async () => {
    const { root, markers, ran } = hostileRepository();
    markerDirs.push(markers);
    const info = await selectionGitInfo(path.join(root, 'a.py'), 1, 2);
    assert.equal(info.repo?.webUrl, 'https://github.com/ada/notes');
    assert.equal(info.caveat, 'uncommitted-changes');
    assert.equal((await remoteRepo(root))?.webUrl, 'https://github.com/ada/notes');
    assert.equal(fs.existsSync(ran), false, ranText(ran));
  });

  it('the offer worksheet’s public-remote check runs none of them either', async () => {
    const { root, markers, ran } = hostileRepository();
    markerDirs.push(markers);
    const privacy = await checkRepositoryPrivacy(path.join(root, 'career', 'offer.md'), true);
    assert.equal(privacy.kind, 'public-remote');
    assert.equal(fs.existsSync(ran), false, ranText(ran));
  });

  it('(control) plain git in that repository does run the script, so the tests above can fail', () => {
    const { root, markers, ran } = hostileRepository();
    markerDirs.push(markers);
    spawnSync('git', ['diff', '--quiet', 'HEAD', '--', 'a.py'], { cwd: root, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    assert.equal(fs.existsSync(ran), true);
  });
});

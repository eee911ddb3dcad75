import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

// `npm start`'s code-server profile: one per port, and settings the user changed survive a restart.

interface DemoProfileModule {
  prepareDemoProfile(cache: string, port: number): string;
}

const load = (): Promise<DemoProfileModule> => import(pathToFileURL(path.join(__dirname, '../../../scripts/demo-profile.mjs')).href) as Promise<DemoProfileModule>;

describe('npm start demo profile', () => {
  let cache: string;
  beforeEach(() => { cache = fs.mkdtempSync(path.join(os.tmpdir(), 'lip-demo-profile-')); });
  afterEach(() => fs.rmSync(cache, { recursive: true, force: true }));

  it('writes the demo settings once and keeps what the user changed on the next start', async () => {
    const { prepareDemoProfile } = await load();
    const profile = prepareDemoProfile(cache, 8080);
    const settings = path.join(profile, 'User', 'settings.json');
    assert.equal(JSON.parse(fs.readFileSync(settings, 'utf8'))['security.workspace.trust.enabled'], false);
    const edited = '{\n  // my theme\n  "workbench.colorTheme": "Default Light Modern",\n  "security.workspace.trust.enabled": false\n}\n';
    fs.writeFileSync(settings, edited);
    assert.equal(prepareDemoProfile(cache, 8080), profile);
    assert.equal(fs.readFileSync(settings, 'utf8'), edited);
  });

  it('gives a demo on another port a profile of its own', async () => {
    const { prepareDemoProfile } = await load();
    const first = prepareDemoProfile(cache, 8080);
    const second = prepareDemoProfile(cache, 8097);
    assert.notEqual(first, second);
    assert.ok(fs.existsSync(path.join(second, 'User', 'settings.json')));
  });
});

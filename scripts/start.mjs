// `npm start`: build and package the extension, then open a real VS Code with it and a
// demo workspace. Desktop `code` when it is installed; otherwise code-server on
// 127.0.0.1 (installed once under ~/.cache/learn-in-public), with the URL printed.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PORT, prepareDemoProfile } from './demo-profile.mjs';
import { makeDemoWorkspace } from './make-demo-workspace.mjs';

const root = new URL('..', import.meta.url).pathname;
const cache = process.env.LIP_CACHE_DIR ?? join(homedir(), '.cache', 'learn-in-public');
const port = Number(process.env.LIP_PORT ?? DEFAULT_PORT);

console.log('Building and packaging the extension…');
// vsce lists every packaged file: show only its summary line, and everything when it fails.
const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
if (packaged.status !== 0) {
  process.stdout.write(packaged.stdout ?? '');
  process.stderr.write(packaged.stderr ?? '');
  process.exit(packaged.status ?? 1);
}
console.log((packaged.stdout.match(/^.*Packaged:.*$/m)?.[0] ?? 'Packaged dist/learn-in-public.vsix').trim());
const vsix = join(root, 'dist', 'learn-in-public.vsix');
// Outside this clone: inside it, the workspace folder would belong to the project's own git
// repository, which the tracker would then read (and VS Code would offer to open).
const workspace = makeDemoWorkspace(process.env.LIP_DEMO_WORKSPACE ?? join(cache, 'demo-workspace'));
console.log(`Demo workspace: ${workspace}`);

const hasCode = spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0 && !process.env.LIP_USE_CODE_SERVER;
if (hasCode) {
  execFileSync('code', ['--install-extension', vsix, '--force'], { stdio: 'inherit' });
  execFileSync('code', [workspace], { stdio: 'inherit' });
  console.log('Opened VS Code with Learn in Public installed: click the chart icon in the activity bar.');
} else {
  const out = execFileSync('bash', [join(root, 'scripts/ensure-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const node = /^NODE24=(.+)$/m.exec(out)[1];
  const entry = /^ENTRY=(.+)$/m.exec(out)[1];
  const profile = prepareDemoProfile(cache, port);
  const extensions = join(cache, 'demo-extensions');
  execFileSync(node, [entry, '--extensions-dir', extensions, '--user-data-dir', profile, '--install-extension', vsix, '--force'], { stdio: 'inherit' });
  const server = spawn(node, [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--user-data-dir', profile, '--extensions-dir', extensions, workspace], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`\nVS Code (code-server) with Learn in Public: http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  console.log('Open it in a browser, then click the chart icon in the activity bar. Ctrl+C stops it.');
  const stop = () => { server.kill('SIGTERM'); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
}

// Builds the extension (Node, CommonJS, `vscode` external), one browser bundle per
// webview (src/webview/<entry>/main.ts → dist/webview/<entry>.js), the CLI, and copies
// the codicon font. Type-checking is `npm run typecheck` (esbuild only strips types).
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = new URL('..', import.meta.url).pathname;

const webviewEntries = readdirSync(join(root, 'src/webview'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'shared' && existsSync(join(root, 'src/webview', d.name, 'main.ts')))
  .map((d) => d.name);

const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'warning', legalComments: 'none' };

const builds = [
  {
    ...common,
    entryPoints: { extension: join(root, 'src/extension/extension.ts') },
    outdir: join(root, 'dist'),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: Object.fromEntries(webviewEntries.map((e) => [e, join(root, 'src/webview', e, 'main.ts')])),
    outdir: join(root, 'dist/webview'),
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
  },
];
if (webviewEntries.length === 0) builds.splice(1, 1);
if (existsSync(join(root, 'src/cli/main.ts'))) {
  builds.push({
    ...common,
    entryPoints: { cli: join(root, 'src/cli/main.ts') },
    outdir: join(root, 'dist'),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  });
}

// A production build starts from an empty dist/ so no stale file (source maps) gets packaged.
if (production) rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(join(root, 'dist/codicons'), { recursive: true });
for (const f of ['codicon.css', 'codicon.ttf']) {
  cpSync(join(root, 'node_modules/@vscode/codicons/dist', f), join(root, 'dist/codicons', f));
}

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
  console.log('[build] watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  console.log(`[build] ${production ? 'production' : 'development'} build done: extension + webviews (${webviewEntries.join(', ') || 'none'})`);
}

// Builds the extension (Node, CommonJS, `vscode` external), one browser bundle per
// webview (src/webview/<entry>/main.ts → dist/webview/<entry>.js), the CLI, and copies
// the codicon font. Type-checking is `npm run typecheck` (esbuild only strips types).
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// l10n/bundle.l10n.json: every string passed to vscode.l10n.t('…') in the extension code,
// the English source that translators start from (translations go in bundle.l10n.<lang>.json).
function exportL10nStrings() {
  const strings = {};
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/l10n\.t\(\s*(['"`])((?:\\.|(?!\1).)*)\1/gs)) {
          if (m[1] === '`' && m[2].includes('${')) continue; // template literals with code are not keys
          const key = m[2].replace(/\\(['"`\\])/g, '$1').replace(/\\n/g, '\n');
          strings[key] = key;
        }
      }
    }
  };
  walk(join(root, 'src/extension'));
  mkdirSync(join(root, 'l10n'), { recursive: true });
  const sorted = Object.fromEntries(Object.keys(strings).sort().map((k) => [k, strings[k]]));
  writeFileSync(join(root, 'l10n/bundle.l10n.json'), JSON.stringify(sorted, null, 2) + '\n');
}
exportL10nStrings();

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
  console.log('[build] watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  console.log(`[build] ${production ? 'production' : 'development'} build done: extension + webviews (${webviewEntries.join(', ') || 'none'})`);
}

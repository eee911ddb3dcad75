// Builds the extension (Node, CommonJS, `vscode` external), one browser bundle per
// webview (src/webview/<entry>/main.ts → dist/webview/<entry>.js), the CLI, and copies
// the codicon font. Type-checking is `npm run typecheck` (esbuild only strips types).
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = new URL('..', import.meta.url).pathname;

const webviewEntries = readdirSync(join(root, 'src/webview'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'shared' && existsSync(join(root, 'src/webview', d.name, 'main.ts')))
  .map((d) => d.name);

const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'warning', legalComments: 'none' };

// ─── The extension: a small CommonJS bundle, plus core modules loaded on first use ─────
// Activation loads only dist/extension.js (the VS Code glue). The pure modules of src/core
// are not bundled into it: each becomes its own CommonJS file under dist/core/ (same layout),
// and the libraries they use become one file each under dist/lib/. The glue's
// `await import('…/core/…')` turns into a require() of that file when first run, so a
// capability loads its logic and libraries (simple-git, the YAML parser, the scheduler, the
// catalog) on first use. Plain require(), not import(): packaged desktop VS Code before 1.100
// could not run import() from extension code. One file per module also means one copy of each
// at run time (a class seen through two bundles would break `instanceof`).
const coreRoot = join(root, 'src/core');
const coreFiles = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) coreFiles.push(file);
  }
})(coreRoot);
const libraries = new Set();

/** A require() specifier from one output file to another, both given as paths under dist/. */
function specifier(fromDistFile, toDistFile) {
  const rel = relative(dirname(fromDistFile), toDistFile).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
/** src/core/tracker/scan.ts → core/tracker/scan.js (under dist/). */
function coreOutput(file) {
  return 'core/' + relative(coreRoot, file).split(sep).join('/').replace(/\.ts$/, '.js');
}
/** Output path under dist/ of the file being built from `importer`. */
function outputOf(importer) {
  return importer.startsWith(coreRoot + sep) ? coreOutput(importer) : 'extension.js';
}

// Every import that lands in another src/core module, or in a library, stays a require() of
// that module's own file; everything else (JSON data, types) is bundled where it is used.
const splitModulesPlugin = {
  name: 'split-core-modules',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.splitting || args.kind === 'entry-point' || args.path.startsWith('node:') || args.path === 'vscode') return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { splitting: true } });
      if (resolved.errors.length > 0 || resolved.external) return undefined;
      const from = outputOf(args.importer);
      if (resolved.path.startsWith(coreRoot + sep) && resolved.path.endsWith('.ts')) {
        return { path: specifier(from, coreOutput(resolved.path)), external: true };
      }
      if (resolved.path.includes(`${sep}node_modules${sep}`) && args.importer.startsWith(coreRoot + sep) && !args.path.startsWith('.')) {
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        libraries.add(name);
        return { path: specifier(from, `lib/${name.replace('/', '__')}.js`), external: true };
      }
      return undefined;
    });
  },
};

const nodeCjs = {
  ...common,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // import() becomes Promise.resolve().then(() => require(…)) (see above).
  supported: { 'dynamic-import': false },
};

const extensionBuild = {
  ...nodeCjs,
  entryPoints: { extension: join(root, 'src/extension/extension.ts') },
  outdir: join(root, 'dist'),
  external: ['vscode'],
  // Feature names stay readable in the activation report (bench/activation.ts).
  keepNames: true,
  plugins: [splitModulesPlugin],
};

const coreBuild = {
  ...nodeCjs,
  entryPoints: coreFiles,
  outbase: coreRoot,
  outdir: join(root, 'dist/core'),
  plugins: [splitModulesPlugin],
};

/** One CommonJS bundle per library the core imports (known after the core build). */
function libraryBuild() {
  return {
    ...nodeCjs,
    entryPoints: Object.fromEntries([...libraries].sort().map((name) => [name.replace('/', '__'), name])),
    outdir: join(root, 'dist/lib'),
  };
}

const builds = [
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
if (webviewEntries.length === 0) builds.splice(0, 1);
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
  const contexts = await Promise.all([extensionBuild, coreBuild, ...builds].map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.rebuild()));
  await esbuild.build(libraryBuild()); // the core build has named the libraries; they change only with npm install
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('[build] watching for changes');
} else {
  await Promise.all([esbuild.build(extensionBuild), esbuild.build(coreBuild), ...builds.map((options) => esbuild.build(options))]);
  await esbuild.build(libraryBuild());
  console.log(`[build] ${production ? 'production' : 'development'} build done: extension + core modules + libraries (${[...libraries].join(', ')}) + webviews (${webviewEntries.join(', ') || 'none'})`);
}

// Builds the extension (Node, CommonJS, `vscode` external), one browser bundle per
// webview (src/webview/<entry>/main.ts → dist/webview/<entry>.js), the CLI, and copies
// the codicon font. Type-checking is `npm run typecheck` (esbuild only strips types).
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = new URL('..', import.meta.url).pathname;

const webviewEntries = readdirSync(join(root, 'src/webview'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'shared' && existsSync(join(root, 'src/webview', d.name, 'main.ts')))
  .map((d) => d.name);

const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'warning', legalComments: 'none' };

// ─── The extension: a small CommonJS bundle plus lazy core modules ─────────────────────
// Activation loads only dist/extension.js (the VS Code glue). Every pure module under
// src/core that the glue loads with `await import('…/core/…')` becomes its own ES module in
// dist/core/ instead, with the code they share split into chunks, so a capability loads its
// logic and libraries (simple-git, the YAML parser, the scheduler, the catalog) on first use
// and the start-up bundle stays small. esbuild splits only ES modules; the CommonJS glue
// reaches them with a native import(), which Node resolves next to dist/extension.js.
// src/core never imports `vscode`, so these modules run as plain ES modules.
const coreRoot = join(root, 'src/core');
const lazyCoreEntries = new Set();
const lazyCorePlugin = {
  name: 'lazy-core',
  setup(build) {
    build.onResolve({ filter: /core\// }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData?.lazyCore) return undefined;
      const resolved = await build.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir, importer: args.importer, pluginData: { lazyCore: true } });
      if (resolved.errors.length > 0 || !resolved.path.startsWith(coreRoot + sep)) return undefined;
      lazyCoreEntries.add(resolved.path);
      return { path: './' + lazyModulePath(resolved.path), external: true };
    });
  },
};
/** src/core/tracker/scan.ts → core/tracker/scan.mjs (relative to dist/). */
function lazyModulePath(file) {
  return 'core/' + relative(coreRoot, file).split(sep).join('/').replace(/\.ts$/, '.mjs');
}

const extensionBuild = {
  ...common,
  entryPoints: { extension: join(root, 'src/extension/extension.ts') },
  outdir: join(root, 'dist'),
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // Feature names stay readable in the activation report (bench/activation.ts).
  keepNames: true,
  metafile: true,
  plugins: [lazyCorePlugin],
};

/** The lazy core modules, built after the glue has said which ones it loads. */
function lazyCoreBuild() {
  return {
    ...common,
    entryPoints: [...lazyCoreEntries].sort(),
    outbase: coreRoot,
    outdir: join(root, 'dist/core'),
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    // Bundled CommonJS libraries (simple-git) call require() for Node's built-ins.
    banner: { js: "import { createRequire as __lipCreateRequire } from 'node:module'; const require = __lipCreateRequire(import.meta.url);" },
  };
}

/**
 * A core module in both the glue bundle (imported statically) and a lazy module would exist
 * twice at run time: harmless for plain functions, wrong for classes (`instanceof` would fail
 * across the copies) and module state. Such a module must be imported with `await import()`.
 */
const HARMLESS_DUPLICATES = {
  // Memo caches of Intl formatters: a second copy costs a little memory, nothing else.
  'src/core/tracker/calendar.ts': true,
  // resolveInside is called synchronously by the checklist's location code, which reports any
  // error by its message; code that tests `instanceof UnsafePathError` imports safe-fs lazily.
  'src/core/safe-fs.ts': true,
};

function checkNoSharedState(extensionMeta, coreMeta) {
  const inGlue = new Set(Object.keys(Object.values(extensionMeta.outputs).find((o) => o.entryPoint)?.inputs ?? {}));
  const inLazy = new Set(Object.values(coreMeta.outputs).flatMap((o) => Object.keys(o.inputs)));
  const problems = [];
  for (const input of inGlue) {
    if (!input.startsWith('src/core/') || !inLazy.has(input) || HARMLESS_DUPLICATES[input]) continue;
    const text = readFileSync(join(root, input), 'utf8');
    // Top-level classes, `let`/`var`, and `const x = new …` (caches, registries).
    if (/^(export\s+)?(abstract\s+)?class\s|^(export\s+)?(let|var)\s|^(export\s+)?const\s+\w+(\s*:[^=]+)?\s*=\s*new\s/m.test(text)) problems.push(input);
  }
  if (problems.length > 0) {
    throw new Error(`These core modules hold classes or state and are bundled twice (statically in dist/extension.js and in a lazy module): ${problems.join(', ')}. Import them from src/extension with \`await import()\` instead.`);
  }
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
  // The lazy core modules have their own watcher, made anew when the glue starts or stops
  // importing one of them.
  let core = { key: '', context: undefined };
  const rebuildCore = {
    name: 'rebuild-lazy-core',
    setup(build) {
      build.onStart(() => lazyCoreEntries.clear());
      build.onEnd(async (result) => {
        const key = [...lazyCoreEntries].sort().join('\n');
        if (result.errors.length > 0 || key === core.key) return;
        await core.context?.dispose();
        core = { key, context: await esbuild.context(lazyCoreBuild()) };
        await core.context.watch();
      });
    },
  };
  await (await esbuild.context({ ...extensionBuild, plugins: [lazyCorePlugin, rebuildCore] })).watch();
  for (const options of builds) (await esbuild.context(options)).watch();
  console.log('[build] watching for changes');
} else {
  const [extensionResult] = await Promise.all([esbuild.build(extensionBuild), ...builds.map((options) => esbuild.build(options))]);
  const coreResult = await esbuild.build(lazyCoreBuild());
  checkNoSharedState(extensionResult.metafile, coreResult.metafile);
  console.log(`[build] ${production ? 'production' : 'development'} build done: extension + webviews (${webviewEntries.join(', ') || 'none'})`);
}

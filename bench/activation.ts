// Activation cost and bundle sizes, measured in a real extension host (code-server).
// `npm run bench:activation` — packages the extension, opens the sidebar (which activates
// it), and reads the time activate() itself reported (LIP_ACTIVATION_REPORT).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closeBrowser, launchWorkbench, makeTempDir, REPO_ROOT, waitFor } from '../test/vscode/harness';

const TARGETS = { activateMs: 20, extensionKB: 300, webviewKB: 150, vsixKB: 2048 };

async function main() {
  const runs = Number(process.argv[2] ?? 3);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const workspace = makeTempDir();
    const report = path.join(makeTempDir('lip-act-'), 'activation.json');
    const wb = await launchWorkbench({ workspace, env: { LIP_ACTIVATION_REPORT: report } });
    try {
      await wb.openView();
      const data = await waitFor(() => fs.existsSync(report) && JSON.parse(fs.readFileSync(report, 'utf8')), 'the activation report', 60_000);
      samples.push(data.activateMs);
      if (i === runs - 1) console.log('per feature (last run, ms):', JSON.stringify(data.perFeature));
    } finally {
      await wb.close();
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  }
  await closeBrowser();

  const kb = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size / 1024 : NaN);
  const dist = path.join(REPO_ROOT, 'dist');
  const rows: Array<[string, string, string]> = [];
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  rows.push(['activate() (median of ' + runs + ')', `${median.toFixed(1)} ms`, `< ${TARGETS.activateMs} ms`]);
  rows.push(['dist/extension.js', `${kb(path.join(dist, 'extension.js')).toFixed(0)} KB`, `< ${TARGETS.extensionKB} KB`]);
  for (const f of fs.readdirSync(path.join(dist, 'webview')).filter((f) => f.endsWith('.js'))) {
    rows.push([`dist/webview/${f}`, `${kb(path.join(dist, 'webview', f)).toFixed(0)} KB`, `< ${TARGETS.webviewKB} KB`]);
  }
  const lazy = lazyModules(dist);
  rows.push([`dist/core/ + dist/lib/ (${lazy.files} modules, loaded on first use)`, `${lazy.totalKB.toFixed(0)} KB in all`, '']);
  for (const capability of ['checklist', 'scaffold', 'tracker', 'practice', 'kit']) {
    const dir = path.join(dist, 'core', capability);
    const entries = fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
    if (entries.length > 0) rows.push([`  all of core/${capability}/ with what it requires`, `${lazy.closureKB(entries).toFixed(0)} KB`, '']);
  }
  if (fs.existsSync(path.join(dist, 'cli.js'))) rows.push(['dist/cli.js', `${kb(path.join(dist, 'cli.js')).toFixed(0)} KB`, '']);
  rows.push(['learn-in-public.vsix', `${kb(path.join(dist, 'learn-in-public.vsix')).toFixed(0)} KB`, `< ${TARGETS.vsixKB} KB`]);
  console.log('\n| what | measured | target |\n| --- | --- | --- |');
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
}

/** Sizes of the modules loaded on first use, and what some of them load with their requires. */
function lazyModules(dist: string) {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.endsWith('.js')) files.push(path.join(d, e.name));
    }
  };
  for (const dir of ['core', 'lib']) if (fs.existsSync(path.join(dist, dir))) walk(path.join(dist, dir));
  const closureKB = (entries: readonly string[]) => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) visit(path.resolve(path.dirname(file), m[1]));
    };
    for (const entry of entries) visit(entry);
    return [...seen].reduce((sum, f) => sum + fs.statSync(f).size, 0) / 1024;
  };
  return { files: files.length, totalKB: files.reduce((sum, f) => sum + fs.statSync(f).size, 0) / 1024, closureKB };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

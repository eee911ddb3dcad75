// `npm test`: type-check, lint, build + package, unit tests (plain Node), then the
// real-VS-Code suite (code-server + Chromium). Ends with one plain line for CI:
// `N passed, N failed`. Flags: --no-vscode (skip the real-VS-Code suite), --only-vscode.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const runVscode = !args.includes('--no-vscode');
const onlyVscode = args.includes('--only-vscode');
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const tmp = mkdtempSync(join(tmpdir(), 'lip-test-'));

function run(cmd, cmdArgs, env = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: r.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

/** A step that is one check: it passes or fails as a whole. */
function step(name, cmd, cmdArgs) {
  console.log(`\n=== ${name} ===`);
  const r = run(cmd, cmdArgs);
  console.log(`--- ${name}: ${r.ok ? 'ok' : 'FAILED'} (${r.seconds}s)`);
  if (r.ok) totals.passed++;
  else {
    totals.failed++;
    failures.push(name);
  }
  return r.ok;
}

/** A mocha suite: its own counts go into the totals. */
function suite(name, mochaArgs, env = {}) {
  console.log(`\n=== ${name} ===`);
  const summaryFile = join(tmp, `${name.replace(/\W+/g, '-')}.json`);
  rmSync(summaryFile, { force: true });
  const r = run('npx', ['mocha', ...mochaArgs], { ...env, LIP_SUMMARY_FILE: summaryFile });
  if (existsSync(summaryFile)) {
    const s = JSON.parse(readFileSync(summaryFile, 'utf8'));
    totals.passed += s.passed;
    totals.failed += s.failed;
    totals.skipped += s.skipped;
    if (s.failed) failures.push(`${name} (${s.failed} failed)`);
    if (!r.ok && !s.failed) {
      totals.failed++;
      failures.push(`${name} (runner exited with an error)`);
    }
  } else {
    // Mocha crashed before reporting (e.g. a syntax error): count the suite as one failure.
    totals.failed++;
    failures.push(`${name} (did not run)`);
  }
  console.log(`--- ${name}: ${r.ok ? 'ok' : 'FAILED'} (${r.seconds}s)`);
}

if (!onlyVscode) {
  step('type-check', 'npm', ['run', '--silent', 'typecheck']);
  step('lint', 'npm', ['run', '--silent', 'lint']);
}
const packaged = step('build and package', 'npm', ['run', '--silent', 'package']);
const vsix = join(root, 'dist', 'learn-in-public.vsix');
if (packaged && existsSync(vsix)) {
  const size = statSync(vsix).size;
  console.log(`vsix: ${(size / 1024).toFixed(0)} KB`);
  if (size > 2 * 1024 * 1024) {
    totals.failed++;
    failures.push(`vsix is ${(size / 1024 / 1024).toFixed(2)} MB (limit 2 MB)`);
  }
}
if (packaged) step('packaged modules load', 'node', ['scripts/check-dist.mjs']);
// The start-up budget (issue 2): what activation loads, and each webview bundle.
if (packaged) {
  const budgets = [['dist/extension.js', 300], ...readdirSync(join(root, 'dist/webview')).filter((f) => f.endsWith('.js')).map((f) => [`dist/webview/${f}`, 150])];
  for (const [file, limitKB] of budgets) {
    const kb = statSync(join(root, file)).size / 1024;
    if (kb > limitKB) {
      totals.failed++;
      failures.push(`${file} is ${kb.toFixed(0)} KB (budget ${limitKB} KB)`);
    }
  }
}
if (!onlyVscode) suite('unit tests', ['test/unit/**/*.test.ts']);
if (runVscode) {
  if (packaged) suite('real VS Code tests', ['--config', 'test/vscode/.mocharc.json', 'test/vscode/**/*.test.ts'], { LIP_VSIX: vsix });
  else {
    totals.failed++;
    failures.push('real VS Code tests (not run: packaging failed)');
  }
}

rmSync(tmp, { recursive: true, force: true });
if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed ? 1 : 0);

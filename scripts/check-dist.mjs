// After `npm run package`: every module the extension may require on first use loads on its
// own in plain Node (dist/core/**, dist/lib/*), with every relative require() resolving —
// the real-VS-Code suite exercises most of them, this covers the rest. Exit code 1 on failure.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const files = [];
for (const dir of ['core', 'lib']) {
  (function walk(d) {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.js')) files.push(join(d, e.name));
    }
  })(join(dist, dir));
}
const problems = [];
for (const file of files) {
  try {
    require(file);
  } catch (err) {
    problems.push(`${file.slice(dist.length)}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
// The glue reaches core modules by these paths; each must exist.
const glue = readFileSync(join(dist, 'extension.js'), 'utf8');
for (const m of glue.matchAll(/require\("(\.\/core\/[^"]+)"\)/g)) {
  try {
    require.resolve(join(dist, m[1]));
  } catch {
    problems.push(`dist/extension.js requires ${m[1]}, which is not there`);
  }
}
if (problems.length > 0) {
  console.error(`${problems.length} of ${files.length} modules failed to load:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`${files.length} modules in dist/core and dist/lib load; every core module dist/extension.js requires exists.`);

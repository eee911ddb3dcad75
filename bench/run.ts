// The learning tracker's benchmark (issues 5 and 8). For each fixture size it prints, from
// the same run on the same repository:
//   raw floor     `git log --format=%H%x00%at%x00%ae > /dev/null` (what git alone costs)
//   heatmap ready scanRepositories without a cache, until its day counts are handed over
//                 (the streamed day walk; the heatmap and streaks need nothing else)
//   full scan     the same scan until it returns: the day walk, and the published items
//                 found from its commits (cat-file lookups and diff-tree beside it)
//   git log -- posts  a path-limited `--diff-filter=A` log alone, to /dev/null: what a
//                 second walk for posts would cost git alone, for comparison
//   ratio         each against the raw floor
//   peak RSS      of the process doing the full scan (and what Node itself took before it)
//   refresh       after one new commit, in a warm process (the extension's refresh on HEAD move)
//   reopen        a fresh process with the disk cache: nothing changed / one new commit
//   preview       a fresh process reading the cache alone, no git (what the view shows first)
//   start-up      the same full scan and floor on a 100-commit fixture: the scan's fixed cost
//   per commit    the cost added between two sizes, per 1,000 commits, floor against scan
// Refresh and reopen show two times: until the heatmap's day counts are known / until the
// scan returns (posts checked and the cache written).
// Usage: npm run bench -- [--sizes 10k,100k,1m] [--runs 3]
// Every figure is the median of --runs runs (fresh processes); the machine's load is printed.
// Each process resolves the time zone before its clock starts, as the extension does when it
// reads its settings (the first Intl time-zone call costs ~15-18 ms, once per process).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureFixture, run } from './fixture';
import { childrenCpuMs, commitOnTop } from './scan-once';
import { DEFAULT_POSTS_FOLDERS, publishedPathspecs } from '../src/core/tracker/posts';

interface Args {
  sizes: number[];
  runs: number;
}

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`Bad size "${text}" (expected e.g. 10k, 100k, 1m).`);
  return Math.round(Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1e3 : m[2].toLowerCase() === 'm' ? 1e6 : 1));
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [10_000, 100_000, 1_000_000], runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sizes') args.sizes = argv[++i].split(',').map(parseSize);
    else if (argv[i] === '--runs') args.runs = Math.max(1, Number(argv[++i]));
    else if (argv[i] === '--help') {
      console.log('npm run bench -- [--sizes 10k,100k,1m] [--runs 3]');
      process.exit(0);
    } else throw new Error(`Unknown argument ${argv[i]}`);
  }
  return args;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Wall time and CPU time of the raw floor, stdout to /dev/null as in the issue. */
function rawFloor(repo: string): Promise<{ ms: number; cpuMs: number }> {
  return new Promise((resolve, reject) => {
    const devNull = fs.openSync(os.devNull, 'w');
    const cpu0 = childrenCpuMs();
    const t0 = performance.now();
    const child = spawn('git', ['log', '--format=%H%x00%at%x00%ae'], { cwd: repo, stdio: ['ignore', devNull, 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => {
      fs.closeSync(devNull);
      if (code === 0) setImmediate(() => resolve({ ms: performance.now() - t0, cpuMs: childrenCpuMs() - cpu0 }));
      else reject(new Error(`git log exited ${code}`));
    });
  });
}

/**
 * What a second walk for posts would cost git alone: a path-limited `--diff-filter=A` log
 * (what the tracker ran before published-finder.ts), to /dev/null. It opens each commit's
 * trees along the posts folders; the full scan is shown against it too.
 */
async function rawPostsFloor(repo: string): Promise<number> {
  const devNull = fs.openSync(os.devNull, 'w');
  const folders = publishedPathspecs(await existingFolders(repo, DEFAULT_POSTS_FOLDERS));
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('git', ['log', '--diff-merges=off', '--diff-filter=A', '--name-only', '-z', '--format=%H%x00%at%x00%ae%x00%P', '--branches', '--tags', '--remotes', '--', ...folders], { cwd: repo, stdio: ['ignore', devNull, 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git log (posts) exited ${code}`))));
  });
  fs.closeSync(devNull);
  return performance.now() - t0;
}

async function existingFolders(repo: string, folders: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const folder of folders) {
    const type = await run('git', ['-C', repo, 'cat-file', '-t', `HEAD:${folder}`]).catch(() => '');
    if (type.trim() === 'tree') found.push(folder);
  }
  return found;
}

type Measurement = Record<string, number | string>;

function measure(mode: string, ...args: string[]): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'scan-once.ts'), mode, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`scan-once ${mode} exited ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as Measurement);
    });
  });
}

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${Math.round(n)} ms`);

interface Row {
  size: number;
  floor: number;
  postsFloor: number;
  floorCpu: number;
  /** Medians of the ratios of each run against the floor measured just before it. */
  heatmapRatio: number;
  fullRatio: number;
  fullPostsRatio: number;
  moduleLoad: number;
  dayWalk: number;
  full: number;
  fullCpu: number;
  nodeCpu: number;
  gitCpu: number;
  peakRss: number;
  baselineRss: number;
  refresh: number;
  refreshHeatmap: number;
  reopenUnchanged: number;
  reopenUnchangedHeatmap: number;
  reopenOneCommit: number;
  reopenOneCommitHeatmap: number;
  preview: number;
  checks: string[];
}

async function benchSize(size: number, runs: number): Promise<Row> {
  const fixture = await ensureFixture(size, (l) => console.error(l));
  const repo = fixture.dir;
  const originalTip = (await run('git', ['-C', repo, 'rev-parse', 'refs/heads/main'])).trim();
  const checks: string[] = [];
  const floors: number[] = [];
  const postsFloors: number[] = [];
  const heatmapRatios: number[] = [];
  const fullRatios: number[] = [];
  const fullPostsRatios: number[] = [];
  const moduleLoads: number[] = [];
  const walks: number[] = [];
  const fulls: number[] = [];
  const floorCpu: number[] = [];
  const fullCpu: number[] = [];
  const nodeCpu: number[] = [];
  const gitCpu: number[] = [];
  const rss: number[] = [];
  const baseline: number[] = [];
  console.error(`${size.toLocaleString('en')} commits: full scans…`);
  for (let i = 0; i < runs; i++) {
    // Interleaved, so a burst of load on the machine hits both sides alike.
    const floor = await rawFloor(repo);
    floors.push(floor.ms);
    floorCpu.push(floor.cpuMs);
    const postsFloor = await rawPostsFloor(repo);
    postsFloors.push(postsFloor);
    const f = await measure('full', repo);
    heatmapRatios.push((f.heatmapMs as number) / floor.ms);
    fullRatios.push((f.ms as number) / floor.ms);
    fullPostsRatios.push((f.ms as number) / postsFloor);
    moduleLoads.push(f.moduleLoadMs as number);
    walks.push(f.heatmapMs as number);
    fulls.push(f.ms as number);
    fullCpu.push(f.cpuMs as number);
    nodeCpu.push(f.nodeCpuMs as number);
    gitCpu.push(f.gitCpuMs as number);
    rss.push(f.peakRssMB as number);
    baseline.push(f.baselineRssMB as number);
    if (i === 0) checks.push(`full scan counted ${f.commits} of the learner's commits (fixture: ${fixture.learnerCommits}), ${f.posts} published items`);
  }

  console.error(`${size.toLocaleString('en')} commits: cache, refresh and reopen…`);
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lip-bench-cache-'));
  const refreshes: number[] = [];
  const unchanged: number[] = [];
  const oneCommit: number[] = [];
  const refreshesHeatmap: number[] = [];
  const unchangedHeatmap: number[] = [];
  const oneCommitHeatmap: number[] = [];
  const previews: number[] = [];
  let n = 0;
  try {
    const first = await measure('cached', repo, cacheDir);
    if (first.read !== 'full') checks.push(`unexpected: first cached scan read ${first.read}`);
    for (let i = 0; i < runs; i++) {
      const u = await measure('cached', repo, cacheDir);
      if (u.read !== 'unchanged') checks.push(`unexpected: reopen read ${u.read}`);
      unchanged.push(u.ms as number);
      unchangedHeatmap.push(u.heatmapMs as number);
      previews.push(u.previewMs as number);
      await commitOnTop(repo, ++n);
      const c = await measure('cached', repo, cacheDir);
      if (c.read !== 'incremental' || c.commitsRead !== 1) checks.push(`unexpected: reopen after a commit read ${c.read} (${c.commitsRead} commits)`);
      oneCommit.push(c.ms as number);
      oneCommitHeatmap.push(c.heatmapMs as number);
      const r = await measure('refresh', repo, cacheDir, String(++n));
      if (r.read !== 'incremental' || r.commitsRead !== 1) checks.push(`unexpected: refresh read ${r.read} (${r.commitsRead} commits)`);
      refreshes.push(r.ms as number);
      refreshesHeatmap.push(r.heatmapMs as number);
    }
  } finally {
    await run('git', ['-C', repo, 'update-ref', 'refs/heads/main', originalTip]);
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
  return {
    size,
    floor: median(floors),
    postsFloor: median(postsFloors),
    floorCpu: median(floorCpu),
    heatmapRatio: median(heatmapRatios),
    fullRatio: median(fullRatios),
    fullPostsRatio: median(fullPostsRatios),
    moduleLoad: median(moduleLoads),
    dayWalk: median(walks),
    full: median(fulls),
    fullCpu: median(fullCpu),
    nodeCpu: median(nodeCpu),
    gitCpu: median(gitCpu),
    peakRss: median(rss),
    baselineRss: median(baseline),
    refresh: median(refreshes),
    refreshHeatmap: median(refreshesHeatmap),
    reopenUnchanged: median(unchanged),
    reopenUnchangedHeatmap: median(unchangedHeatmap),
    reopenOneCommit: median(oneCommit),
    reopenOneCommitHeatmap: median(oneCommitHeatmap),
    preview: median(previews),
    checks,
  };
}

/** Floor and full scan on a tiny fixture: what a scan costs before the number of commits matters. */
async function benchStartUp(runs: number): Promise<{ floor: number; full: number; nodeCpu: number }> {
  const fixture = await ensureFixture(100, (l) => console.error(l));
  const floors: number[] = [];
  const fulls: number[] = [];
  const nodeCpu: number[] = [];
  console.error('100 commits: start-up…');
  for (let i = 0; i < runs; i++) {
    floors.push((await rawFloor(fixture.dir)).ms);
    const f = await measure('full', fixture.dir);
    fulls.push(f.ms as number);
    nodeCpu.push(f.nodeCpuMs as number);
  }
  return { floor: median(floors), full: median(fulls), nodeCpu: median(nodeCpu) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const gitVersion = (await run('git', ['--version'])).trim();
  const rows: Row[] = [];
  const startUp = await benchStartUp(args.runs);
  for (const size of args.sizes) rows.push(await benchSize(size, args.runs));
  const cpus = os.cpus();
  console.log(`\nLearning tracker benchmark — ${gitVersion}, Node ${process.version}, ${cpus.length}× ${cpus[0]?.model.trim()}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, median of ${args.runs} run(s)\n`);
  console.log('Full scan, no cache:\n');
  console.log('| commits | raw `git log` floor | heatmap ready (× floor) | full scan incl. posts (× floor) | `git log -- <posts>` alone (full scan × it) | peak RSS (Node alone) |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.size.toLocaleString('en')} | ${ms(r.floor)} | ${ms(r.dayWalk)} (${r.heatmapRatio.toFixed(2)}×) | ${ms(r.full)} (${r.fullRatio.toFixed(2)}×) | ${ms(r.postsFloor)} (${r.fullPostsRatio.toFixed(2)}×) | ${r.peakRss} MB (${r.baselineRss} MB) |`);
  }
  console.log(`\nRatios are medians of each run against the floor measured just before it. Loading simple-git, once per process and before the clock: ${ms(median(rows.map((r) => r.moduleLoad)))}.`);
  console.log(`\nStart-up: on a 100-commit fixture the floor is ${ms(startUp.floor)} and a full scan ${ms(startUp.full)} (Node's CPU ${ms(startUp.nodeCpu)}): the scan's fixed cost, whatever the size.`);
  if (rows.length > 1) {
    console.log('\nPer 1,000 commits added (the difference between two sizes):\n');
    console.log('| between | raw floor | full scan incl. posts (× floor) |');
    console.log('|---|---:|---:|');
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      const per = (x: number, y: number) => ((y - x) / (b.size - a.size)) * 1000;
      const floor = per(a.floor, b.floor);
      const full = per(a.full, b.full);
      console.log(`| ${a.size.toLocaleString('en')} and ${b.size.toLocaleString('en')} | ${floor.toFixed(1)} ms | ${full.toFixed(1)} ms (${(full / floor).toFixed(2)}×) |`);
    }
  }
  console.log('\nWith the disk cache (heatmap data ready / scan done):\n');
  console.log('| commits | refresh after 1 new commit | reopen, nothing changed | reopen after 1 new commit | cached heatmap, no git |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.size.toLocaleString('en')} | ${ms(r.refreshHeatmap)} / ${ms(r.refresh)} | ${ms(r.reopenUnchangedHeatmap)} / ${ms(r.reopenUnchanged)} | ${ms(r.reopenOneCommitHeatmap)} / ${ms(r.reopenOneCommit)} | ${ms(r.preview)} |`);
  }
  console.log('\nCPU time (user + system, git and Node together; independent of other load on the machine):\n');
  console.log('| commits | raw floor | full scan incl. posts (× floor) | of which Node | of which git |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.size.toLocaleString('en')} | ${ms(r.floorCpu)} | ${ms(r.fullCpu)} (${(r.fullCpu / r.floorCpu).toFixed(2)}×) | ${ms(r.nodeCpu)} | ${ms(r.gitCpu)} |`);
  }
  const problems = rows.flatMap((r) => r.checks.map((c) => `${r.size.toLocaleString('en')}: ${c}`));
  console.log('');
  for (const p of problems) console.log(`- ${p}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});

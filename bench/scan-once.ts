// One measurement in a fresh Node process (so peak memory is this scan's alone), printed
// as one JSON line for bench/run.ts. Modes:
//   full    <repo>              scanRepositories without a cache (day walk + posts walk),
//                               also timing when the heatmap's day counts were handed over
// Every mode loads simple-git before its clock starts (a once-per-process cost, reported as
// moduleLoadMs), as the extension host has it loaded after its first scan.
//   cached  <repo> <cacheDir>   scanRepositories with the disk cache, as on a window reload;
//                               also times loadCachedScan (what the view shows first)
//   refresh <repo> <cacheDir>   in one process: scan (warm up), commit, scan again — the
//                               refresh the extension does when HEAD moves
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { LEARNER_EMAIL, run } from './fixture';
import { loadCachedScan, scanRepositories } from '../src/core/tracker/scan';
import { assertTimeZone } from '../src/core/tracker/calendar';

const TIME_ZONE = 'Europe/Berlin';

/** CPU time (ms) of this process's reaped child processes (git), from /proc; 0 where there is no /proc. */
export function childrenCpuMs(): number {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17, in clock ticks (100/s).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

/** Appends one commit to main without touching the working tree; returns the old tip. */
export async function commitOnTop(repo: string, n: number): Promise<string> {
  const old = (await run('git', ['-C', repo, 'rev-parse', 'refs/heads/main'])).trim();
  const tree = (await run('git', ['-C', repo, 'rev-parse', `${old}^{tree}`])).trim();
  const stamp = `${1766170000 + n * 60} +0100`;
  const sha = await new Promise<string>((resolve, reject) => {
    const child = spawn('git', ['-C', repo, 'commit-tree', tree, '-p', old, '-m', `bench commit ${n}`], {
      env: { ...process.env, GIT_AUTHOR_NAME: 'Learner', GIT_AUTHOR_EMAIL: LEARNER_EMAIL, GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_NAME: 'Learner', GIT_COMMITTER_EMAIL: LEARNER_EMAIL, GIT_COMMITTER_DATE: stamp },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`commit-tree exited ${code}`))));
  });
  await run('git', ['-C', repo, 'update-ref', 'refs/heads/main', sha, old]);
  return old;
}

async function main(): Promise<void> {
  const [mode, repo, cacheDir] = process.argv.slice(2);
  const options = { repos: [repo], emails: [LEARNER_EMAIL], timeZone: TIME_ZONE };
  // As in the extension (reading its settings) and the CLI: the time zone is resolved before
  // the scan starts. The first Intl time-zone call in a process costs ~15-18 ms (ICU data).
  assertTimeZone(TIME_ZONE);
  // simple-git (the small calls) is loaded on the first scan of a process; the extension
  // host keeps it loaded afterwards. Load it before the clock starts and report it apart.
  const loadStarted = performance.now();
  await import('simple-git');
  const moduleLoadMs = performance.now() - loadStarted;
  const rssBefore = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const children0 = childrenCpuMs();
  const t0 = performance.now();
  const out: Record<string, unknown> & { nodeCpuMs?: number; gitCpuMs?: number } = { mode, moduleLoadMs };
  if (mode === 'full') {
    const result = await scanRepositories({ ...options, onHeatmap: () => (out.heatmapMs = performance.now() - t0) });
    out.ms = performance.now() - t0;
    out.commits = result.perRepo[0].commits;
    out.days = result.days.size;
    out.posts = result.posts.length;
    out.read = result.perRepo[0].read;
  } else if (mode === 'cached') {
    const preview = await loadCachedScan({ ...options, cacheDir });
    out.previewMs = performance.now() - t0;
    out.previewDays = preview?.days.size ?? 0;
    const t1 = performance.now();
    const result = await scanRepositories({ ...options, cacheDir, onHeatmap: () => (out.heatmapMs = performance.now() - t1) });
    out.ms = performance.now() - t1;
    out.read = result.perRepo[0].read;
    out.commitsRead = result.perRepo[0].commitsRead;
    out.commits = result.perRepo[0].commits;
  } else if (mode === 'refresh') {
    await scanRepositories({ ...options, cacheDir });
    await commitOnTop(repo, Number(process.argv[5] ?? 1));
    const t1 = performance.now();
    const result = await scanRepositories({ ...options, cacheDir, onHeatmap: () => (out.heatmapMs = performance.now() - t1) });
    out.ms = performance.now() - t1;
    out.read = result.perRepo[0].read;
    out.commitsRead = result.perRepo[0].commitsRead;
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  const cpu = process.cpuUsage(cpu0);
  out.nodeCpuMs = (cpu.user + cpu.system) / 1000;
  out.gitCpuMs = childrenCpuMs() - children0;
  out.cpuMs = out.nodeCpuMs + out.gitCpuMs;
  out.peakRssMB = mb(process.resourceUsage().maxRSS * 1024);
  out.baselineRssMB = mb(rssBefore);
  process.stdout.write(JSON.stringify(out) + '\n');
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}

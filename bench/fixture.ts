// Deterministic fixture repositories for the tracker benchmark, built with `git fast-import`.
// Same seed, same dates, same authors → the same commits (and SHAs) on every machine, so
// figures from different runs compare. Built once per size and kept under bench/.fixtures/
// (git-ignored).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Bump when the generated history changes, so stale fixtures are rebuilt. */
const GENERATOR_VERSION = 3;
export const FIXTURE_ROOT = path.join(__dirname, '.fixtures');

export const LEARNER_EMAIL = 'learner@example.com';
/** An old address of the learner, mapped to LEARNER_EMAIL by the fixture's .mailmap. */
const LEARNER_OLD_EMAIL = 'learner@old-laptop.example.org';
const COLLABORATORS = ['ada@example.net', 'grace@example.net', 'alan@example.net', 'katherine@example.net'];
const TIME_ZONES = ['+0000', '+0100', '+0200', '-0500', '-0800', '+0530', '+0900'];
const START_EPOCH = Date.UTC(2015, 0, 5, 9, 0, 0) / 1000;
const END_EPOCH = Date.UTC(2025, 11, 19, 18, 0, 0) / 1000;

/** mulberry32: a tiny seeded PRNG, good enough to shuffle authors and gaps reproducibly. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FixtureInfo {
  readonly dir: string;
  readonly commits: number;
  readonly learnerCommits: number;
  readonly posts: number;
}

export function fixtureDir(commits: number): string {
  return path.join(FIXTURE_ROOT, `repo-${commits}-v${GENERATOR_VERSION}`);
}

/** Returns the fixture for `commits`, generating it first when missing. */
export async function ensureFixture(commits: number, log: (line: string) => void = () => undefined): Promise<FixtureInfo> {
  const dir = fixtureDir(commits);
  const marker = path.join(dir, 'fixture.json');
  if (fs.existsSync(marker)) return JSON.parse(fs.readFileSync(marker, 'utf8')) as FixtureInfo;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  await run('git', ['init', '-q', '-b', 'main', dir]);
  const started = Date.now();
  log(`generating ${commits.toLocaleString('en')} commits in ${path.relative(process.cwd(), dir)} …`);
  const info = await fastImport(dir, commits);
  // A working tree, so git finds the .mailmap like in a real clone.
  await run('git', ['-C', dir, 'reset', '-q', '--hard']);
  log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  fs.writeFileSync(marker, JSON.stringify(info, null, 2));
  return info;
}

async function fastImport(dir: string, total: number): Promise<FixtureInfo> {
  // glibc otherwise grows and trims the heap around every zlib stream: 5× slower, all in brk().
  const env = { ...process.env, MALLOC_TOP_PAD_: String(256 << 20), MALLOC_TRIM_THRESHOLD_: String(256 << 20) };
  const child = spawn('git', ['-C', dir, 'fast-import', '--quiet', '--done'], { stdio: ['pipe', 'ignore', 'inherit'], env });
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited with ${code}`))));
  });
  const random = seededRandom(0x5eed_2025);
  const meanGap = (END_EPOCH - START_EPOCH) / total;
  let time = START_EPOCH;
  let mark = 0;
  let mainMark = 0;
  let learnerCommits = 0;
  let posts = 0;
  let chunk: string[] = [];
  let chunkBytes = 0;

  const write = async (text: string) => {
    chunk.push(text);
    chunkBytes += text.length;
    if (chunkBytes > 1 << 20) await flush();
  };
  const flush = async () => {
    const data = chunk.join('');
    chunk = [];
    chunkBytes = 0;
    if (!child.stdin.write(data)) await new Promise((r) => child.stdin.once('drain', r));
  };
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;

  const commit = async (ref: string, from: number | undefined, merge: number | undefined, files: string[], message: string) => {
    mark++;
    // Gaps: mostly short bursts, sometimes a long pause (whole days off), mean = meanGap.
    const r = random();
    time += Math.max(1, Math.round(r < 0.85 ? meanGap * 0.35 * random() * 2 : meanGap * 4.7 * random() * 2));
    const zone = TIME_ZONES[Math.floor(random() * TIME_ZONES.length)];
    const who = random();
    let email: string;
    if (who < 0.8) {
      email = who < 0.08 ? LEARNER_OLD_EMAIL : LEARNER_EMAIL;
      learnerCommits++;
    } else {
      email = COLLABORATORS[Math.floor(random() * COLLABORATORS.length)];
    }
    const name = email.split('@')[0];
    // The author date sometimes lies hours before the commit date (a rebase or an amend).
    const authorTime = random() < 0.1 ? Math.max(START_EPOCH, time - Math.floor(random() * 7200)) : time;
    let text = `commit ${ref}\nmark :${mark}\nauthor ${name} <${email}> ${authorTime} ${zone}\ncommitter ${name} <${email}> ${time} ${zone}\n${data(message)}`;
    if (from !== undefined) text += `from :${from}\n`;
    if (merge !== undefined) text += `merge :${merge}\n`;
    for (const f of files) text += `M 100644 inline ${f}\n${data(`${f} at commit ${mark}\n`)}`;
    await write(text + '\n');
    return mark;
  };

  // First commit: README and the mailmap that folds the learner's old address into the new.
  mark++;
  mainMark = mark;
  learnerCommits++;
  await write(
    `commit refs/heads/main\nmark :${mark}\nauthor Learner <${LEARNER_EMAIL}> ${START_EPOCH} +0000\ncommitter Learner <${LEARNER_EMAIL}> ${START_EPOCH} +0000\n${data('Start the learning log')}` +
      `M 100644 inline README.md\n${data('# Learning log\n')}` +
      `M 100644 inline .mailmap\n${data(`Learner <${LEARNER_EMAIL}> <${LEARNER_OLD_EMAIL}>\n`)}\n`,
  );
  let made = 1;
  let topic = 0;
  while (made < total) {
    const n = made;
    if (n % 400 === 0 && total - made > 5) {
      // A topic branch of three commits, merged back into main with a merge commit.
      const ref = `refs/heads/topic-${topic++ % 10}`;
      let tip = await commit(ref, mainMark, undefined, [`topics/t${n % 37}.txt`], `Topic work ${n}`);
      tip = await commit(ref, tip, undefined, [`topics/t${(n + 1) % 37}.txt`], `Topic work ${n + 1}`);
      tip = await commit(ref, tip, undefined, [`topics/t${(n + 2) % 37}.txt`], `Topic work ${n + 2}`);
      mainMark = await commit('refs/heads/main', undefined, tip, [], `Merge topic ${n}`);
      made += 4;
      continue;
    }
    const files = [`src/m${n % 53}/f${n % 997}.txt`];
    let message = `Learn step ${n}`;
    if (n % 150 === 75) {
      files.push(`content/posts/post-${n}.md`);
      message = `Publish post ${n}`;
      posts++;
    }
    if (n % 2000 === 1000) files.push(`projects/p${n}/README.md`);
    // No `from` here: main already points at mainMark, and a `from` makes fast-import reload the tree.
    mainMark = await commit('refs/heads/main', undefined, undefined, files, message);
    made++;
    if (n % 5000 === 0) await write(`tag v0.${n / 5000}\nfrom :${mainMark}\ntagger Learner <${LEARNER_EMAIL}> ${time} +0000\n${data(`Milestone ${n}`)}`);
  }
  await write('done\n');
  await flush();
  child.stdin.end();
  await exited;
  return { dir, commits: mark, learnerCommits, posts };
}

export function run(cmd: string, args: string[], cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')}: ${err.trim()}`))));
  });
}

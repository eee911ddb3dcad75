// The command-line tool end to end: a real process on real temp repositories.
// Runs src/cli/main.ts through tsx; set LIP_CLI=dist to run the bundled dist/cli.js instead.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { main } from '../../../src/cli/main';
import { CARD_MARKER_END, CARD_MARKER_START } from '../../../src/core/tracker/readme-markers';
import { createRepo, tempDir, type TempRepo } from './cli-temp-repo';

const ROOT = resolve(__dirname, '../../..');
const CLI = process.env.LIP_CLI === 'dist' ? [join(ROOT, 'dist/cli.js')] : ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null' } }, (err, stdout, stderr) => {
      done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** The same entry point in this process (fast, for the argument checks that never reach git). */
async function inProcess(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (l) => (stdout += `${l}\n`), err: (l) => (stderr += `${l}\n`) });
  return { code, stdout, stderr };
}

describe('learn-in-public command line', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  const fixed = ['--time-zone', 'Europe/Berlin', '--today', '2025-06-11'];

  before(() => {
    repo = createRepo();
    // Mon 2 – Wed 4 June, then Fri 6, Mon 9, Tue 10 (a weekend in between), nothing today (Wed 11).
    for (const day of ['2025-06-02', '2025-06-03', '2025-06-04', '2025-06-06', '2025-06-09', '2025-06-10']) {
      repo.commit({ date: `${day}T21:30:00+02:00`, subject: `Study notes ${day}` });
    }
    repo.commit({ date: '2025-06-10T22:00:00+02:00', subject: 'Publish a post', file: 'content/posts/attention.md', content: '---\ntitle: Attention\n---\nHello\n' });
    repo.commit({ date: '2025-06-08T10:00:00+02:00', subject: 'Not mine', email: 'someone@else.org' });
  });
  after(() => repo.cleanup());

  it('--help explains the options and exit codes', async () => {
    const r = await cli('--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /learn-in-public card --repo PATH/);
    assert.match(r.stdout, /--rest-days DAYS/);
    assert.match(r.stdout, /Exit codes:/);
  });

  it('--version prints the package version', async () => {
    const r = await cli('--version');
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('writes the light and dark cards and adds the README block, leaving the README text alone', async () => {
    const out = tempDir('lip-out-');
    const readme = '# Hi, I am Ada\r\n\r\nI write about ML.\r\n';
    writeFileSync(join(out, 'README.md'), readme);
    const r = await cli('card', '--repo', repo.dir, '--email', 'me@example.com', '--out', out, '--readme', ...fixed);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Current streak: 2 days \(at risk today\); longest: 3 days; posts published this year: 1\./);
    for (const theme of ['light', 'dark']) {
      const svg = readFileSync(join(out, `learn-in-public-card-${theme}.svg`), 'utf8');
      assert.equal(XMLValidator.validate(svg), true);
      assert.ok(svg.includes('Jun 9 – Jun 10, 2025'), 'current streak dates');
      assert.ok(!svg.includes('me@example.com') && !svg.includes('someone@else.org'), 'no email on the card');
    }
    const after = readFileSync(join(out, 'README.md'), 'utf8');
    assert.ok(after.startsWith(readme));
    assert.ok(after.includes(`${CARD_MARKER_START}\r\n<picture>\r\n`));
    assert.ok(after.includes('srcset="learn-in-public-card-dark.svg"'));
    assert.ok(after.trimEnd().endsWith(CARD_MARKER_END));
    assert.deepEqual(readdirSync(out).sort(), ['README.md', 'learn-in-public-card-dark.svg', 'learn-in-public-card-light.svg'], 'no temp files left');

    const again = await cli('card', '--repo', repo.dir, '--email', 'me@example.com', '--out', out, '--readme', ...fixed);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /README already up to date/);
  });

  it('rest days and weekly mode change the streaks as the rules say', async () => {
    const out = tempDir('lip-out-');
    const rest = await cli('card', '--repo', repo.dir, '--email', 'me@example.com', '--out', out, '--rest-days', 'sat,sun', ...fixed);
    assert.equal(rest.code, 0, rest.stderr);
    // Thu 5 June is a missed workday: the run after it is Fri 6 + (weekend) + Mon 9 + Tue 10.
    assert.match(rest.stdout, /Current streak: 3 days \(at risk today\); longest: 3 days/);
    const weekly = await cli('card', '--repo', repo.dir, '--email', 'me@example.com', '--out', out, '--mode', 'weekly', ...fixed);
    assert.equal(weekly.code, 0, weekly.stderr);
    assert.match(weekly.stdout, /Current streak: 2 weeks; longest: 2 weeks/);
  });

  it('names repositories only with --show-repos', async () => {
    const out = tempDir('lip-out-');
    const name = repo.dir.split(/[\\/]/).pop()!;
    await cli('card', '--repo', repo.dir, '--email', 'me@example.com', '--out', out, ...fixed);
    assert.ok(!readFileSync(join(out, 'learn-in-public-card-light.svg'), 'utf8').includes(name));
    const r = await cli('card', '--repo', repo.dir, '--email', 'me@example.com', '--out', out, '--show-repos', ...fixed);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(readFileSync(join(out, 'learn-in-public-card-light.svg'), 'utf8').includes(name));
  });

  it('uses the repository user.email when no --email is given', async () => {
    const out = tempDir('lip-out-');
    const r = await cli('card', '--repo', repo.dir, '--out', out, ...fixed);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /longest: 3 days/);
  });

  it('a repository path that vanished: exit 3, a clear message, nothing written', async () => {
    const out = tempDir('lip-out-');
    const gone = join(tempDir(), 'moved-away');
    const r = await cli('card', '--repo', repo.dir, '--repo', gone, '--email', 'me@example.com', '--out', out, ...fixed);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /moved-away does not exist \(was it moved or deleted\?\)/);
    assert.deepEqual(readdirSync(out), []);
  });

  it('a folder that is not a repository: exit 3, nothing written', async () => {
    const out = tempDir('lip-out-');
    const r = await cli('card', '--repo', tempDir(), '--email', 'me@example.com', '--out', out, ...fixed);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /not a git repository/);
    assert.deepEqual(readdirSync(out), []);
  });

  it('an output folder that cannot be written: exit 4 and why', async () => {
    let target: string;
    if (process.getuid?.() === 0) {
      target = '/sys/kernel'; // root ignores file modes; sysfs refuses new files even to root
    } else {
      target = tempDir('lip-ro-');
      chmodSync(target, 0o555);
    }
    const r = await cli('card', '--repo', repo.dir, '--email', 'me@example.com', '--out', target, ...fixed);
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stderr, /Cannot write to .* \((EACCES|EPERM|EROFS)\)/);
  });

  it('an output path that is a file: exit 4', async () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    const r = await cli('card', '--repo', repo.dir, '--email', 'me@example.com', '--out', file, ...fixed);
    assert.equal(r.code, 4);
    assert.match(r.stderr, /is a file, not a folder/);
    assert.equal(readFileSync(file, 'utf8'), 'x');
  });

  it('a README with one marker: exit 5 naming the line, and no card written', async () => {
    const out = tempDir('lip-out-');
    const readme = `# Me\n\nintro\n${CARD_MARKER_START}\nold\n`;
    writeFileSync(join(out, 'README.md'), readme);
    const r = await cli('card', '--repo', repo.dir, '--email', 'me@example.com', '--out', out, '--readme', ...fixed);
    assert.equal(r.code, 5);
    assert.match(r.stderr, /start marker on line 4 but no end marker/);
    assert.equal(readFileSync(join(out, 'README.md'), 'utf8'), readme);
    assert.equal(existsSync(join(out, 'learn-in-public-card-light.svg')), false);
  });

  it('a README with the marker pair twice: exit 5 naming every line', async () => {
    const out = tempDir('lip-out-');
    writeFileSync(join(out, 'README.md'), `${CARD_MARKER_START}\n${CARD_MARKER_END}\n${CARD_MARKER_START}\n${CARD_MARKER_END}\n`);
    const r = await cli('card', '--repo', repo.dir, '--email', 'me@example.com', '--out', out, '--readme', ...fixed);
    assert.equal(r.code, 5);
    assert.match(r.stderr, /start on lines 1 and 3, end on lines 2 and 4/);
  });

  for (const [label, args, message] of [
    ['an unknown option', ['card', '--repo', '.', '--out', '.', '--colour', 'red'], /Unknown option '--colour'/],
    ['a missing --out', ['card', '--repo', '.'], /--out DIR/],
    ['no --repo', ['card', '--out', '.'], /--repo PATH/],
    ['an unknown time zone', ['card', '--repo', '.', '--out', '.', '--time-zone', 'Mars/Olympus'], /not a known time zone/],
    ['a bad rest day', ['card', '--repo', '.', '--out', '.', '--rest-days', 'sat,funday'], /"funday" is not a weekday/],
    ['a bad mode', ['card', '--repo', '.', '--out', '.', '--mode', 'monthly'], /--mode must be daily or weekly/],
    ['a bad date', ['card', '--repo', '.', '--out', '.', '--today', '2025-13-01'], /--today must be a date/],
    ['no command', [], /Missing a command/],
  ] as const) {
    it(`${label}: exit 2 with a usage message`, async () => {
      const r = await inProcess(...args);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /learn-in-public --help/);
    });
  }
});

import assert from 'node:assert/strict';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildWeeklySummary,
  escapeMarkdown,
  parseSubjectLog,
  postTitle,
  readWeekCommits,
  weekEndingOn,
  weeklySummaryMarkdown,
  type RepositoryCommits,
} from '../../../src/core/tracker/weekly-summary';
import { createRepo, git, tempDir, type TempRepo } from './cli-temp-repo';

const range = weekEndingOn('2025-06-11'); // Thu 5 – Wed 11 June 2025
const sha = (n: number) => n.toString(16).padStart(40, 'a');

describe('weekly summary draft', () => {
  it('covers the 7 days ending today', () => {
    assert.deepEqual(range, { start: '2025-06-05', end: '2025-06-11' });
  });

  it("groups the week's commit subjects by repository, busiest first, oldest subject first", () => {
    const repos: RepositoryCommits[] = [
      { repository: 'blog', commits: [{ sha: sha(1), subject: 'Draft post on attention', day: '2025-06-06' }] },
      {
        repository: 'ml-notes',
        commits: [
          { sha: sha(3), subject: 'Add LoRA notes', day: '2025-06-10' },
          { sha: sha(2), subject: 'Start transformer notes', day: '2025-06-05' },
        ],
      },
    ];
    const s = buildWeeklySummary({ range, repositories: repos });
    const body = s.body;
    assert.ok(body.indexOf('### ml\\-notes') === -1 && body.indexOf('### ml-notes') < body.indexOf('### blog'));
    assert.ok(body.indexOf('Start transformer notes') < body.indexOf('Add LoRA notes'));
    assert.equal(s.title, 'What I learned this week (Jun 5 – Jun 11, 2025)');
    assert.deepEqual(s.counts, { commits: 3, repositories: 2, posts: 0, checklist: 0 });
  });

  it('does not claim a week without commits when no repository could be read', () => {
    const nothingRead = buildWeeklySummary({ range, repositories: [], checklist: [{ title: 'Publish a TIL', day: '2025-06-06' }], repositoriesRead: 0 });
    assert.doesNotMatch(nothingRead.body, /No commits this week/);
    assert.match(nothingRead.body, /<!-- No git repository was read for this draft[^>]*-->/);
    assert.match(nothingRead.body, /Publish a TIL/);
    // A repository that was read and had nothing this week: that is a quiet week.
    const quietWeek = buildWeeklySummary({ range, repositories: [], repositoriesRead: 1 });
    assert.match(quietWeek.body, /No commits this week, and that is fine/);
  });

  it('leaves out commits, posts and checklist items from outside the week', () => {
    const s = buildWeeklySummary({
      range,
      repositories: [{ repository: 'r', commits: [{ sha: sha(1), subject: 'old work', day: '2025-06-04' }, { sha: sha(2), subject: 'future', day: '2025-06-12' }] }],
      posts: [{ title: 'Old post', day: '2025-05-01' }],
      checklist: [{ title: 'Old step', day: '2025-06-01' }],
    });
    assert.ok(!/old work|future|Old post|Old step/.test(s.body));
    assert.ok(s.body.includes('No commits this week'));
    assert.deepEqual(s.counts, { commits: 0, repositories: 0, posts: 0, checklist: 0 });
  });

  it('counts a commit found in two repositories (a fork and its clone) once', () => {
    const c = { sha: sha(7), subject: 'Shared commit', day: '2025-06-08' };
    const s = buildWeeklySummary({ range, repositories: [{ repository: 'clone', commits: [c] }, { repository: 'fork', commits: [c] }] });
    assert.equal(s.body.split('Shared commit').length - 1, 1);
    assert.equal(s.counts.repositories, 1);
  });

  it('orders subjects within a day by time, oldest first', () => {
    const s = buildWeeklySummary({
      range,
      repositories: [
        {
          repository: 'r',
          commits: [
            { sha: sha(2), subject: 'Evening', day: '2025-06-09', at: 1749495600 },
            { sha: sha(1), subject: 'Morning', day: '2025-06-09', at: 1749459600 },
          ],
        },
      ],
    });
    assert.ok(s.body.indexOf('Morning') < s.body.indexOf('Evening'));
  });

  it('collapses repeated subjects with a count', () => {
    const s = buildWeeklySummary({ range, repositories: [{ repository: 'r', commits: [1, 2, 3].map((n) => ({ sha: sha(n), subject: 'wip', day: '2025-06-09' })) }] });
    assert.ok(s.body.includes('- wip (×3)'));
  });

  it('lists posts published (linked) and checklist items completed', () => {
    const s = buildWeeklySummary({
      range,
      repositories: [],
      posts: [{ title: 'Attention, explained', path: 'content/posts/attention explained.md', day: '2025-06-09' }],
      checklist: [{ title: 'Pin six repositories on my profile', day: '2025-06-07' }],
    });
    assert.ok(s.body.includes('## Posts I published\n\n- [Attention, explained](content/posts/attention%20explained.md)'));
    assert.ok(s.body.includes('## Career steps I completed\n\n- Pin six repositories on my profile'));
  });

  it('tells a commit that published a post once, as the post, and still counts it', () => {
    const post = { sha: sha(1), subject: 'Post: churn project write-up', day: '2025-06-09' };
    const work = { sha: sha(2), subject: 'Tune the churn model', day: '2025-06-09' };
    const posts = [{ title: 'Churn project write-up', path: 'content/posts/churn.md', day: '2025-06-09', sha: sha(1) }];
    const s = buildWeeklySummary({ range, repositories: [{ repository: 'blog', commits: [post, work] }], posts });
    assert.ok(s.body.includes('### blog\n\n- Tune the churn model\n'), s.body);
    assert.ok(!s.body.includes('Post: churn project write-up'), s.body);
    assert.ok(s.body.includes('- [Churn project write-up](content/posts/churn.md)'));
    assert.equal(s.counts.commits, 2);
    // A week of nothing but that post: no empty "What I worked on", and no "no commits" either.
    const only = buildWeeklySummary({ range, repositories: [{ repository: 'blog', commits: [post] }], posts });
    assert.ok(!only.body.includes('## What I worked on') && !only.body.includes('No commits this week'), only.body);
    assert.equal(only.counts.commits, 1);
  });

  it('keeps hostile subjects as literal text in the Markdown', () => {
    const s = buildWeeklySummary({
      range,
      repositories: [
        {
          repository: '<b>repo</b>',
          commits: [
            { sha: sha(1), subject: '<img src=x onerror=alert(1)>', day: '2025-06-09' },
            { sha: sha(2), subject: '[click](javascript:alert(1)) **bold** `code`', day: '2025-06-09' },
            { sha: sha(3), subject: '# not a heading\nsecond line', day: '2025-06-09' },
          ],
        },
      ],
    });
    assert.ok(!/(?<!\\)<img/.test(s.body), 'no raw HTML tag');
    assert.ok(s.body.includes('\\<img src=x onerror=alert(1)\\>'));
    assert.ok(s.body.includes('\\[click\\](javascript:alert(1)) \\*\\*bold\\*\\* \\`code\\`'));
    assert.ok(s.body.includes('- \\# not a heading second line'));
    assert.ok(s.body.includes('### \\<b\\>repo\\</b\\>'));
  });

  it('has prompts for what was learned, with their sources, in comments that never publish', () => {
    const s = buildWeeklySummary({ range, repositories: [] });
    assert.ok(s.body.includes('## What I learned'));
    assert.match(s.body, /<!--[\s\S]*source: Blog post "Notes on: Getting an ML job" \(003_71b1740b79917299\.txt\)[\s\S]*-->/);
  });

  it('as a plain Markdown document it starts with the title as a heading', () => {
    const md = weeklySummaryMarkdown(buildWeeklySummary({ range, repositories: [] }));
    assert.ok(md.startsWith('# What I learned this week (Jun 5 – Jun 11, 2025)\n\n_Jun 5 – Jun 11, 2025_'));
  });

  it('escapes Markdown without making ordinary text unreadable', () => {
    assert.equal(escapeMarkdown('Fix typo in README.md'), 'Fix typo in README.md');
    assert.equal(escapeMarkdown('1. first'), '1\\. first');
    assert.equal(escapeMarkdown('- dash'), '\\- dash');
    assert.equal(escapeMarkdown('a & b'), 'a \\& b');
    assert.equal(escapeMarkdown('path\\to'), 'path\\\\to');
    assert.equal(escapeMarkdown('{{< shortcode >}} and {% raw %}'), '\\{\\{\\< shortcode \\>\\}\\} and \\{\\% raw %\\}');
  });
});

describe('weekly summary: reading the week from git', () => {
  const repos: TempRepo[] = [];
  after(() => repos.forEach((r) => r.cleanup()));

  it("reads the user's subjects of the week in the user's time zone, on every branch", () => {
    const repo = createRepo();
    repos.push(repo);
    repo.commit({ date: '2025-06-04T23:30:00+02:00', subject: 'Before the week (Berlin)' });
    repo.commit({ date: '2025-06-05T00:30:00+02:00', subject: 'First day of the week' });
    repo.commit({ date: '2025-06-09T12:00:00+02:00', subject: 'Someone else', email: 'other@example.com' });
    repo.commit({ date: '2025-06-10T09:00:00+02:00', subject: 'Uppercase email', email: 'ME@Example.com' });
    git(repo.dir, ['checkout', '-q', '-b', 'side']);
    repo.commit({ date: '2025-06-11T22:00:00+02:00', subject: 'On a side branch' });
    git(repo.dir, ['checkout', '-q', 'main']);
    return readWeekCommits(repo.dir, { emails: ['me@example.com'], range, timeZone: 'Europe/Berlin' }).then((commits) => {
      assert.deepEqual(commits.map((c) => c.subject).sort(), ['First day of the week', 'On a side branch', 'Uppercase email']);
      assert.ok(commits.every((c) => /^[0-9a-f]{40}$/.test(c.sha)));
    });
  });

  it('honours .mailmap: an old address mapped to the user counts', async () => {
    const repo = createRepo();
    repos.push(repo);
    writeFileSync(join(repo.dir, '.mailmap'), 'Test User <me@example.com> <old@school.edu>\n');
    repo.commit({ date: '2025-06-09T10:00:00Z', subject: 'From my old address', email: 'old@school.edu' });
    const commits = await readWeekCommits(repo.dir, { emails: ['me@example.com'], range, timeZone: 'UTC' });
    assert.deepEqual(commits.map((c) => c.subject), ['From my old address']);
  });

  it('uses the committer date when the setting says so', async () => {
    const repo = createRepo();
    repos.push(repo);
    repo.commit({ date: '2025-05-01T10:00:00Z', committerDate: '2025-06-09T10:00:00Z', subject: 'Rebased this week' });
    assert.equal((await readWeekCommits(repo.dir, { emails: ['me@example.com'], range, timeZone: 'UTC' })).length, 0);
    assert.equal((await readWeekCommits(repo.dir, { emails: ['me@example.com'], range, timeZone: 'UTC', dateKind: 'committer' })).length, 1);
  });

  it('an empty repository gives an empty week, not an error', async () => {
    const repo = createRepo();
    repos.push(repo);
    assert.deepEqual(await readWeekCommits(repo.dir, { emails: ['me@example.com'], range, timeZone: 'UTC' }), []);
  });

  it('a folder that is not a repository gives a clear error', async () => {
    const dir = tempDir();
    await assert.rejects(readWeekCommits(dir, { emails: ['me@example.com'], range, timeZone: 'UTC' }), /not a git repository/i);
  });

  it('a missing git binary gives a clear error', async () => {
    const path = process.env.PATH;
    process.env.PATH = tempDir(); // an empty folder: no git on this PATH
    try {
      await assert.rejects(readWeekCommits(tempDir(), { emails: [], range, timeZone: 'UTC' }), /git was not found/);
    } finally {
      process.env.PATH = path;
    }
  });

  it('with the committer date, the author email is still the one that must be yours (as in the tracker)', async () => {
    const repo = createRepo();
    repos.push(repo);
    repo.commit({ date: '2025-06-09T10:00:00Z', subject: 'Applied by me', email: 'contributor@example.net', committerEmail: 'me@example.com' });
    repo.commit({ date: '2025-06-09T11:00:00Z', subject: 'Merged on GitHub', email: 'me@example.com', committerEmail: 'noreply@github.com' });
    const byCommitter = await readWeekCommits(repo.dir, { emails: ['me@example.com'], range, timeZone: 'UTC', dateKind: 'committer' });
    assert.deepEqual(byCommitter.map((c) => c.subject), ['Merged on GitHub']);
    assert.deepEqual((await readWeekCommits(repo.dir, { emails: ['me@example.com'], range, timeZone: 'UTC' })).map((c) => c.subject), ['Merged on GitHub']);
  });

  it("a hostile repository config cannot make it run a command", async () => {
    const repo = createRepo();
    repos.push(repo);
    repo.commit({ date: '2025-06-09T10:00:00Z', subject: 'Normal work' });
    const marker = join(repo.dir, 'PWNED');
    const script = join(repo.dir, 'evil.sh');
    writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\ncat\n`);
    chmodSync(script, 0o755);
    for (const [key, value] of [
      ['core.fsmonitor', script],
      ['core.pager', script],
      ['log.showSignature', 'true'],
      ['gpg.program', script],
      ['diff.external', script],
      ['color.ui', 'always'],
    ]) git(repo.dir, ['config', key, value]);
    const commits = await readWeekCommits(repo.dir, { emails: ['me@example.com'], range, timeZone: 'UTC' });
    assert.deepEqual(commits.map((c) => c.subject), ['Normal work']);
    assert.equal(existsSync(marker), false, 'the repository config ran a command');
  });

  it('drops malformed and cut-off records', () => {
    const good = `${sha(1)}\x1f1749463200\x1f1749463200\x1fme@example.com\x1fGood\x1e`;
    const output = [`\n${good}`, '\nnot-a-sha\x1f1\x1f1\x1fme@example.com\x1fBad\x1e', `\n${sha(2)}\x1fxx\x1f1\x1fme@example.com\x1fBad date\x1e`, `\n${sha(3)}\x1f1749463200\x1f1749463200\x1fme@exa`].join('');
    const commits = parseSubjectLog(output, { emails: ['me@example.com'], range, timeZone: 'UTC' });
    assert.deepEqual(commits.map((c) => c.subject), ['Good']);
  });
});

describe('weekly summary: post titles', () => {
  it('takes the front-matter title, then the first heading, then the file name', () => {
    assert.equal(postTitle('content/posts/a.md', '---\ntitle: "Attention, explained"\n---\nBody'), 'Attention, explained');
    assert.equal(postTitle('posts/a.md', '# My first post\n\ntext'), 'My first post');
    assert.equal(postTitle('_posts/2025-06-09-attention-explained.md', undefined), 'Attention explained');
    assert.equal(postTitle('content/posts/lora-notes/index.md', ''), 'Lora notes');
    assert.equal(postTitle('posts/x.md', '---\ntitle: [unclosed\n---\n'), 'X');
  });
});

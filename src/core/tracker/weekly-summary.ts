// Pure logic: stays free of vscode.
// The weekly summary: a draft post ("What I learned this week") from the week's commit
// subjects grouped by repository, the posts published and the checklist items completed.
// The week is the 7 days ending today in the user's time zone, so the draft is complete
// whichever day the user writes it. Subjects are the user's text: escaped for Markdown so a
// subject like `<img onerror=…>` or `[x](javascript:…)` stays literal text in the post.
import { describeSource } from '../seed-sources';
import { addDays, dayKeyFor } from './calendar';
import { frontMatterFacts } from './post-facts';
import { formatDateRange } from './card-svg';
import { GitCommandError, runGit } from './git-command';

export interface WeekRange {
  /** First day, `YYYY-MM-DD`, inclusive. */
  start: string;
  /** Last day (today), inclusive. */
  end: string;
}

/** The 7 days ending with `today`. */
export function weekEndingOn(today: string): WeekRange {
  return { start: addDays(today, -6), end: today };
}

export interface WeekCommit {
  sha: string;
  subject: string;
  /** Day key of the commit in the user's time zone (author or committer date, per setting). */
  day: string;
  /** The same date as epoch seconds, to order commits within a day. */
  at?: number;
}

export interface RepositoryCommits {
  /** Display name (the folder name). */
  repository: string;
  commits: WeekCommit[];
}

export interface SummaryPost {
  title: string;
  /** Path relative to its repository, shown as a link when given. */
  path?: string;
  day: string;
  /** The commit that added it: listed under the post, not again among the commits. */
  sha?: string;
}

export interface SummaryChecklistItem {
  title: string;
  day: string;
}

export interface WeeklySummaryInput {
  range: WeekRange;
  repositories: readonly RepositoryCommits[];
  posts?: readonly SummaryPost[];
  checklist?: readonly SummaryChecklistItem[];
  /** Repositories git could read (empty ones too); 0 when none was: then "no commits" would not be true. */
  repositoriesRead?: number;
}

export interface WeeklySummary {
  title: string;
  /** Markdown body without front matter. */
  body: string;
  /** How much the draft drew on, for the message shown to the user. */
  counts: { commits: number; repositories: number; posts: number; checklist: number };
}

/**
 * Markdown inline text made literal: emphasis, code, links, HTML and a leading heading or
 * list marker stay text, and so do site template tags. (Characters that are only special
 * elsewhere are left readable.)
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .trim()
    // { } too: Hugo shortcodes and Liquid tags (`{{<`, `{{`, `{%`) run before Markdown.
    .replace(/[\\`*_[\]<>#~&{}]/g, (c) => `\\${c}`)
    .replace(/\{%/g, '{\\%')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([-+=])(?=\s|$)/, '\\$1');
}

/** A relative link target that cannot break out of `(…)` or become a scheme. */
function linkTarget(path: string): string {
  return path
    .split(/[\\/]/)
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/**
 * Each commit counted once by SHA (a fork and its clone, the same repository added twice),
 * kept in the first repository that lists it; repositories left empty are dropped.
 */
export function dedupeCommitsBySha(repositories: readonly RepositoryCommits[]): RepositoryCommits[] {
  const seen = new Set<string>();
  const out: RepositoryCommits[] = [];
  for (const repo of repositories) {
    const commits = repo.commits.filter((c) => (seen.has(c.sha) ? false : (seen.add(c.sha), true)));
    if (commits.length > 0) out.push({ repository: repo.repository, commits });
  }
  return out;
}

export function buildWeeklySummary(input: WeeklySummaryInput): WeeklySummary {
  const { range } = input;
  const inRange = (day: string) => day >= range.start && day <= range.end;
  const repositories = dedupeCommitsBySha(input.repositories.map((r) => ({ repository: r.repository, commits: r.commits.filter((c) => inRange(c.day)) })));
  const posts = (input.posts ?? []).filter((p) => inRange(p.day)).sort((a, b) => a.day.localeCompare(b.day));
  const checklist = (input.checklist ?? []).filter((c) => inRange(c.day)).sort((a, b) => a.day.localeCompare(b.day));
  const commitCount = repositories.reduce((n, r) => n + r.commits.length, 0);

  const lines: string[] = [];
  lines.push(`_${formatDateRange(range.start, range.end)}_`, '');
  // Prompts, in our own words, from the source documents; they are comments so they never publish.
  lines.push(
    '<!--',
    'A draft from your week: rewrite it in your own words before publishing.',
    // Named as a reader knows them, the file cited: a bare file name tells the writer nothing.
    `- Teach what you learned: one idea explained simply beats a list of tasks. (source: ${describeSource('003_71b1740b79917299.txt')})`,
    `- Writing about your learning shows what you know and trains you to explain it clearly. (source: ${describeSource('002_26d5cb83709276d8.txt')})`,
    `- A little every week adds up; small, regular posts keep the habit alive. (source: ${describeSource('004_93e24c764982b9b4.txt')})`,
    '-->',
    '',
  );

  // A commit that published a post is told once, as the post.
  const postShas = new Set(posts.map((p) => p.sha).filter((sha): sha is string => sha !== undefined));
  const worked = repositories.map((r) => ({ ...r, commits: r.commits.filter((c) => !postShas.has(c.sha)) })).filter((r) => r.commits.length > 0);
  if (input.repositoriesRead === 0) {
    // Nothing was read, so the week's commits are unknown: say so where only the writer sees it.
    lines.push('## What I worked on', '', '<!-- No git repository was read for this draft, so your commits are not listed: open the folder of your repositories, or add them to learnInPublic.tracker.extraRepositories, and write the summary again. -->', '', '- ', '');
  } else if (repositories.length === 0) {
    lines.push('## What I worked on', '', 'No commits this week, and that is fine: what did you read, watch or try?', '');
  } else if (worked.length > 0) {
    lines.push('## What I worked on', '');
    const sorted = [...worked].sort((a, b) => b.commits.length - a.commits.length || a.repository.localeCompare(b.repository));
    for (const repo of sorted) {
      lines.push(`### ${escapeMarkdown(repo.repository)}`, '');
      // Oldest first reads like a story; identical subjects (fixups, "wip") collapse with a count.
      const bySubject = new Map<string, number>();
      for (const c of [...repo.commits].sort((a, b) => a.day.localeCompare(b.day) || (a.at ?? 0) - (b.at ?? 0))) {
        const subject = c.subject.trim() || '(no message)';
        bySubject.set(subject, (bySubject.get(subject) ?? 0) + 1);
      }
      for (const [subject, n] of bySubject) lines.push(`- ${escapeMarkdown(subject)}${n > 1 ? ` (×${n})` : ''}`);
      lines.push('');
    }
  }

  if (posts.length > 0) {
    lines.push('## Posts I published', '');
    for (const p of posts) {
      const title = escapeMarkdown(p.title.trim() || 'Untitled post');
      lines.push(p.path ? `- [${title}](${linkTarget(p.path)})` : `- ${title}`);
    }
    lines.push('');
  }

  if (checklist.length > 0) {
    lines.push('## Career steps I completed', '');
    for (const c of checklist) lines.push(`- ${escapeMarkdown(c.title)}`);
    lines.push('');
  }

  lines.push('## What I learned', '', '- ', '', '## What was hard', '', '- ', '', '## Next week', '', '- ', '');
  return {
    title: `What I learned this week (${formatDateRange(range.start, range.end)})`,
    body: lines.join('\n'),
    counts: { commits: commitCount, repositories: repositories.length, posts: posts.length, checklist: checklist.length },
  };
}

/**
 * A post's title for the summary: its front-matter `title`, else its first `# heading`,
 * else its file name made readable (`2025-06-09-attention-explained.md` → "Attention explained").
 */
export function postTitle(filePath: string, text: string | undefined): string {
  if (text !== undefined) {
    // As the tracker reads it (YAML or Hugo's TOML): the title, else the first heading.
    const facts = frontMatterFacts(text);
    const title = facts.title ?? facts.heading;
    if (title) return title;
  }
  const base = filePath.split('/').pop() ?? filePath;
  const stem = /^index\.[a-z]+$/i.test(base) ? (filePath.split('/').slice(-2, -1)[0] ?? base) : base.replace(/\.[a-z]+$/i, '');
  const words = stem.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : stem;
}

/** The whole draft as a plain Markdown document (used when no site template applies). */
export function weeklySummaryMarkdown(summary: WeeklySummary): string {
  return `# ${escapeMarkdown(summary.title)}\n\n${summary.body}`;
}

// ---------------------------------------------------------------------------------------
// Reading the week's commit subjects from git.

export interface ReadWeekOptions {
  /** The user's emails; compared case-insensitively with the mailmapped author email. */
  emails: readonly string[];
  range: WeekRange;
  timeZone: string;
  dateKind?: 'author' | 'committer';
  signal?: AbortSignal;
  /** At most this many commits are read (a week is small; this bounds a runaway repo). */
  maxCommits?: number;
}

const FIELD = '\x1f';
const RECORD = '\x1e';

/** Parses `%H %at %ct %aE %s` records; malformed or cut-off records are dropped. */
export function parseSubjectLog(output: string, options: Pick<ReadWeekOptions, 'emails' | 'range' | 'timeZone' | 'dateKind'>): WeekCommit[] {
  const emails = new Set(options.emails.map((e) => e.trim().toLowerCase()).filter(Boolean));
  const out: WeekCommit[] = [];
  const records = output.split(RECORD);
  records.pop(); // whatever follows the last terminator is incomplete (or empty)
  for (const raw of records) {
    const record = raw.replace(/^\n+/, '');
    const fields = record.split(FIELD);
    if (fields.length !== 5) continue;
    const [sha, at, ct, email, subject] = fields;
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) continue;
    const seconds = Number(options.dateKind === 'committer' ? ct : at);
    if (!Number.isFinite(seconds)) continue;
    if (!emails.has(email.toLowerCase())) continue;
    const day = dayKeyFor(seconds, options.timeZone);
    if (day < options.range.start || day > options.range.end) continue;
    out.push({ sha, subject, day, at: seconds });
  }
  return out;
}

/**
 * The user's commits of the week in one repository (every branch, tag, remote-tracking ref
 * and a detached HEAD, each commit once). Git runs through the tracker's safe runner
 * (argument array, no shell, the repository's own config cannot run commands). An empty repository is an empty
 * week; a folder that is not a repository or a missing git rejects with the runner's errors.
 */
export async function readWeekCommits(repoPath: string, options: ReadWeekOptions): Promise<WeekCommit[]> {
  // A margin of two days before the range: --since filters by committer date in UTC,
  // and the exact day is decided afterwards in the user's zone.
  const since = `${addDays(options.range.start, -2)}T00:00:00Z`;
  const args = [
    'log',
    // The refs the tracker walks (readRefTips): branches, remote-tracking branches, tags and
    // HEAD. Not --all: notes, the stash, filter-branch backups (refs/original) and replace
    // refs hold commits nobody would call their week's work. --ignore-missing: HEAD is unborn
    // in an empty repository.
    '--branches',
    '--remotes',
    '--tags',
    '--ignore-missing',
    'HEAD',
    '--no-merges',
    '--no-color',
    `--since=${since}`,
    `--max-count=${options.maxCommits ?? 5000}`,
    // The date kind picks the date (parseSubjectLog); the author is always whose commit it is.
    `--format=%H${FIELD}%at${FIELD}%ct${FIELD}%aE${FIELD}%s${RECORD}`,
    '--', // HEAD is a revision even beside a file named HEAD
  ];
  try {
    const output = await runGit(repoPath, args, options.signal);
    return parseSubjectLog(output, options);
  } catch (err) {
    // Older gits in a repository without commits: nothing to read this week.
    if (err instanceof GitCommandError && /does not have any commits yet|bad default revision/i.test(err.stderr)) return [];
    throw err;
  }
}

// Command-line arguments of `learn-in-public`, parsed and checked before any git runs, so a
// typo gets a usage message (exit code 2) instead of a half-made card.
import { parseArgs } from 'node:util';
import { assertTimeZone, systemTimeZone } from '../core/tracker/calendar';
import { isDayKey, parseRestDays, type StreakMode } from '../core/tracker/streaks';

export const EXIT = {
  ok: 0,
  /** Something unexpected (a bug, or git failing in an unexpected way). */
  failure: 1,
  /** Bad flags or values. */
  usage: 2,
  /** A repository path that vanished, is not a repository, or git is missing. */
  repository: 3,
  /** The output folder cannot be created or written, or a file of the user's has a card's name. */
  output: 4,
  /** The README's card markers are ambiguous (one marker alone, or the pair twice). */
  readme: 5,
} as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CardArgs {
  command: 'card';
  repos: string[];
  emails: string[];
  out: string;
  timeZone: string;
  restDays: number[];
  mode: StreakMode;
  dateKind: 'author' | 'committer';
  showRepos: boolean;
  readme: boolean;
  title?: string;
  today?: string;
  cacheDir?: string;
  quiet: boolean;
}

export type CliArgs = CardArgs | { command: 'help' } | { command: 'version' };

export const HELP = `learn-in-public — draw your learning-in-public progress card from local git

Usage:
  learn-in-public card --repo PATH [--repo PATH…] --out DIR [options]
  learn-in-public --help | --version

Writes learn-in-public-card-light.svg and learn-in-public-card-dark.svg into DIR:
the last 12 months as a heatmap, your current and longest streak with dates, and the
posts you published this year. Nothing leaves your machine; no GitHub token needed.

Options:
  --repo PATH         A git repository to count (repeat for several).
  --email EMAIL       One of your commit emails (repeat). When given, only these count;
                      otherwise user.email of each repository. .mailmap is honoured, and
                      a commit found in several repositories (fork, clone) counts once.
  --out DIR           Folder for the two SVG files (created if missing).
  --readme            Add or update the card's <picture> block in DIR's README, between
                      <!-- learn-in-public:card:start --> and <!-- learn-in-public:card:end -->.
  --time-zone ZONE    IANA zone that decides what "a day" is. Default: this machine's (${systemTimeZone()}).
  --rest-days DAYS    Weekdays that keep a streak alive when empty, e.g. sat,sun.
  --mode MODE         daily (default) or weekly (weeks with at least one active day).
  --date KIND         author (default) or committer: which commit date decides the day.
  --show-repos        Name your most active repositories on the card (off by default).
  --title TEXT        Card heading. Default: "Learning in public".
  --cache-dir DIR     Keep per-repository day counts here so the next run reads only new commits.
  --today YYYY-MM-DD  Draw the card as of this day (for reproducible output).
  --quiet             Print nothing on success.
  -h, --help          Show this help.
  -v, --version       Show the version.

Exit codes:
  0 card written   2 bad arguments   3 a repository is missing or unreadable
  4 the output folder cannot be written (or holds another file at a card's name)
  5 the README's markers need fixing   1 anything else

Example (a scheduled job refreshing a GitHub profile README):
  learn-in-public card --repo ~/code/ml-notes --repo ~/code/blog \\
    --email me@example.com --out ~/code/me --readme --rest-days sat,sun
`;

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        repo: { type: 'string', multiple: true },
        email: { type: 'string', multiple: true },
        out: { type: 'string' },
        readme: { type: 'boolean' },
        'time-zone': { type: 'string' },
        'rest-days': { type: 'string' },
        mode: { type: 'string' },
        date: { type: 'string' },
        'show-repos': { type: 'boolean' },
        title: { type: 'string' },
        'cache-dir': { type: 'string' },
        today: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    // parseArgs names the flag in its message ("Unknown option '--foo'").
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  if (positionals.length === 0) throw new UsageError('Missing a command. Try: learn-in-public card --repo PATH --out DIR');
  if (positionals[0] !== 'card') throw new UsageError(`Unknown command "${positionals[0]}". The only command is "card".`);
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}". Give each repository with --repo PATH.`);

  const repos = (values.repo ?? []).filter((r) => r.trim() !== '');
  if (repos.length === 0) throw new UsageError('Give at least one repository with --repo PATH.');
  if (!values.out?.trim()) throw new UsageError('Give the output folder with --out DIR.');

  const timeZone = values['time-zone'] ?? systemTimeZone();
  try {
    assertTimeZone(timeZone);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  let restDays: number[] = [];
  if (values['rest-days'] !== undefined) {
    try {
      restDays = parseRestDays(values['rest-days']);
    } catch (err) {
      throw new UsageError(`--rest-days: ${(err as Error).message}`);
    }
  }
  const mode = values.mode ?? 'daily';
  if (mode !== 'daily' && mode !== 'weekly') throw new UsageError(`--mode must be daily or weekly, not "${mode}".`);
  const dateKind = values.date ?? 'author';
  if (dateKind !== 'author' && dateKind !== 'committer') throw new UsageError(`--date must be author or committer, not "${dateKind}".`);
  if (values.today !== undefined && !isDayKey(values.today)) throw new UsageError(`--today must be a date like 2025-06-30, not "${values.today}".`);
  const emails = (values.email ?? []).map((e) => e.trim()).filter(Boolean);
  for (const e of emails) if (!/^[^\s@]+@[^\s@]+$/.test(e)) throw new UsageError(`--email "${e}" does not look like an email address.`);

  return {
    command: 'card',
    repos,
    emails,
    out: values.out,
    timeZone,
    restDays,
    mode,
    dateKind,
    showRepos: values['show-repos'] ?? false,
    readme: values.readme ?? false,
    title: values.title,
    today: values.today,
    cacheDir: values['cache-dir'],
    quiet: values.quiet ?? false,
  };
}

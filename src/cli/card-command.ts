// `learn-in-public card`: scan the repositories, draw the card, write it (and the README
// block). Each failure a script may meet has its own exit code and a one-line reason, and
// nothing is written unless every repository could be read.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { dayKeyFor } from '../core/tracker/calendar';
import { collectCardActivity } from '../core/tracker/card-activity';
import { CardPublishError, publishProgressCard } from '../core/tracker/card-publish';
import { progressCardData } from '../core/tracker/card-svg';
import { GitNotFoundError } from '../core/tracker/scan';
import { EXIT, type CardArgs } from './args';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Epoch milliseconds of "now" (injectable for tests). */
  now?: () => number;
}

async function checkRepositoryPaths(repos: readonly string[]): Promise<string | undefined> {
  for (const repo of repos) {
    try {
      const stat = await fs.stat(repo);
      if (!stat.isDirectory()) return `--repo ${repo} is a file, not a repository folder.`;
    } catch {
      return `--repo ${repo} does not exist (was it moved or deleted?). Nothing was written.`;
    }
  }
  return undefined;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

export async function runCardCommand(args: CardArgs, io: CliIo): Promise<number> {
  const repos = args.repos.map((r) => path.resolve(r));
  const missing = await checkRepositoryPaths(repos);
  if (missing) {
    io.err(`learn-in-public: ${missing}`);
    return EXIT.repository;
  }

  const today = args.today ?? dayKeyFor((io.now?.() ?? Date.now()) / 1000, args.timeZone);
  let activity;
  try {
    activity = await collectCardActivity({
      repos,
      emails: args.emails,
      // Given emails are the whole identity set: a CI machine's user.email (a bot) must not count.
      useConfiguredEmail: args.emails.length === 0,
      timeZone: args.timeZone,
      dateKind: args.dateKind,
      cacheDir: args.cacheDir,
      today,
      countAsLearning: ['commits', 'posts'],
    });
  } catch (err) {
    if (err instanceof GitNotFoundError) {
      io.err(`learn-in-public: ${err.message}`);
      return EXIT.repository;
    }
    throw err;
  }
  if (activity.problems.length > 0) {
    for (const p of activity.problems) io.err(`learn-in-public: ${p.folder}: ${p.message ?? p.status}`);
    io.err('learn-in-public: nothing was written; fix or remove the repositories above.');
    return EXIT.repository;
  }
  if (activity.identities.length === 0) {
    io.err('learn-in-public: no commit email known. Give yours with --email EMAIL (or set git config user.email in the repositories).');
    return EXIT.usage;
  }
  for (const w of activity.warnings) io.err(`learn-in-public: warning: ${w}`);

  const data = progressCardData({
    today,
    days: activity.days,
    postsThisYear: activity.postsThisYear,
    restDays: args.restDays,
    mode: args.mode,
    repositories: activity.repositories,
    title: args.title,
  });

  let result;
  try {
    result = await publishProgressCard({ outDir: args.out, data, showRepositoryNames: args.showRepos, updateReadme: args.readme });
  } catch (err) {
    if (err instanceof CardPublishError) {
      io.err(`learn-in-public: ${err.message}`);
      return err.problem === 'readme-markers' ? EXIT.readme : EXIT.output;
    }
    throw err;
  }

  if (!args.quiet) {
    const s = data.streaks;
    const unit = s.unit === 'week' ? 'week' : 'day';
    io.out(
      `Current streak: ${plural(s.current.length, unit)}${s.current.atRisk ? ` (at risk ${unit === 'week' ? 'this week' : 'today'})` : ''}; ` +
        `longest: ${plural(s.longest.length, unit)}; posts published this year: ${data.postsThisYear}.`,
    );
    io.out(`Wrote ${result.light}`);
    io.out(`Wrote ${result.dark}`);
    if (result.readme) {
      const what = result.readme.action === 'unchanged' ? 'README already up to date' : result.readme.created ? 'Created' : 'Updated';
      io.out(`${what}: ${result.readme.path}`);
    }
  }
  return EXIT.ok;
}

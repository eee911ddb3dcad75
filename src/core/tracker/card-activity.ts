// Pure logic: stays free of vscode.
// The learning activity behind the progress card, from the tracker's scan (commits per day,
// posts published) plus whatever else the user counts as learning (checklist items,
// practice sessions). Shared by the extension and the command-line tool.
import { scanRepositories, type RepoSummary, type ScanOptions } from './scan';
import type { ProgressCardRepository } from './card-svg';
import { mergeLearningActivity, type LearningKind } from './streaks';
import { withoutDrafts } from './post-facts';

export interface CardActivityOptions extends ScanOptions {
  /** Day key of today in `timeZone`. */
  readonly today: string;
  /** What counts as learning (default: commits and posts). */
  readonly countAsLearning?: readonly LearningKind[];
  /** Checklist items completed per day, when that capability has data. */
  readonly checklistDays?: ReadonlyMap<string, number>;
  /** Practice sessions per day, when that capability has data. */
  readonly practiceDays?: ReadonlyMap<string, number>;
}

export interface CardActivity {
  readonly today: string;
  /** Everything counted as learning, per day (the heatmap and the streaks). */
  readonly days: Map<string, number>;
  readonly postsThisYear: number;
  /** Repositories with the user's commits (all time), busiest first. */
  readonly repositories: ProgressCardRepository[];
  readonly warnings: string[];
  /** Repositories that could not be read (missing, not a repository, git error). */
  readonly problems: RepoSummary[];
  /** The emails that counted (lowercase). */
  readonly identities: string[];
}

export async function collectCardActivity(options: CardActivityOptions): Promise<CardActivity> {
  const scan = await scanRepositories(options);
  const year = options.today.slice(0, 4);
  // A post committed while still a draft is not published yet.
  const published = await withoutDrafts(scan.posts, (post) => scan.perRepo[post.repoIndex]?.root);
  const posts = published.filter((p) => p.kind === 'post' && p.day <= options.today);
  const postDays = new Map<string, number>();
  for (const p of posts) postDays.set(p.day, (postDays.get(p.day) ?? 0) + 1);
  const days = mergeLearningActivity(
    { commits: scan.days, posts: postDays, checklist: options.checklistDays, practice: options.practiceDays },
    options.countAsLearning ?? ['commits', 'posts'],
  );
  return {
    today: options.today,
    days,
    postsThisYear: posts.filter((p) => p.day.startsWith(`${year}-`)).length,
    repositories: scan.perRepo
      .filter((r) => r.status === 'ok' && r.commits > 0 && !r.message)
      .map((r) => ({ name: r.name, count: r.commits }))
      .sort((a, b) => b.count - a.count),
    warnings: scan.warnings,
    problems: scan.perRepo.filter((r) => r.status === 'missing' || r.status === 'not-a-repo' || r.status === 'error'),
    identities: scan.identities,
  };
}

// Everything the weekly summary draws on for the 7 days ending today: commit subjects per
// repository (one small `git log` per repository), posts published (from the tracker's
// cached scan) and checklist items completed.
import * as vscode from 'vscode';
import type { FeatureContext } from '../feature-context';
import type { RepositoryCommits, SummaryPost, WeeklySummaryInput } from '../../core/tracker/weekly-summary';

export interface GatheredWeek {
  input: WeeklySummaryInput;
  timeZone: string;
  warnings: string[];
}

export async function gatherWeek(feature: FeatureContext, signal: AbortSignal): Promise<GatheredWeek | undefined> {
  const { readTrackerSettings } = await import('../tracker/tracker-settings');
  const inputs = await readTrackerSettings(feature);
  const settings = { dateKind: inputs.dateKind };
  const { dayKeyFor } = await import('../../core/tracker/calendar');
  const { postTitle, readWeekCommits, weekEndingOn } = await import('../../core/tracker/weekly-summary');
  const { readPostFacts } = await import('../../core/tracker/post-facts');
  const { scanRepositories } = await import('../../core/tracker/scan');
  const range = weekEndingOn(dayKeyFor(Date.now() / 1000, inputs.timeZone));
  const warnings: string[] = [];

  // The scan (cached) gives the identities that count and the posts published.
  const scan = inputs.repos.length > 0
    ? await scanRepositories({ repos: inputs.repos, emails: inputs.emails, timeZone: inputs.timeZone, dateKind: settings.dateKind, postsFolders: inputs.postsFolders, cacheDir: inputs.cacheDir, signal })
    : undefined;
  warnings.push(...(scan?.warnings ?? []));

  const repositories: RepositoryCommits[] = [];
  for (const repo of scan?.perRepo ?? []) {
    if (repo.status !== 'ok' || !repo.root || repo.message) continue;
    try {
      const commits = await readWeekCommits(repo.root, { emails: scan!.identities, range, timeZone: inputs.timeZone, dateKind: settings.dateKind, signal });
      repositories.push({ repository: repo.name, commits });
    } catch (err) {
      if (signal.aborted) return undefined;
      warnings.push(`${repo.name}: ${(err as Error).message}`);
    }
  }

  const posts: SummaryPost[] = [];
  for (const item of scan?.posts ?? []) {
    if (item.kind !== 'post' || item.day < range.start || item.day > range.end) continue;
    // By index, not name: two repositories may share a folder name.
    const root = scan?.perRepo[item.repoIndex]?.root;
    // Read as the tracker reads it: inside the repository only, the front matter's head only.
    const file = item.currentPath ?? item.path; // where a renamed post is now
    const facts = root ? (await readPostFacts([{ root, path: file }]))[0] : undefined;
    // A post committed while still a draft is not published yet.
    if (facts?.draft) continue;
    posts.push({ title: facts?.title ?? facts?.heading ?? postTitle(file, undefined), day: item.day, sha: item.sha });
  }

  const { readCompletedChecklistItems } = await import('../checklist/checklist-location');
  const checklist = await readCompletedChecklistItems(feature.context);

  const repositoriesRead = (scan?.perRepo ?? []).filter((r) => r.status === 'ok' || r.status === 'empty').length;
  if (repositoriesRead === 0) warnings.push(vscode.l10n.t('No git repository found in this workspace; the draft has no commits.'));
  return { input: { range, repositories, posts, checklist, repositoriesRead }, timeZone: inputs.timeZone, warnings };
}

// Gathers what the progress card shows: the tracker's scan of its repositories (same
// settings, same disk cache, so a card after the tracker view has run is instant) plus the
// checklist items and practice sessions the user counts as learning.
import * as vscode from 'vscode';
import type { FeatureContext } from '../feature-context';
import type { CardActivity } from '../../core/tracker/card-activity';
import type { CardSettings } from './card-settings';

export interface GatheredActivity extends CardActivity {
  readonly timeZone: string;
}

/** Undefined (after telling the user why) when there is nothing to draw from. */
export async function gatherLearningActivity(
  feature: FeatureContext,
  settings: CardSettings,
  signal: AbortSignal,
  report: (message: string) => void,
): Promise<GatheredActivity | undefined> {
  const { readTrackerSettings, readOtherLearning } = await import('../tracker/tracker-settings');
  const tracker = await readTrackerSettings(feature);
  if (tracker.repos.length === 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('No git repository found in this workspace. Open your project folders, or add paths to learnInPublic.tracker.extraRepositories, then try again.'),
    );
    return undefined;
  }
  const { dayKeyFor } = await import('../../core/tracker/calendar');
  const { collectCardActivity } = await import('../../core/tracker/card-activity');
  const today = dayKeyFor(Date.now() / 1000, tracker.timeZone);
  const other = await readOtherLearning(feature, settings.countAsLearning, (t) => dayKeyFor(t, tracker.timeZone));

  const activity = await collectCardActivity({
    repos: tracker.repos,
    emails: tracker.emails,
    timeZone: tracker.timeZone,
    dateKind: settings.dateKind,
    postsFolders: tracker.postsFolders,
    cacheDir: tracker.cacheDir,
    signal,
    onProgress: (p) => {
      if (p.phase === 'reading' && p.repo) report(vscode.l10n.t('Reading {0} ({1} of {2})', p.repo, Math.min(p.reposDone + 1, p.reposTotal), p.reposTotal));
    },
    today,
    countAsLearning: settings.countAsLearning,
    checklistDays: other.checklist,
    practiceDays: other.practice,
  });
  for (const p of activity.problems) feature.log.warn(`Progress card: ${p.folder}: ${p.message ?? p.status}`);
  if (activity.identities.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t("No commit email is known, so no commit can be counted. Set git's user.email, or add your addresses to learnInPublic.tracker.emails."));
    return undefined;
  }
  return { ...activity, timeZone: tracker.timeZone };
}

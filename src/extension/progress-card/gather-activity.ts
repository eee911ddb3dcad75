// Gathers what the progress card shows: the tracker's scan of the workspace repositories
// (through its disk cache, so a second card is instant) plus the checklist items and practice
// sessions the user counts as learning.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FeatureContext } from '../feature-context';
import type { CardActivity } from '../../core/tracker/card-activity';
import type { CardSettings } from './card-settings';
import { trackerScanInputs } from './tracker-inputs';

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
  const inputs = await trackerScanInputs(feature);
  if (inputs.repos.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No git repository found in this workspace. Open your project folders, or add repository paths to the tracker settings, then try again.'));
    return undefined;
  }
  const { dayKeyFor } = await import('../../core/tracker/calendar');
  const { collectCardActivity } = await import('../../core/tracker/card-activity');
  const today = dayKeyFor(Date.now() / 1000, inputs.timeZone);

  const wants = (kind: string) => (settings.countAsLearning as readonly string[]).includes(kind);
  let checklistDays: Map<string, number> | undefined;
  if (wants('checklist')) {
    const { readCompletedChecklistItems } = await import('../checklist/checklist-location');
    checklistDays = new Map();
    for (const item of await readCompletedChecklistItems(feature.context)) checklistDays.set(item.day, (checklistDays.get(item.day) ?? 0) + 1);
  }
  const practiceDays = wants('practice') ? await readPracticeDays(feature, (t) => dayKeyFor(t, inputs.timeZone)) : undefined;

  const activity = await collectCardActivity({
    repos: inputs.repos,
    emails: inputs.emails,
    timeZone: inputs.timeZone,
    dateKind: settings.dateKind,
    postsFolders: inputs.postsFolders,
    cacheDir: inputs.cacheDir,
    signal,
    onProgress: (p) => {
      if (p.phase === 'reading' && p.repo) report(vscode.l10n.t('Reading {0} ({1} of {2})', p.repo, p.reposDone + 1, p.reposTotal));
    },
    today,
    countAsLearning: settings.countAsLearning,
    checklistDays,
    practiceDays,
  });
  for (const p of activity.problems) feature.log.warn(`Progress card: ${p.folder}: ${p.message ?? p.status}`);
  if (activity.identities.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t("No commit email is known, so no commit can be counted. Set git's user.email, or add your addresses to the tracker settings."));
    return undefined;
  }
  return { ...activity, timeZone: inputs.timeZone };
}

/** One per day with at least one practice rating that was not undone. */
async function readPracticeDays(feature: FeatureContext, dayKey: (epochSeconds: number) => string): Promise<Map<string, number>> {
  const days = new Map<string, number>();
  const file = path.join(feature.context.globalStorageUri.fsPath, 'practice', 'history.jsonl');
  try {
    const { HistoryFile } = await import('../../core/practice/history-file');
    const { isUndo } = await import('../../core/practice/history-log');
    const history = await new HistoryFile(file).read();
    const undone = new Set<number>();
    for (const e of history.entries) if (isUndo(e.record)) undone.add(e.record.undo);
    for (const e of history.entries) {
      if (isUndo(e.record) || undone.has(e.line)) continue;
      days.set(dayKey(e.atMs / 1000), 1);
    }
  } catch (err) {
    feature.log.warn(`Progress card: could not read the practice history ${file}: ${(err as Error).message}`);
  }
  return days;
}

// The settings the progress card and the weekly summary read, validated (settings.json can
// hold anything) with their defaults.
import * as vscode from 'vscode';
import { parseCountAsLearning, parseRestDays, type LearningKind, type StreakMode } from '../../core/tracker/streaks';

export interface CardSettings {
  restDays: number[];
  streakMode: StreakMode;
  dateKind: 'author' | 'committer';
  countAsLearning: LearningKind[];
  showRepositoryNames: boolean;
  /** Absolute folder for Create Progress Card, '' = ask. */
  folder: string;
}

export function readCardSettings(): CardSettings {
  const tracker = vscode.workspace.getConfiguration('learnInPublic.tracker');
  const card = vscode.workspace.getConfiguration('learnInPublic.card');
  // Each entry on its own: one typo drops that day, not the whole list.
  const restDays = new Set<number>();
  const raw = tracker.get<unknown>('restDays', []);
  for (const day of Array.isArray(raw) ? raw : []) {
    try {
      for (const d of parseRestDays([String(day)])) restDays.add(d);
    } catch {
      // ignored: the settings UI only offers valid names
    }
  }
  return {
    restDays: [...restDays].sort((a, b) => a - b),
    streakMode: tracker.get<string>('streakMode') === 'weekly' ? 'weekly' : 'daily',
    dateKind: tracker.get<string>('dateKind') === 'committer' ? 'committer' : 'author',
    countAsLearning: parseCountAsLearning(tracker.get<unknown>('countAsLearning')),
    showRepositoryNames: card.get<boolean>('showRepositoryNames', false) === true,
    folder: (card.inspect<string>('folder')?.globalValue ?? '').trim(),
  };
}

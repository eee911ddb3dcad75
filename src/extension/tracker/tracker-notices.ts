// The tracker's notices (src/core/tracker/tracker-messages.ts) in VS Code's display language.
// One vscode.l10n.t call per id, with the English template as its key, so the l10n export
// finds every string; a unit test checks these say what the core's English says.
import * as vscode from 'vscode';
import type { TrackerNotice } from '../../core/tracker/tracker-messages';

export function sayTrackerNotice(n: TrackerNotice): string {
  const v = n.values;
  switch (n.id) {
    case 'postsFolderIgnored':
      return vscode.l10n.t('Posts folder "{0}" was ignored: it must be a path inside the repository.', v[0]);
    case 'notAnEmail':
      return vscode.l10n.t('"{0}" is not an email address; it was ignored.', v[0]);
    case 'sameRepository':
      return vscode.l10n.t('Same repository as {0}; counted there.', v[0]);
    case 'sameRepositoryWorktree':
      return vscode.l10n.t('Same repository as {0} (a linked worktree); counted there.', v[0]);
    case 'noEmail':
      return vscode.l10n.t("No email address to count commits by: set git's user.email or add addresses to the tracker's emails setting.");
    case 'noCommitsYet':
      return vscode.l10n.t('{0} has no commits yet.', v[0]);
    case 'undated':
      return vscode.l10n.t('{0} of your commits have no usable date (before 1970 or unreadable) and are not shown.', v[0]);
    case 'malformed':
      return vscode.l10n.t('{0} records from git could not be read and were skipped.', v[0]);
    case 'noCommitsBy':
      return vscode.l10n.t("No commits by {0} in {1}. If you commit with another address, add it to the tracker's emails setting.", v[0], v[1]);
    case 'shallow':
      return vscode.l10n.t('{0} is a shallow clone: only the history it holds is counted.', v[0]);
    case 'folderMissing':
      return vscode.l10n.t('{0} does not exist (was it moved or deleted?).', v[0]);
    case 'notAFolder':
      return vscode.l10n.t('{0} is a file, not a folder.', v[0]);
    case 'notARepository':
      return vscode.l10n.t('{0} is not a git repository.', v[0]);
    case 'gitCouldNotRead':
      return vscode.l10n.t('git could not read {0}: {1}', v[0], v[1]);
    case 'dubiousOwnership':
      return vscode.l10n.t('git refuses to read {0}: another user owns it (see "git config --global --add safe.directory").', v[0]);
    case 'gitMissing':
      return vscode.l10n.t('git was not found. Install git (https://git-scm.com) and make sure it is on the PATH.');
    case 'futureDays':
      return vscode.l10n.t('{0} days with commits dated in the future are not shown (a wrong clock or time zone when they were made?).', v[0]);
    case 'futureDaysIn':
      return vscode.l10n.t('{0}: {1} commits dated after today (a wrong clock when they were made?) are left out of the heatmap, streaks and totals.', v[0], v[1]);
    case 'futureDayIn':
      return vscode.l10n.t('{0}: 1 commit dated after today (a wrong clock when it was made?) is left out of the heatmap, streaks and totals.', v[0]);
  }
}

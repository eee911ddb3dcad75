// Pure logic: stays free of vscode.
// What the tracker tells the user, as an id and values: the CLI and the logs use the English
// below; the extension says each one in VS Code's display language (tracker-notices.ts has
// one vscode.l10n.t call per id, with these templates as keys).
import { fillTemplate } from '../fill-template';

export const TRACKER_MESSAGES = {
  postsFolderIgnored: 'Posts folder "{0}" was ignored: it must be a path inside the repository.',
  notAnEmail: '"{0}" is not an email address; it was ignored.',
  sameRepository: 'Same repository as {0}; counted there.',
  sameRepositoryWorktree: 'Same repository as {0} (a linked worktree); counted there.',
  noEmail: "No email address to count commits by: set git's user.email or add addresses to the tracker's emails setting.",
  noCommitsYet: '{0} has no commits yet.',
  undated: '{0} of your commits have no usable date (before 1970 or unreadable) and are not shown.',
  malformed: '{0} records from git could not be read and were skipped.',
  noCommitsBy: "No commits by {0} in {1}. If you commit with another address, add it to the tracker's emails setting.",
  shallow: '{0} is a shallow clone: only the history it holds is counted.',
  folderMissing: '{0} does not exist (was it moved or deleted?).',
  notAFolder: '{0} is a file, not a folder.',
  notARepository: '{0} is not a git repository.',
  gitCouldNotRead: 'git could not read {0}: {1}',
  dubiousOwnership: 'git refuses to read {0}: another user owns it (see "git config --global --add safe.directory").',
  gitMissing: 'git was not found. Install git (https://git-scm.com) and make sure it is on the PATH.',
  futureDays: '{0} days with commits dated in the future are not shown (a wrong clock or time zone when they were made?).',
  futureDaysIn: '{0}: {1} commits dated after today (a wrong clock when they were made?) are left out of the heatmap, streaks and totals.',
  futureDayIn: '{0}: 1 commit dated after today (a wrong clock when it was made?) is left out of the heatmap, streaks and totals.',
} as const;

export type TrackerMessageId = keyof typeof TRACKER_MESSAGES;

export interface TrackerNotice {
  readonly id: TrackerMessageId;
  readonly values: readonly string[];
}

export function notice(id: TrackerMessageId, ...values: Array<string | number>): TrackerNotice {
  return { id, values: values.map(String) };
}

/** The notice in English (the CLI, logs, and where no translation is wanted). */
export function englishText(n: TrackerNotice): string {
  return fillTemplate(TRACKER_MESSAGES[n.id], n.values);
}

// The core's notices (src/core/notices.ts) in VS Code's display language: each area's table
// has its say… function beside that area's commands; this file routes a notice to it, says
// the notices nested in its values first, and falls back to the English message for errors
// and results that carry no notice.
import { CHECKLIST_MESSAGES } from '../core/checklist/checklist-messages';
import { KIT_MESSAGES } from '../core/kit/kit-messages';
import { noticeOf, type CoreNotice } from '../core/notices';
import { PRACTICE_MESSAGES } from '../core/practice/practice-messages';
import { SCAFFOLD_MESSAGES } from '../core/scaffold/scaffold-messages';
import { SHARED_MESSAGES } from '../core/shared-messages';
import { sayChecklistNotice } from './checklist/checklist-notices';
import { sayKitNotice } from './kit/kit-notices';
import { sayPracticeNotice } from './practice/practice-notices';
import { sayScaffoldNotice } from './scaffold/scaffold-notices';
import { saySharedNotice } from './shared-notices';

const isIn = <T extends object>(table: T, id: string): id is Extract<keyof T, string> => Object.hasOwn(table, id);

export function sayNotice(n: CoreNotice): string {
  const values = n.values.map((v) => (typeof v === 'string' ? v : sayNotice(v)));
  const { id } = n;
  if (isIn(CHECKLIST_MESSAGES, id)) return sayChecklistNotice({ id, values });
  if (isIn(KIT_MESSAGES, id)) return sayKitNotice({ id, values });
  if (isIn(SCAFFOLD_MESSAGES, id)) return sayScaffoldNotice({ id, values });
  if (isIn(PRACTICE_MESSAGES, id)) return sayPracticeNotice({ id, values });
  if (isIn(SHARED_MESSAGES, id)) return saySharedNotice({ id, values });
  const unreachable: never = id;
  return unreachable;
}

/** A core result's text: its notice said in the display language, else its English message. */
export function sayMessage(result: { readonly message: string; readonly notice?: CoreNotice }): string {
  return result.notice ? sayNotice(result.notice) : result.message;
}

/** An error's text for the user: its notice when the core gave it one, else its message. */
export function sayError(err: unknown): string {
  const n = noticeOf(err);
  if (n) return sayNotice(n);
  return err instanceof Error ? err.message : String(err);
}

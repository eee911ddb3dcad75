// Pure logic: stays free of vscode.
// What the core tells the user, as an id and values instead of a finished English sentence:
// the CLI, the logs and the existing `message` fields use the English, the extension says the
// same notice in VS Code's display language (one vscode.l10n.t literal per id, see
// src/extension/notices.ts). The tracker has its own table (tracker/tracker-messages.ts).
import { CHECKLIST_MESSAGES } from './checklist/checklist-messages';
import { fillTemplate } from './fill-template';
import { KIT_MESSAGES } from './kit/kit-messages';
import { PRACTICE_MESSAGES } from './practice/practice-messages';
import { SCAFFOLD_MESSAGES } from './scaffold/scaffold-messages';
import { SHARED_MESSAGES } from './shared-messages';

/** Every core template by id; the ids are unique across the areas (a unit test checks it). */
export const CORE_MESSAGES = { ...SHARED_MESSAGES, ...CHECKLIST_MESSAGES, ...KIT_MESSAGES, ...SCAFFOLD_MESSAGES, ...PRACTICE_MESSAGES } as const;

export type CoreMessageId = keyof typeof CORE_MESSAGES;

/** A value is text, or another notice (a file's problem inside "{0}: {1}") said in the same language. */
export type NoticeValue = string | CoreNotice;

export interface CoreNotice {
  readonly id: CoreMessageId;
  readonly values: readonly NoticeValue[];
}

export function notice(id: CoreMessageId, ...values: Array<string | number | CoreNotice>): CoreNotice {
  return { id, values: values.map((v) => (typeof v === 'number' ? String(v) : v)) };
}

export { fillTemplate };

/** The notice in English (the CLI, logs, and where no translation is wanted). */
export function englishText(n: CoreNotice): string {
  return fillTemplate(CORE_MESSAGES[n.id], n.values.map((v) => (typeof v === 'string' ? v : englishText(v))));
}

/** `message` and `notice` fields for a problem or refusal made from a notice. */
export function told(n: CoreNotice): { message: string; notice: CoreNotice } {
  return { message: englishText(n), notice: n };
}

/** The notice an error carries, if it was thrown with one (the core's error classes take either). */
export function noticeOf(err: unknown): CoreNotice | undefined {
  const n = (err as { notice?: unknown } | null)?.notice;
  return n && typeof n === 'object' && typeof (n as CoreNotice).id === 'string' && Object.hasOwn(CORE_MESSAGES, (n as CoreNotice).id) ? (n as CoreNotice) : undefined;
}

/** For error constructors that accept a plain English message or a notice. */
export function messageAndNotice(what: string | CoreNotice): { message: string; notice?: CoreNotice } {
  return typeof what === 'string' ? { message: what } : { message: englishText(what), notice: what };
}

/** An Error whose English message also travels as a notice. */
export class NoticeError extends Error {
  readonly notice: CoreNotice;
  constructor(n: CoreNotice) {
    super(englishText(n));
    this.name = 'NoticeError';
    this.notice = n;
  }
}

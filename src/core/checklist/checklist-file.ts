// Pure logic: stays free of vscode.
// Reading and writing the checklist file without ever losing the user's text:
// - every edit re-reads the file and applies itself to the text as it is now (so a save from
//   the editor, or a second quick click, is never overwritten with stale content);
// - edits run one at a time through a queue;
// - writes are atomic, go through symlinks to the real file, and are re-checked just before
//   they happen; a read-only file is reported, never forced.
import * as fs from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import * as path from 'node:path';
import { createFileExclusive, writeFileAtomic } from '../safe-fs';
import { ChecklistEditError, type EditResult } from './edits';
import { englishText, notice, type CoreNotice, type NoticeValue } from '../notices';

export type ChecklistFileSnapshot =
  | { readonly status: 'missing' }
  | { readonly status: 'unreadable'; readonly message: string; readonly notice?: CoreNotice }
  | {
      readonly status: 'ok';
      readonly text: string;
      readonly writable: boolean;
      readonly readOnlyReason?: string;
      /** readOnlyReason as an id and values, for the extension to say in the display language. */
      readonly readOnlyNotice?: CoreNotice;
      /** True when the text came from an open editor with unsaved changes. */
      readonly fromEditor: boolean;
    };

export type EditOutcome =
  | { readonly status: 'written'; readonly text: string }
  | { readonly status: 'unchanged'; readonly text: string }
  | { readonly status: 'refused'; readonly message: string; readonly notice?: CoreNotice };

/**
 * Lets the extension route reads and writes through an open, unsaved editor buffer so the
 * user's unsaved typing and the sidebar's edit end up in the same text.
 */
export interface ChecklistTextOverride {
  /** The text of an open editor with unsaved changes, or undefined to use the disk. */
  read(): Promise<string | undefined> | string | undefined;
  /**
   * Applies the change to that editor. 'retry' when its text is no longer `oldText` (the user
   * typed, saved or closed it meanwhile): the edit is then made again on the current text.
   */
  write(oldText: string, newText: string): Promise<'written' | 'retry'>;
}

function describe(err: unknown): NoticeValue {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'EACCES':
    case 'EPERM':
      return notice('checklistReasonPermissionDenied');
    case 'EISDIR':
      return notice('checklistReasonIsFolder');
    case 'EROFS':
      return notice('checklistReasonReadOnlyFileSystem');
    case 'ENOSPC':
      return notice('checklistReasonDiskFull');
    default:
      return e?.message ?? String(err);
  }
}

/**
 * The file's text, and whether it is UTF-8 (what every write produces). A UTF-16 file (it
 * starts with a byte-order mark) is read as such; bytes that are not UTF-8 (a Latin-1 "é")
 * are shown as U+FFFD. A UTF-8 byte-order mark stays in the text, as the parser expects.
 */
export function decodeChecklist(bytes: Uint8Array): { text: string; utf8: boolean } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), utf8: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), utf8: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), utf8: true };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), utf8: false };
  }
}

/** A refusal with its English message and its notice. */
function refused(n: CoreNotice): EditOutcome {
  return { status: 'refused', message: englishText(n), notice: n };
}

export class ChecklistFile {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly override?: ChecklistTextOverride,
  ) {}

  /** Reads the file as it is now; never throws. */
  async read(): Promise<ChecklistFileSnapshot> {
    const fromEditor = await this.override?.read();
    let text: string;
    let utf8 = true;
    try {
      if (fromEditor !== undefined) text = fromEditor;
      else ({ text, utf8 } = decodeChecklist(await fs.readFile(this.file)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
      const n = notice('checklistUnreadable', this.file, describe(err));
      return { status: 'unreadable', message: englishText(n), notice: n };
    }
    // Written back as UTF-8, every character we could not read would change: show, never save.
    const readOnlyNotice = utf8 ? await this.readOnlyReason() : notice('checklistNotUtf8');
    const readOnlyReason = readOnlyNotice && englishText(readOnlyNotice);
    return { status: 'ok', text, writable: readOnlyReason === undefined, readOnlyReason, readOnlyNotice, fromEditor: fromEditor !== undefined };
  }

  /** Why the file cannot be replaced, or undefined when it can. */
  private async readOnlyReason(): Promise<CoreNotice | undefined> {
    const real = await this.realPath();
    // An atomic write puts a temporary file beside the real one, so the folder must be writable too.
    const targets = [
      [real, 'checklistFileMarkedReadOnly', 'checklistFileReadOnly'],
      [path.dirname(real), 'checklistFolderMarkedReadOnly', 'checklistFolderReadOnly'],
    ] as const;
    for (const [target, markedReadOnly, readOnly] of targets) {
      try {
        // No write bit for anyone means the user marked it read-only: respected even where the
        // system would let us write (e.g. as an administrator).
        if (((await fs.stat(target)).mode & 0o222) === 0) return notice(markedReadOnly);
        await fs.access(target, fsConstants.W_OK);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        return notice(readOnly, describe(err));
      }
    }
    return undefined;
  }

  /** Through symlinks, so a linked checklist stays a link and its target gets the change. */
  private async realPath(): Promise<string> {
    try {
      return await fs.realpath(this.file);
    } catch {
      return this.file;
    }
  }

  /**
   * Runs `edit` on the file's current text, after every earlier edit has finished, and writes
   * the result if it changed. `edit` may throw ChecklistEditError to refuse with a message.
   */
  edit(edit: (text: string) => EditResult): Promise<EditOutcome> {
    const run = this.queue.then(() => this.applyNow(edit));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async applyNow(edit: (text: string) => EditResult): Promise<EditOutcome> {
    // A few rounds in case the file changes between our read and our write.
    for (let attempt = 0; attempt < 3; attempt++) {
      const snapshot = await this.read();
      if (snapshot.status === 'missing') return refused(notice('checklistGone', this.file));
      if (snapshot.status === 'unreadable') return { status: 'refused', message: snapshot.message, notice: snapshot.notice };
      let result: EditResult;
      try {
        result = edit(snapshot.text);
      } catch (err) {
        if (err instanceof ChecklistEditError) return { status: 'refused', message: err.message, notice: err.notice };
        throw err;
      }
      if (!result.changed) return { status: 'unchanged', text: snapshot.text };
      if (result.text.trim() === '' && snapshot.text.trim() !== '') {
        return refused(notice('checklistWouldEmpty'));
      }
      if (snapshot.fromEditor && this.override) {
        if ((await this.override.write(snapshot.text, result.text)) === 'written') return { status: 'written', text: result.text };
        continue;
      }
      if (!snapshot.writable) return refused(snapshot.readOnlyNotice ?? notice('checklistReadOnly'));
      const real = await this.realPath();
      let current: string | undefined;
      try {
        current = decodeChecklist(await fs.readFile(real)).text;
      } catch {
        current = undefined;
      }
      if (current !== snapshot.text) continue; // changed under us: apply the edit again to the new text
      try {
        await writeFileAtomic(real, result.text);
      } catch (err) {
        return refused(notice('checklistSaveFailed', describe(err)));
      }
      return { status: 'written', text: result.text };
    }
    return refused(notice('checklistKeptChanging'));
  }

  /** Creates the file with `text` unless something already exists there (never overwrites). */
  create(text: string): Promise<boolean> {
    const run = this.queue.then(() => createFileExclusive(this.file, text));
    this.queue = run.catch(() => undefined);
    return run;
  }
}

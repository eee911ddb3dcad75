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

export type ChecklistFileSnapshot =
  | { readonly status: 'missing' }
  | { readonly status: 'unreadable'; readonly message: string }
  | {
      readonly status: 'ok';
      readonly text: string;
      readonly writable: boolean;
      readonly readOnlyReason?: string;
      /** True when the text came from an open editor with unsaved changes. */
      readonly fromEditor: boolean;
    };

export type EditOutcome =
  | { readonly status: 'written'; readonly text: string }
  | { readonly status: 'unchanged'; readonly text: string }
  | { readonly status: 'refused'; readonly message: string };

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

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return e?.message ?? String(err);
  }
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
    try {
      text = fromEditor ?? (await fs.readFile(this.file, 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
      return { status: 'unreadable', message: `The checklist file ${this.file} cannot be read: ${describe(err)}.` };
    }
    const readOnlyReason = await this.readOnlyReason();
    return { status: 'ok', text, writable: readOnlyReason === undefined, readOnlyReason, fromEditor: fromEditor !== undefined };
  }

  /** Why the file cannot be replaced, or undefined when it can. */
  private async readOnlyReason(): Promise<string | undefined> {
    const real = await this.realPath();
    // An atomic write puts a temporary file beside the real one, so the folder must be writable too.
    for (const [target, what] of [[real, 'The checklist file'], [path.dirname(real), 'The folder of the checklist file']] as const) {
      try {
        // No write bit for anyone means the user marked it read-only: respected even where the
        // system would let us write (e.g. as an administrator).
        if (((await fs.stat(target)).mode & 0o222) === 0) return `${what} is marked read-only, so changes cannot be saved.`;
        await fs.access(target, fsConstants.W_OK);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        return `${what} is read-only (${describe(err)}), so changes cannot be saved.`;
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
      if (snapshot.status === 'missing') return { status: 'refused', message: `The checklist file ${this.file} no longer exists.` };
      if (snapshot.status === 'unreadable') return { status: 'refused', message: snapshot.message };
      let result: EditResult;
      try {
        result = edit(snapshot.text);
      } catch (err) {
        if (err instanceof ChecklistEditError) return { status: 'refused', message: err.message };
        throw err;
      }
      if (!result.changed) return { status: 'unchanged', text: snapshot.text };
      if (result.text.trim() === '' && snapshot.text.trim() !== '') {
        return { status: 'refused', message: 'That change would have emptied the checklist file, so it was not saved.' };
      }
      if (snapshot.fromEditor && this.override) {
        if ((await this.override.write(snapshot.text, result.text)) === 'written') return { status: 'written', text: result.text };
        continue;
      }
      if (!snapshot.writable) return { status: 'refused', message: snapshot.readOnlyReason ?? 'The checklist file is read-only.' };
      const real = await this.realPath();
      let current: string | undefined;
      try {
        current = await fs.readFile(real, 'utf8');
      } catch {
        current = undefined;
      }
      if (current !== snapshot.text) continue; // changed under us: apply the edit again to the new text
      try {
        await writeFileAtomic(real, result.text);
      } catch (err) {
        return { status: 'refused', message: `The checklist could not be saved: ${describe(err)}. The file was left as it was.` };
      }
      return { status: 'written', text: result.text };
    }
    return { status: 'refused', message: 'The checklist file kept changing while saving; please try again.' };
  }

  /** Creates the file with `text` unless something already exists there (never overwrites). */
  create(text: string): Promise<boolean> {
    const run = this.queue.then(() => createFileExclusive(this.file, text));
    this.queue = run.catch(() => undefined);
    return run;
  }
}

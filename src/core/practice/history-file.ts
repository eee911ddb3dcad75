// Pure logic: stays free of vscode.
// The review history on disk. Only ever appended to: no rewrite, no truncation, no rename.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { appendition, parseHistory, type HistoryEntry, type HistoryRecord, type ParsedHistory } from './history-log';

export interface HistoryAppend {
  readonly entry: HistoryEntry;
  /** The file as it was just before the append (problems included). */
  readonly before: ParsedHistory;
}

export class HistoryFile {
  constructor(readonly file: string) {}

  /** Reads the whole log; a missing file is an empty history. */
  async read(): Promise<ParsedHistory> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return parseHistory('');
      throw err;
    }
    return parseHistory(text);
  }

  /**
   * Appends one record. Reads the tail first so a cut-off last line gets a newline before
   * the new record (the broken line itself is left exactly as it is).
   */
  async append(record: HistoryRecord): Promise<HistoryAppend> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const before = await this.read();
    const { text, line } = appendition(before, record);
    const handle = await fs.open(this.file, 'a');
    try {
      await handle.appendFile(text, 'utf8');
      await handle.sync().catch(() => undefined); // best effort: a rating should survive a crash
    } finally {
      await handle.close();
    }
    return { entry: { line, record, atMs: Date.parse(record.at) }, before };
  }
}

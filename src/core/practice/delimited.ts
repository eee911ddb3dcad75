// Pure logic: stays free of vscode.
// CSV/TSV as spreadsheets and Anki write it (RFC 4180 quoting): fields in double quotes may
// hold the delimiter, newlines and doubled quotes (`""`). Every row remembers the line it
// starts on, so errors can name it even when earlier fields spanned several lines.
import { notice, told, type CoreNotice } from '../notices';

export interface DelimitedRow {
  readonly fields: readonly string[];
  /** 1-based line where the row starts. */
  readonly line: number;
}

export interface DelimitedProblem {
  readonly line: number;
  readonly message: string;
  /** The message as an id and values, for the extension to say in the display language. */
  readonly notice?: CoreNotice;
}

export interface DelimitedResult {
  readonly rows: readonly DelimitedRow[];
  readonly problems: readonly DelimitedProblem[];
}

/**
 * Splits `text` into rows of fields. Blank lines are skipped. `firstLine` numbers the first
 * line of `text` (when a header block was cut off before).
 */
export function parseDelimited(text: string, delimiter: string, firstLine = 1): DelimitedResult {
  const rows: DelimitedRow[] = [];
  const problems: DelimitedProblem[] = [];
  const src = text.replace(/^\uFEFF/, '');
  let line = firstLine;
  let i = 0;
  let fields: string[] = [];
  let field = '';
  let rowLine = line;
  let rowHasContent = false;

  const endRow = () => {
    fields.push(field);
    if (rowHasContent || fields.length > 1 || field !== '') rows.push({ fields, line: rowLine });
    fields = [];
    field = '';
    rowHasContent = false;
  };

  while (i < src.length) {
    const c = src[i];
    if (c === '"' && field === '' ) {
      // Quoted field.
      const startLine = line;
      i++;
      let closed = false;
      while (i < src.length) {
        const q = src[i];
        if (q === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (q === '\r' && src[i + 1] === '\n') {
          field += '\n';
          i += 2;
          line++;
          continue;
        }
        if (q === '\n' || q === '\r') line++;
        field += q === '\r' ? '\n' : q;
        i++;
      }
      rowHasContent = true;
      if (!closed) {
        problems.push({ line: startLine, ...told(notice('importUnclosedQuote')) });
        break;
      }
      // Text between the closing quote and the delimiter is kept (lenient, like spreadsheets).
      while (i < src.length && src[i] !== delimiter && src[i] !== '\n' && src[i] !== '\r') field += src[i++];
      continue;
    }
    if (c === delimiter) {
      fields.push(field);
      field = '';
      rowHasContent = true;
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      endRow();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    field += c;
    i++;
  }
  if (field !== '' || fields.length > 0 || rowHasContent) endRow();
  return { rows, problems };
}

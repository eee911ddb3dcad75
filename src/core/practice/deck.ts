// Pure logic: stays free of vscode.
// Interview decks are Markdown files a person can read and edit:
//
//   ---
//   id: ml-interview
//   name: Machine learning interviews
//   ---
//   ## What is the difference between precision and recall? <!-- id: precision-vs-recall -->
//
//   The model answer, any Markdown.
//
//   Key points:
//   - a point the user ticks when their answer covered it
//
//   Source: 000_5534f9212d9dcf8f.txt
//
// The id lives in an HTML comment so the heading renders cleanly on GitHub and in previews,
// and it is stable: editing the question text keeps its review history.
import { FrontMatterError, parseFrontMatter } from '../front-matter';
import { notice, noticeOf, told, type CoreNotice } from '../notices';

export type DeckOrigin = 'builtin' | 'workspace' | 'global';

export interface DeckQuestion {
  /** The id written in the heading, unique within its deck. */
  readonly id: string;
  /** `<deck id>/<question id>`: what the review history stores. */
  readonly key: string;
  readonly question: string;
  /** The model answer as Markdown (may be empty when key points carry the answer). */
  readonly answer: string;
  readonly keyPoints: readonly string[];
  readonly sources: readonly string[];
  /** 1-based line of the question's heading. */
  readonly line: number;
}

export interface Deck {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** Where the deck came from, as shown to the user (a path). */
  readonly file: string;
  readonly origin: DeckOrigin;
  readonly questions: readonly DeckQuestion[];
}

export interface DeckProblem {
  readonly file: string;
  /** 1-based line the problem is on, when there is one. */
  readonly line?: number;
  readonly message: string;
  /** The message as an id and values, for the extension to say in the display language. */
  readonly notice?: CoreNotice;
}

export interface ParsedDeck {
  /** Undefined when the deck cannot be used at all (e.g. malformed front matter). */
  readonly deck?: Deck;
  readonly problems: readonly DeckProblem[];
}

/** Ids are what the history log stores: letters, digits, `-`, `_`, `.`; no `/`. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

const QUESTION_HEADING = /^ {0,3}##(?:[ \t]+(.*?))?[ \t]*$/;
const SECTION_HEADING = /^ {0,3}#(?:[ \t]+.*)?$/;
const ID_COMMENT = /<!--\s*id\s*:\s*(.*?)\s*-->/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const KEY_POINTS_LINE = /^(?:\*\*|__)?key points:(?:\*\*|__)?\s*$/i;
const SOURCE_LINE = /^(?:\*\*|__)?sources?:(?:\*\*|__)?\s*(.*)$/i;
const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;

export function formatProblem(problem: DeckProblem): string {
  return problem.line ? `${problem.file}:${problem.line}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}

/** A readable id from text: `What is a neural network?` → `what-is-a-neural-network`. */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > maxLength ? slug.slice(0, maxLength).replace(/-[^-]*$/, '') || slug.slice(0, maxLength) : slug;
  return cut || 'question';
}

export interface ParseDeckOptions {
  /** Path shown in messages. */
  readonly file: string;
  readonly origin: DeckOrigin;
  /** Used when the front matter names no id (e.g. the file name without `.md`). */
  readonly fallbackId: string;
}

/**
 * Parses one deck. Problems in one question skip that question only; the deck keeps its
 * other questions. A deck whose front matter cannot be read is not used at all.
 */
export function parseDeck(text: string, options: ParseDeckOptions): ParsedDeck {
  const { file } = options;
  const problems: DeckProblem[] = [];
  let front;
  try {
    front = parseFrontMatter(text);
  } catch (err) {
    const line = err instanceof FrontMatterError ? err.line : undefined;
    const reason = noticeOf(err) ?? (err instanceof Error ? err.message : String(err));
    return { problems: [{ file, line: line ?? 1, ...told(notice('deckFrontMatterSkipped', reason)) }] };
  }
  const frontLines = frontMatterLineCount(text, front.body, front.hasFrontMatter);
  const data = front.data;

  let id = options.fallbackId;
  if (data.id !== undefined) {
    if (typeof data.id !== 'string' && typeof data.id !== 'number') {
      return { problems: [{ file, line: findKeyLine(text, 'id', frontLines), ...told(notice('deckIdNotText')) }] };
    }
    id = String(data.id).trim();
  }
  if (!ID_PATTERN.test(id)) {
    return {
      problems: [{
        file,
        line: data.id !== undefined ? findKeyLine(text, 'id', frontLines) : 1,
        ...told(notice('deckIdInvalid', id)),
      }],
    };
  }
  const name = typeof data.name === 'string' && data.name.trim() ? data.name.trim() : options.fallbackId;
  const description = typeof data.description === 'string' && data.description.trim() ? data.description.trim() : undefined;

  const lines = front.body.split(/\r?\n/);
  const questions: DeckQuestion[] = [];
  const seen = new Map<string, number>();

  let current: { heading: string; line: number; body: string[] } | undefined;
  const finish = () => {
    if (!current) return;
    const parsed = parseQuestion(current.heading, current.line, current.body, file, id);
    current = undefined;
    if ('problem' in parsed) {
      problems.push(parsed.problem);
      return;
    }
    const first = seen.get(parsed.question.id);
    if (first !== undefined) {
      problems.push({ file, line: parsed.question.line, ...told(notice('deckQuestionIdTaken', parsed.question.id, first)) });
      return;
    }
    seen.set(parsed.question.id, parsed.question.line);
    questions.push(parsed.question);
  };

  let fence: string | undefined;
  lines.forEach((raw, index) => {
    const lineNumber = frontLines + index + 1;
    const fenceMatch = FENCE.exec(raw);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && raw.trim() === fenceMatch[1]) fence = undefined;
      current?.body.push(raw);
      return;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      current?.body.push(raw);
      return;
    }
    const heading = QUESTION_HEADING.exec(raw);
    if (heading) {
      finish();
      current = { heading: heading[1] ?? '', line: lineNumber, body: [] };
      return;
    }
    if (SECTION_HEADING.test(raw)) {
      // A `# ` heading groups questions; it belongs to none of them.
      finish();
      return;
    }
    current?.body.push(raw);
  });
  finish();

  if (questions.length === 0 && problems.length === 0) {
    problems.push({
      file,
      line: frontLines + 1,
      ...told(notice('deckNoQuestions')),
    });
  }
  return { deck: { id, name, description, file, origin: options.origin, questions }, problems };
}

function parseQuestion(
  headingText: string,
  line: number,
  body: string[],
  file: string,
  deckId: string,
): { question: DeckQuestion } | { problem: DeckProblem } {
  const idMatch = ID_COMMENT.exec(headingText);
  const question = headingText.replace(ID_COMMENT, '').trim();
  if (!question) {
    return { problem: { file, line, ...told(notice('deckHeadingNoText')) } };
  }
  if (!idMatch) {
    return {
      problem: {
        file,
        line,
        ...told(notice('deckQuestionNoId', question, slugify(question))),
      },
    };
  }
  const id = idMatch[1];
  if (!ID_PATTERN.test(id)) {
    return { problem: { file, line, ...told(notice('deckQuestionIdInvalid', id)) } };
  }

  // Trailing `Source:` line, then a `Key points:` list; the rest is the model answer.
  const lines = [...body];
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  let sources: string[] = [];
  const lastLine = lines.length ? lines[lines.length - 1].trim() : '';
  const sourceMatch = SOURCE_LINE.exec(lastLine);
  if (sourceMatch) {
    sources = sourceMatch[1].split(/[;,]\s+|;/).map((s) => s.trim().replace(/^`|`$/g, '')).filter(Boolean);
    lines.pop();
  }

  const keyPoints: string[] = [];
  const answerLines: string[] = [];
  const keyPointsAt = lines.findIndex((l) => KEY_POINTS_LINE.test(l.trim()));
  if (keyPointsAt >= 0) {
    answerLines.push(...lines.slice(0, keyPointsAt));
    let blankSince = false;
    for (const l of lines.slice(keyPointsAt + 1)) {
      const item = LIST_ITEM.exec(l);
      if (item) {
        keyPoints.push(item[1].trim());
        blankSince = false;
      } else if (!l.trim()) {
        blankSince = true;
      } else if (keyPoints.length && !blankSince) {
        keyPoints[keyPoints.length - 1] = `${keyPoints[keyPoints.length - 1]} ${l.trim()}`; // wrapped item
      } else {
        answerLines.push(l); // prose after the list still belongs to the answer
      }
    }
  } else {
    answerLines.push(...lines);
  }
  const answer = trimBlankLines(answerLines).join('\n');
  const points = keyPoints.filter(Boolean);
  if (!answer && points.length === 0) {
    return { problem: { file, line, ...told(notice('deckQuestionNoAnswer', question)) } };
  }
  return { question: { id, key: `${deckId}/${id}`, question, answer, keyPoints: points, sources, line } };
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start].trim()) start++;
  while (end > start && !lines[end - 1].trim()) end--;
  return lines.slice(start, end).map((l) => l.replace(/\s+$/, ''));
}

/** How many lines the front-matter block takes, so body lines map back to file lines. */
function frontMatterLineCount(text: string, body: string, hasFrontMatter: boolean): number {
  if (!hasFrontMatter) return 0;
  if (body && text.endsWith(body)) return text.slice(0, text.length - body.length).split('\n').length - 1;
  // Fallback: find the closing delimiter ourselves.
  const lines = text.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) if (/^---\s*$/.test(lines[i])) return i + 1;
  return lines.length;
}

function findKeyLine(text: string, key: string, frontLines: number): number {
  const lines = text.split(/\r?\n/);
  const limit = Math.max(frontLines, 1);
  for (let i = 0; i < Math.min(lines.length, limit); i++) if (new RegExp(`^${key}\\s*:`).test(lines[i])) return i + 1;
  return 1;
}

export interface DeckLibrary {
  readonly decks: readonly Deck[];
  readonly problems: readonly DeckProblem[];
}

/**
 * Joins parsed decks: a deck id used twice keeps the first deck (built-in first) and reports
 * the second, so history is never attributed to the wrong questions.
 */
export function buildLibrary(parsed: readonly ParsedDeck[]): DeckLibrary {
  const decks: Deck[] = [];
  const problems: DeckProblem[] = [];
  const byId = new Map<string, Deck>();
  for (const p of parsed) {
    problems.push(...p.problems);
    if (!p.deck) continue;
    const existing = byId.get(p.deck.id);
    if (existing) {
      problems.push({ file: p.deck.file, line: 1, ...told(notice('deckIdTaken', p.deck.id, existing.file)) });
      continue;
    }
    byId.set(p.deck.id, p.deck);
    decks.push(p.deck);
  }
  return { decks, problems };
}

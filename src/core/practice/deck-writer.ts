// Pure logic: stays free of vscode.
// Writes a deck as Markdown that parseDeck reads back to the same questions: question text
// on one heading line, answers escaped where a line would otherwise read as a new heading,
// a `Key points:`/`Source:` line, or an unclosed code fence swallowing the next question.
import { stringifyFrontMatter } from '../front-matter';
import { ID_PATTERN, slugify } from './deck';

export interface DeckCard {
  readonly question: string;
  readonly answer: string;
  readonly keyPoints?: readonly string[];
  readonly sources?: readonly string[];
  /** Kept when valid and unused; otherwise one is made from the question. */
  readonly id?: string;
}

export interface DeckDocument {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** Extra front-matter fields (e.g. where an import came from). */
  readonly extra?: Record<string, string>;
  readonly cards: readonly DeckCard[];
}

/**
 * One line of heading text: whitespace collapsed, an `<!--` that would hide text escaped
 * (one the question already escapes, `\<!--`, is left as it is: escaped twice, it would show
 * its backslash and hide the rest).
 */
export function headingText(question: string): string {
  return question
    .replace(/\s+/g, ' ')
    .trim()
    // A code span is left whole: inside one, `<!--` is shown as it is.
    .replace(/(`+)(?:[^`]|`(?!\1))*?\1(?!`)|(\\*)<!--/g, (match, ticks: string | undefined, backslashes: string | undefined) =>
      ticks !== undefined || (backslashes ?? '').length % 2 === 1 ? match : `${backslashes ?? ''}\\<!--`,
    )
    .replace(/(\s)(#+)$/, (_m, space: string, hashes: string) => `${space}\\${hashes}`);
}

/** Answer text made safe to sit under a question heading. */
export function escapeAnswer(answer: string): string {
  // Trimmed before the lines are looked at: an indented `    #` that became the first line
  // after trimming would read as a heading.
  const lines = answer.replace(/\r\n?/g, '\n').trim().split('\n');
  let fence: string | undefined;
  const out = lines.map((line) => {
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && line.trim() === fenceMatch[1]) fence = undefined;
      return line;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      return line;
    }
    if (/^ {0,3}#{1,2}(\s|$)/.test(line)) return line.replace(/#/, '\\#');
    if (/^(?:\*\*|__)?(key points|sources?):/i.test(line.trim())) return line.replace(/:/, '\\:');
    return line;
  });
  if (fence) out.push(fence); // close a fence the answer left open
  return out.join('\n').trim();
}

/** Unique, valid ids for every card, in order (existing valid ids win). */
export function assignIds(cards: readonly DeckCard[]): string[] {
  const used = new Set<string>();
  for (const c of cards) if (c.id && ID_PATTERN.test(c.id)) used.add(c.id);
  const taken = new Set<string>();
  return cards.map((c) => {
    if (c.id && ID_PATTERN.test(c.id) && !taken.has(c.id)) {
      taken.add(c.id);
      return c.id;
    }
    const base = slugify(c.question);
    let id = base;
    for (let n = 2; taken.has(id) || (used.has(id) && id !== c.id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}

export function writeDeck(doc: DeckDocument): string {
  const ids = assignIds(doc.cards);
  const parts: string[] = [`# ${headingText(doc.name)}`, ''];
  if (doc.description) parts.push(doc.description.trim(), '');
  doc.cards.forEach((card, i) => {
    parts.push(`## ${headingText(card.question)} <!-- id: ${ids[i]} -->`, '');
    const answer = escapeAnswer(card.answer);
    if (answer) parts.push(answer, '');
    const points = (card.keyPoints ?? []).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
    if (points.length) parts.push('Key points:', ...points.map((p) => `- ${p}`), '');
    const sources = (card.sources ?? []).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
    if (sources.length) parts.push(`Source: ${sources.join(', ')}`, '');
  });
  const data: Record<string, string> = { id: doc.id, name: doc.name, ...doc.extra };
  return stringifyFrontMatter(`\n${parts.join('\n')}`, data);
}

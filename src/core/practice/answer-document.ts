// Pure logic: stays free of vscode.
// The scratch document the user writes an answer in: a file per question per day under
// global storage (`answers/<deck>/<question>/<question>-<day>.md`, a name that reads well on
// an editor tab). A file rather than an untitled document, so an answer survives a reload, is
// never asked to be "saved", stays out of the user's repository, and earlier attempts stay readable.
import * as path from 'node:path';
import { resolveInside } from '../safe-fs';
import { isUnsafeFileName } from '../scaffold/slug';
import { ID_PATTERN } from './deck';

export const ANSWER_HINT = '<!-- Write your answer below. Then run "Reveal Model Answer" to compare it with the model answer. -->';

export function answerTemplate(question: string, hint = ANSWER_HINT): string {
  return `# ${question.replace(/\s+/g, ' ').trim()}\n\n${hint}\n\n`;
}

/** The user's answer: the document without its question heading and hint comments. */
export function extractAnswer(documentText: string, question?: string): string {
  let text = documentText.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first >= 0 && /^#\s/.test(lines[first]) && (question === undefined || lines[first].slice(2).trim() === question.replace(/\s+/g, ' ').trim())) {
    lines.splice(first, 1);
  }
  text = lines.join('\n');
  return text.replace(/^\s*\n/, '').replace(/\s+$/, '');
}

/** Where today's answer to `key` (`deck/question`) lives, inside `answersRoot`. */
export function answerPath(answersRoot: string, key: string, day: string): string {
  const [deckId, questionId] = splitKey(key).map(fileSafeId);
  return resolveInside(answersRoot, path.join(deckId, questionId, `${questionId}-${day}.md`));
}

/**
 * An id as a folder or file-name stem every OS can create. Valid ids that Windows refuses
 * (`CON`, `aux.x`, `q.`) get underscores around them: ids start with a letter or digit, so
 * this never meets another id's folder, and every other id keeps the path it always had.
 * Anything else (`..`, a slash) is left for resolveInside to refuse.
 */
function fileSafeId(id: string): string {
  return ID_PATTERN.test(id) && isUnsafeFileName(id) ? `_${id}_` : id;
}

export function splitKey(key: string): [string, string] {
  const at = key.indexOf('/');
  if (at <= 0 || at === key.length - 1) throw new Error(`"${key}" is not a deck/question key.`);
  return [key.slice(0, at), key.slice(at + 1)];
}

// Pure logic: stays free of vscode.
// A selection as the body of a new post: prose stays prose, code becomes a fenced block in
// its language, with a link to the exact lines when the file's repository is known.
import { parseFrontMatter } from '../front-matter';
import type { PlaceholderValues } from './placeholders';
import { openFenceAtEnd } from './readme';

/** Language ids whose text is already Markdown-compatible prose. */
const PROSE_LANGUAGES = new Set(['markdown', 'mdx', 'plaintext', 'text', '']);

/** VS Code language ids → the info string Markdown highlighters know. */
const FENCE_LANGUAGE: Record<string, string> = {
  typescriptreact: 'tsx',
  javascriptreact: 'jsx',
  shellscript: 'bash',
  jsonc: 'json',
  'jupyter': 'python',
  'objective-c': 'objc',
  'objective-cpp': 'objcpp',
  dockercompose: 'yaml',
};

export interface SelectionInput {
  text: string;
  languageId: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** Path shown to readers (relative to the repository or workspace), POSIX separators. */
  displayPath?: string;
  permalink?: string;
}

export function isProse(languageId: string): boolean {
  return PROSE_LANGUAGES.has(languageId.toLowerCase());
}

export function fenceLanguage(languageId: string): string {
  const id = languageId.toLowerCase();
  return FENCE_LANGUAGE[id] ?? (/^[\w+#.-]+$/.test(id) ? id : '');
}

/** Removes the indentation every non-blank line shares (a method copied out of a class). */
export function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0] ?? '');
  if (indents.length === 0) return text;
  let common = indents[0];
  for (const indent of indents) {
    let i = 0;
    while (i < common.length && i < indent.length && common[i] === indent[i]) i++;
    common = common.slice(0, i);
    if (common === '') return text;
  }
  return lines.map((line) => (line.trim() === '' ? line.trimEnd() : line.slice(common.length))).join('\n');
}

/** A fenced code block whose fence is longer than any backtick run inside the code. */
export function fencedBlock(code: string, languageId: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${fenceLanguage(languageId)}\n${code}\n${fence}`;
}

/** `text` as inline code, with a backtick run longer than any inside it (CommonMark). */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = longest > 0 || text.startsWith(' ') || text.endsWith(' ') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** A link destination that an unbalanced parenthesis cannot end early. */
function linkDestination(url: string): string {
  return url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function linesLabel(start: number, end: number): string {
  return start === end ? `line ${start}` : `lines ${start}-${end}`;
}

/**
 * The placeholder values a selection provides. With the post's `title`, selected Markdown
 * that opens with that same heading loses it: the title is the post's heading already.
 */
export function selectionValues(selection: SelectionInput | undefined, title?: string): PlaceholderValues {
  const prose = selection !== undefined && isProse(selection.languageId);
  const normalized = selection?.text.replace(/\r\n?/g, '\n') ?? '';
  const text = (prose ? withoutTitleHeading(withoutFrontMatter(normalized), title) : normalized).replace(/\n+$/, '');
  if (!selection || text.trim() === '') {
    return { selection: '', selectionLanguage: '', selectionSource: '', sourceFile: '', permalink: '' };
  }
  // Selected Markdown that stops inside a code block would turn the rest of the post into code.
  const openFence = prose ? openFenceAtEnd(text) : undefined;
  const body = prose ? (openFence === undefined ? text : `${text}\n${openFence}`) : fencedBlock(dedent(text), selection.languageId);
  const label = `${selection.displayPath ? `${codeSpan(selection.displayPath)}, ` : ''}${linesLabel(selection.startLine, selection.endLine)}`;
  const source = selection.permalink ? `From [${label}](${linkDestination(selection.permalink)})` : '';
  return {
    // Templates put the source on the next line: after prose it would join the last paragraph (or list item).
    selection: prose && source ? `${body}\n` : body,
    selectionLanguage: prose ? '' : selection.languageId,
    selectionSource: source,
    sourceFile: selection.displayPath ?? '',
    permalink: selection.permalink ?? '',
  };
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

/**
 * Markdown copied from another post without that post's front matter: in the new post's body
 * it would show as a rule and a heading (its title is offered as the new title instead).
 * A block that is not a YAML mapping is a rule and a setext heading, and stays.
 */
function withoutFrontMatter(text: string): string {
  const block = FRONT_MATTER.exec(text);
  if (!block) return text;
  try {
    if (Object.keys(parseFrontMatter(block[0]).data).length === 0) return text;
  } catch {
    return text;
  }
  return text.slice(block[0].length).replace(/^\n+/, '');
}

/** `text` without a first heading that says `title` (the words suggestTitle would offer). */
function withoutTitleHeading(text: string, title: string | undefined): string {
  if (title === undefined) return text;
  const heading = /^\n*#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*(?:\n+|$)/.exec(text);
  if (!heading) return text;
  const same = (a: string) => titleWords(a).toLowerCase();
  return same(heading[1]) === same(title) ? text.slice(heading[0].length) : text;
}

/** Up to ten words and 80 characters of a line, without Markdown's marks. */
function titleWords(line: string): string {
  const clean = line.replace(/[*_`>#[\]]/g, '').trim();
  const words = clean.split(/\s+/).slice(0, 10).join(' ');
  return words.length > 80 ? words.slice(0, 80).trimEnd() : words;
}

/** A title to offer for a post made from a selection: its first heading or first words. */
export function suggestTitle(selection: SelectionInput): string {
  let text = selection.text.replace(/\r\n?/g, '\n');
  if (isProse(selection.languageId)) {
    // Selected from another post: its front matter's title, else what follows the block.
    const frontMatter = FRONT_MATTER.exec(text);
    if (frontMatter) {
      // Read as YAML: a folded `title: >-` or a `# comment` after it is not the title's text.
      let title: unknown;
      try {
        title = parseFrontMatter(frontMatter[0]).data.title;
      } catch {
        // Unreadable front matter: offer what follows it.
      }
      if (typeof title === 'string' && title.trim()) return titleWords(title);
      text = text.slice(frontMatter[0].length);
    }
    const heading = /^#{1,6}\s+(.+)$/m.exec(text)?.[1];
    // A rule (---, ***) or a line of markup has no words to offer.
    const first = heading ?? text.split('\n').find((l) => /[\p{L}\p{N}]/u.test(l)) ?? '';
    return titleWords(first);
  }
  const name = selection.displayPath?.split('/').pop();
  return name ? `TIL: ${name}` : '';
}

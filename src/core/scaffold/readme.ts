// Pure logic: stays free of vscode.
// A portfolio README that shows demonstrated knowledge, with the sections the sources
// recommend for a project: the problem, approaches considered, data, results with context,
// demo, how to run, what you learned, next steps. For an existing README only the missing
// sections are appended; everything already there stays byte-for-byte.
import type { ProjectInfo } from './project-info';
import { citeSources, rewrapLongComments } from '../seed-sources';

export interface ReadmeSection {
  id: string;
  heading: string;
  /** Existing headings that already cover this section. */
  matches: RegExp;
  body(info: ProjectInfo): string;
}

function bullets(lines: string[]): string {
  return lines.map((l) => `- ${l}`).join('\n');
}

function codeBlock(commands: string[]): string {
  return ['```sh', ...commands, '```'].join('\n');
}

export const README_SECTIONS: readonly ReadmeSection[] = [
  {
    id: 'problem',
    heading: 'The problem',
    matches: /problem|motivation|\bwhy\b|background|overview|\babout\b|introduction|context/,
    body: () =>
      [
        '<!-- Start from a business or real-world problem, not from a model: who has it, what does it cost',
        'them, and what would "better" look like? Asking someone who knows the domain what they wish',
        'worked better is a good way to find one (source: 004_93e24c764982b9b4.txt, scoping step 1). -->',
        '',
        '_Who has this problem, and why does it matter?_',
      ].join('\n'),
  },
  {
    id: 'approach',
    heading: 'Approach and alternatives considered',
    matches: /approach|solution|method|alternative|how it works|architecture|design/,
    body: () =>
      [
        '<!-- Brainstorm more than one solution before building the first idea, then say why you chose this',
        'one: was it feasible (published work, a quick prototype) and valuable (what a domain expert',
        'said)? (source: 004_93e24c764982b9b4.txt, scoping steps 2-3) -->',
        '',
        bullets(['**Chosen:** ...', '**Considered:** ... (not chosen because ...)']),
      ].join('\n'),
  },
  {
    id: 'data',
    heading: 'Data',
    matches: /\bdata\b|dataset/,
    body: (info) =>
      [
        '<!-- Where the data comes from, its size and licence, how you cleaned and split it. Much of real ML',
        'work is iterating on the data (source: 004_93e24c764982b9b4.txt). -->',
        '',
        bullets([
          'Source: ...',
          'Size: ...',
          'Preparation: ...',
          // A clone has none of it: without these steps nobody can run the notebooks.
          ...(info.ignoredData.length
            ? [`Not in this repository (git-ignored: ${info.ignoredData.map(inlineCode).join(', ')}). To get it: ... <!-- a download link or script, and where to put the files -->`]
            : []),
        ]),
      ].join('\n'),
  },
  {
    id: 'results',
    heading: 'Results',
    matches: /result|metric|evaluation|performance|benchmark|impact/,
    body: () =>
      [
        '<!-- Give every number its context: tie the metric to the goal of the project and say what YOUR',
        'part in reaching it was, e.g. "my 200 new features cut the false-positive rate from 20% to 15%',
        'at the same false-negative rate". If a number would be forced, say how the project made you a',
        'better engineer instead (source: 003_71b1740b79917299.txt). Name the ML metric and the',
        'business metric (source: 004_93e24c764982b9b4.txt, scoping step 4). -->',
        '',
        '| Metric | Baseline | This project | Why it matters |',
        '| --- | --- | --- | --- |',
        '|  |  |  |  |',
        '',
        '**My contribution:** ...',
      ].join('\n'),
  },
  {
    id: 'demo',
    heading: 'Demo',
    matches: /demo|try it|screenshots?|\blive\b|preview/,
    body: (info) =>
      [
        '<!-- A demo anyone can open in a browser is worth more than a paragraph: put a proof of concept on',
        'Streamlit, Gradio or Hugging Face Spaces and link it here (source: 003_71b1740b79917299.txt). -->',
        '',
        // Not a live link: a placeholder left in a published README would be a link to nowhere.
        `${info.demoFramework ? `Try the ${info.demoFramework} app: ` : 'Try it: '}\`https://huggingface.co/spaces/<your-user>/${slugForUrl(info.name)}\` <!-- replace with a link to your demo -->`,
      ].join('\n'),
  },
  {
    id: 'how-to-run',
    heading: 'How to run',
    matches: /how to (run|use)|install|getting started|usage|quick ?start|set ?up|running|\brun\b/,
    body: (info) => {
      const parts: string[] = [];
      if (info.how.install.length) parts.push('Install:', '', codeBlock(info.how.install));
      if (info.how.run.length) parts.push('', 'Run:', '', codeBlock(info.how.run));
      if (info.how.test.length) parts.push('', 'Test:', '', codeBlock(info.how.test));
      if (parts.length === 0) parts.push('<!-- The exact commands to install and run this project, from a fresh clone. -->', '', codeBlock(['# ...']));
      return parts.join('\n').replace(/^\n+/, '');
    },
  },
  {
    id: 'learned',
    heading: 'What I learned',
    matches: /\blearn(ed|t|ings?)\b|lessons|takeaways?|reflections?|retrospective/,
    body: () =>
      [
        '<!-- What you can now do that you could not before, and what surprised you. Explaining it clearly is',
        'itself the skill employers look for (source: 002_26d5cb83709276d8.txt). -->',
        '',
        bullets(['...']),
      ].join('\n'),
  },
  {
    id: 'next-steps',
    heading: 'Next steps',
    matches: /next steps?|future|roadmap|to ?do|improvements/,
    body: () =>
      [
        '<!-- Projects are iterative: what would you try next, or do differently with more time or data?',
        '(source: 004_93e24c764982b9b4.txt) -->',
        '',
        bullets(['[ ] ...']),
      ].join('\n'),
  },
  {
    id: 'milestones',
    heading: 'Milestones and resources',
    matches: /milestone|resources|budget|\bplan\b|timeline/,
    body: () =>
      [
        '<!-- The metrics you aim for at each milestone (ML and business), and what it takes: data, compute,',
        'time, help from others (source: 004_93e24c764982b9b4.txt, scoping steps 4-5). -->',
        '',
        '| Milestone | Target | Status |',
        '| --- | --- | --- |',
        '| Proof of concept |  |  |',
      ].join('\n'),
  },
  {
    id: 'license',
    heading: 'License',
    matches: /licen[cs]e|copying/,
    body: (info) => (info.license ? (info.license.startsWith('see ') ? `See [${info.license.slice(4)}](${info.license.slice(4)}).` : `${info.license}`) : '<!-- Say how others may use this code, e.g. MIT. -->'),
  },
];

function inlineCode(text: string): string {
  // A backtick inside is fenced by a longer run of them, as CommonMark allows.
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

function slugForUrl(name: string): string {
  return name.replace(/^@[^/]+\//, '').replace(/[^A-Za-z0-9_.-]+/g, '-') || 'project';
}

export interface ReadmeHeading {
  level: number;
  text: string;
}

/** Headings of a Markdown document (ATX, setext and HTML), ignoring fenced code and HTML comments. */
export function readmeHeadings(markdown: string): ReadmeHeading[] {
  const headings: ReadmeHeading[] = [];
  // A fence closes only with a run of its own character at least as long, and nothing after it.
  let fence: string | undefined;
  let inComment = false;
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const f = /^\s{0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (f) {
      if (!fence) fence = f[1];
      else if (f[1][0] === fence[0] && f[1].length >= fence.length && f[2].trim() === '') fence = undefined;
      continue;
    }
    if (fence) continue;
    // Text inside an HTML comment is not shown: a heading there is not a section the README has.
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (/^\s{0,3}<!--/.test(line) && !line.slice(line.indexOf('<!--') + 4).includes('-->')) {
      inComment = true;
      continue;
    }
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (atx) headings.push({ level: atx[1].length, text: atx[2] });
    else if (i > 0 && /^\s{0,3}(=+|-+)\s*$/.test(line) && lines[i - 1].trim() !== '' && !/^\s*([-*>]|#)/.test(lines[i - 1])) {
      headings.push({ level: line.trim().startsWith('=') ? 1 : 2, text: lines[i - 1].trim() });
    }
    const html = /<h([1-6])[^>]*>([^<]+)<\/h[1-6]>/i.exec(line);
    if (html) headings.push({ level: Number(html[1]), text: html[2] });
  }
  return headings;
}

function normalizeHeading(h: string): string {
  return h
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function missingSections(existing: string): ReadmeSection[] {
  // The level-1 heading is the project's name; it says nothing about which sections exist.
  const headings = readmeHeadings(existing)
    .filter((h) => h.level > 1)
    .map((h) => normalizeHeading(h.text));
  return README_SECTIONS.filter((s) => !headings.some((h) => s.matches.test(h)));
}

function renderSections(sections: readonly ReadmeSection[], info: ProjectInfo): string {
  return sections.map((s) => `## ${s.heading}\n\n${rewrapLongComments(citeSources(s.body(info)))}\n`).join('\n');
}

/** A complete README for a project that has none. */
export function buildReadme(info: ProjectInfo): string {
  const lines = [`# ${info.name}`, ''];
  lines.push(info.description ?? '<!-- One sentence: what this project does and for whom. -->', '');
  const facts: string[] = [];
  if (info.languages.length) facts.push(`**Built with:** ${info.languages.slice(0, 3).join(', ')}`);
  if (info.repoUrl) facts.push(`**Code:** <${info.repoUrl}>`);
  if (facts.length) lines.push(facts.join(' | '), '');
  return `${lines.join('\n')}\n${renderSections(README_SECTIONS, info)}`;
}

export interface ReadmeAddition {
  text: string;
  added: string[];
}

/**
 * `existing` followed by the sections it lacks. The original text is an exact prefix of the
 * result, so nothing the user wrote changes. `added` is empty when nothing is missing.
 */
export function appendMissingSections(existing: string, info: ProjectInfo): ReadmeAddition {
  const missing = missingSections(existing);
  if (missing.length === 0) return { text: existing, added: [] };
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  // A README that ends inside a code block would show the new sections as code: close it first.
  const fence = openFenceAtEnd(existing);
  const closed = fence === undefined ? existing : existing + (existing.endsWith('\n') ? '' : eol) + fence + eol;
  const separator = closed === '' ? '' : closed.endsWith('\n\n') || closed.endsWith('\r\n\r\n') ? '' : closed.endsWith('\n') ? eol : eol + eol;
  const addition = `<!-- Sections added by Learn in Public: fill them in or delete them. -->${'\n\n'}${renderSections(missing, info)}`;
  return { text: closed + separator + (eol === '\n' ? addition : addition.replace(/\n/g, '\r\n')), added: missing.map((s) => s.heading) };
}

/** HTML blocks in which a fence line is plain text (CommonMark block types 1 and 2), and what ends each. */
const HTML_BLOCKS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(pre|script|style|textarea)(\s|>|$)/i, /<\/(pre|script|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
];

/** The fence that closes a fenced code block still open at the end of `text` (CommonMark rules), if any. */
export function openFenceAtEnd(text: string): string | undefined {
  let open: { char: string; length: number; indent: string } | undefined;
  let htmlEnd: RegExp | undefined;
  for (const line of text.split(/\r?\n|\r/)) {
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
      continue;
    }
    if (!open) {
      const html = HTML_BLOCKS.find(([start]) => start.test(line));
      // The block may end on its first line (`<!-- a comment -->`), after what opened it.
      if (html && !html[1].test(line.replace(html[0], ''))) {
        htmlEnd = html[1];
        continue;
      }
    }
    const fence = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(line);
    if (!fence) continue;
    const [, indent, run, rest] = fence;
    if (!open) {
      if (run[0] === '`' && rest.includes('`')) continue; // an info string with a backtick: not a fence
      open = { char: run[0], length: run.length, indent };
    } else if (run[0] === open.char && run.length >= open.length && rest.trim() === '') {
      open = undefined;
    }
  }
  return open && open.indent + open.char.repeat(open.length);
}

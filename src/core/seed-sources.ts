// Pure logic: stays free of vscode.
// The source documents the career content is drawn from, by file name, with the name a reader
// would know them by. Items cite the file (so the citation can be checked); views lead with
// the title, because "002_26d5cb83709276d8.txt" alone tells a reader nothing.

export const SEED_DOCUMENT_TITLES: Readonly<Record<string, string>> = {
  '000_5534f9212d9dcf8f.txt': 'Bootcamp lesson "Career Connection": ML roles, negotiation, interview questions',
  '001_f65caf9f471f906a.txt': 'Bootcamp lesson "Career Connection": frameworks, your first day, interview questions',
  '002_26d5cb83709276d8.txt': 'Blog post "Building a Career in ML"',
  '003_71b1740b79917299.txt': 'Blog post "Notes on: Getting an ML job"',
  '004_93e24c764982b9b4.txt': '"How to Build Your Career in AI" (DeepLearning.AI)',
};

/** `Title (file)` for a known source document; anything else (a user's own source) as given. */
export function describeSource(source: string): string {
  const file = source.trim();
  const title = SEED_DOCUMENT_TITLES[file];
  return title ? `${title} (${file})` : source;
}

/**
 * Guidance text with each `source: <file>` citation of a known document given its title too,
 * as describeSource writes it (`source: <title> (<file>)`): the templates cite by file, and a
 * writer knows the title.
 */
export function citeSources(text: string): string {
  // One file, or a list (`sources: a.txt, b.txt`), which becomes `title (a.txt); title (b.txt)`.
  return text.replace(/\b(sources?): (\d{3}_[0-9a-f]{16}\.txt(?:, \d{3}_[0-9a-f]{16}\.txt)*)/g, (_, word: string, list: string) => {
    return `${word}: ${list.split(', ').map(describeSource).join('; ')}`;
  });
}

/** Widest line guidance comments are wrapped to once titles have made them longer. */
export const GUIDANCE_WIDTH = 96;

/**
 * Wraps again the HTML comments (guidance) that have a line longer than `width`, keeping their
 * indentation; comments that fit are left exactly as written. Citing by title makes lines
 * long, and a comment with one 140-character line between two short ones reads badly.
 */
export function rewrapLongComments(text: string, width = GUIDANCE_WIDTH): string {
  return text.replace(/^([ \t]*)<!--([\s\S]*?)-->/gm, (block: string, indent: string, inner: string) => {
    const lines = block.split('\n');
    if (lines.every((line) => line.length <= width)) return block;
    // Continuation lines line up under the comment's text, or with the comment, as written.
    const continuation = lines.length > 1 ? /^[ \t]*/.exec(lines[1])![0] : `${indent}     `;
    const words = inner.split(/\s+/).filter(Boolean);
    words.push('-->');
    const out: string[] = [];
    let line = `${indent}<!--`;
    for (const word of words) {
      const first = out.length === 0 && line === `${indent}<!--`;
      const candidate = `${line} ${word}`;
      if (candidate.length > width && word === '-->' && line.lastIndexOf(' ') > continuation.length) {
        // The closing `-->` never goes on a line of its own: it takes the last word along.
        const cut = line.lastIndexOf(' ');
        out.push(line.slice(0, cut));
        line = `${continuation}${line.slice(cut + 1)} -->`;
      } else if (candidate.length > width && !first && word !== '-->' && line.trim() !== '') {
        out.push(line);
        line = `${continuation}${word}`;
      } else {
        line = line.trim() === '' ? `${line}${word}` : candidate;
      }
    }
    out.push(line);
    return out.join('\n');
  });
}

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

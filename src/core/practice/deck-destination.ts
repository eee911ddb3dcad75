// Pure logic: stays free of vscode.
// Which workspace folder a new deck most likely belongs in, first in the list (Enter picks it).

export interface DeckFolderCandidate {
  /** The workspace folder's path on disk. */
  readonly folderPath: string;
  /** Its decks folder already holds decks. */
  readonly hasDecks: boolean;
}

function contains(folderPath: string, filePath: string, separator: string): boolean {
  const folder = folderPath.endsWith(separator) ? folderPath.slice(0, -separator.length) : folderPath;
  return filePath === folder || filePath.startsWith(folder + separator);
}

/**
 * The folder of the file being edited first (the innermost, when folders nest), then folders
 * that already hold decks, then the rest; workspace order within each. Every folder stays.
 */
export function orderDeckFolders<T extends DeckFolderCandidate>(folders: readonly T[], activeFilePath: string | undefined, separator = '/'): T[] {
  let active: T | undefined;
  if (activeFilePath) {
    for (const f of folders) {
      if (contains(f.folderPath, activeFilePath, separator) && (!active || f.folderPath.length > active.folderPath.length)) active = f;
    }
  }
  const rest = folders.filter((f) => f !== active);
  return [...(active ? [active] : []), ...rest.filter((f) => f.hasDecks), ...rest.filter((f) => !f.hasDecks)];
}

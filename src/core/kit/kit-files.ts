// Pure logic: stays free of vscode.
// Writing the kit's new files: always a fresh file (never over an existing one), always
// inside the chosen folder.
import * as path from 'node:path';
import { createFileExclusive, findFreePath, resolveInside } from '../safe-fs';
import { NoticeError, notice } from '../notices';

/**
 * Writes `content` to `fileName` in `folder`, or to `name-2.md`, `name-3.md`, … when taken.
 * Returns the path written. Retries when another writer takes the free name first.
 */
export async function createNewDocument(folder: string, fileName: string, content: string): Promise<string> {
  if (path.basename(fileName) !== fileName) throw new Error(`"${fileName}" is not a plain file name.`);
  const wanted = resolveInside(folder, fileName);
  // Each round at least one concurrent writer wins its name, so rounds are bounded by writers.
  for (let attempt = 0; attempt < 100; attempt++) {
    const candidate = await findFreePath(wanted);
    if (await createFileExclusive(candidate, content)) return candidate;
  }
  throw new NoticeError(notice('kitNoFreeFileName', fileName, folder));
}

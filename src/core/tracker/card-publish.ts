// Pure logic: stays free of vscode.
// Writes the progress card into a folder the user picked: both SVGs (light and dark) and,
// when asked, the `<picture>` block in that folder's README. The README change is worked
// out first, so a README with broken markers stops everything before any file is written;
// every write is atomic (temp file + rename), and the README is only rewritten if it changes.
// A file already at a card's name is replaced only when it is a card we drew: anything else
// there is the user's, and stops everything before any file is written.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { writeFileAtomic } from '../safe-fs';
import { CARD_FILE_NAMES, CARD_SVG_SIGNATURE, cardAltText, renderProgressCard, type ProgressCardData } from './card-svg';
import { cardPictureBlock, findReadmeName, upsertCardBlock } from './readme-markers';

export type CardPublishProblem = 'out-dir-in-git' | 'out-dir-not-folder' | 'out-dir-not-writable' | 'readme-markers' | 'readme-unreadable' | 'card-file-not-ours';

export class CardPublishError extends Error {
  constructor(
    readonly problem: CardPublishProblem,
    message: string,
    /** README line numbers behind a `readme-markers` problem. */
    readonly lines: readonly number[] = [],
  ) {
    super(message);
    this.name = 'CardPublishError';
  }
}

export interface PublishCardOptions {
  outDir: string;
  data: ProgressCardData;
  showRepositoryNames: boolean;
  /** Add or update the card block in the folder's README (created as README.md if none). */
  updateReadme: boolean;
}

export interface PublishCardResult {
  light: string;
  dark: string;
  readme?: { path: string; action: 'added' | 'updated' | 'unchanged'; created: boolean };
}

function isWriteDenied(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

/** Whether `dir` is git's own folder or inside it (a folder picker lists `.git` beside the rest). */
export function isInsideGitFolder(dir: string): boolean {
  return path.resolve(dir).split(/[\\/]/).some((part) => part.toLowerCase() === '.git');
}

async function ensureFolder(outDir: string): Promise<void> {
  // Files written there are not in any commit, and git may trip over them.
  if (isInsideGitFolder(outDir)) throw new CardPublishError('out-dir-in-git', `${outDir} is inside git's own .git folder. Choose the repository's folder itself.`);
  let stat;
  try {
    stat = await fs.stat(outDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    try {
      await fs.mkdir(outDir, { recursive: true });
      return;
    } catch (mkdirErr) {
      if (isWriteDenied(mkdirErr)) throw new CardPublishError('out-dir-not-writable', `Cannot create the folder ${outDir}: permission denied.`);
      if ((mkdirErr as NodeJS.ErrnoException).code === 'ENOTDIR') throw new CardPublishError('out-dir-not-folder', `Cannot create ${outDir}: part of that path is a file, not a folder.`);
      throw mkdirErr;
    }
  }
  if (!stat.isDirectory()) throw new CardPublishError('out-dir-not-folder', `${outDir} is a file, not a folder. Choose a folder for the card.`);
  // A symbolic link to .git (or into it) is the same folder.
  if (isInsideGitFolder(await fs.realpath(outDir))) throw new CardPublishError('out-dir-in-git', `${outDir} is inside git's own .git folder. Choose the repository's folder itself.`);
}

async function writeOrExplain(file: string, content: string, outDir: string): Promise<void> {
  try {
    await writeFileAtomic(file, content);
  } catch (err) {
    if (isWriteDenied(err)) {
      throw new CardPublishError('out-dir-not-writable', `Cannot write to ${outDir} (${(err as NodeJS.ErrnoException).code}). Choose a folder you can write to, or fix its permissions.`);
    }
    throw err;
  }
}

/** Refuses when `file` exists and is not a card this extension wrote (it would be overwritten). */
async function assertReplaceable(file: string): Promise<void> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'EISDIR') throw new CardPublishError('card-file-not-ours', `${file} is a folder; the card needs that name for its image. Rename the folder or choose another one for the card.`);
    throw err;
  }
  if (!text.includes(CARD_SVG_SIGNATURE)) {
    throw new CardPublishError('card-file-not-ours', `${file} already exists and is not a progress card drawn by Learn in Public, so it was left as it is and nothing was written. Move or rename it, or choose another folder.`);
  }
}

export async function publishProgressCard(options: PublishCardOptions): Promise<PublishCardResult> {
  const outDir = path.resolve(options.outDir);
  await ensureFolder(outDir);

  let readme: { path: string; text: string; action: 'added' | 'updated' | 'unchanged'; created: boolean } | undefined;
  if (options.updateReadme) {
    const name = findReadmeName(await fs.readdir(outDir)) ?? 'README.md';
    const readmePath = path.join(outDir, name);
    let current = '';
    let created = true;
    try {
      current = await fs.readFile(readmePath, 'utf8');
      created = false;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new CardPublishError('readme-unreadable', `Cannot read ${readmePath}: ${(err as Error).message}`);
    }
    const block = cardPictureBlock({ lightSrc: CARD_FILE_NAMES.light, darkSrc: CARD_FILE_NAMES.dark, alt: cardAltText(options.data) });
    const update = upsertCardBlock(current, block, name);
    if (!update.ok) throw new CardPublishError('readme-markers', update.message, update.lines);
    readme = { path: readmePath, text: update.text, action: update.action, created };
  }

  const light = path.join(outDir, CARD_FILE_NAMES.light);
  const dark = path.join(outDir, CARD_FILE_NAMES.dark);
  await assertReplaceable(light);
  await assertReplaceable(dark);
  await writeOrExplain(light, renderProgressCard(options.data, { theme: 'light', showRepositoryNames: options.showRepositoryNames }), outDir);
  await writeOrExplain(dark, renderProgressCard(options.data, { theme: 'dark', showRepositoryNames: options.showRepositoryNames }), outDir);
  if (readme && readme.action !== 'unchanged') await writeOrExplain(readme.path, readme.text, outDir);
  return { light, dark, readme: readme && { path: readme.path, action: readme.action, created: readme.created } };
}

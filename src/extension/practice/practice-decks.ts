// Deck commands: import a CSV/TSV (under a name the user confirms) or Markdown deck as a new deck (never overwriting a file), open a deck as
// Markdown, open a deck problem at its line, and the "Practise a question…" picker.
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { FeatureContext } from '../feature-context';
import { decksFolderSetting, errorText, type PracticeService } from './practice-service';
import type { PracticeSession } from './practice-session';
import { formatDay } from './practice-strings';
import { sayMessage } from '../notices';
import { englishText, notice, type CoreNotice } from '../../core/notices';

export async function importDeck(feature: FeatureContext, service: PracticeService, source?: vscode.Uri): Promise<void> {
  const picked = source
    ? [source]
    : await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: vscode.l10n.t('Import Deck'),
        title: vscode.l10n.t('Import a deck: a CSV or TSV file of front,back rows, or a Markdown deck'),
        filters: { [vscode.l10n.t('CSV, TSV, Anki text or Markdown deck')]: ['csv', 'tsv', 'tab', 'txt', 'md'] },
      });
  const file = picked?.[0];
  if (!file) return;
  const fileName = path.posix.basename(file.path);
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not read {0}: {1}', fileName, errorText(err)));
    return;
  }
  const book = await service.book();
  let result: { readonly markdown: string; readonly deckId: string; readonly count: number } | undefined;
  const problems: { readonly line?: number; readonly message: string; readonly notice?: CoreNotice }[] = [];
  if (/\.md$/i.test(fileName)) {
    // A deck already in our Markdown form is copied as it is, once it reads as a deck.
    const { parseDeck } = await import('../../core/practice/deck');
    const stem = path.posix.basename(fileName, path.posix.extname(fileName));
    const parsed = parseDeck(text, { file: fileName, origin: 'global', fallbackId: stem });
    const taken = parsed.deck && book.decks.find((d) => d.id === parsed.deck?.id);
    if (parsed.deck && taken) {
      // Copied as it is, it would be skipped on load (two decks cannot share an id): refuse now.
      const idNotice = notice('importDeckIdTaken', parsed.deck.id, path.basename(taken.file));
      problems.push({ line: frontMatterIdLine(text), message: englishText(idNotice), notice: idNotice });
    } else if (parsed.deck && parsed.deck.questions.length > 0) result = { markdown: text, deckId: stem, count: parsed.deck.questions.length };
    else problems.push(...(parsed.problems.length ? parsed.problems : [{ line: 1, message: englishText(notice('deckNoQuestions')), notice: notice('deckNoQuestions') }]));
  } else {
    const { importDelimited } = await import('../../core/practice/import-delimited');
    const { dayKeyFor, systemTimeZone } = await import('../../core/tracker/calendar');
    const options = {
      fileName,
      today: dayKeyFor(Date.now() / 1000, systemTimeZone()),
      existingDeckIds: new Set(book.decks.map((d) => d.id)),
    };
    const delimited = importDelimited(text, options);
    if (delimited.ok) {
      // The name made from the file name is only a suggestion: an export is often "notes.txt".
      const deckName = await askDeckName(delimited.deckName, book.decks.map((d) => d.name));
      if (deckName === undefined) return; // cancelled: nothing is written
      const named = importDelimited(text, { ...options, deckName });
      if (named.ok) result = named;
    } else {
      problems.push(...delimited.problems);
    }
  }
  if (problems.length > 0) {
    // Every problem with its line, in the output the message points to.
    feature.log.warn(`Import ${file.fsPath}: not imported, ${problems.length} problem(s):`);
    for (const p of problems) feature.log.warn(`Import ${file.fsPath}:${p.line ?? 1}: ${p.message}`);
    const first = problems[0];
    const more = problems.length - 1;
    const open = vscode.l10n.t('Open {0}', fileName);
    const showAll = vscode.l10n.t('Show All Problems');
    const message = more > 0
      ? vscode.l10n.t('{0} was not imported. Line {1}: {2} (and {3} more problems, listed in the Learn in Public output).', fileName, first.line ?? 1, sayMessage(first), more)
      : vscode.l10n.t('{0} was not imported. Line {1}: {2}', fileName, first.line ?? 1, sayMessage(first));
    const choice = more > 0 ? await vscode.window.showErrorMessage(message, open, showAll) : await vscode.window.showErrorMessage(message, open);
    if (choice === open) await openAtLine(file, first.line);
    else if (choice === showAll) feature.log.show(true);
    return;
  }
  if (!result) return;

  const target = await chooseDestination(service);
  if (!target) return;
  const { createFileExclusive, findFreePath, resolveInside } = await import('../../core/safe-fs');
  let written: string;
  try {
    const wanted = resolveInside(target.dir, `${result.deckId}.md`);
    // Never overwrite: the first free name, then an exclusive create (a race loses nothing).
    for (;;) {
      const candidate = await findFreePath(wanted);
      if (await createFileExclusive(candidate, result.markdown)) {
        written = candidate;
        break;
      }
    }
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write the deck: {0}', errorText(err)));
    return;
  }
  await service.reloadDecks();
  const uri = vscode.Uri.file(written);
  await vscode.window.showTextDocument(uri, { preview: false });
  const practise = vscode.l10n.t('Practise Now');
  const choice = await vscode.window.showInformationMessage(
    result.count === 1
      ? vscode.l10n.t('Imported 1 question into {0}.', target.label(path.basename(written)))
      : vscode.l10n.t('Imported {0} questions into {1}.', result.count, target.label(path.basename(written))),
    practise,
  );
  if (choice === practise) await vscode.commands.executeCommand('learnInPublic.practice.due');
}

/**
 * The new deck's name, asked with the suggestion filled in (Enter keeps it). Undefined when the
 * user cancels. A name another deck has is refused: the two could not be told apart.
 */
async function askDeckName(suggested: string, existingNames: readonly string[]): Promise<string | undefined> {
  const { deckNameProblem } = await import('../../core/practice/import-delimited');
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Import Deck'),
    prompt: vscode.l10n.t('Name the new deck. It is shown in the sidebar and names the deck\'s file.'),
    value: suggested,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const problem = deckNameProblem(value, existingNames);
      if (problem === 'empty') return vscode.l10n.t('Give the deck a name.');
      if (problem === 'taken') return vscode.l10n.t('A deck named "{0}" already exists. Choose another name.', value.replace(/\s+/g, ' ').trim());
      return undefined;
    },
  });
  // Enter is refused while a problem shows; checked again for a value accepted before its check ran.
  if (name === undefined || deckNameProblem(name, existingNames)) return undefined;
  return name;
}

async function chooseDestination(service: PracticeService): Promise<{ dir: string; label: (name: string) => string } | undefined> {
  const folder = decksFolderSetting();
  const local = (vscode.workspace.workspaceFolders ?? []).filter((wf) => wf.uri.scheme === 'file');
  const global = { dir: service.globalDecksUri.fsPath, label: (name: string) => path.join(service.globalDecksUri.fsPath, name) };
  if (!folder || local.length === 0) return global;
  const { orderDeckFolders } = await import('../../core/practice/deck-destination');
  const deckDirs = service.deckFiles.filter((f) => f.origin === 'workspace').map((f) => path.dirname(f.uri.fsPath));
  const candidates = local.map((wf) => ({ wf, folderPath: wf.uri.fsPath, hasDecks: deckDirs.includes(path.join(wf.uri.fsPath, folder)) }));
  const activeUri = vscode.window.activeTextEditor?.document.uri;
  const ordered = orderDeckFolders(candidates, activeUri?.scheme === 'file' ? activeUri.fsPath : undefined, path.sep).map((c) => c.wf);
  type Item = vscode.QuickPickItem & { target: { dir: string; label: (name: string) => string } };
  const items: Item[] = [
    ...ordered.map((wf) => ({
      label: `$(folder) ${wf.name}/${folder}`,
      description: vscode.l10n.t('in the workspace: share it with the repository'),
      target: { dir: path.join(wf.uri.fsPath, folder), label: (name: string) => `${wf.name}/${folder}/${name}` },
    })),
    { label: `$(device-desktop) ${vscode.l10n.t('This machine only')}`, description: vscode.l10n.t('in the extension\'s storage, outside any repository'), target: global },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Where should the new deck live?') });
  return picked?.target;
}

export async function openDeck(service: PracticeService, target?: string): Promise<void> {
  const book = await service.book();
  let uri: vscode.Uri | undefined = target ? vscode.Uri.parse(target) : undefined;
  if (!uri) {
    type Item = vscode.QuickPickItem & { uri: vscode.Uri };
    const items: Item[] = [];
    for (const f of service.deckFiles) {
      const deck = book.decks.find((d) => d.file === f.label);
      items.push({ label: deck?.name ?? path.posix.basename(f.uri.path), description: f.label, uri: f.uri });
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Open Deck as Markdown'),
      placeHolder: vscode.l10n.t('Which deck? Yours open for editing; the built-in one opens as a preview.'),
      matchOnDescription: true,
    });
    uri = picked?.uri;
  }
  if (!uri) return;
  const builtin = service.deckFiles.find((f) => f.uri.toString() === uri!.toString())?.origin === 'builtin';
  if (builtin) {
    // The built-in deck ships with the extension: show it rendered, not as an editable file.
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } else {
    await vscode.window.showTextDocument(uri, { preview: false });
  }
}

export async function openAtLine(uri: vscode.Uri, line?: number): Promise<void> {
  const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
  await vscode.window.showTextDocument(uri, { preview: false, selection: new vscode.Range(position, position) });
}

/** "Practise a question…": the suggested question first, then every question by deck. */
export async function chooseQuestion(service: PracticeService, session: PracticeSession): Promise<void> {
  const book = await service.book();
  const today = book.today();
  const suggested = book.pickNext();
  type Item = vscode.QuickPickItem & { key?: string };
  const items: Item[] = [];
  if (suggested) {
    items.push({ label: vscode.l10n.t('Suggested'), kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: `$(star-full) ${suggested.question.question}`, description: suggested.deck.name, key: suggested.question.key });
  }
  for (const deck of book.decks) {
    if (deck.questions.length === 0) continue;
    items.push({ label: deck.name, kind: vscode.QuickPickItemKind.Separator });
    for (const q of deck.questions) {
      const s = book.state(q.key);
      const status = !s
        ? vscode.l10n.t('new')
        : s.dueDay <= today
          ? vscode.l10n.t('due today')
          : vscode.l10n.t('next on {0}, last practised {1}', formatDay(s.dueDay), formatDay(s.lastDay));
      // On its own line: beside a long question the status was cut off.
      items.push({ label: q.question, detail: status, key: q.key });
    }
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no questions in any deck yet.'));
    return;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Practise an Interview Question'),
    placeHolder: vscode.l10n.t('Which question will you answer? Type to search; the suggested one is first.'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked?.key) await session.startChosen(picked.key);
}

/** The line of the front matter's `id:` (1-based), else 1: where a deck-id problem points. */
function frontMatterIdLine(text: string): number {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return 1;
  for (let i = 1; i < lines.length && lines[i].trim() !== '---'; i++) if (/^id\s*:/.test(lines[i])) return i + 1;
  return 1;
}

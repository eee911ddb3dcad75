// Pure logic: stays free of vscode.
// Edits to the checklist Markdown. Each one re-reads the text it is given, finds its item by key
// and changes only the lines that item owns; every other byte (comments, user text, line
// endings) stays as it was. They throw ChecklistEditError with a message for the user when
// the edit cannot be made safely.
import { CUSTOM_ID_PREFIX, type Catalog } from './catalog';
import { messageAndNotice, notice, type CoreNotice } from '../notices';
import { CHECKLIST_FORMAT, canEditItems, joinLines, parseChecklist, parseTaskLine, type ChecklistItem, type ParsedChecklist, type SourceLine } from './markdown';

export class ChecklistEditError extends Error {
  /** The same message as an id and values, for the extension to say in the display language. */
  readonly notice?: CoreNotice;
  constructor(what: string | CoreNotice) {
    const { message, notice: n } = messageAndNotice(what);
    super(message);
    this.name = 'ChecklistEditError';
    this.notice = n;
  }
}

export interface EditResult {
  readonly text: string;
  readonly changed: boolean;
}

const unchanged = (text: string): EditResult => ({ text, changed: false });

function itemOrThrow(parsed: ParsedChecklist, key: string): ChecklistItem {
  const item = parsed.items.find((candidate) => candidate.key === key);
  if (!item) throw new ChecklistEditError(notice('checklistItemGone'));
  return item;
}

function editable(text: string, catalog?: Catalog): ParsedChecklist {
  const parsed = parseChecklist(text, catalog);
  if (!canEditItems(parsed)) throw new ChecklistEditError(notice('checklistEditReadOnly'));
  return parsed;
}

function copyLines(parsed: ParsedChecklist): SourceLine[] {
  return parsed.lines.map((line) => ({ ...line }));
}

/** Inserts lines before `at`, giving them the file's line ending and keeping a missing final newline missing. */
function insertLines(lines: SourceLine[], at: number, texts: readonly string[], eol: string): void {
  if (texts.length === 0) return;
  const added = texts.map((text) => ({ text, eol }));
  if (at > 0 && lines[at - 1].eol === '') {
    lines[at - 1].eol = eol;
    added[added.length - 1].eol = '';
  }
  lines.splice(at, 0, ...added);
}


function result(parsed: ParsedChecklist, lines: SourceLine[], original: string): EditResult {
  const text = joinLines(parsed.bom, lines);
  return { text, changed: text !== original };
}

/**
 * Re-reads the edited text and checks the edit did what it meant to (e.g. a new line did not
 * land inside an unclosed code block). A surprise refuses the edit instead of writing it.
 */
function verified<T extends EditResult>(edit: T, catalog: Catalog | undefined, check: (parsed: ParsedChecklist) => boolean): T {
  if (!check(parseChecklist(edit.text, catalog))) {
    throw new ChecklistEditError(notice('checklistUnsafeShape'));
  }
  return edit;
}

// ---------------------------------------------------------------------------------------------
// Checking

/**
 * Sets an item's checkbox. Only the character inside the brackets changes, plus the completion
 * date (`✅ YYYY-MM-DD`) added when checking (if `today` is given) and removed when unchecking.
 * Setting the state an item already has changes nothing, so a click on stale UI is harmless.
 */
export function setItemChecked(text: string, key: string, checked: boolean, today?: string, catalog?: Catalog): EditResult {
  const parsed = editable(text, catalog);
  const item = itemOrThrow(parsed, key);
  if (item.checked === checked) return unchanged(text);
  const lines = copyLines(parsed);
  let line = lines[item.line].text;
  // Unchecking removes the date; checking replaces a stale one left on an unchecked line.
  const dropDate = item.date && (!checked || today);
  if (dropDate) line = line.slice(0, item.date!.start) + line.slice(item.date!.end);
  line = line.slice(0, item.checkOffset) + (checked ? 'x' : ' ') + line.slice(item.checkOffset + 1);
  if (checked && today) {
    // The date goes before the id comment (found again: removing a stale date moved it).
    const marker = parseTaskLine(line)?.marker;
    let at = marker ? marker.start : line.length;
    while (at > item.checkOffset + 2 && (line[at - 1] === ' ' || line[at - 1] === '\t')) at--;
    line = `${line.slice(0, at)} ✅ ${today}${line.slice(at)}`;
  }
  lines[item.line].text = line;
  return verified(result(parsed, lines, text), catalog, (after) => after.items.some((i) => i.key === key && i.checked === checked));
}

export function toggleItem(text: string, key: string, today?: string, catalog?: Catalog): EditResult {
  const item = itemOrThrow(parseChecklist(text, catalog), key);
  return setItemChecked(text, key, !item.checked, today, catalog);
}

// ---------------------------------------------------------------------------------------------
// Notes

/** Writes the note as quoted lines right under the task; an empty note removes them. */
export function setItemNote(text: string, key: string, note: string, catalog?: Catalog): EditResult {
  const parsed = editable(text, catalog);
  const item = itemOrThrow(parsed, key);
  const cleaned = note.replace(/\r\n?/g, '\n').replace(/\s+$/, '').replace(/^\n+/, '');
  if ((item.note ?? '') === cleaned) return unchanged(text);
  const prefix = `${item.indent}${' '.repeat(item.bulletWidth)}>`;
  const noteTexts = cleaned === '' ? [] : cleaned.split('\n').map((line) => (line === '' ? prefix : `${prefix} ${line}`));
  const lines = copyLines(parsed);
  if (item.noteLines) {
    const keepLastEol = lines[item.noteLines.end - 1].eol;
    lines.splice(item.noteLines.start, item.noteLines.end - item.noteLines.start, ...noteTexts.map((t) => ({ text: t, eol: parsed.eol })));
    if (keepLastEol === '') {
      // The note was the end of the file: keep it ending without a newline.
      const last = noteTexts.length ? item.noteLines.start + noteTexts.length - 1 : item.line;
      lines[last].eol = '';
    }
  } else {
    insertLines(lines, item.line + 1, noteTexts, parsed.eol);
  }
  return verified(result(parsed, lines, text), catalog, (after) => after.items.some((i) => i.key === key && (i.note ?? '') === cleaned));
}

// ---------------------------------------------------------------------------------------------
// Hiding, titles, adding and removing

function markerText(id: string, flags: readonly string[]): string {
  return `<!-- id:${[id, ...flags].join(' ')} -->`;
}

/** Adds or removes the `hidden` flag in the item's id comment; nothing else on the line changes. */
export function setItemHidden(text: string, key: string, hidden: boolean, catalog?: Catalog): EditResult {
  const parsed = editable(text, catalog);
  const item = itemOrThrow(parsed, key);
  if (item.hidden === hidden) return unchanged(text);
  if (!item.id || !item.marker) throw new ChecklistEditError(notice('checklistHideNeedsId'));
  const flags = hidden ? [...item.flags, 'hidden'] : item.flags.filter((flag) => flag !== 'hidden');
  const lines = copyLines(parsed);
  const line = lines[item.line].text;
  lines[item.line].text = line.slice(0, item.marker.start) + markerText(item.id, flags) + line.slice(item.marker.end);
  return verified(result(parsed, lines, text), catalog, (after) => after.items.some((i) => i.key === key && i.hidden === hidden));
}

/** Shows every hidden item again (one edit per hidden line). */
export function unhideAll(text: string, catalog?: Catalog): EditResult {
  let current = text;
  for (const item of parseChecklist(text, catalog).items.filter((candidate) => candidate.hidden)) {
    current = setItemHidden(current, item.key, false, catalog).text;
  }
  return { text: current, changed: current !== text };
}

/** Makes a title safe for one task line: one line, and nothing the format reads as a marker. */
export function cleanTitle(title: string): string {
  return title.replace(/<!--|-->/g, ' ').replace(/✅/g, ' ').replace(/\s+/g, ' ').trim();
}

function slug(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return base || 'item';
}

/** A new id for an item the user adds: readable, prefixed, and unused in the file. */
export function newCustomId(parsed: ParsedChecklist, title: string): string {
  const used = new Set(parsed.items.map((item) => item.id).filter((id): id is string => !!id));
  const base = `${CUSTOM_ID_PREFIX}${slug(title)}`;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Replaces an item's title, keeping its checkbox, date and id. An item without an id gets one. */
export function setItemTitle(text: string, key: string, title: string, catalog?: Catalog): EditResult {
  const parsed = editable(text, catalog);
  const item = itemOrThrow(parsed, key);
  const cleaned = cleanTitle(title);
  if (cleaned === '') throw new ChecklistEditError(notice('checklistItemNeedsText'));
  if (cleaned === item.title && item.id) return unchanged(text);
  const lines = copyLines(parsed);
  const line = lines[item.line].text;
  const id = item.id ?? newCustomId(parsed, cleaned);
  const head = line.slice(0, item.checkOffset + 2);
  const date = item.doneDate ? ` ✅ ${item.doneDate}` : '';
  lines[item.line].text = `${head} ${cleaned}${date} ${markerText(id, item.flags)}`;
  return verified(result(parsed, lines, text), catalog, (after) => after.items.some((i) => i.id === id && i.title === cleaned && !i.duplicate));
}

/** Removes an item and its note. Refuses when other text is nested under it, so nothing else goes. */
export function removeItem(text: string, key: string, catalog?: Catalog): EditResult {
  const parsed = editable(text, catalog);
  const item = itemOrThrow(parsed, key);
  if (item.hasOtherChildren) {
    throw new ChecklistEditError(notice('checklistNestedText'));
  }
  const lines = copyLines(parsed);
  lines.splice(item.line, (item.noteLines ? item.noteLines.end : item.line + 1) - item.line);
  return verified(result(parsed, lines, text), catalog, (after) => after.items.length === parsed.items.length - 1);
}

function taskLine(title: string, id: string, flags: readonly string[] = []): string {
  return `- [ ] ${title} ${markerText(id, flags)}`;
}

/** Where new items of a section go: after its last item's block, or after its last text. */
function sectionInsertPoint(parsed: ParsedChecklist, sectionKey: string): { at: number; before: string[]; after: string[] } | undefined {
  const section = parsed.sections.find((candidate) => candidate.key === sectionKey);
  if (!section) return undefined;
  // After the block of every item in the section, so nothing nested under an item is split off.
  if (section.items.length) return { at: Math.max(...section.items.map((item) => item.blockEnd)), before: [], after: [] };
  let at = section.endLine;
  const floor = (section.headingLine ?? parsed.frontMatter.bodyStart - 1) + 1;
  while (at > floor && parsed.lines[at - 1].text.trim() === '') at--;
  const nextIsText = at < parsed.lines.length && parsed.lines[at].text.trim() !== '';
  return { at, before: [''], after: nextIsText ? [''] : [] };
}

/** Adds one of the user's own items at the end of a section and returns the text and its id. */
export function addItem(text: string, sectionKey: string, title: string, catalog?: Catalog): EditResult & { id: string } {
  const parsed = editable(text, catalog);
  const cleaned = cleanTitle(title);
  if (cleaned === '') throw new ChecklistEditError(notice('checklistItemNeedsText'));
  const id = newCustomId(parsed, cleaned);
  const lines = copyLines(parsed);
  const point = sectionInsertPoint(parsed, sectionKey);
  if (point) {
    insertLines(lines, point.at, [...point.before, taskLine(cleaned, id), ...point.after], parsed.eol);
  } else {
    const catalogSection = catalog?.sections.find((section) => section.id === sectionKey);
    if (!catalogSection) throw new ChecklistEditError(notice('checklistSectionGone'));
    const at = newSectionPoint(parsed, catalog!, sectionKey);
    insertLines(lines, at.index, sectionBlock(catalogSection.title, sectionKey, [taskLine(cleaned, id)], at), parsed.eol);
  }
  return verified({ ...result(parsed, lines, text), id }, catalog, (after) => after.items.filter((i) => i.id === id).length === 1);
}

// ---------------------------------------------------------------------------------------------
// The whole file: creating it and merging new catalog items

function sectionHeading(title: string, id: string): string {
  return `## ${title} <!-- section:${id} -->`;
}

function sectionBlock(title: string, id: string, tasks: readonly string[], at: { blankBefore: boolean; blankAfter: boolean }): string[] {
  return [...(at.blankBefore ? [''] : []), sectionHeading(title, id), '', ...tasks, ...(at.blankAfter ? [''] : [])];
}

/** A missing catalog section goes before the next catalog section the file has, else at the end. */
function newSectionPoint(parsed: ParsedChecklist, catalog: Catalog, sectionId: string): { index: number; blankBefore: boolean; blankAfter: boolean } {
  const order = catalog.sections.map((section) => section.id);
  const later = new Set(order.slice(order.indexOf(sectionId) + 1));
  const next = parsed.sections.find((section) => section.catalogId !== undefined && later.has(section.catalogId) && section.headingLine !== undefined);
  if (next?.headingLine !== undefined) {
    const previousBlank = next.headingLine === 0 || parsed.lines[next.headingLine - 1].text.trim() === '';
    return { index: next.headingLine, blankBefore: !previousBlank, blankAfter: true };
  }
  let index = parsed.lines.length;
  while (index > parsed.frontMatter.bodyStart && parsed.lines[index - 1].text.trim() === '') index--;
  return { index, blankBefore: index > 0, blankAfter: false };
}

export const CHECKLIST_INTRO = [
  '# Career checklist',
  '',
  'Your path into an ML/AI job, one step at a time. Tick items here or in the Learn in Public',
  'sidebar. The `<!-- id:… -->` comments let the extension recognise each line; change the',
  'text, add notes (quoted lines under an item) and add your own items freely.',
];

/** A new checklist file with every catalog item, unchecked. */
export function generateChecklist(catalog: Catalog, eol = '\n'): string {
  const out = ['---', `checklistFormat: ${CHECKLIST_FORMAT}`, `catalogVersion: ${catalog.version}`, '---', '', ...CHECKLIST_INTRO];
  for (const section of catalog.sections) {
    out.push('', sectionHeading(section.title, section.id), '');
    for (const item of catalog.items) if (item.section === section.id) out.push(taskLine(item.title, item.id));
  }
  return out.join(eol) + eol;
}

export interface MergeResult extends EditResult {
  /** Ids of the catalog items that were added. */
  readonly added: readonly string[];
}

/**
 * Adds catalog items the file does not have yet, each at the end of its section (creating
 * missing sections in catalog order), and records the catalog version in the front matter.
 * Items already in the file, in any state or section, are never touched or duplicated. When the
 * file records a catalog version, only items introduced after it are added, so a built-in item
 * the user deleted on purpose stays deleted.
 */
export function mergeCatalog(text: string, catalog: Catalog, options: { readonly restoreDeleted?: boolean } = {}): MergeResult {
  const parsed = editable(text, catalog);
  if (parsed.frontMatter.status === 'invalid') throw new ChecklistEditError(notice('checklistFrontMatterBlocksAdd'));
  const present = new Set(parsed.items.map((item) => item.id).filter((id): id is string => !!id));
  const known = parsed.catalogVersion;
  // Normally only steps newer than the file come in (a deleted step stays deleted); asked to
  // restore, every built-in step the file lacks comes back.
  const missing = catalog.items.filter((item) => !present.has(item.id) && (options.restoreDeleted || known === undefined || (item.since ?? 1) > known));
  const lines = copyLines(parsed);
  const inserts: Array<{ at: number; texts: string[]; order: number }> = [];
  let order = 0;
  for (const section of catalog.sections) {
    const tasks = missing.filter((item) => item.section === section.id).map((item) => taskLine(item.title, item.id));
    if (tasks.length === 0) continue;
    const point = sectionInsertPoint(parsed, section.id);
    if (point) inserts.push({ at: point.at, texts: [...point.before, ...tasks, ...point.after], order: order++ });
    else {
      const at = newSectionPoint(parsed, catalog, section.id);
      inserts.push({ at: at.index, texts: sectionBlock(section.title, section.id, tasks, at), order: order++ });
    }
  }
  // Bottom-up, so earlier insert points stay valid; at the same point, the first made ends up first.
  inserts.sort((a, b) => b.at - a.at || b.order - a.order);
  for (const insert of inserts) insertLines(lines, insert.at, insert.texts, parsed.eol);
  if (known !== catalog.version) setCatalogVersionLine(parsed, lines, catalog.version);
  const added = missing.map((item) => item.id);
  return verified({ ...result(parsed, lines, text), added }, catalog, (after) => {
    const ids = new Set(after.items.map((i) => i.id));
    // The front matter must still read, now with the new version (a key written in a way the
    // line edit missed would otherwise end up twice, and the file unreadable).
    const frontMatterKept = after.frontMatter.status === 'ok' && after.catalogVersion === catalog.version;
    return frontMatterKept && added.every((id) => ids.has(id)) && after.items.length === parsed.items.length + added.length;
  });
}

/** Changes or adds the `catalogVersion:` line only; the rest of the front matter stays as written. */
function setCatalogVersionLine(parsed: ParsedChecklist, lines: SourceLine[], version: number): void {
  const front = parsed.frontMatter;
  if (front.status === 'none') {
    insertLines(lines, 0, ['---', `checklistFormat: ${CHECKLIST_FORMAT}`, `catalogVersion: ${version}`, '---'], parsed.eol);
    return;
  }
  const close = front.closeLine!;
  // A top-level key, quoted or not, else one inside a flow mapping (`{checklistFormat: 1, catalogVersion: 0}`):
  // only its value changes, so a comment after it stays.
  for (const key of CATALOG_VERSION_KEYS) {
    for (let index = 1; index < close; index++) {
      const found = key.exec(lines[index].text);
      if (!found) continue;
      const at = found.index + found[0].length;
      const value = /^[^,}#\s]*/.exec(lines[index].text.slice(at))![0];
      lines[index].text = lines[index].text.slice(0, at) + String(version) + lines[index].text.slice(at + value.length);
      return;
    }
  }
  insertLines(lines, close, [`catalogVersion: ${version}`], parsed.eol);
}

const CATALOG_VERSION_KEYS = [/^(['"]?)catalogVersion\1[ \t]*:[ \t]*/, /^[ \t]*\{(?:.*?,)?[ \t]*(['"]?)catalogVersion\1[ \t]*:[ \t]*/];

/** Ids of catalog items the file lacks (hidden ones count as present). */
export function missingCatalogItems(parsed: ParsedChecklist, catalog: Catalog): string[] {
  const present = new Set(parsed.items.map((item) => item.id));
  return catalog.items.filter((item) => !present.has(item.id)).map((item) => item.id);
}

/**
 * Whether opening the file should merge new catalog items without asking: only for a file
 * that records an older catalog version in readable front matter.
 */
export function shouldAutoMerge(parsed: ParsedChecklist, catalog: Catalog): boolean {
  return (
    parsed.frontMatter.status === 'ok' &&
    canEditItems(parsed) &&
    parsed.catalogVersion !== undefined &&
    parsed.catalogVersion < catalog.version
  );
}

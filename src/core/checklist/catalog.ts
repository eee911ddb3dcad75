// Pure logic: stays free of vscode.
// The built-in checklist catalog (data in catalog.json) and the rules it must follow.
// Ids are stable forever: a user's file refers to them, so an id is never renamed or reused.
import catalogData from './catalog.json';

export interface CatalogSection {
  readonly id: string;
  readonly title: string;
}

export interface CatalogItem {
  readonly id: string;
  readonly section: string;
  readonly title: string;
  /** Why the step matters, in a sentence or two. */
  readonly why: string;
  /** The seed document the advice comes from, e.g. `004_93e24c764982b9b4.txt`. */
  readonly source: string;
  /** A command that helps do the step; shown only when that command exists. */
  readonly action?: string;
  /** Catalog version that introduced the item (default 1); see mergeCatalog. */
  readonly since?: number;
}

export interface Catalog {
  /** Raised whenever items are added; a checklist file records the version it has seen. */
  readonly version: number;
  readonly sections: readonly CatalogSection[];
  readonly items: readonly CatalogItem[];
}

/** Commands an item may name as its action, with the button label the sidebar shows. */
export const ACTION_LABELS: Readonly<Record<string, string>> = {
  'learnInPublic.newPost': 'New post',
  'learnInPublic.newTil': 'New TIL',
  'learnInPublic.newProjectReadme': 'New project README',
  'learnInPublic.kit.newInformationalInterview': 'Interview notes',
  'learnInPublic.kit.openOfferWorksheet': 'Offer worksheet',
  'learnInPublic.kit.newFirstWeekPlan': 'First-week plan',
  'learnInPublic.practice.start': 'Practise a question',
};

/** Ids of items the user adds start with this, so they can never collide with a catalog id. */
export const CUSTOM_ID_PREFIX = 'custom-';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SOURCE_PATTERN = /^\d{3}_[0-9a-f]{16}\.txt$/;

export interface CatalogProblem {
  readonly where: string;
  readonly message: string;
}

/**
 * Checks the shape and rules of a catalog. `seedFiles`, when given, is the list of file
 * names in the seeds folder, and every source must be one of them.
 */
export function validateCatalog(raw: unknown, seedFiles?: readonly string[]): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const add = (where: string, message: string) => problems.push({ where, message });
  if (!isRecord(raw)) return [{ where: 'catalog', message: 'is not an object' }];
  if (!Number.isInteger(raw.version) || (raw.version as number) < 1) add('version', 'must be a positive integer');
  const sections = Array.isArray(raw.sections) ? raw.sections : [];
  if (!Array.isArray(raw.sections) || sections.length === 0) add('sections', 'must be a non-empty array');
  const sectionIds = new Set<string>();
  sections.forEach((section: unknown, index) => {
    const where = `sections[${index}]`;
    if (!isRecord(section)) return add(where, 'is not an object');
    if (typeof section.id !== 'string' || !ID_PATTERN.test(section.id)) add(where, 'id must be kebab-case');
    else if (sectionIds.has(section.id)) add(where, `duplicate section id "${section.id}"`);
    else sectionIds.add(section.id);
    if (!nonEmptyLine(section.title)) add(where, 'title must be a non-empty single line');
  });
  const items = Array.isArray(raw.items) ? raw.items : [];
  if (!Array.isArray(raw.items) || items.length === 0) add('items', 'must be a non-empty array');
  const itemIds = new Set<string>();
  const known = new Set(['id', 'section', 'title', 'why', 'source', 'action', 'since']);
  items.forEach((item: unknown, index) => {
    const where = `items[${index}]`;
    if (!isRecord(item)) return add(where, 'is not an object');
    const label = typeof item.id === 'string' ? `${where} (${item.id})` : where;
    for (const key of Object.keys(item)) if (!known.has(key)) add(label, `unknown field "${key}"`);
    if (typeof item.id !== 'string' || !ID_PATTERN.test(item.id)) add(label, 'id must be kebab-case');
    else if (item.id.startsWith(CUSTOM_ID_PREFIX)) add(label, `id must not start with "${CUSTOM_ID_PREFIX}" (reserved for the user's own items)`);
    else if (itemIds.has(item.id) || sectionIds.has(item.id)) add(label, `duplicate id "${item.id}"`);
    else itemIds.add(item.id);
    if (typeof item.section !== 'string' || !sectionIds.has(item.section)) add(label, `unknown section "${String(item.section)}"`);
    if (!nonEmptyLine(item.title)) add(label, 'title must be a non-empty single line');
    else if (/<!--|-->|✅/.test(item.title as string)) add(label, 'title must not contain "<!--", "-->" or "✅" (they carry meaning in the Markdown file)');
    if (!nonEmptyLine(item.why)) add(label, 'why must be a non-empty single line');
    if (typeof item.source !== 'string' || !SOURCE_PATTERN.test(item.source)) add(label, 'source must name a seed file like 004_93e24c764982b9b4.txt');
    else if (seedFiles && !seedFiles.includes(item.source)) add(label, `source "${item.source}" is not in the seeds folder`);
    if (item.action !== undefined && (typeof item.action !== 'string' || !(item.action in ACTION_LABELS))) add(label, `unknown action "${String(item.action)}"`);
    if (item.since !== undefined && (!Number.isInteger(item.since) || (item.since as number) < 1 || (item.since as number) > (raw.version as number))) {
      add(label, 'since must be an integer between 1 and the catalog version');
    }
  });
  for (const id of sectionIds) if (!items.some((item) => isRecord(item) && item.section === id)) add(`section ${id}`, 'has no items');
  return problems;
}

let cached: Catalog | undefined;

/** The built-in catalog. Throws if the shipped data breaks its rules (a test keeps it valid). */
export function builtInCatalog(): Catalog {
  if (cached) return cached;
  const problems = validateCatalog(catalogData);
  if (problems.length) throw new Error(`The built-in checklist catalog is invalid: ${problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`);
  cached = catalogData as Catalog;
  return cached;
}

export function catalogItemById(catalog: Catalog): Map<string, CatalogItem> {
  return new Map(catalog.items.map((item) => [item.id, item]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyLine(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '' && !/[\r\n]/.test(value);
}

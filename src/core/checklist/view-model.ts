// Pure logic: stays free of vscode.
// Turns a parsed checklist file plus the catalog into what the sidebar shows.
import type { ChecklistItemView, ChecklistSectionView, ChecklistState } from '../protocol/checklist';
import { ACTION_LABELS, catalogItemById, type Catalog } from './catalog';
import type { ParsedChecklist } from './markdown';
import { describeSource } from '../seed-sources';

export type ChecklistViewContent = Pick<ChecklistState, 'sections' | 'done' | 'total' | 'hiddenCount' | 'warnings'>;

/**
 * `commandExists` decides whether an item's action button is shown: a command that is not
 * registered (yet) gets no button rather than one that fails.
 */
export function buildChecklistView(parsed: ParsedChecklist, catalog: Catalog, commandExists: (command: string) => boolean): ChecklistViewContent {
  const byId = catalogItemById(catalog);
  let done = 0;
  let total = 0;
  let hiddenCount = 0;
  const sections: ChecklistSectionView[] = parsed.sections.map((section) => {
    let sectionDone = 0;
    let sectionTotal = 0;
    const items = section.items.map((item): ChecklistItemView => {
      const entry = item.id !== undefined && !item.duplicate ? byId.get(item.id) : undefined;
      if (item.hidden) hiddenCount++;
      else {
        sectionTotal++;
        if (item.checked) sectionDone++;
      }
      const action = entry?.action && commandExists(entry.action) ? ACTION_LABELS[entry.action] : undefined;
      return {
        key: item.key,
        title: item.title,
        checked: item.checked,
        // A date left on an unchecked line (unticked in the editor) is not a completion.
        doneDate: item.checked ? item.doneDate : undefined,
        note: item.note,
        hidden: item.hidden,
        builtIn: entry !== undefined,
        why: entry?.why,
        source: entry?.source ? describeSource(entry.source) : undefined,
        actionLabel: action,
        line: item.line + 1,
      };
    });
    done += sectionDone;
    total += sectionTotal;
    return { key: section.key, title: section.title || 'Checklist', items, done: sectionDone, total: sectionTotal };
  });
  return {
    sections,
    done,
    total,
    hiddenCount,
    warnings: parsed.warnings.map((warning) => ({ line: warning.line, message: warning.message })),
  };
}

/** The command an item's action runs, looked up from the catalog (never taken from the webview). */
export function actionCommandFor(parsed: ParsedChecklist, catalog: Catalog, key: string): string | undefined {
  const item = parsed.items.find((candidate) => candidate.key === key);
  if (!item?.id || item.duplicate) return undefined;
  return catalogItemById(catalog).get(item.id)?.action;
}

/** True for items the user may edit and remove (their own, not built-in ones). */
export function isCustomItem(parsed: ParsedChecklist, catalog: Catalog, key: string): boolean {
  const item = parsed.items.find((candidate) => candidate.key === key);
  if (!item) return false;
  return item.id === undefined || item.duplicate || !catalogItemById(catalog).has(item.id);
}

/**
 * How many built-in items the file lacks, when that is most of them (the file was cut down or
 * edited into something else): the progress then covers only what is left, and the view must
 * say so. Hidden items are in the file, so they count as present.
 */
export function mostBuiltInItemsMissing(parsed: ParsedChecklist, catalog: Catalog): { missing: number; builtIn: number } | undefined {
  const present = new Set(parsed.items.map((item) => item.id));
  const missing = catalog.items.filter((item) => !present.has(item.id)).length;
  return missing * 2 > catalog.items.length ? { missing, builtIn: catalog.items.length } : undefined;
}

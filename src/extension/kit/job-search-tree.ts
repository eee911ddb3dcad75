// The Job Search view: informational-interview notes (newest first), the offer worksheet and
// first-week plans, read from disk each refresh. Broken files still show, with a warning.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KitDocument, KitDocumentKind } from '../../core/kit/kit-documents';
import type { FeatureContext } from '../feature-context';
import {
  FIRST_WEEK_FOLDER_SETTING,
  folderSetting,
  kitRoots,
  localWorkspaceFolders,
  NOTES_FOLDER_SETTING,
  SETTING_SECTION,
  WORKSHEET_LOCATION_SETTING,
  worksheetLocationSetting,
} from './kit-settings';
import { currentWorksheetFile } from './offer-worksheet-store';
import { sayError, sayNotice } from '../notices';

type GroupKind = Exclude<KitDocumentKind, 'offer-worksheet'>;

export type JobSearchNode =
  | { readonly type: 'group'; readonly kind: GroupKind; readonly documents: readonly DocumentNode[]; readonly followUpsDue: number }
  | DocumentNode
  | { readonly type: 'setting-problem'; readonly setting: string; readonly message: string };

export interface DocumentNode {
  readonly type: 'document';
  readonly document: KitDocument;
  readonly group: GroupKind | undefined;
  readonly inPrivateStorage: boolean;
  readonly followUpDue: boolean;
}

interface Snapshot {
  readonly roots: readonly JobSearchNode[];
  /** Folders to watch for changes. */
  readonly folders: readonly string[];
  readonly followUpsDue: number;
}

/** A folder the kit lists, and whether it is the extension's private storage. */
interface ListedFolder {
  readonly folder: string;
  readonly inPrivateStorage: boolean;
}

const GROUP_LABELS: Record<GroupKind, () => string> = {
  'informational-interview': () => vscode.l10n.t('Informational Interviews'),
  'first-week-plan': () => vscode.l10n.t('First-Week Plans'),
};

export class JobSearchTreeProvider implements vscode.TreeDataProvider<JobSearchNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<JobSearchNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private snapshot: Promise<Snapshot> | undefined;
  private watchers: vscode.Disposable[] = [];
  private watchedFolders = '';
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Called with the number of follow-ups due after each read (for the view badge). */
  onSnapshot: ((followUpsDue: number) => void) | undefined;

  constructor(private readonly feature: FeatureContext) {}

  /** Re-reads everything on the next render; bursts of file events collapse into one read. */
  refresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.snapshot = undefined;
      this.changed.fire(undefined);
    }, 150);
  }

  getTreeItem(node: JobSearchNode): vscode.TreeItem {
    if (node.type === 'group') {
      const item = new vscode.TreeItem(GROUP_LABELS[node.kind](), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.kind}`;
      item.iconPath = new vscode.ThemeIcon(node.kind === 'informational-interview' ? 'comment-discussion' : 'calendar');
      item.description =
        node.followUpsDue > 0
          ? vscode.l10n.t('{0} · {1} follow-up due', node.documents.length, node.followUpsDue)
          : String(node.documents.length);
      item.contextValue = `learnInPublic.kit.group.${node.kind}`;
      return item;
    }
    if (node.type === 'setting-problem') {
      const item = new vscode.TreeItem(vscode.l10n.t('Check the setting {0}', `${SETTING_SECTION}.${node.setting}`));
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
      item.tooltip = node.message;
      item.description = node.message;
      item.command = { command: 'workbench.action.openSettings', title: vscode.l10n.t('Open Settings'), arguments: [`${SETTING_SECTION}.${node.setting}`] };
      return item;
    }
    return documentItem(node);
  }

  async getChildren(node?: JobSearchNode): Promise<JobSearchNode[]> {
    if (node?.type === 'group') return [...node.documents];
    if (node) return [];
    this.snapshot ??= this.read();
    const snapshot = await this.snapshot;
    this.watch(snapshot.folders);
    this.onSnapshot?.(snapshot.followUpsDue);
    return [...snapshot.roots];
  }

  async getParent(node: JobSearchNode): Promise<JobSearchNode | undefined> {
    if (node.type !== 'document' || !node.group || !this.snapshot) return undefined;
    const group = node.group;
    return (await this.snapshot).roots.find((r) => r.type === 'group' && r.kind === group);
  }

  /** Re-reads now and returns the node showing `file`, to reveal a file just created. */
  async findNode(file: string): Promise<DocumentNode | undefined> {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.snapshot = this.read();
    this.changed.fire(undefined);
    const snapshot = await this.snapshot;
    for (const root of snapshot.roots) {
      if (root.type === 'document' && samePath(root.document.file, file)) return root;
      if (root.type === 'group') {
        const found = root.documents.find((d) => samePath(d.document.file, file));
        if (found) return found;
      }
    }
    return undefined;
  }

  private async read(): Promise<Snapshot> {
    const [{ listKitDocuments, readKitDocument, isFollowUpDue }, { resolveWorkspaceFolder, DEFAULT_NOTES_FOLDER, DEFAULT_FIRST_WEEK_FOLDER }, { todayKey }, { systemTimeZone }] =
      await Promise.all([
        import('../../core/kit/kit-documents'),
        import('../../core/kit/kit-locations'),
        import('../../core/kit/day-keys'),
        import('../../core/tracker/calendar'),
      ]);
    const today = todayKey(Date.now(), systemTimeZone());
    const problems: JobSearchNode[] = [];
    const listed = (setting: string, defaultValue: string, fallbackName: string): ListedFolder[] => {
      const folders: ListedFolder[] = [];
      for (const workspaceFolder of localWorkspaceFolders()) {
        try {
          const resolved = resolveWorkspaceFolder(folderSetting(setting, workspaceFolder), defaultValue, fallbackName, kitRoots(this.feature.context, workspaceFolder));
          folders.push({ folder: resolved.folder, inPrivateStorage: false });
        } catch (err) {
          problems.push({ type: 'setting-problem', setting, message: sayError(err) });
        }
      }
      // Notes written while no folder was open stay visible later.
      const privateFolder = resolveWorkspaceFolder('', defaultValue, fallbackName, kitRoots(this.feature.context, undefined));
      folders.push({ folder: privateFolder.folder, inPrivateStorage: true });
      return dedupe(folders);
    };
    const readGroup = async (kind: GroupKind, folders: readonly ListedFolder[]): Promise<DocumentNode[]> => {
      const perFolder = await Promise.all(
        folders.map(async (f) => {
          try {
            return (await listKitDocuments(f.folder, kind)).map((document) => ({ document, inPrivateStorage: f.inPrivateStorage }));
          } catch (err) {
            this.feature.log.warn(`Job Search: could not list ${f.folder}: ${String(err)}`);
            return [];
          }
        }),
      );
      const { compareByDate } = await import('../../core/kit/kit-documents');
      return perFolder
        .flat()
        .sort((a, b) => compareByDate(a.document, b.document))
        .map(({ document, inPrivateStorage }) => ({ type: 'document', document, group: kind, inPrivateStorage, followUpDue: isFollowUpDue(document, today) }));
    };

    const interviewFolders = listed(NOTES_FOLDER_SETTING, DEFAULT_NOTES_FOLDER, 'informational-interviews');
    const planFolders = listed(FIRST_WEEK_FOLDER_SETTING, DEFAULT_FIRST_WEEK_FOLDER, 'first-week');
    const [interviews, plans] = await Promise.all([readGroup('informational-interview', interviewFolders), readGroup('first-week-plan', planFolders)]);

    const roots: JobSearchNode[] = [...problems];
    const followUpsDue = interviews.filter((d) => d.followUpDue).length;
    if (interviews.length > 0) roots.push({ type: 'group', kind: 'informational-interview', documents: interviews, followUpsDue });
    const worksheetFolders: string[] = [];
    try {
      const worksheet = await currentWorksheetFile(this.feature.context, worksheetLocationSetting());
      worksheetFolders.push(path.dirname(worksheet.file));
      if (worksheet.exists) {
        const document = await readKitDocument(worksheet.file, 'offer-worksheet');
        roots.push({ type: 'document', document, group: undefined, inPrivateStorage: worksheet.inPrivateStorage, followUpDue: false });
      }
    } catch (err) {
      roots.unshift({ type: 'setting-problem', setting: WORKSHEET_LOCATION_SETTING, message: sayError(err) });
    }
    if (plans.length > 0) roots.push({ type: 'group', kind: 'first-week-plan', documents: plans, followUpsDue: 0 });
    const folders = [...interviewFolders, ...planFolders].map((f) => f.folder).concat(worksheetFolders);
    return { roots, folders: [...new Set(folders)], followUpsDue };
  }

  /** Watches the listed folders (only those that exist: a watcher on a missing folder never fires). */
  private watch(folders: readonly string[]): void {
    const existing = folders.filter((f) => fs.existsSync(f));
    const key = existing.join('\0');
    if (key === this.watchedFolders) return;
    this.watchedFolders = key;
    for (const w of this.watchers) w.dispose();
    this.watchers = existing.map((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '*.{md,markdown}'));
      const onChange = () => this.refresh();
      return vscode.Disposable.from(watcher, watcher.onDidCreate(onChange), watcher.onDidChange(onChange), watcher.onDidDelete(onChange));
    });
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const w of this.watchers) w.dispose();
    this.changed.dispose();
  }
}

/** "Mon 30 Mar 2026": the weekday matters for a start date. */
function longDate(dayKey: string): string {
  const [y, m, d] = dayKey.split('-').map(Number);
  try {
    // UTC on both sides: the key is a calendar day, not an instant in the user's zone.
    return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(vscode.env.language, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  } catch {
    return dayKey;
  }
}

function documentItem(node: DocumentNode): vscode.TreeItem {
  const { document } = node;
  // Short labels (the sidebar is narrow); the rest goes in the description and tooltip.
  const label =
    document.kind === 'informational-interview' && document.person
      ? document.person
      : document.kind === 'first-week-plan' && document.date
        ? vscode.l10n.t('Starting {0}', longDate(document.date))
        : document.title;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `document:${document.file}`;
  item.resourceUri = vscode.Uri.file(document.file);
  item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [vscode.Uri.file(document.file)] };
  item.contextValue = 'learnInPublic.kit.document';
  const lines: string[] = [document.title];
  const description: string[] = [];
  if (document.kind === 'informational-interview') {
    if (document.person && document.company) description.push(document.company);
    description.push(document.date ?? vscode.l10n.t('no date'));
    if (document.status) description.push(document.status);
    if (node.followUpDue) description.push(vscode.l10n.t('follow-up due'));
    if (document.date) lines.push(vscode.l10n.t('Date: {0}', document.date));
    if (document.followUp) lines.push(vscode.l10n.t('Follow up on: {0}', document.followUp));
    if (document.status) lines.push(vscode.l10n.t('Status: {0}', document.status));
    item.iconPath = new vscode.ThemeIcon(node.followUpDue ? 'bell-dot' : 'person');
  } else if (document.kind === 'first-week-plan') {
    if (document.tasks.next) {
      description.push(vscode.l10n.t('next: {0} ({1})', document.tasks.next.title, document.tasks.next.date));
      lines.push(vscode.l10n.t('Next: {0} on {1}', document.tasks.next.title, document.tasks.next.date));
    } else if (document.tasks.total > 0) {
      description.push(vscode.l10n.t('all done'));
    }
    item.iconPath = new vscode.ThemeIcon('calendar');
  } else {
    description.push(node.inPrivateStorage ? vscode.l10n.t('private storage') : path.dirname(document.file));
    lines.push(node.inPrivateStorage ? vscode.l10n.t('Kept in the extension’s private storage, outside every workspace.') : vscode.l10n.t('Kept in {0}', path.dirname(document.file)));
    item.iconPath = new vscode.ThemeIcon('lock');
  }
  if (document.tasks.total > 0) lines.push(vscode.l10n.t('Tasks: {0} of {1} done', document.tasks.done, document.tasks.total));
  if (node.inPrivateStorage && document.kind !== 'offer-worksheet') {
    description.push(vscode.l10n.t('private storage'));
    // Saved there with no folder open, or by choosing Keep Private in a folder that could publish it.
    lines.push(vscode.l10n.t('Kept in the extension’s private storage, outside every workspace.'));
  }
  const problem = document.problemNotices ? document.problemNotices.map(sayNotice).join(' ') : document.problem;
  if (problem) {
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    lines.push(vscode.l10n.t('Problem: {0}', problem));
    item.contextValue = 'learnInPublic.kit.document.problem';
  }
  lines.push(document.file);
  item.description = description.join(' · ');
  item.tooltip = lines.join('\n');
  // Screen readers hear the problem too, not only sighted users hovering the warning icon.
  const spoken = [label, ...description, problem ? vscode.l10n.t('warning: {0}', problem) : undefined].filter(Boolean).join(', ');
  item.accessibilityInformation = { label: spoken };
  return item;
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

function dedupe(folders: ListedFolder[]): ListedFolder[] {
  const seen = new Set<string>();
  return folders.filter((f) => {
    const key = path.resolve(f.folder);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

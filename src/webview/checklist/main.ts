// The Career Checklist sidebar. The extension owns the file and sends the whole state after
// every change; this file draws it and sends back what the user did. Elements are kept per
// section and item (keyed), so an update never steals focus or wipes a note being typed.
// All user text goes in as text or element properties (see shared/dom.ts), never as HTML.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type {
  ChecklistBanner,
  ChecklistItemView,
  ChecklistSectionView,
  ChecklistState,
  ChecklistStrings,
  ChecklistToExtension,
  ChecklistToWebview,
} from '../../core/protocol/checklist';
import { h, replaceChildren } from '../shared/dom';
import { createMessenger } from '../shared/vscode-api';
import { checklistStyles } from './styles';

// The parts of the components this file touches (the element classes are not imported, to
// keep the bundle small and the types simple).
type CheckboxElement = HTMLElement & { checked: boolean; label: string; disabled: boolean; updateComplete: Promise<unknown> };
type CollapsibleElement = HTMLElement & { heading: string; description: string; open: boolean; updateComplete: Promise<unknown> };
type TextInputElement = HTMLElement & { value: string; placeholder: string; readonly: boolean; disabled: boolean; label: string };

/** What survives the view being hidden and shown again (webview state, not the file). */
interface UiState {
  open: Record<string, boolean>;
  expanded: Record<string, boolean>;
  showHidden: boolean;
  addDrafts: Record<string, string>;
  noteDrafts: Record<string, string>;
  editing?: { key: string; draft: string };
  scrollY?: number;
  /** Each section's Tab stop (an item key), so it is where it was after the view is shown again. */
  tabStops?: Record<string, string>;
  last?: ChecklistState;
}

const messenger = createMessenger<ChecklistToExtension, ChecklistToWebview>();
const root = document.getElementById('root')!;
// Announce short notices only, not every redraw of the list.
root.removeAttribute('aria-live');

const sheet = new CSSStyleSheet();
sheet.replaceSync(checklistStyles);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const ui: UiState = { open: {}, expanded: {}, showHidden: false, addDrafts: {}, noteDrafts: {}, ...(messenger.getState<UiState>() ?? {}) };
let state: ChecklistState | undefined = ui.last;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

function saveUi(): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveUiNow, 100);
}

/** Without the wait: for what is not typed key by key, so it is kept even if the view closes at once. */
function saveUiNow(): void {
  clearTimeout(saveTimer);
  messenger.setState<UiState>({ ...ui, last: state });
}

function fill(template: string, ...values: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => (values[Number(index)] !== undefined ? String(values[Number(index)]) : match));
}

function icon(name: string): HTMLElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

/** A filled bar. The width is set through the CSSOM: the CSP blocks style attributes. */
function bar(done: number, total: number): HTMLElement {
  const fillEl = h('span');
  fillEl.style.width = `${total > 0 ? Math.round((done / total) * 100) : 0}%`;
  return fillEl;
}

function meter(done: number, total: number, label: string): HTMLElement {
  return h(
    'div',
    { class: 'meter', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': String(total), 'aria-valuenow': String(done), 'aria-label': label },
    bar(done, total),
  );
}

function button(label: string, onClick: () => void, options: { secondary?: boolean; icon?: string; focusId?: string; ariaLabel?: string } = {}): HTMLElement {
  return h('vscode-button', {
    secondary: options.secondary ?? true,
    icon: options.icon,
    'data-focus-id': options.focusId,
    'aria-label': options.ariaLabel,
    onClick: (event: Event) => {
      event.stopPropagation();
      onClick();
    },
  }, label);
}

// ------------------------------------------------------------------ one item

class ItemView {
  readonly li: HTMLElement;
  private readonly checkbox: CheckboxElement;
  private readonly toggle: HTMLButtonElement;
  private readonly meta: HTMLElement;
  private readonly details: HTMLElement;
  private readonly note: TextInputElement;
  private item!: ChecklistItemView;
  /** Whether this item holds its list's one Tab stop (see SectionView.tabStopKey). */
  private tabStop = false;

  constructor(readonly key: string) {
    this.checkbox = h('vscode-checkbox', {
      'data-focus-id': `check:${key}`,
      onChange: () => {
        messenger.post({ type: 'setChecked', key: this.key, checked: this.checkbox.checked });
      },
    }) as CheckboxElement;
    // Not a Tab stop: a second stop per item made Tab a long walk. Right and Left do what it does.
    this.toggle = h('button', {
      class: 'icon-button',
      type: 'button',
      tabindex: '-1',
      'data-focus-id': `toggle:${key}`,
      onClick: () => this.setExpanded(!ui.expanded[this.key]),
    }, icon('chevron-down')) as HTMLButtonElement;
    this.meta = h('div', { class: 'item-meta' });
    this.note = h('vscode-textarea', {
      rows: 2,
      resize: 'vertical',
      'data-focus-id': `note:${key}`,
      onInput: () => {
        ui.noteDrafts[this.key] = this.note.value;
        saveUi();
      },
      onChange: () => this.saveNote(),
      onKeydown: (event: KeyboardEvent) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) this.saveNote();
      },
    }) as TextInputElement;
    this.details = h('div', { class: 'details', id: `details-${cssSafe(key)}` });
    this.li = h('li', { class: 'item', 'data-key': key, onKeydown: (event: KeyboardEvent) => this.onKeydown(event) }, h('div', { class: 'item-row' }, this.checkbox, this.toggle), this.meta, this.details);
  }

  /**
   * Arrow keys on the item's checkbox or details button: Up/Down (and Home/End) move between
   * the visible items, Right/Left open and close the details, as in a tree. Keys typed in the
   * note or title fields, and keys with modifiers, are left alone.
   */
  private onKeydown(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.isComposing) return;
    const control = event.target === this.checkbox ? 'check' : event.target === this.toggle ? 'toggle' : undefined;
    if (!control) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') focusNeighbourItem(this.li, control, event.key === 'ArrowDown' ? 1 : -1);
    else if (event.key === 'Home' || event.key === 'End') focusEndItem(event.key === 'Home' ? 'first' : 'last');
    else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') this.setExpanded(event.key === 'ArrowRight');
    else return;
    // Also at either end, where focus stays put: the key must not scroll the page instead.
    event.preventDefault();
  }

  private setExpanded(expanded: boolean): void {
    if (!!ui.expanded[this.key] === expanded) return;
    if (expanded) ui.expanded[this.key] = true;
    else delete ui.expanded[this.key];
    saveUi();
    this.render();
  }

  private saveNote(): void {
    const value = this.note.value;
    delete ui.noteDrafts[this.key];
    saveUi();
    if (value.trim() !== (this.item.note ?? '').trim()) messenger.post({ type: 'setNote', key: this.key, note: value });
  }

  update(item: ChecklistItemView): void {
    this.item = item;
    this.render();
  }

  get title(): string {
    return this.item.title;
  }

  focus(): void {
    this.checkbox.focus();
    this.li.scrollIntoView({ block: 'nearest' });
  }

  /** Makes the checkbox the list's Tab stop, or takes it out of the Tab order (it stays focusable). */
  setTabStop(tabStop: boolean): void {
    this.tabStop = tabStop;
    const tabindex = tabStop ? '0' : '-1';
    if (this.checkbox.getAttribute('tabindex') !== tabindex) this.checkbox.setAttribute('tabindex', tabindex);
  }

  render(): void {
    const item = this.item;
    const s = current().strings;
    const editable = current().editable;
    if (this.checkbox.checked !== item.checked) this.checkbox.checked = item.checked;
    this.checkbox.label = item.title;
    if (this.checkbox.disabled !== !editable) {
      this.checkbox.disabled = !editable;
      // The component parks a disabled checkbox at tabindex -1 and, when enabled again, puts
      // back the value it had then, once it has updated: set the roving stop again after that.
      // (A read-only list keeps its stop on the checkbox, so arrows and Right/Left still work.)
      void this.checkbox.updateComplete.then(() => this.setTabStop(this.tabStop));
    }
    this.li.classList.toggle('is-hidden', item.hidden);
    this.li.classList.toggle('is-done', item.checked);

    const expanded = !!ui.expanded[item.key];
    this.toggle.setAttribute('aria-expanded', String(expanded));
    this.toggle.setAttribute('aria-controls', this.details.id);
    this.toggle.setAttribute('aria-label', fill(s.details, item.title));
    this.toggle.title = fill(s.details, item.title);

    const firstNoteLine = item.note?.split('\n').find((line) => line.trim() !== '');
    replaceChildren(
      this.meta,
      item.doneDate ? h('span', { class: 'done-date' }, fill(s.completed, item.doneDate)) : null,
      item.hidden ? h('span', { class: 'tag' }, s.hidden) : null,
      !item.builtIn ? h('span', { class: 'tag' }, s.own) : null,
      firstNoteLine && !expanded ? h('span', { class: 'note-preview', title: item.note }, icon('note'), ' ', firstNoteLine) : null,
    );
    this.meta.hidden = this.meta.childNodes.length === 0;

    this.details.hidden = !expanded;
    if (!expanded) return;
    // The note field is kept across redraws; its text is replaced only when it is not being typed in.
    this.note.label = fill(s.noteLabel, item.title);
    this.note.setAttribute('aria-label', fill(s.noteLabel, item.title));
    this.note.placeholder = s.notePlaceholder;
    this.note.readonly = !editable;
    if (document.activeElement !== this.note) this.note.value = ui.noteDrafts[item.key] ?? item.note ?? '';

    const editing = ui.editing?.key === item.key;
    const buttons: HTMLElement[] = [];
    if (item.actionLabel) buttons.push(button(item.actionLabel, () => messenger.post({ type: 'runAction', key: item.key }), { secondary: false, focusId: `action:${item.key}` }));
    if (editable) {
      buttons.push(button(s.saveNote, () => this.saveNote(), { focusId: `savenote:${item.key}` }));
      if (item.builtIn) {
        buttons.push(
          item.hidden
            ? button(s.unhide, () => messenger.post({ type: 'setHidden', key: item.key, hidden: false }), { icon: 'eye', focusId: `hide:${item.key}` })
            : button(s.hide, () => messenger.post({ type: 'setHidden', key: item.key, hidden: true }), { icon: 'eye-closed', focusId: `hide:${item.key}` }),
        );
      } else if (!editing) {
        buttons.push(
          button(s.edit, () => startEditing(item), { icon: 'edit', focusId: `edit:${item.key}` }),
          button(s.remove, () => messenger.post({ type: 'removeItem', key: item.key }), { icon: 'trash', focusId: `remove:${item.key}` }),
        );
      }
    }
    buttons.push(button(s.showInFile, () => messenger.post({ type: 'openFile', line: item.line }), { icon: 'go-to-file', focusId: `file:${item.key}` }));

    const parts: Array<Node | null> = [
      item.why ? h('p', { class: 'why' }, item.why) : null,
      item.source ? h('p', { class: 'source' }, fill(s.source, item.source)) : null,
      editing ? editForm(item, s) : null,
      this.note,
      h('div', { class: 'buttons' }, ...buttons),
    ];
    // Keep the note field in place (it may hold focus); rebuild what is around it.
    for (const child of [...this.details.childNodes]) if (child !== this.note) child.remove();
    const before = parts.slice(0, parts.indexOf(this.note)).filter((p): p is Node => !!p);
    const after = parts.slice(parts.indexOf(this.note) + 1).filter((p): p is Node => !!p);
    if (this.note.parentNode !== this.details) this.details.append(this.note);
    this.note.before(...before);
    this.note.after(...after);
  }
}

/** The items on screen, top to bottom: those of open sections (hidden items only when shown). */
function visibleItems(): HTMLElement[] {
  return [...sectionBox.querySelectorAll<HTMLElement>('li.item')].filter((li) => li.closest<CollapsibleElement>('vscode-collapsible')?.open);
}

type ItemControl = 'check' | 'toggle';

function focusItemControl(li: HTMLElement, control: ItemControl): void {
  const target = li.querySelector<HTMLElement>(`[data-focus-id="${CSS.escape(`${control}:${li.dataset.key ?? ''}`)}"]`);
  if (!target) return;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'nearest' });
}

/** Moves focus to the same control of the next (1) or previous (-1) visible item; none past either end. */
function focusNeighbourItem(from: HTMLElement, control: ItemControl, step: 1 | -1): void {
  const items = visibleItems();
  const index = items.indexOf(from);
  const next = index < 0 ? undefined : items[index + step];
  if (next) focusItemControl(next, control);
}

function focusEndItem(end: 'first' | 'last'): void {
  const items = visibleItems();
  const target = end === 'first' ? items[0] : items[items.length - 1];
  if (target) focusItemControl(target, 'check');
}

function cssSafe(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}

function startEditing(item: ChecklistItemView): void {
  ui.editing = { key: item.key, draft: item.title };
  saveUi();
  render();
  document.querySelector<HTMLElement>(`[data-focus-id="${CSS.escape(`editfield:${item.key}`)}"]`)?.focus();
}

function editForm(item: ChecklistItemView, s: ChecklistStrings): HTMLElement {
  const field = h('vscode-textfield', {
    value: ui.editing?.draft ?? item.title,
    label: fill(s.editLabel, item.title),
    'data-focus-id': `editfield:${item.key}`,
    onInput: () => {
      if (ui.editing) ui.editing.draft = field.value;
      saveUi();
    },
    onKeydown: (event: KeyboardEvent) => {
      if (event.key === 'Enter') save();
      if (event.key === 'Escape') cancel();
    },
  }) as TextInputElement;
  const save = () => {
    const title = field.value.trim();
    ui.editing = undefined;
    saveUi();
    if (title && title !== item.title) messenger.post({ type: 'editTitle', key: item.key, title });
    render();
    focusById(`edit:${item.key}`);
  };
  const cancel = () => {
    ui.editing = undefined;
    saveUi();
    render();
    focusById(`edit:${item.key}`);
  };
  return h('div', { class: 'edit-form' }, field, h('div', { class: 'buttons' }, button(s.save, save, { secondary: false }), button(s.cancel, cancel)));
}

// ------------------------------------------------------------------ one section

class SectionView {
  readonly el: CollapsibleElement;
  private readonly decoration: HTMLElement;
  private readonly body: HTMLElement;
  private readonly list: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly addRow: HTMLElement;
  private readonly addField: TextInputElement;
  private readonly bodyMeter: HTMLElement;
  /** "Added “…”." under the add field, where the eyes are (and said by screen readers). */
  private readonly addStatus: HTMLElement;
  private addStatusTimer: ReturnType<typeof setTimeout> | undefined;
  readonly items = new Map<string, ItemView>();
  private section!: ChecklistSectionView;
  /**
   * Roving tabindex: the one item of the list in the Tab order, the last one focused (else the
   * first), so Tab goes past the whole list and Shift+Tab / Tab come back to where one was.
   */
  private tabStopKey: string | undefined;
  /** The keys listed at the last update, in order, to find the nearest item when the stop's goes. */
  private listedKeys: string[] = [];

  constructor(readonly key: string) {
    this.tabStopKey = ui.tabStops?.[key];
    this.decoration = h('span', { slot: 'decorations', class: 'decoration' });
    this.bodyMeter = h('div');
    this.list = h('ul', {
      class: 'items',
      role: 'list',
      // Focus arriving anywhere in an item (arrow keys, a click, its details) brings the Tab stop along.
      onFocusin: (event: FocusEvent) => {
        const key = (event.target as HTMLElement).closest<HTMLElement>('li.item')?.dataset.key;
        if (key && key !== this.tabStopKey) this.moveTabStop(key);
      },
    });
    this.empty = h('p', { class: 'empty' });
    this.addField = h('vscode-textfield', {
      'data-focus-id': `add:${key}`,
      onInput: () => {
        ui.addDrafts[this.key] = this.addField.value;
        saveUi();
      },
      onKeydown: (event: KeyboardEvent) => {
        if (event.key === 'Enter') this.add();
      },
    }) as TextInputElement;
    this.addRow = h('div', { class: 'add-row' }, this.addField);
    this.addRow.append(button('', () => this.add(), { icon: 'add', focusId: `addbutton:${key}` }));
    this.addStatus = h('p', { class: 'add-status', role: 'status', 'aria-live': 'polite', 'data-testid': `added:${key}` });
    this.body = h('div', { class: 'section-body' }, this.bodyMeter, this.list, this.empty, this.addRow, this.addStatus);
    this.el = h('vscode-collapsible', {
      'data-section': key,
      'onVsc-collapsible-toggle': (event: CustomEvent<{ open: boolean }>) => {
        ui.open[this.key] = event.detail.open;
        saveUi();
        void this.describeHeader();
      },
    }, this.decoration, this.body) as CollapsibleElement;
  }

  /** Shows the item just added (briefly highlighted) and confirms it; focus stays where it is. */
  showAdded(item: ItemView): void {
    item.li.classList.add('just-added');
    this.addStatus.textContent = fill(current().strings.added, item.title);
    // The item sits just above the add field: bring both and the confirmation into view.
    item.li.scrollIntoView({ block: 'nearest' });
    this.addStatus.scrollIntoView({ block: 'nearest' });
    clearTimeout(this.addStatusTimer);
    this.addStatusTimer = setTimeout(() => {
      item.li.classList.remove('just-added');
      this.addStatus.textContent = '';
    }, 6000);
  }

  private moveTabStop(key: string | undefined): void {
    this.items.get(this.tabStopKey ?? '')?.setTabStop(false);
    this.tabStopKey = key;
    this.items.get(key ?? '')?.setTabStop(true);
    this.rememberTabStop();
  }

  /** Kept in the webview's state: hiding the view discards the page, not that state. */
  private rememberTabStop(): void {
    if (this.tabStopKey === undefined || ui.tabStops?.[this.key] === this.tabStopKey) return;
    ui.tabStops = { ...ui.tabStops, [this.key]: this.tabStopKey };
    saveUiNow();
  }

  /** Focuses the item holding the Tab stop, or the add field when the list is empty. */
  focusTabStop(): void {
    const stop = this.items.get(this.tabStopKey ?? '');
    if (stop) stop.focus();
    else if (!this.addRow.hidden) this.addField.focus();
  }

  private add(): void {
    const title = this.addField.value.trim();
    if (!title) return;
    messenger.post({ type: 'addItem', sectionKey: this.key, title });
    this.addField.value = '';
    delete ui.addDrafts[this.key];
    saveUi();
  }

  /**
   * vscode-collapsible's header is a focusable div with no role, name or state, so a screen
   * reader heard only "heading" and never whether the section is open. Its shadow root is
   * open: give the header what VS Code's own view headers have (a button that is expanded or
   * not), named with the section's progress, and hide the chevron drawing.
   */
  private async describeHeader(): Promise<void> {
    await this.el.updateComplete;
    const header = this.el.shadowRoot?.querySelector('.collapsible-header');
    if (!header || !this.section) return;
    const s = current().strings;
    header.setAttribute('role', 'button');
    header.setAttribute('aria-expanded', String(this.el.open));
    header.setAttribute('aria-label', fill(s.sectionProgress, this.section.title, this.section.done, this.section.total));
    header.querySelector('svg')?.setAttribute('aria-hidden', 'true');
  }

  update(section: ChecklistSectionView, open: boolean): void {
    this.section = section;
    const s = current().strings;
    const editable = current().editable;
    this.el.heading = section.title;
    // The count sits beside the bar, not in the header's description: that one is cut off
    // together with a long title ("BUILD PROJECTS THAT SHOW PRO…" lost its "0/14").
    this.el.description = '';
    if (this.el.open !== open) this.el.open = open;
    void this.describeHeader();
    replaceChildren(
      this.decoration,
      h('span', { class: 'section-count', 'aria-hidden': 'true' }, `${section.done}/${section.total}`),
      section.total > 0 ? h('span', { class: 'mini-meter', 'aria-hidden': 'true' }, bar(section.done, section.total)) : null,
    );
    replaceChildren(this.bodyMeter, meter(section.done, section.total, fill(s.sectionProgress, section.title, section.done, section.total)));

    const visible = section.items.filter((item) => ui.showHidden || !item.hidden);
    const seen = new Set<string>();
    visible.forEach((item, index) => {
      let view = this.items.get(item.key);
      if (!view) {
        view = new ItemView(item.key);
        this.items.set(item.key, view);
      }
      view.update(item);
      seen.add(item.key);
      // Move only when out of place: moving a node that holds focus would blur it.
      if (this.list.children[index] !== view.li) this.list.insertBefore(view.li, this.list.children[index] ?? null);
    });
    for (const [key, view] of this.items) {
      if (!seen.has(key)) {
        view.li.remove();
        this.items.delete(key);
      }
    }
    const keys = visible.map((item) => item.key);
    this.tabStopKey = nearestKey(this.tabStopKey, this.listedKeys, keys);
    this.listedKeys = keys;
    for (const [key, view] of this.items) view.setTabStop(key === this.tabStopKey);
    this.rememberTabStop();
    // (A state saved before this sentence existed has none: drawn from it for a moment after an update.)
    if (s.listKeys) this.list.setAttribute('aria-description', s.listKeys);
    this.empty.textContent = s.emptySection;
    this.empty.hidden = visible.length > 0;
    this.addRow.hidden = !editable;
    this.addField.placeholder = s.addPlaceholder;
    // The inner input is named by the component's label property (the host's aria-label does
    // not reach it, and it fell back on the placeholder).
    this.addField.label = fill(s.addLabel, this.section.title);
    const addButton = this.addRow.querySelector('vscode-button');
    addButton?.setAttribute('aria-label', fill(s.addLabel, this.section.title));
    addButton?.setAttribute('title', fill(s.addLabel, this.section.title));
    if (document.activeElement !== this.addField) this.addField.value = ui.addDrafts[this.key] ?? '';
  }
}

/**
 * The key to keep the Tab stop on after the list changed from `before` to `after`: the same
 * item while it is listed, else the nearest one that still is (after it first, as focus
 * moves when an item goes), else the first.
 */
function nearestKey(key: string | undefined, before: readonly string[], after: readonly string[]): string | undefined {
  if (key !== undefined && after.includes(key)) return key;
  const listed = new Set(after);
  const index = key === undefined ? -1 : before.indexOf(key);
  const following = index < 0 ? undefined : before.slice(index + 1).find((candidate) => listed.has(candidate));
  const preceding = index < 0 ? undefined : before.slice(0, index).reverse().find((candidate) => listed.has(candidate));
  return following ?? preceding ?? after[0];
}

// ------------------------------------------------------------------ the whole view

const header = h('div', { class: 'overall' });
const bannerBox = h('div', { class: 'banners' });
const notice = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite' });
// Says the new count when a tick (here or in the file) changes it; the figure on screen is redrawn silently.
const progressStatus = h('div', { class: 'lip-sr-only', role: 'status', 'data-testid': 'progress-status' });
const toolbar = h('div', { class: 'toolbar' });
const sectionBox = h('div', { class: 'sections' });
const fileNotes = h('div');
root.replaceChildren(header, bannerBox, notice, progressStatus, toolbar, sectionBox, fileNotes);
const sections = new Map<string, SectionView>();

function current(): ChecklistState {
  return state!;
}

function defaultOpen(section: ChecklistSectionView, all: readonly ChecklistSectionView[]): boolean {
  // Open the first section with something left to do, so the next step is in view.
  const first = all.find((candidate) => candidate.done < candidate.total) ?? all[0];
  return first?.key === section.key;
}

function renderBanner(banner: ChecklistBanner): HTMLElement {
  const iconName = banner.severity === 'error' ? 'error' : banner.severity === 'warning' ? 'warning' : 'info';
  return h(
    'div',
    { class: `lip-banner ${banner.severity}`, role: banner.severity === 'error' ? 'alert' : undefined },
    icon(iconName),
    h(
      'div',
      { class: 'banner-body' },
      h('div', null, banner.message),
      banner.actions?.length
        ? h('div', { class: 'banner-actions' }, ...banner.actions.map((a, i) => button(a.label, () => messenger.post({ type: 'bannerAction', action: a.action }), { secondary: i > 0, focusId: `banner:${a.action}` })))
        : null,
    ),
  );
}

function render(): void {
  if (!state) return;
  const s = state.strings;
  const focusId = (document.activeElement as HTMLElement | null)?.closest?.('[data-focus-id]')?.getAttribute('data-focus-id');
  // If the focused item goes away (hidden, removed), focus moves to its section's Tab stop,
  // which is then on the nearest item, not to the page.
  const focusedSection = (document.activeElement as HTMLElement | null)?.closest?.('li.item')?.closest('vscode-collapsible')?.getAttribute('data-section');

  const percent = state.total > 0 ? Math.round((state.done / state.total) * 100) : 0;
  replaceChildren(
    header,
    state.total > 0
      ? h('div', { class: 'overall-line' }, h('span', { class: 'overall-figure' }, fill(s.overall, state.done, state.total)), h('span', { class: 'overall-percent' }, fill(s.percent, percent)))
      : null,
    state.total > 0 ? meter(state.done, state.total, fill(s.overall, state.done, state.total)) : null,
    state.fileLabel
      ? h(
          'div',
          { class: 'file-line' },
          icon('markdown'),
          h('span', { class: 'path' }, fill(s.file, state.fileLabel)),
          !state.editable && state.sections.length ? h('span', { class: 'tag' }, s.readOnly) : null,
          h('button', { class: 'link-button', type: 'button', 'data-focus-id': 'open-markdown', onClick: () => messenger.post({ type: 'openFile' }) }, s.openMarkdown),
        )
      : null,
  );
  replaceChildren(bannerBox, ...state.banners.map(renderBanner));

  const hiddenToggleNeeded = state.hiddenCount > 0 || ui.showHidden;
  if (hiddenToggleNeeded) {
    let toggle = toolbar.querySelector<CheckboxElement>('vscode-checkbox');
    if (!toggle) {
      toggle = h('vscode-checkbox', {
        toggle: true,
        'data-focus-id': 'show-hidden',
        onChange: () => {
          ui.showHidden = toggle!.checked;
          saveUi();
          render();
        },
      }) as CheckboxElement;
      toolbar.replaceChildren(toggle);
    }
    toggle.label = fill(s.showHidden, state.hiddenCount);
    if (toggle.checked !== ui.showHidden) toggle.checked = ui.showHidden;
  } else toolbar.replaceChildren();
  toolbar.hidden = !hiddenToggleNeeded;

  const seen = new Set<string>();
  state.sections.forEach((section, index) => {
    let view = sections.get(section.key);
    if (!view) {
      view = new SectionView(section.key);
      sections.set(section.key, view);
    }
    // Decided once per section, so a section does not fold away when its last item is ticked.
    ui.open[section.key] ??= defaultOpen(section, current().sections);
    view.update(section, ui.open[section.key]);
    seen.add(section.key);
    if (sectionBox.children[index] !== view.el) sectionBox.insertBefore(view.el, sectionBox.children[index] ?? null);
  });
  for (const [key, view] of sections) {
    if (!seen.has(key)) {
      view.el.remove();
      sections.delete(key);
    }
  }

  replaceChildren(
    fileNotes,
    state.warnings.length
      ? h(
          'details',
          { class: 'file-notes' },
          h('summary', null, state.warnings.length === 1 ? s.fileNote : fill(s.fileNotes, state.warnings.length)),
          h(
            'ul',
            null,
            ...state.warnings.map((warning) =>
              h(
                'li',
                null,
                warning.line !== undefined
                  ? h('button', { class: 'link-button', type: 'button', onClick: () => messenger.post({ type: 'openFile', line: warning.line }) }, fill(s.line, warning.line))
                  : null,
                warning.line !== undefined ? ': ' : null,
                warning.message,
              ),
            ),
          ),
        )
      : null,
  );

  // A redraw may have replaced the focused element: give focus back to its successor, or to
  // the nearest item when the item itself is gone.
  const lost = () => document.activeElement === document.body || !document.activeElement;
  if (focusId && lost()) focusById(focusId);
  if (focusedSection && lost()) sections.get(focusedSection)?.focusTabStop();
}

function focusById(id: string): void {
  document.querySelector<HTMLElement>(`[data-focus-id="${CSS.escape(id)}"]`)?.focus();
}

function showAddedItem(key: string): void {
  for (const view of sections.values()) {
    const item = view.items.get(key);
    if (item) view.showAdded(item);
  }
}

function focusItem(key: string): void {
  for (const [sectionKey, view] of sections) {
    const item = view.items.get(key);
    if (!item) continue;
    ui.open[sectionKey] = true;
    saveUi();
    view.el.open = true;
    item.focus();
    return;
  }
}

let noticeTimer: ReturnType<typeof setTimeout> | undefined;
messenger.onMessage((message) => {
  switch (message.type) {
    case 'state':
      if (state && (state.done !== message.state.done || state.total !== message.state.total) && message.state.total > 0) {
        progressStatus.textContent = fill(message.state.strings.overall, message.state.done, message.state.total);
      }
      state = message.state;
      render();
      saveUi();
      if (restoreScroll !== undefined) {
        window.scrollTo(0, restoreScroll);
        restoreScroll = undefined;
      }
      break;
    case 'notice':
      notice.textContent = message.message;
      notice.className = `notice ${message.severity}`;
      clearTimeout(noticeTimer);
      noticeTimer = setTimeout(() => (notice.textContent = ''), 10_000);
      break;
    case 'focusItem':
      focusItem(message.key);
      break;
    case 'itemAdded':
      showAddedItem(message.key);
      break;
  }
});

let restoreScroll = ui.scrollY;
let scrollTimer: ReturnType<typeof setTimeout> | undefined;
// Whether focus moves by keyboard (an item is then outlined whole, see styles.ts): the
// checkbox's focus lives in its shadow root, where :focus-visible does not reach the row.
document.addEventListener('keydown', () => document.body.classList.add('keyboard-focus'), true);
document.addEventListener('pointerdown', () => document.body.classList.remove('keyboard-focus'), true);

window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => {
    ui.scrollY = window.scrollY;
    saveUi();
  }, 150);
});

// Draw the last known state at once (the view was hidden and shown), then ask for the real one.
if (state) render();
messenger.post({ type: 'ready' });

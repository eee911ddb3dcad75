// Pure logic: stays free of vscode — and of Node: the checklist webview bundles this module too.
// Messages between the Career Checklist sidebar and the extension. The webview sends `ready`
// first; the host answers with the whole state, and again after every change to the file.
import type { ReadyMessage, WebviewErrorMessage } from './common';

export interface ChecklistItemView {
  /** Stable key of the item (its id, or a key derived from its text when it has none). */
  readonly key: string;
  readonly title: string;
  readonly checked: boolean;
  readonly doneDate?: string;
  readonly note?: string;
  readonly hidden: boolean;
  /** From the built-in catalog: can be hidden, not edited or removed here. */
  readonly builtIn: boolean;
  readonly why?: string;
  /** The source document the advice comes from. */
  readonly source?: string;
  /** Label of the action button; present only when its command exists. */
  readonly actionLabel?: string;
  /** 1-based line in the Markdown file. */
  readonly line: number;
}

export interface ChecklistSectionView {
  readonly key: string;
  readonly title: string;
  readonly items: readonly ChecklistItemView[];
  /** Counts leave hidden items out. */
  readonly done: number;
  readonly total: number;
}

export type ChecklistBannerAction = 'createFile' | 'fillEmpty' | 'addMissing' | 'restoreBuiltIn' | 'openFile' | 'chooseLocation' | 'retry';

export interface ChecklistBanner {
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly actions?: ReadonlyArray<{ readonly action: ChecklistBannerAction; readonly label: string }>;
}

/** Every word the webview shows, localised by the extension (`{0}` marks a value). */
export interface ChecklistStrings {
  readonly overall: string; // "{0} of {1} done"
  readonly percent: string; // "{0}%"
  readonly file: string; // "File: {0}"
  readonly openMarkdown: string;
  readonly showHidden: string; // "Show hidden items ({0})"
  readonly sectionProgress: string; // "{0}: {1} of {2} done"
  readonly emptySection: string;
  readonly addPlaceholder: string;
  readonly addLabel: string; // "Add an item to {0}"
  readonly add: string;
  readonly added: string; // "Added “{0}”."
  readonly listKeys: string; // how to move through a section's items from the keyboard, for screen readers
  readonly details: string; // "Details for “{0}”"
  readonly source: string; // "Source: {0}"
  readonly completed: string; // "Done {0}"
  readonly noteLabel: string; // "Note for “{0}”"
  readonly notePlaceholder: string;
  readonly saveNote: string;
  readonly hide: string;
  readonly unhide: string;
  readonly hidden: string;
  readonly own: string;
  readonly edit: string;
  readonly editLabel: string; // "New text for “{0}”"
  readonly save: string;
  readonly cancel: string;
  readonly remove: string;
  readonly showInFile: string;
  readonly fileNote: string; // "1 note about the file"
  readonly fileNotes: string; // "{0} notes about the file"
  readonly line: string; // "Line {0}"
  readonly readOnly: string;
}

export interface ChecklistState {
  readonly strings: ChecklistStrings;
  /** Where the file is, for display (a home-relative or workspace-relative path). */
  readonly fileLabel: string;
  /** False when the file cannot be changed from the sidebar (read-only, missing, newer format…). */
  readonly editable: boolean;
  readonly sections: readonly ChecklistSectionView[];
  readonly done: number;
  readonly total: number;
  readonly hiddenCount: number;
  readonly banners: readonly ChecklistBanner[];
  /** Odd shapes found in the file, each with its line. */
  readonly warnings: ReadonlyArray<{ readonly line?: number; readonly message: string }>;
}

export type ChecklistToWebview =
  | { readonly type: 'state'; readonly state: ChecklistState }
  /** A short message for the status line, e.g. why an edit was refused. */
  | { readonly type: 'notice'; readonly message: string; readonly severity: 'info' | 'error' }
  /** Moves keyboard focus to an item, e.g. the one just added. */
  | { readonly type: 'focusItem'; readonly key: string }
  /** An item the user just added in the view: show it and confirm, leaving focus in the add field for the next one. */
  | { readonly type: 'itemAdded'; readonly key: string };

export type ChecklistToExtension =
  | ReadyMessage
  | WebviewErrorMessage
  | { readonly type: 'setChecked'; readonly key: string; readonly checked: boolean }
  | { readonly type: 'setNote'; readonly key: string; readonly note: string }
  | { readonly type: 'setHidden'; readonly key: string; readonly hidden: boolean }
  | { readonly type: 'addItem'; readonly sectionKey: string; readonly title: string }
  | { readonly type: 'editTitle'; readonly key: string; readonly title: string }
  | { readonly type: 'removeItem'; readonly key: string }
  | { readonly type: 'runAction'; readonly key: string }
  | { readonly type: 'openFile'; readonly line?: number }
  | { readonly type: 'bannerAction'; readonly action: ChecklistBannerAction };

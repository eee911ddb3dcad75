// Just enough of the `vscode` module to run the tracker's status bar and strings in Node:
// l10n.t fills `{0}` like VS Code does (English, no translation), the status bar item is a
// plain object the test reads back. Loaded before the modules under test import 'vscode'.
import Module from 'node:module';

export interface FakeStatusBarItem {
  text: string;
  tooltip?: { value: string };
  accessibilityInformation?: { label: string };
  visible: boolean;
}

export const fake = {
  language: 'en',
  items: [] as FakeStatusBarItem[],
};

class MarkdownString {
  value: string;
  constructor(value = '') {
    this.value = value;
  }
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
}

const vscode = {
  l10n: {
    t: (message: string, ...args: unknown[]) => (args.length === 0 ? message : message.replace(/\{(\d+)\}/g, (match, i: string) => (args[Number(i)] === undefined ? match : String(args[Number(i)])))),
  },
  env: {
    get language() {
      return fake.language;
    },
  },
  MarkdownString,
  StatusBarAlignment: { Left: 1, Right: 2 },
  window: {
    createStatusBarItem: () => {
      const item = { text: '', visible: false, show: () => (item.visible = true), hide: () => (item.visible = false), dispose: () => undefined };
      fake.items.push(item);
      return item;
    },
  },
  workspace: {
    getConfiguration: () => ({ get: <T>(_key: string, fallback: T) => fallback }),
    onDidChangeConfiguration: () => ({ dispose: () => undefined }),
  },
};

const moduleWithHooks = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolve = moduleWithHooks._resolveFilename;
moduleWithHooks._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode } as unknown as NodeJS.Module;

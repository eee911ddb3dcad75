import assert from 'node:assert/strict';
import '../tracker/fake-vscode'; // before the modules that import 'vscode'
import type * as KitCommands from '../../../src/extension/kit/kit-commands';
import { registerTsxForDynamicImports } from '../../support/dynamic-imports';

// The kit's commands driven in Node with two folders open: the fake `vscode` answers the input
// boxes and records the folder question, which a multi-root window asks last.

interface RecordedPick {
  readonly items: ReadonlyArray<{ label: string; description?: string }>;
  readonly options: { title?: string; placeHolder?: string; ignoreFocusOut?: boolean };
}

const inputTitles: string[] = [];
const picks: RecordedPick[] = [];
const answers: string[] = [];
const folder = (name: string, index: number) => ({ name, index, uri: { scheme: 'file', fsPath: `/home/me/${name}`, toString: () => `file:///home/me/${name}` } });

const fakeVscode = require('vscode') as Record<string, Record<string, unknown>>;
Object.assign(fakeVscode.window, {
  showInputBox: async (options: { title: string }) => {
    inputTitles.push(options.title);
    return answers.shift();
  },
  // Escape at the folder question: nothing is written.
  showQuickPick: async (items: RecordedPick['items'], options: RecordedPick['options']) => {
    picks.push({ items, options });
    return undefined;
  },
});
Object.assign(fakeVscode.workspace, {
  workspaceFolders: [folder('blog', 0), folder('todo-app', 1)],
  // The blog keeps its notes out of the Jekyll site; the other folder uses the default.
  getConfiguration: (_section: string, scope?: { fsPath: string }) => ({
    get: <T>(key: string, fallback: T) => (key === 'notesFolder' && scope?.fsPath === '/home/me/blog' ? '_career/people' : fallback),
  }),
});

const { newInformationalInterview, newFirstWeekPlan } = require('../../../src/extension/kit/kit-commands') as typeof KitCommands;
const services = { feature: {}, tree: {}, reveal: async () => undefined } as unknown as KitCommands.KitServices;

describe('kit commands in a window with two folders', () => {
  let unregister: (() => Promise<void>) | undefined;
  before(async () => {
    unregister = await registerTsxForDynamicImports();
  });
  after(async () => {
    await unregister?.();
  });
  beforeEach(() => {
    inputTitles.length = 0;
    picks.length = 0;
  });

  it('interview notes: the folder question is step 4 of 4, says where the notes go and that a public repository would publish them', async () => {
    answers.push('Ada Lovelace', 'Analytical Engines', '');
    await newInformationalInterview(services);
    assert.deepEqual(inputTitles, ['New Informational Interview Notes (1/4)', 'New Informational Interview Notes (2/4)', 'New Informational Interview Notes (3/4)']);
    assert.equal(picks.length, 1);
    const { items, options } = picks[0];
    assert.equal(options.title, 'New Informational Interview Notes (4/4)');
    assert.match(options.placeHolder ?? '', /notes.*public repository/);
    assert.equal(options.ignoreFocusOut, true, 'a click elsewhere keeps the answers');
    assert.deepEqual(
      items.map((i) => [i.label, i.description]),
      [
        ['$(root-folder) blog', '_career/people'],
        ['$(root-folder) todo-app', 'career/informational-interviews'],
      ],
    );
  });

  it('first-week plan: the date is step 1 of 2, the folder question step 2 of 2 and says where the plan goes', async () => {
    answers.push('2026-03-30');
    await newFirstWeekPlan(services);
    assert.deepEqual(inputTitles, ['New First-Week Plan (1/2)']);
    const { items, options } = picks[0];
    assert.equal(options.title, 'New First-Week Plan (2/2)');
    assert.match(options.placeHolder ?? '', /plan.*public repository/);
    assert.equal(items[0].description, 'career/first-week');
  });
});

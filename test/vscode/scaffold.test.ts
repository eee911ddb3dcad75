import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { expectWalkthroughStepDone, launchWorkbench, openWalkthroughOnce, makeTempDir, runExactCommand, waitFor, type Workbench } from './harness';

const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Ada',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
  GIT_AUTHOR_DATE: '2024-05-23T12:00:00+00:00',
  GIT_COMMITTER_DATE: '2024-05-23T12:00:00+00:00',
};
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim();

function write(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
}

/** A small Hugo blog, as `hugo new site` leaves it plus one post. */
function hugoSite(root: string): void {
  write(root, {
    'hugo.toml': 'baseURL = "https://example.org/"\nlanguageCode = "en-us"\ntitle = "Learning in public"\n',
    'archetypes/default.md': '+++\ntitle = "{{ replace .File.ContentBaseName "-" " " | title }}"\ndate = {{ .Date }}\ndraft = true\n+++\n',
    'content/posts/hello.md': '---\ntitle: Hello\ndate: 2024-05-01T10:00:00+01:00\ntags: [intro]\n---\n\nFirst post.\n',
    'pyproject.toml': '[project]\nname = "ml-notes"\ndescription = "Notes and experiments from learning ML in public"\nlicense = { text = "MIT" }\ndependencies = ["streamlit", "scikit-learn"]\n[project.scripts]\nml-notes = "ml_notes.cli:main"\n',
    'app.py': 'import streamlit as st\n',
    'ml_notes/cli.py': 'def main():\n    print("hi")\n',
  });
}


/** Answers the quick input whose title contains `title`. */
async function answer(page: Page, title: string, value: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ timeout: 30_000 });
  const input = page.locator('.quick-input-widget input');
  await input.fill(value);
  await input.press('Enter');
}

async function cursorLine(page: Page): Promise<number> {
  const status = page.locator('#status\\.editor\\.selection');
  await status.waitFor({ timeout: 15_000 });
  const text = (await status.textContent()) ?? '';
  const line = /Ln (\d+)/.exec(text)?.[1];
  assert.ok(line, `status bar shows the cursor: ${text}`);
  return Number(line);
}

describe('Scaffolding in a real VS Code', function () {
  describe('New Post and New Project README in a Hugo site (dark theme, Restricted Mode)', function () {
    let wb: Workbench;
    let workspace: string;

    before(async function () {
      workspace = makeTempDir();
      hugoSite(workspace);
      wb = await launchWorkbench({ workspace, theme: 'dark' });
    });
    after(async function () {
      await wb?.close();
      fs.rmSync(workspace, { recursive: true, force: true });
    });

    it('New Post asks title and kind, writes a Hugo post with its front matter and opens it at the cursor', async function () {
      await runExactCommand(wb.page, 'Learn in Public: New Post');
      await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'New Post (1/2)' }).waitFor({ timeout: 30_000 });
      const input = wb.page.locator('.quick-input-widget input');
      await input.fill('Notes on: Getting an ML job');
      // While typing, the box says where the post will go.
      await wb.page.locator('.quick-input-widget', { hasText: 'Hugo post in content/posts/notes-on-getting-an-ml-job.md' }).waitFor({ timeout: 30_000 });
      await input.press('Enter');
      await answer(wb.page, 'New Post (2/2)', 'Tutorial');

      const file = path.join(workspace, 'content', 'posts', 'notes-on-getting-an-ml-job.md');
      await waitFor(() => fs.existsSync(file), 'the post on disk');
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /^---\ntitle: 'Notes on: Getting an ML job'\ndate: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}\ndraft: true\ntags:\n {2}- tutorial\n---\n/);
      assert.match(text, /## What you will build/);
      assert.doesNotMatch(text, /\{\{/);

      await wb.page.locator('.tab.active', { hasText: 'notes-on-getting-an-ml-job.md' }).waitFor({ timeout: 30_000 });
      const lines = text.split('\n');
      const guidance = lines.findIndex((l) => l.includes('One paragraph and, if you can'));
      assert.equal(await cursorLine(wb.page), guidance + 3, 'the cursor sits on the empty line below the guidance');
      await wb.page.keyboard.type('A tiny Streamlit demo');
      await wb.page.locator('.monaco-editor .view-line', { hasText: 'A tiny Streamlit demo' }).waitFor({ timeout: 15_000 });
      // The first draft says once what "draft: true" means, without taking the keyboard.
      await wb.page.locator('.notification-toast', { hasText: 'New posts start as drafts (draft: true)' }).waitFor({ timeout: 30_000 });
      await wb.screenshot('scaffold-new-post-hugo-dark');
      await wb.page.keyboard.press('Control+S');
      await waitFor(() => fs.readFileSync(file, 'utf8').split('\n')[guidance + 2] === 'A tiny Streamlit demo', 'typed text saved on the cursor line');
    });

    it('New Project README fills name, description, licence and how to run from pyproject.toml', async function () {
      await runExactCommand(wb.page, 'Learn in Public: New Project README');
      const readme = path.join(workspace, 'README.md');
      await waitFor(() => fs.existsSync(readme), 'README.md on disk');
      const text = fs.readFileSync(readme, 'utf8');
      assert.match(text, /^# ml-notes\n\nNotes and experiments from learning ML in public\n/);
      assert.match(text, /## The problem\n/);
      assert.match(text, /pip install -e \./);
      assert.match(text, /streamlit run app\.py/);
      assert.match(text, /## License\n\nMIT\n/);
      await wb.page.locator('.tab.active', { hasText: 'README.md' }).waitFor({ timeout: 30_000 });
      await wb.screenshot('scaffold-readme-dark');
    });

    it('the Career Checklist view offers New Post in its title bar and New Project README in its menu', async function () {
      await wb.openView();
      const header = wb.page.locator('.pane-header', { hasText: /career checklist/i });
      await header.hover();
      await header.locator('.action-label[aria-label^="New Post"]').first().waitFor({ timeout: 30_000 });
      // Two actions in the title bar leave room for the progress count; the rest are one click away.
      await header.locator('.action-label[aria-label^="More Actions"]').first().click();
      const item = wb.page.locator('.monaco-menu .action-item', { hasText: 'New Project README' }).first();
      await item.waitFor({ timeout: 30_000 });
      await wb.screenshot('scaffold-checklist-menu-dark');
      await wb.page.keyboard.press('Escape');
    });
  });

  describe('New Post from Selection in a git repository (light theme, trusted)', function () {
    let wb: Workbench;
    let workspace: string;
    let sha: string;
    const code = Array.from({ length: 30 }, (_, i) => (i >= 9 && i <= 11 ? `    clip_${i + 1} = torch.nn.utils.clip_grad_norm_(params, ${i + 1})` : `step_${i + 1} = ${i + 1}`)).join('\n') + '\n';
    const readmeBefore = '# ml-notes\n\nMy notes.\n\n## Installation\n\nSee below.\n';

    before(async function () {
      workspace = makeTempDir();
      hugoSite(workspace);
      write(workspace, { 'src/train.py': code, 'README.md': readmeBefore });
      git(workspace, 'init', '-q', '-b', 'main');
      git(workspace, 'add', '-A');
      git(workspace, 'commit', '-q', '-m', 'notes');
      git(workspace, 'remote', 'add', 'origin', 'git@github.com:ada/ml-notes.git');
      sha = git(workspace, 'rev-parse', 'HEAD');
      git(workspace, 'update-ref', 'refs/remotes/origin/main', sha); // as if pushed
      wb = await launchWorkbench({ workspace, theme: 'light', trusted: true });
    });
    after(async function () {
      await wb?.close();
      fs.rmSync(workspace, { recursive: true, force: true });
    });

    it('turns the selected lines into a fenced block with a permalink at the current commit', async function () {
      const page = wb.page;
      await openWalkthroughOnce(wb);
      const input = page.locator('.quick-input-widget input');
      await page.keyboard.press('Control+P');
      await input.waitFor({ timeout: 15_000 });
      await input.fill('train.py');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'train.py' }).first().waitFor({ timeout: 30_000 });
      await input.press('Enter');
      await page.locator('.tab.active', { hasText: 'train.py' }).waitFor({ timeout: 30_000 });
      await page.keyboard.press('Control+G');
      await input.waitFor({ timeout: 15_000 });
      await input.fill(':10');
      await page.locator('.quick-input-widget', { hasText: 'line 10' }).waitFor({ timeout: 15_000 });
      await input.press('Enter');
      await waitFor(async () => /Ln 10,/.test((await page.locator('#status\\.editor\\.selection').textContent()) ?? ''), 'the cursor on line 10');
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
      await page.locator('#status\\.editor\\.selection', { hasText: /selected/ }).waitFor({ timeout: 15_000 });

      await runExactCommand(page, 'Learn in Public: New Post from Selection');
      await answer(page, 'New Post from Selection (1/2)', 'Clipping gradients in my training loop');
      await answer(page, 'New Post from Selection (2/2)', 'TIL');

      const file = path.join(workspace, 'content', 'posts', 'clipping-gradients-in-my-training-loop.md');
      await waitFor(() => fs.existsSync(file), 'the post on disk');
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /^tags:\n {2}- til\n/m);
      assert.ok(text.includes('```python\nclip_10 = torch.nn.utils.clip_grad_norm_(params, 10)\nclip_11 = torch.nn.utils.clip_grad_norm_(params, 11)\nclip_12 = torch.nn.utils.clip_grad_norm_(params, 12)\n```'), text);
      assert.ok(text.includes(`From [\`src/train.py\`, lines 10-12](https://github.com/ada/ml-notes/blob/${sha}/src/train.py#L10-L12)`), text);
      await page.locator('.tab.active', { hasText: 'clipping-gradients-in-my-training-loop.md' }).waitFor({ timeout: 30_000 });
      await wb.screenshot('scaffold-post-from-selection-light');
      // A post written, by any of the ways to start one: the walkthrough's step is ticked.
      await expectWalkthroughStepDone(wb, 'Write your first post');
    });

    it('New Project README adds only the missing sections to an existing README, after asking', async function () {
      await runExactCommand(wb.page, 'Learn in Public: New Project README');
      const dialog = wb.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 30_000 });
      assert.match((await dialog.textContent()) ?? '', /README\.md already exists/);
      await dialog.locator('.monaco-button', { hasText: 'Add Missing Sections' }).click();
      const readme = path.join(workspace, 'README.md');
      await waitFor(() => fs.readFileSync(readme, 'utf8').length > readmeBefore.length, 'sections appended and saved');
      const text = fs.readFileSync(readme, 'utf8');
      assert.ok(text.startsWith(readmeBefore), 'the existing text is unchanged');
      assert.match(text, /## The problem/);
      assert.doesNotMatch(text, /## How to run/, 'Installation already covers it');
      assert.match(text, /## Demo/);
      await wb.screenshot('scaffold-readme-append-light');
    });

    // Last in this workspace: from here on it holds a project of its own one level down.
    it('New Project README asks which project when the folder holds several, and writes into the one picked', async function () {
      write(workspace, { 'churn-model/pyproject.toml': '[project]\nname = "churn-model"\ndescription = "Predict which customers are about to leave."\n' });
      await runExactCommand(wb.page, 'Learn in Public: New Project README');
      const picker = wb.page.locator('.quick-input-widget');
      await picker.locator('.quick-input-title', { hasText: 'New Project README' }).waitFor({ timeout: 30_000 });
      const rows = picker.locator('.quick-input-list .monaco-list-row');
      await rows.filter({ hasText: 'churn-model' }).first().waitFor({ timeout: 15_000 });
      const labels = (await rows.allTextContents()).join(' | ');
      assert.match(labels, /churn-model.*no README yet/, labels);
      assert.match(labels, /has README\.md/, `the workspace folder is offered too, with its README: ${labels}`);
      await wb.screenshot('scaffold-readme-pick-project-light');
      await picker.locator('input').fill('churn-model');
      await picker.locator('input').press('Enter');
      const readme = path.join(workspace, 'churn-model', 'README.md');
      await waitFor(() => fs.existsSync(readme), 'churn-model/README.md on disk');
      assert.match(fs.readFileSync(readme, 'utf8'), /^# churn-model\n\nPredict which customers are about to leave\.\n/);
      assert.ok(fs.readFileSync(path.join(workspace, 'README.md'), 'utf8').startsWith(readmeBefore), 'the workspace README is left as it was');
    });
  });
});

describe('New TIL in a plain folder with no site generator (dark theme, Restricted Mode)', function () {
  let wb: Workbench;
  let workspace: string;

  before(async function () {
    workspace = makeTempDir();
    write(workspace, { 'notes/til/.keep': '', 'README.md': '# My notes\n' });
    wb = await launchWorkbench({ workspace, theme: 'dark' });
  });
  after(async function () {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('asks once where posts go, in the picker title, then only for the title', async function () {
    await runExactCommand(wb.page, 'Learn in Public: New TIL');
    const picker = wb.page.locator('.quick-input-widget');
    // The question is the picker's title (a long placeholder was cut off, and people typed their title into it).
    await picker.locator('.quick-input-title', { hasText: /New TIL: where should posts go in .+\?/ }).waitFor({ timeout: 30_000 });
    const existing = picker.locator('.quick-input-list .monaco-list-row', { hasText: 'notes/til' });
    await existing.filter({ hasText: 'exists' }).waitFor({ timeout: 15_000 });
    await wb.screenshot('scaffold-plain-posts-folder-dark');
    await picker.locator('input').fill('notes/til');
    await picker.locator('input').press('Enter');
    await answer(wb.page, 'New TIL', 'Python zip stops at the shortest input');
    const file = path.join(workspace, 'notes', 'til', 'python-zip-stops-at-the-shortest-input.md');
    await waitFor(() => fs.existsSync(file), 'the TIL in the folder picked');
    assert.match(fs.readFileSync(file, 'utf8'), /^---\ntitle: Python zip stops at the shortest input\n/);

    // The TIL opens in the editor: wait for it, so the palette below is not opened while it takes focus.
    await wb.page.locator('.tab.active', { hasText: 'python-zip-stops-at-the-shortest-input.md' }).waitFor({ timeout: 30_000 });
    await wb.page.locator('.monaco-editor.focused').first().waitFor({ timeout: 30_000 });

    // Saved in the folder's settings: the next TIL asks only for its title.
    await waitFor(() => fs.existsSync(path.join(workspace, '.vscode', 'settings.json')), 'the posts folder saved in workspace settings');
    await runExactCommand(wb.page, 'Learn in Public: New TIL');
    await answer(wb.page, 'New TIL', 'Second one');
    await waitFor(() => fs.existsSync(path.join(workspace, 'notes', 'til', 'second-one.md')), 'the second TIL, without the folder question');
  });
});

describe('Learn in Public with no folder open', function () {
  let wb: Workbench;

  before(async function () {
    wb = await launchWorkbench({ workspace: null, theme: 'dark' });
  });
  after(async function () {
    await wb?.close();
  });

  it('New Post explains that posts need a folder and offers to open one; the checklist works and the tracker says what to open', async function () {
    await runExactCommand(wb.page, 'Learn in Public: New Post');
    const toast = wb.page.locator('.notification-toast', { hasText: 'Open a folder first' });
    await toast.waitFor({ timeout: 30_000 });
    await toast.locator('.monaco-button', { hasText: 'Open Folder…' }).waitFor();
    assert.equal(await wb.page.locator('.quick-input-widget', { hasText: 'Title of the post' }).isVisible(), false, 'no title prompt for a post that could not be saved');
    await wb.screenshot('scaffold-no-folder-dark');
    // The checklist lives in the extension's storage: it needs no folder.
    await wb.openView();
    const frame = await wb.viewFrame('Career Checklist');
    await frame.locator('li.item vscode-checkbox').first().waitFor({ state: 'attached', timeout: 60_000 });
    // The tracker has no repository to read, and says what to do instead of drawing an empty heatmap.
    await runExactCommand(wb.page, 'Learn in Public: Show Learning Tracker');
    const tracker = await wb.viewFrame('Learning Tracker');
    await tracker.getByText('No git repository found').waitFor({ timeout: 60_000 });
    await tracker.locator('vscode-button', { hasText: 'Open Folder…' }).waitFor();
    await wb.screenshot('tracker-no-folder-dark');
  });
});

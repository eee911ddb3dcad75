// Runs the packaged extension in a real VS Code: code-server (npm) + Debian's Chromium,
// driven by playwright-core. See ../shared/docs/real-vscode.md for why not test-electron.
//
//   const wb = await launchWorkbench({ workspace, trusted: true, theme: 'dark' });
//   await wb.openView();
//   const frame = await wb.viewFrame('Career Checklist');
//   await frame.locator('vscode-checkbox').first().click();
//
// Tests wait for conditions (selectors, files on disk), never fixed sleeps.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const PUBLISHER_ID = 'learn-in-public.learn-in-public';

export interface LaunchOptions {
  /** Folder opened in the workbench; null opens an empty window (no folder). */
  workspace: string | null;
  /** Extra user settings (merged over the harness defaults). */
  settings?: Record<string, unknown>;
  /**
   * Machine-scoped settings. code-server is a remote window, which ignores machine-scoped values
   * in user settings once their schema is known: they go in the server's Machine/settings.json.
   */
  machineSettings?: Record<string, unknown>;
  /** Environment for code-server (reaches the extension host). */
  env?: Record<string, string>;
  theme?: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
  /** true: Workspace Trust off (git features on). Default: Restricted Mode. */
  trusted?: boolean;
  viewport?: { width: number; height: number };
}

export interface Workbench {
  readonly page: Page;
  readonly userDataDir: string;
  /** The extension's globalStorageUri on disk. */
  readonly globalStorage: string;
  readonly serverLogFile: string;
  openView(containerTitle?: string): Promise<void>;
  /** The view's webview page once it has drawn (blank after 40 s: reloads the webviews once). */
  viewFrame(viewTitle: string): Promise<FrameLocator>;
  runCommand(title: string): Promise<void>;
  /** Switches the colour theme through user settings and waits for the workbench to repaint. */
  setTheme(theme: 'light' | 'dark' | 'high-contrast'): Promise<void>;
  screenshot(name: string): Promise<string>;
  /** Each webview's title, visibility and first words, for failure reports. */
  describeWebviews(): Promise<string>;
  serverLog(): string;
  /** Everything the page and its frames logged to the console so far. */
  consoleMessages(): readonly string[];
  close(): Promise<void>;
}

const openWorkbenches = new Set<Workbench>();
export function currentWorkbenches(): Workbench[] {
  return [...openWorkbenches];
}

// ---------------------------------------------------------------- installs

interface CodeServer {
  node: string;
  entry: string;
}
let codeServer: CodeServer | undefined;

export function ensureCodeServer(): CodeServer {
  if (codeServer) return codeServer;
  const out = execFileSync('bash', [path.join(REPO_ROOT, 'scripts/ensure-code-server.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const node = /^NODE24=(.+)$/m.exec(out)?.[1];
  const entry = /^ENTRY=(.+)$/m.exec(out)?.[1];
  if (!node || !entry) throw new Error(`ensure-code-server.sh printed no paths:\n${out}`);
  codeServer = { node, entry };
  return codeServer;
}

let vsixPath: string | undefined;

/** The .vsix under test: LIP_VSIX if the runner built it, else package now (under a lock). */
export function ensureVsix(): string {
  if (vsixPath) return vsixPath;
  const given = process.env.LIP_VSIX;
  if (given && fs.existsSync(given)) return (vsixPath = given);
  // A private copy: a parallel run's production build empties dist/ before it packages.
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lip-vsix-')), 'learn-in-public.vsix');
  withLock(path.join(os.tmpdir(), 'learn-in-public-package.lock'), () => {
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    fs.copyFileSync(path.join(REPO_ROOT, 'dist', 'learn-in-public.vsix'), copy);
  });
  return (vsixPath = copy);
}

function withLock(lockDir: string, fn: () => void): void {
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 5 * 60_000) fs.rmSync(lockDir, { recursive: true, force: true }); // stale lock
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockDir}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250); // block briefly, then retry
    }
  }
  try {
    fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- browser

let browser: Browser | undefined;
async function getBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: process.env.LIP_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return browser;
}
export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

// ---------------------------------------------------------------- server

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`code-server exited with code ${server.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200)); // polling interval, not a wait for behaviour
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms`);
}

function defaultSettings(opts: LaunchOptions): Record<string, unknown> {
  return {
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'git.enabled': false,
    'workbench.colorTheme':
      opts.theme === 'light' ? 'Default Light Modern' : opts.theme === 'high-contrast' ? 'Default High Contrast' : opts.theme === 'high-contrast-light' ? 'Default High Contrast Light' : 'Default Dark Modern',
    'security.workspace.trust.enabled': opts.trusted ? false : true,
    'security.workspace.trust.startupPrompt': 'never',
    'window.commandCenter': false,
  };
}

export async function launchWorkbench(opts: LaunchOptions): Promise<Workbench> {
  const cs = ensureCodeServer();
  const vsix = ensureVsix();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lip-wb-'));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...defaultSettings(opts), ...opts.settings }, null, 2),
  );
  if (opts.machineSettings) {
    fs.mkdirSync(path.join(userDataDir, 'Machine'), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'Machine', 'settings.json'), JSON.stringify(opts.machineSettings, null, 2));
  }
  execFileSync(cs.node, [cs.entry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const serverLogFile = path.join(tmp, 'code-server.log');

  let server: ChildProcess | undefined;
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const logFd = fs.openSync(serverLogFile, 'a');
    server = spawn(
      cs.node,
      [cs.entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
        '--ignore-last-opened', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, ...(opts.workspace ? [opts.workspace] : [])],
      { env: { ...process.env, ...opts.env }, stdio: ['ignore', logFd, logFd], detached: true },
    );
    fs.closeSync(logFd);
    try {
      await waitForHttp(`http://127.0.0.1:${port}/healthz`, server, 30_000);
      break;
    } catch (err) {
      killTree(server);
      if (attempt >= 2) throw new Error(`${(err as Error).message}\n--- code-server log ---\n${readTail(serverLogFile)}`);
    }
  }

  const context = await (await getBrowser()).newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  await page.goto(opts.workspace ? `http://127.0.0.1:${port}/?folder=${encodeURIComponent(opts.workspace)}` : `http://127.0.0.1:${port}/?ew=true`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.activitybar').waitFor({ timeout: 60_000 });

  const globalStorage = path.join(userDataDir, 'User', 'globalStorage', PUBLISHER_ID);
  // Each webview is an <iframe class="webview"> whose inner #active-frame holds our page.
  // Sibling views are told apart by the page's <title>, which the host sets to the view's name.
  const findViewFrame = async (viewTitle: string): Promise<FrameLocator> => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const count = await page.locator('iframe.webview').count();
      for (let i = 0; i < count; i++) {
        const frame = page.frameLocator('iframe.webview').nth(i).frameLocator('iframe#active-frame');
        const title = await frame.locator('title').textContent({ timeout: 500 }).catch(() => null);
        if (title === viewTitle) {
          await frame.locator('#root').waitFor({ state: 'attached', timeout: 30_000 });
          return frame;
        }
      }
      if (Date.now() > deadline) throw new Error(`No webview titled "${viewTitle}" appeared (found ${count} webviews)`);
      await page.waitForTimeout(250); // polling interval while the view's webview is created
    }
  };
  const wb: Workbench = {
    page,
    userDataDir,
    globalStorage,
    serverLogFile,
    async openView(containerTitle = 'Learn in Public') {
      const icon = page.locator(`.activitybar [aria-label^="${containerTitle}"]`).first();
      await icon.waitFor({ timeout: 60_000 });
      const title = page.locator(`.sidebar .composite.title [aria-label], .sidebar .title-label`).first();
      const expanded = await icon.getAttribute('aria-expanded').catch(() => null);
      const checked = await icon.getAttribute('aria-checked').catch(() => null);
      if (expanded !== 'true' && checked !== 'true') await icon.click();
      // The icon toggles the side bar: if it was open after all (its state attributes lag
      // behind focus changes), that click closed it, and a second one opens it again.
      if (!(await title.waitFor({ timeout: 5_000 }).then(() => true, () => false))) await icon.click();
      await title.waitFor({ timeout: 30_000 });
    },
    async viewFrame(viewTitle: string) {
      const frame = await findViewFrame(viewTitle);
      // The webview's script and styles come through code-server's service worker, which
      // answers 408 when a resource takes over 30 s (a loaded CI machine). The page then stays
      // blank for good, as it would for a user until they reload it: do what they would, once.
      // The shell's own loading line is there from the first paint: drawn means the script replaced it.
      const drawn = frame.locator('#root > :not(.lip-loading)').first();
      if (await drawn.waitFor({ state: 'attached', timeout: 40_000 }).then(() => true, () => false)) return frame;
      const timedOut = consoleLines.filter((l) => /status of 408/.test(l)).length;
      console.log(`[harness] "${viewTitle}" is still blank after 40 s (${timedOut} resource requests timed out with 408); reloading the webviews once\n${await wb.describeWebviews()}`);
      await wb.screenshot(`blank-webview-${viewTitle.replace(/\W+/g, '-')}`);
      await runExactCommand(page, 'Developer: Reload Webviews');
      const reloaded = await findViewFrame(viewTitle);
      await reloaded.locator('#root > :not(.lip-loading)').first().waitFor({ state: 'attached', timeout: 60_000 });
      return reloaded;
    },
    async runCommand(title: string) {
      await page.locator('.monaco-workbench').click({ position: { x: 5, y: 400 } }).catch(() => undefined);
      await runPaletteRow(page, title, page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first());
    },
    async setTheme(theme) {
      // Through the theme picker, as a user would (code-server does not reload a settings
      // file edited behind its back). Each step waits for the picker, and a lost step is retried.
      const label = theme === 'light' ? 'Light Modern' : theme === 'dark' ? 'Dark Modern' : 'Dark High Contrast';
      const themeClass = theme === 'light' ? 'vs' : theme === 'dark' ? 'vs-dark' : 'hc-black';
      const input = page.locator('.quick-input-widget input');
      const row = page
        .locator('.quick-input-widget .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) })
        .first();
      for (let attempt = 1; ; attempt++) {
        try {
          await runExactCommand(page, 'Preferences: Color Theme');
          await page.locator('.quick-input-widget input[placeholder*="Color Theme" i], .quick-input-widget input[aria-label*="Color Theme" i]').waitFor({ timeout: 15_000 });
          await input.fill(label);
          await row.waitFor({ timeout: 10_000 });
          await row.click();
          await page.locator(`.monaco-workbench.${themeClass}`).waitFor({ state: 'attached', timeout: 15_000 });
          return;
        } catch (err) {
          await page.keyboard.press('Escape').catch(() => undefined);
          if (attempt >= 3) throw err;
        }
      }
    },
    async screenshot(name: string) {
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      const file = path.join(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async describeWebviews() {
      const lines: string[] = [];
      const count = await page.locator('iframe.webview').count();
      for (let i = 0; i < count; i++) {
        const frame = page.frameLocator('iframe.webview').nth(i).frameLocator('iframe#active-frame');
        const body = frame.locator('body');
        const title = await frame.locator('title').textContent({ timeout: 1_000 }).catch(() => '?');
        const visible = await body.isVisible().catch(() => false);
        const text = ((await body.innerText({ timeout: 1_000 }).catch(() => '')) || '').replace(/\s+/g, ' ').slice(0, 300);
        lines.push(`#${i} "${title}" ${visible ? 'visible' : 'hidden'}: ${text}`);
      }
      const sidebar = (await page.locator('.sidebar').isVisible().catch(() => false)) ? 'side bar open' : 'side bar closed';
      return `${sidebar}; ${count} webviews\n${lines.join('\n')}`;
    },
    serverLog() {
      return readTail(serverLogFile) + (consoleLines.length ? `\n--- browser console (last 40) ---\n${consoleLines.slice(-40).join('\n')}` : '');
    },
    consoleMessages() {
      return consoleLines;
    },
    async close() {
      openWorkbenches.delete(wb);
      await context.close().catch(() => undefined);
      killTree(server);
      if (!process.env.LIP_KEEP_TEMP) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  openWorkbenches.add(wb);
  return wb;
}

function killTree(child: ChildProcess | undefined): void {
  if (!child?.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

function readTail(file: string, maxChars = 6000): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.length > maxChars ? `…${text.slice(-maxChars)}` : text;
  } catch {
    return '(no server log)';
  }
}

/** Polls `check` until it returns a truthy value (for conditions on disk, not in the DOM). */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 100)); // polling interval
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

/** A temp folder for a test workspace, removed by the caller. */
export function makeTempDir(prefix = 'lip-ws-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Runs a command by its exact palette label (so "New Post" never picks "New Post from
 * Selection"). Right after start-up the extension's commands may not be listed yet: reopen
 * the palette until they are.
 */
export async function runExactCommand(page: Page, label: string): Promise<void> {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await runPaletteRow(page, label, page.locator('.quick-input-widget .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first());
}

/**
 * Runs a command that opens a quick pick, filters it with `query` and clicks the row showing
 * `rowText`. A quick pick closes when something else takes focus (an editor or a webview that
 * is still settling after a reload), so a pick that vanishes is opened again by re-running
 * the command.
 */
export async function runCommandAndPick(page: Page, label: string, query: string, rowText: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: rowText }).first();
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      await runExactCommand(page, label);
      await input.waitFor({ timeout: 15_000 });
      await input.fill(query, { timeout: 5_000 });
      await row.waitFor({ timeout: 10_000 });
      await row.click({ timeout: 5_000 });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  }
}

/**
 * Types `>query` into the command palette and clicks `row` (Enter would run whichever row is
 * highlighted, which may be another). F1 can be lost while the workbench is starting or busy,
 * and commands may not be listed yet right after start-up: the palette is reopened until the
 * row shows.
 */
async function runPaletteRow(page: Page, query: string, row: Locator): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ timeout: 15_000 });
      await input.fill(`>${query}`);
      await row.waitFor({ timeout: 5_000 });
      // In the loop too: a palette that closes under us (an editor taking focus) is opened again.
      await row.click({ timeout: 5_000 });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  }
}

/**
 * Opens the Getting Started walkthrough and closes it again. VS Code starts its walkthrough
 * service, which listens for the steps' completion events, only when something needs it: the
 * Welcome page at a user's first start does, but tests start without it. Call this before the
 * action whose step `expectWalkthroughStepDone` then checks.
 */
export async function openWalkthroughOnce(wb: Workbench): Promise<void> {
  await wb.runCommand('Welcome: Open Walkthrough');
  await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Learn in Public' }).first().click({ timeout: 30_000 });
  await wb.page.locator('button.getting-started-step', { hasText: 'Open your career checklist' }).first().waitFor({ timeout: 30_000 });
  await runExactCommand(wb.page, 'View: Close Editor');
  await wb.page.locator('button.getting-started-step').first().waitFor({ state: 'detached', timeout: 30_000 });
}

/**
 * Opens the Getting Started walkthrough, waits until the step titled `stepTitle` shows as done
 * (its checkbox is ticked), and closes the walkthrough again.
 */
export async function expectWalkthroughStepDone(wb: Workbench, stepTitle: string): Promise<void> {
  const { page } = wb;
  await wb.runCommand('Welcome: Open Walkthrough');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Learn in Public' }).first().click({ timeout: 30_000 });
  await page.locator('button.getting-started-step', { hasText: stepTitle }).first().waitFor({ timeout: 30_000 });
  await page.locator('button.getting-started-step[aria-checked="true"]', { hasText: stepTitle }).first().waitFor({ timeout: 15_000 });
  await runExactCommand(page, 'View: Close Editor');
  await page.locator('button.getting-started-step').first().waitFor({ state: 'detached', timeout: 30_000 });
}

// Wiring only: create the log, let each capability register itself. Nothing heavy here —
// capabilities load their big modules (git, the front-matter parser, catalogs) on first use.
import * as vscode from 'vscode';
import { FEATURES } from './features';

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Learn in Public', { log: true });
  context.subscriptions.push(log);
  const perFeature: Record<string, number> = {};
  for (const register of FEATURES) {
    const featureStarted = performance.now();
    try {
      register({ context, log });
      perFeature[register.name || 'feature'] = performance.now() - featureStarted;
    } catch (err) {
      // One broken capability must not take the others down with it.
      log.error(`A feature failed to register: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
  }
  const ms = performance.now() - started;
  log.info(`Activated in ${ms.toFixed(1)} ms`);
  if (process.env.LIP_ACTIVATION_REPORT) {
    // The activation benchmark reads this file (bench/activation.ts).
    require('node:fs').writeFileSync(process.env.LIP_ACTIVATION_REPORT, JSON.stringify({ activateMs: ms, perFeature }));
  }
}

export function deactivate(): void {
  // Every disposable lives in context.subscriptions.
}

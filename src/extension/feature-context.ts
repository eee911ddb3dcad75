import type * as vscode from 'vscode';

/** What every capability's register() receives. */
export interface FeatureContext {
  readonly context: vscode.ExtensionContext;
  /** The "Learn in Public" output channel (View → Output). */
  readonly log: vscode.LogOutputChannel;
}

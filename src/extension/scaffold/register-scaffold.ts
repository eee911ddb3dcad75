// Scaffolding: New Post, New Post from Selection, New TIL and New Project README.
// Registering is cheap: site detection, templates, the front-matter parser and git load on first use.
import * as vscode from 'vscode';
import type { FeatureContext } from '../feature-context';
import { sayError } from '../notices';

export const SCAFFOLD_COMMANDS = {
  newPost: 'learnInPublic.newPost',
  newPostFromSelection: 'learnInPublic.newPostFromSelection',
  newTil: 'learnInPublic.newTil',
  newProjectReadme: 'learnInPublic.newProjectReadme',
} as const;

export function registerScaffold(feature: FeatureContext): void {
  const run = (action: (commands: typeof import('./scaffold-commands')) => Promise<void>) => async () => {
    try {
      await action(await import('./scaffold-commands'));
    } catch (err) {
      feature.log.error(`Scaffold: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      void vscode.window.showErrorMessage(sayError(err));
    }
  };
  feature.context.subscriptions.push(
    vscode.commands.registerCommand(SCAFFOLD_COMMANDS.newPost, run((c) => c.newPost(feature, 'post'))),
    vscode.commands.registerCommand(SCAFFOLD_COMMANDS.newTil, run((c) => c.newPost(feature, 'til'))),
    vscode.commands.registerCommand(SCAFFOLD_COMMANDS.newPostFromSelection, run((c) => c.newPost(feature, 'selection'))),
    vscode.commands.registerCommand(SCAFFOLD_COMMANDS.newProjectReadme, run((c) => c.newProjectReadme(feature))),
  );
}

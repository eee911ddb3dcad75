// The Getting Started walkthrough ticks a step on `onCommand:` only when the workbench runs the
// command (the palette, a menu). A button in our webviews runs it inside the extension host,
// which the walkthrough never sees: those steps also tick on these context keys, set when the
// thing is actually done, however it was started.
import * as vscode from 'vscode';

export const WALKTHROUGH_DONE = {
  postCreated: 'learnInPublic.walkthrough.postCreated',
  readmeWritten: 'learnInPublic.walkthrough.readmeWritten',
} as const;

export function markWalkthroughDone(key: (typeof WALKTHROUGH_DONE)[keyof typeof WALKTHROUGH_DONE]): void {
  void vscode.commands.executeCommand('setContext', key, true);
}

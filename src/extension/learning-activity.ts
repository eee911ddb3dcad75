// Learning that is not in git — a checklist step done, an interview question rated — also
// keeps a streak. The checklist and practice features say when theirs changed; the tracker
// then redraws its streak from their files, without running git.
import * as vscode from 'vscode';

const emitter = new vscode.EventEmitter<void>();

/** Fires when the checklist or the practice history changed. */
export const onDidChangeLearningActivity = emitter.event;

export function learningActivityChanged(): void {
  emitter.fire();
}

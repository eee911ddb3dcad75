// Pure logic: stays free of vscode.
// The one way the core fills a message template, shared by the tracker's notices
// (tracker/tracker-messages.ts) and everyone else's (notices.ts).

/** Fills `{0}`-style slots the way vscode.l10n.t does; a slot without a value stays as written. */
export function fillTemplate(template: string, values: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (match, i: string) => values[Number(i)] ?? match);
}

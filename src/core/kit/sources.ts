// Pure logic: stays free of vscode.
// The seed documents the kit's advice comes from. Every question, step and tip in the
// templates names one of these, and the rendered files cite them.

export interface SourceDocument {
  /** File name in the project's seed collection. */
  readonly file: string;
  /** What a reader would call it. */
  readonly title: string;
}

export const SOURCES = {
  careerInAi: { file: '004_93e24c764982b9b4.txt', title: '"How to Build Your Career in AI", chapters 10 and 11' },
  negotiation: { file: '000_5534f9212d9dcf8f.txt', title: 'Career Connection: negotiating salary' },
  firstDay: { file: '001_f65caf9f471f906a.txt', title: 'Career Connection: starting a new job' },
} as const satisfies Record<string, SourceDocument>;

export type SourceKey = keyof typeof SOURCES;

/** `Source: title (004_….txt)` — the citation line under each section: what a reader knows it by, then the file. */
export function citation(...keys: SourceKey[]): string {
  const unique = [...new Set(keys)];
  return `<sub>Source: ${unique.map((k) => `${SOURCES[k].title} (${SOURCES[k].file})`).join('; ')}</sub>`;
}

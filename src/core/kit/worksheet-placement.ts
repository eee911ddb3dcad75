// Pure logic: stays free of vscode.
// What "Open Offer Worksheet" does, given where the setting points and where the user's
// worksheet already is. Never two copies by accident, never a silent move.
import * as path from 'node:path';

export interface WorksheetSituation {
  /** Where the setting says the worksheet belongs. */
  readonly target: string;
  readonly targetExists: boolean;
  /** The worksheet last opened or created (remembered across sessions), if any. */
  readonly remembered: string | undefined;
  readonly rememberedExists: boolean;
  /** A folder the user chose not to move the worksheet to. */
  readonly declinedFolder: string | undefined;
}

export type WorksheetAction =
  /** Open this existing file as it is. */
  | { readonly kind: 'open'; readonly file: string }
  /** Ask whether to move `from` to the target (warning first if the target is in a public repository). */
  | { readonly kind: 'offer-move'; readonly from: string }
  /** Create a fresh worksheet at the target (warning first if it is in a public repository). */
  | { readonly kind: 'create' };

export function decideWorksheetAction(s: WorksheetSituation): WorksheetAction {
  if (s.targetExists) return { kind: 'open', file: s.target };
  const elsewhere = s.remembered !== undefined && s.rememberedExists && path.resolve(s.remembered) !== path.resolve(s.target);
  if (!elsewhere) return { kind: 'create' };
  const remembered = s.remembered as string;
  if (s.declinedFolder !== undefined && path.resolve(s.declinedFolder) === path.resolve(path.dirname(s.target))) {
    return { kind: 'open', file: remembered };
  }
  return { kind: 'offer-move', from: remembered };
}

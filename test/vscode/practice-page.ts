import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { waitFor, type Workbench } from './harness';

// The Practice Session panel and its history file, as the real-VS-Code tests read them.

export function historyLines(wb: Workbench): string[] {
  const file = path.join(wb.globalStorage, 'practice', 'history.jsonl');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()) : [];
}

/** The practice panel beside the editor: the webview frame whose page is in session mode. */
export async function panelFrame(wb: Workbench): Promise<Frame> {
  return waitFor(async () => {
    for (const frame of wb.page.frames()) {
      const mode = await frame.evaluate('document.body && document.body.dataset.mode').catch(() => undefined);
      if (mode === 'session') return frame;
    }
    return undefined;
  }, 'the practice panel', 60_000);
}

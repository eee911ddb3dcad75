import type { FrameLocator, Locator } from 'playwright-core';
import type { Workbench } from './harness';

// The Career Checklist sidebar as the real-VS-Code tests drive it.

export function item(frame: FrameLocator, key: string): Locator {
  return frame.locator(`li.item[data-key="${key}"]`);
}

/** Collapses the other views of the container, so the checklist gets the whole sidebar. */
export async function collapseOtherViews(wb: Workbench): Promise<void> {
  const headers = wb.page.locator('.sidebar .pane-header[aria-expanded="true"]');
  for (let i = (await headers.count()) - 1; i >= 0; i--) {
    const header = headers.nth(i);
    if (!((await header.textContent()) ?? '').includes('Career Checklist')) await header.click();
  }
}

/** Opens the Career Checklist and returns its webview, once items are drawn. */
export async function openChecklist(wb: Workbench): Promise<FrameLocator> {
  await wb.openView();
  await collapseOtherViews(wb);
  const frame = await wb.viewFrame('Career Checklist');
  await frame.locator('li.item vscode-checkbox').first().waitFor({ state: 'attached', timeout: 60_000 });
  return frame;
}

/** Expands a section the way a user does, by clicking its header. */
export async function openSection(frame: FrameLocator, key: string): Promise<void> {
  const section = frame.locator(`vscode-collapsible[data-section="${key}"]`);
  if (!(await section.evaluate((el) => (el as unknown as { open: boolean }).open))) await section.click({ position: { x: 40, y: 10 } });
  await frame.locator(`vscode-collapsible[data-section="${key}"] li.item`).first().waitFor();
}

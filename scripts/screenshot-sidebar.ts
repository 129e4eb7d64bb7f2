// Finding the sidebar in a webmail tab and knowing when it shows its list, for `npm run screenshots`.
import type { Frame, Page } from '@playwright/test';

/** How long any one wait may take before the picture counts as failed. */
export const WAIT_MS = 20_000;

/** The sidebar iframe, found by its address: the dock's shadow root may be closed to us. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().includes('/sidebar.html') && !candidate.isDetached());
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('the sidebar iframe never appeared (is the dock mounted?)');
    await page.waitForTimeout(100);
  }
}

/** Rows shown and no count still loading ('·'); runs in the sidebar document. */
export function listIsReady(): boolean {
  return (
    document.querySelector('[data-testid="email-row"]') !== null &&
    document.querySelector('[data-testid="email-list"][aria-busy="true"]') === null &&
    [...document.querySelectorAll('[data-testid^="folder-count-"]')].every((count) => count.textContent !== '·')
  );
}

/** The list is ready and (demo) the demo switch settled; fonts loaded. */
export async function waitForList(frame: Frame, { demo }: { demo: boolean }): Promise<void> {
  await frame.waitForFunction(listIsReady, undefined, { timeout: WAIT_MS });
  if (demo) await frame.locator('[data-testid="demo-switch"]:checked:not([disabled])').waitFor({ state: 'attached', timeout: WAIT_MS });
  await frame.evaluate(() => document.fonts.ready.then(() => undefined));
}

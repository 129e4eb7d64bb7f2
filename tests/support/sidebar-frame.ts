import type { Frame, Page } from '@playwright/test';

// The dock's shadow root is closed (the webmail page must not reach our frame), so no selector
// finds the sidebar iframe: tests, benchmarks and scripts find its frame by its address.

export function isSidebarFrame(frame: Frame): boolean {
  return (
    !frame.isDetached() &&
    frame.url().startsWith('chrome-extension://') &&
    new URL(frame.url()).pathname === '/sidebar.html'
  );
}

/** The sidebar's frame in a webmail tab, waiting up to `timeoutMs` for it to appear. */
export async function findSidebarFrame(page: Page, timeoutMs = 20_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find(isSidebarFrame);
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('the sidebar iframe never appeared (is the dock mounted?)');
    await page.waitForTimeout(100);
  }
}

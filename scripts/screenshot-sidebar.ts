// Finding the sidebar in a webmail tab and knowing when it shows its list, for `npm run screenshots`.
import type { Frame, Page } from '@playwright/test';
import { findSidebarFrame } from '../tests/support/sidebar-frame.ts';

/** How long any one wait may take before the picture counts as failed. */
export const WAIT_MS = 20_000;

/** The sidebar iframe, found by its address: the dock's shadow root is closed to us. */
export const sidebarFrame = (page: Page): Promise<Frame> => findSidebarFrame(page, WAIT_MS);

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
  if (demo)
    await frame
      .locator('[data-testid="demo-switch"]:checked:not([disabled])')
      .waitFor({ state: 'attached', timeout: WAIT_MS });
  await frame.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * What a rep could not read in the sidebar as drawn (runs in the sidebar document): tabs out of
 * sight or cut, a cut title, the close button off the edge, anything wider than the sidebar.
 */
export function layoutProblems(): string[] {
  const width = document.documentElement.clientWidth;
  const cut = (element: Element) => element.scrollWidth > element.clientWidth + 1;
  const problems: string[] = [];
  for (const tab of document.querySelectorAll<HTMLElement>('[role=tablist] [role=tab]')) {
    const box = tab.getBoundingClientRect();
    if (box.left < -0.5 || box.right > width + 0.5 || cut(tab))
      problems.push(`tab "${tab.innerText.replace(/\s+/g, ' ')}" cut or out of sight`);
  }
  const title = document.querySelector('.title');
  if (title && cut(title)) problems.push('title cut');
  const close = document.querySelector('[data-testid="close-sidebar"]');
  if (close && close.getBoundingClientRect().right > width + 0.5) problems.push('close button off the edge');
  if (document.documentElement.scrollWidth > width + 1)
    problems.push(`content ${document.documentElement.scrollWidth} px wide in a ${width} px sidebar`);
  return problems;
}

import { expect, type Page } from '@playwright/test';
import type { LaunchedExtension } from './launch-extension.ts';

/**
 * Stops the extension's service worker the way Chrome does when it is idle (CDP, from `page`,
 * an extension page), and waits until it has stopped. Returns the worker's states as they come,
 * so a test can see it start again (`running` after `stopped`).
 */
export async function stopServiceWorker(extension: LaunchedExtension, page: Page): Promise<string[]> {
  const cdp = await extension.context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) =>
    statuses.push(...versions.map((version) => version.runningStatus)),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => statuses.includes('stopped')).toBe(true);
  return statuses;
}

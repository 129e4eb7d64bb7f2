import type { BrowserContext, Frame, Page } from '@playwright/test';
import { fmt } from './stats.ts';

interface WorkerStatus {
  status: string;
  at: number;
}

/**
 * Puts the extension's service worker to sleep before a Send, as Chrome does to an idle one
 * (CDP `ServiceWorker.stopAllWorkers`, as worker-restart.spec.ts does). The sidebar's port
 * reconnects at once when the worker stops (live-client.ts) and starts it again within a few ms
 * (measured 2026-12-01): the sidebar's script is paused in the debugger meanwhile, so the Send is
 * what wakes the worker, the worst case a rep can meet. The CDP session is the webmail page's:
 * extension pages share the paused sidebar's process, and a session there stops answering.
 */
export async function watchWorker(context: BrowserContext, webmail: Page, sidebar: Frame) {
  const cdp = await context.newCDPSession(webmail);
  const statuses: WorkerStatus[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) =>
    statuses.push(...versions.map((version) => ({ status: version.runningStatus, at: performance.now() }))),
  );
  await cdp.send('ServiceWorker.enable');
  const sidebarCdp = await context.newCDPSession(sidebar);
  await sidebarCdp.send('Debugger.enable');

  return {
    /** Stops the worker and sees it stay asleep for a moment; how many tries that took. */
    async putToSleep(): Promise<number> {
      await sidebarCdp.send('Debugger.pause');
      // Other wake-ups are real (alarms: undo-windows.ts, the tracking sync; an earlier send's Undo
      // window ending in the tab): after one, stop it again.
      for (let attempt = 1; attempt <= 5; attempt++) {
        statuses.length = 0;
        await cdp.send('ServiceWorker.stopAllWorkers');
        const deadline = Date.now() + 5_000;
        while (!statuses.some((entry) => entry.status === 'stopped')) {
          if (Date.now() > deadline) throw new Error('the service worker did not stop');
          await new Promise((done) => setTimeout(done, 5));
        }
        await new Promise((done) => setTimeout(done, 100));
        const stoppedAt = statuses.findLastIndex((entry) => entry.status === 'stopped');
        if (statuses.slice(stoppedAt).every((entry) => entry.status === 'stopped')) return attempt;
      }
      throw new Error(`the worker kept waking before the Send: ${statuses.map((entry) => entry.status).join(', ')}`);
    },
    releaseSidebar: () => sidebarCdp.send('Debugger.resume'),
    /** The worker's states, in ms from `from` (negative: before it). */
    timeline: (from: number) => statuses.map((entry) => `${entry.status} ${fmt(entry.at - from, 0)}`).join(', '),
  };
}

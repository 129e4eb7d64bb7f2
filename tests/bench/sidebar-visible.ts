import { launchWithExtension, openControlPage, sendCommandFrom } from '../support/launch-extension.ts';
import { findSidebarFrame } from '../support/sidebar-frame.ts';
import { GMAIL_INBOX_URL, serveWebmail } from '../support/webmail-routes.ts';

/**
 * Time from the content script's first line to the folder counts painted in the sidebar,
 * on the Gmail fixture with the demo mailbox, over `runs` fresh page loads.
 */
export async function measureSidebarVisible(runs = 5): Promise<number[]> {
  const launched = await launchWithExtension();
  try {
    await serveWebmail(launched.context);
    const control = await openControlPage(launched);
    await sendCommandFrom(control, 'demo.seed', {});
    await control.close();
    const page = await launched.context.newPage();
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      // A new query string is a new document load (a changed hash would not be).
      await page.goto(GMAIL_INBOX_URL.replace('#', `?run=${run}#`));
      const frame = await findSidebarFrame(page, 10_000);
      await frame.locator('html[data-visible-at]').waitFor({ state: 'attached', timeout: 10_000 });
      const startedAt = Number(await page.locator('icc-dock').getAttribute('data-started-at'));
      const visibleAt = Number(await frame.locator('html').getAttribute('data-visible-at'));
      samples.push(visibleAt - startedAt);
    }
    return samples;
  } finally {
    await launched.close();
  }
}

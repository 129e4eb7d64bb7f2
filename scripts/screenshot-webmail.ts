// Opening one webmail fixture tab for `npm run screenshots`, with the dock at a given width, and
// noting what went wrong in it (a dialog the email text opened, a page error, our console errors).
import type { Frame, Page } from '@playwright/test';
import type { LaunchedExtension } from '../tests/support/launch-extension.ts';
import { GMAIL_INBOX_URL, OUTLOOK_MAIL_URL, serveWebmail, type WebmailPages } from '../tests/support/webmail-routes.ts';
import { sidebarFrame } from './screenshot-sidebar.ts';

export const SITES = { gmail: GMAIL_INBOX_URL, outlook: OUTLOOK_MAIL_URL } as const;
export type Site = keyof typeof SITES;
export const SITE_NAMES = Object.keys(SITES) as Site[];

export const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
export type Viewport = (typeof VIEWPORTS)[number];
export const viewportName = (viewport: Viewport) => `${viewport.width}x${viewport.height}`;

export interface WebmailTab {
  site: Site;
  viewport: Viewport;
  width: number;
  /** Names the picture in warnings (an alert() the email text managed to run, a page error). */
  label: string;
  /** Other fixture pages for this tab only (the changed-markup ones). */
  pages?: WebmailPages;
  /** Source run in the page before its own scripts (e.g. to take a compose hook away). */
  initScript?: string;
}

/** Stores the dock width for the site, opens the webmail in a new tab (the dock reads the width as it mounts), closes it after. */
export async function withWebmail(
  launched: LaunchedExtension,
  control: Page,
  tab: WebmailTab,
  warnings: string[],
  use: (page: Page, frame: Frame) => Promise<void>,
): Promise<void> {
  await control.evaluate(([key, width]) => chrome.storage.local.set({ [key]: { open: true, width } }), [
    `dock:${tab.site}`,
    tab.width,
  ] as const);
  const page = await launched.context.newPage();
  try {
    page.on('dialog', (dialog) => {
      warnings.push(
        `${tab.label}: the page showed a ${dialog.type()} "${dialog.message()}" (email text ran as script?)`,
      );
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => warnings.push(`${tab.label}: page error: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      // Our debug lines (a compose opened) are no trouble; on a changed-markup page, neither is
      // the layout not being recognised: that is what the page is for.
      if (!text.startsWith('[command-center]') || !['warning', 'error'].includes(message.type())) return;
      if (tab.pages && text.includes('layout not recognised')) return;
      warnings.push(`${tab.label}: console ${message.type()}: ${text}`);
    });
    let sidebarLoads = 0;
    page.on('framenavigated', (frame) => {
      if (frame.url().includes('/sidebar.html')) sidebarLoads += 1;
    });
    // A page's routes come before the context's: this tab alone gets the other fixture.
    if (tab.pages) await serveWebmail(page, tab.pages);
    if (tab.initScript) await page.addInitScript({ content: tab.initScript });
    await page.setViewportSize(tab.viewport);
    await page.goto(SITES[tab.site]);
    await use(page, await sidebarFrame(page));
    if (sidebarLoads > 1) warnings.push(`${tab.label}: the sidebar iframe loaded ${sidebarLoads} times in one visit`);
  } finally {
    await page.close();
  }
}

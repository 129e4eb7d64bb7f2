import { test as base, expect, type Page } from '@playwright/test';
import { launchWithExtension, openControlPage, sendCommandFrom, type LaunchedExtension, type LaunchOptions } from '../support/launch-extension.ts';
import { GMAIL_INBOX_URL, serveWebmail, type WebmailPages } from '../support/webmail-routes.ts';
import { SidebarPage } from './pages/sidebar.ts';

interface Fixtures {
  /** Which fixture pages to serve; override per test with test.use({ webmailPages }). */
  webmailPages: WebmailPages;
  /** How Chromium starts (UI language, window size); override per test with test.use({ launch }). */
  launch: LaunchOptions;
  extension: LaunchedExtension;
  /** An extension page that sends commands as any of our UIs would. */
  control: Page;
  command: (name: string, args: unknown, id?: string) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  /** Opens a webmail page (Gmail by default) in a new tab and waits for the docked sidebar. */
  openSidebar: (url?: string) => Promise<SidebarPage>;
}

export const test = base.extend<Fixtures>({
  webmailPages: [{}, { option: true }],
  launch: [{}, { option: true }],
  extension: async ({ webmailPages, launch }, use) => {
    const extension = await launchWithExtension(launch);
    await serveWebmail(extension.context, webmailPages);
    await use(extension);
    await extension.close();
  },
  control: async ({ extension }, use) => {
    await use(await openControlPage(extension));
  },
  command: async ({ control }, use) => {
    await use(async (name, args, id) => (await sendCommandFrom(control, name, args, id)) as Awaited<ReturnType<Fixtures['command']>>);
  },
  openSidebar: async ({ extension }, use) => {
    await use(async (url = GMAIL_INBOX_URL) => {
      const sidebar = new SidebarPage(await extension.context.newPage());
      await sidebar.page.goto(url);
      await sidebar.waitUntilVisible();
      return sidebar;
    });
  },
});

export { expect };

import { test as base, expect, type Page } from '@playwright/test';
import type { CommandArgs, CommandName, CommandResponse, CommandResult } from '../../lib/messaging/protocol.ts';
import {
  type LaunchedExtension,
  type LaunchOptions,
  launchWithExtension,
  openControlPage,
  sendCommandFrom,
  sendRawCommandFrom,
} from '../support/launch-extension.ts';
import { GMAIL_INBOX_URL, serveWebmail, type WebmailPages } from '../support/webmail-routes.ts';
import type { WebmailSends } from '../support/webmail-sends.ts';
import { SidebarPage } from './pages/sidebar.ts';

export type SendCommand = <N extends CommandName>(
  name: N,
  args: CommandArgs<N>,
  id?: string,
) => Promise<CommandResponse<CommandResult<N>>>;

interface Fixtures {
  /** Which fixture pages to serve; override per test with test.use({ webmailPages }). */
  webmailPages: WebmailPages;
  /** How Chromium starts (UI language, window size); override per test with test.use({ launch }). */
  launch: LaunchOptions;
  extension: LaunchedExtension;
  /** What the fixture webmails posted to their send endpoints (tests/support/webmail-sends.ts). */
  webmailSends: WebmailSends;
  /** An extension page that sends commands as any of our UIs would. */
  control: Page;
  /** Sends a command as our UIs do, typed from its definition in lib/messaging/commands.ts. */
  command: SendCommand;
  /** Sends anything at all (unknown names, malformed arguments): for the security tests. */
  rawCommand: (name: string, args: unknown, id?: string) => Promise<CommandResponse>;
  /** Opens a webmail page (Gmail by default) in a new tab and waits for the docked sidebar. */
  openSidebar: (url?: string) => Promise<SidebarPage>;
}

const sendsOf = new WeakMap<LaunchedExtension, WebmailSends>();

export const test = base.extend<Fixtures>({
  webmailPages: [{}, { option: true }],
  launch: [{}, { option: true }],
  extension: async ({ webmailPages, launch }, use) => {
    const extension = await launchWithExtension(launch);
    sendsOf.set(extension, await serveWebmail(extension.context, webmailPages));
    await use(extension);
    await extension.close();
  },
  webmailSends: async ({ extension }, use) => {
    await use(sendsOf.get(extension)!);
  },
  control: async ({ extension }, use) => {
    await use(await openControlPage(extension));
  },
  command: async ({ control }, use) => {
    await use((name, args, id) => sendCommandFrom(control, name, args, id));
  },
  rawCommand: async ({ control }, use) => {
    // Whatever it was sent, the background answers with a response (routeCommand never throws).
    await use(async (name, args, id) => (await sendRawCommandFrom(control, name, args, id)) as CommandResponse);
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

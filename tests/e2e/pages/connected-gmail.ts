import { expect } from '@playwright/test';
import type { LaunchedExtension } from '../../support/launch-extension.ts';
import type { RunningServer } from '../../support/tracking-server.ts';
import { GMAIL_INBOX_URL } from '../../support/webmail-routes.ts';
import { SidebarPage } from './sidebar.ts';

/** Connects the extension to `server` on the options page, as a rep would, then opens the Gmail fixture. */
export async function connectAndOpenGmail(extension: LaunchedExtension, server: Pick<RunningServer, 'url' | 'apiKey'>) {
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByTestId('server-url').fill(server.url);
  await options.getByTestId('server-key').fill(server.apiKey);
  await options.getByRole('button', { name: 'Check and save' }).click();
  await expect(options.getByTestId('server-note')).toHaveText(/Connected/);
  const page = await extension.context.newPage();
  await page.goto(GMAIL_INBOX_URL);
  const sidebar = new SidebarPage(page);
  await sidebar.waitUntilVisible();
  return { options, page, sidebar };
}

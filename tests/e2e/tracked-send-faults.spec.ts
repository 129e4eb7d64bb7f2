import { createServer, type Server } from 'node:net';
import { SEND_NOTICE_TAG } from '../../lib/content/element-names.ts';
import { ClosedShadow } from '../support/closed-shadow.ts';
import { stopServiceWorker } from '../support/stop-worker.ts';
import { type RunningServer, startTrackingServer } from '../support/tracking-server.ts';
import { expect, type SendCommand, test } from './fixtures.ts';
import { ComposeToolbar } from './pages/compose-toolbar.ts';
import { GmailFixture } from './pages/gmail-fixture.ts';
import { SidebarPage } from './pages/sidebar.ts';

// What goes wrong around a send from the rep's own compose: the send is never blocked and never
// lost, one Send is one mail, and the rep is told whenever tracking could not be done.

const SEND_BUDGET_MS = 1500;
let server: RunningServer;
test.beforeAll(async () => {
  server = await startTrackingServer();
});
test.afterAll(async () => {
  await server.stop();
});

const connectTo = async (command: SendCommand, url: string) =>
  expect((await command('tracking.setServer', { server: { url, apiKey: server.apiKey } })).ok).toBe(true);

/** Connected to `url`, Gmail with a link in its compose, and the toolbar saying it will be tracked. */
async function trackedGmail(
  command: SendCommand,
  context: import('@playwright/test').BrowserContext,
  url = server.url,
) {
  await connectTo(command, url);
  const opened = await gmailWithLink(context);
  await expect.poll(() => opened.toolbar.status()).toBe('Tracked');
  return opened;
}

/** Gmail with a link in the compose body, the sidebar docked, and an Undo window of 1 s. */
async function gmailWithLink(context: import('@playwright/test').BrowserContext) {
  const gmail = await GmailFixture.open(context, 1);
  const sidebar = new SidebarPage(gmail.page);
  await sidebar.waitUntilVisible();
  await gmail.body.evaluate((body) => {
    body.innerHTML = '<div>See <a href="https://northwind.example/pricing">pricing</a></div>';
  });
  return { gmail, sidebar, toolbar: new ComposeToolbar(gmail.page) };
}

/**
 * What our toolbar said of the last Send: how long from the click to the webmail's own send
 * handler, and whether it went tracked. Read from its host, kept after the compose is gone.
 */
const lastSend = (host: import('@playwright/test').ElementHandle | null) =>
  host!.evaluate((element) => {
    const { sendMs, tracked } = (element as HTMLElement).dataset;
    return { sendMs: Number(sendMs), tracked: tracked === 'true' };
  });

test('the server stopped: the mail goes out untracked within 1.5 s, the rep is told why, the row says not tracked', async ({
  extension,
  command,
  webmailSends,
}) => {
  const { gmail, sidebar, toolbar } = await trackedGmail(command, extension.context);
  const repsBody = await gmail.bodyHtml();
  const host = await toolbar.host().elementHandle();
  await server.pause();
  try {
    await gmail.sendButton.click();
    await expect(gmail.compose).toHaveCount(0);
    const { sendMs, tracked } = await lastSend(host);
    expect(sendMs).toBeLessThanOrEqual(SEND_BUDGET_MS);
    expect(tracked).toBe(false);
    await expect
      .poll(() => new ClosedShadow(gmail.page, SEND_NOTICE_TAG).text('.text'))
      .toBe('Sent without tracking: The tracking server could not be reached');
    const [sent] = await webmailSends.waitForCount(1);
    expect(sent!.html).toBe(repsBody);
    await sidebar.openFolder('delivered');
    await expect(sidebar.rows().first().getByTestId('row-untracked')).toHaveText(
      'Not tracked: The tracking server could not be reached',
    );
  } finally {
    await server.resume();
  }
});

test('a server that never answers: the mail still goes out within 1.5 s of the click, untracked, and the row says the server was too slow', async ({
  extension,
  command,
  webmailSends,
}) => {
  // Accepts the connection and then says nothing, like a server stuck on a full disk.
  const sockets: import('node:net').Socket[] = [];
  const silent: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
  const address = silent.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const { gmail, sidebar, toolbar } = await trackedGmail(command, extension.context, url);
    const host = await toolbar.host().elementHandle();
    await gmail.sendButton.click();
    await expect(gmail.compose).toHaveCount(0);
    expect(await lastSend(host)).toMatchObject({ tracked: false });
    expect((await lastSend(host)).sendMs).toBeLessThanOrEqual(SEND_BUDGET_MS);
    const [sent] = await webmailSends.waitForCount(1);
    expect(sent!.html).not.toContain('/o/');
    await sidebar.openFolder('delivered');
    await expect(sidebar.rows().first().getByTestId('row-untracked')).toContainText(
      /Not tracked: The tracking server did not answer within/,
    );
  } finally {
    for (const socket of sockets) socket.destroy();
    silent.close();
  }
});

test('a double Send (double click, then Ctrl+Enter) is one registration, one mail, one row', async ({
  extension,
  command,
  webmailSends,
}) => {
  const { gmail, sidebar } = await trackedGmail(command, extension.context);
  await gmail.sendButton.dblclick();
  // Focus is still on Send, inside the compose (if the compose is gone, the keys reach the page).
  await gmail.page.keyboard.press('Control+Enter');
  const [sent] = await webmailSends.waitForCount(1);
  expect(sent!.html!.match(/\/o\/[^"]+\.gif/g)).toHaveLength(1);
  expect(sent!.html!.match(/\/c\/[^"]+/g)).toHaveLength(1);
  await new Promise((done) => setTimeout(done, 1_500));
  expect(webmailSends.all).toHaveLength(1);
  await sidebar.openTab('sent');
  await expect(sidebar.folderCount('delivered')).toHaveText('1');
});

test('the service worker asleep at Send: it wakes, and the mail goes out tracked within 1.5 s', async ({
  extension,
  command,
  control,
  webmailSends,
}) => {
  const { gmail, toolbar } = await trackedGmail(command, extension.context);
  await stopServiceWorker(extension, control);

  const host = await toolbar.host().elementHandle();
  await gmail.sendButton.click();
  await expect(gmail.compose).toHaveCount(0);
  const { sendMs, tracked } = await lastSend(host);
  expect(tracked).toBe(true);
  expect(sendMs).toBeLessThanOrEqual(SEND_BUDGET_MS);
  const [sent] = await webmailSends.waitForCount(1);
  expect(sent!.html).toContain(`${server.url}/o/`);
});

test('Gmail plain text mode: no pixel, links left alone, and the toolbar says why', async ({
  extension,
  command,
  webmailSends,
}) => {
  await connectTo(command, server.url);
  const { gmail, toolbar } = await gmailWithLink(extension.context);
  await gmail.moreOptions.click();
  await gmail.plainTextMode.click();
  await gmail.body.click();
  await expect.poll(() => toolbar.status()).toBe('Not tracked: plain text mode has no images or links to track');
  expect(await toolbar.trackDisabled()).toBe(true);
  const repsBody = await gmail.bodyHtml();
  await gmail.sendButton.click();
  const [sent] = await webmailSends.waitForCount(1);
  expect(sent!.html).toBeNull();
  expect(sent!.text).toContain('pricing');
  expect(await gmail.page.evaluate(() => document.body.innerHTML.includes('/o/'))).toBe(false);
  expect(repsBody).toContain('https://northwind.example/pricing');
});

test('a compose whose Send the driver cannot find: the toolbar says tracking is unavailable, and the webmail’s own Send works as if we were not there', async ({
  extension,
  command,
  webmailSends,
}) => {
  await connectTo(command, server.url);
  const { gmail, sidebar, toolbar } = await gmailWithLink(extension.context);
  // Gmail renames the Send group's classes (the button itself still works).
  await gmail.page.evaluate(() => document.querySelector('.AD td.gU.Up')?.classList.remove('Up'));
  await gmail.body.click();
  await expect.poll(() => toolbar.status()).toBe('Tracking unavailable in this compose: send button not found');
  const repsBody = await gmail.bodyHtml();
  await gmail.page.locator('.AD .T-I.aoO').click();
  const [sent] = await webmailSends.waitForCount(1);
  expect(sent!.html).toBe(repsBody);
  // Nothing of ours ran: no row for a send we did not see.
  await sidebar.openTab('pending');
  await expect(sidebar.folderCount('sending')).toHaveText('0');
  await sidebar.openTab('sent');
  await expect(sidebar.folderCount('delivered')).toHaveText('0');
  expect(gmail.pageErrors).toEqual([]);
});

test('a recipient on the never-track list: not tracked by default and the toolbar names them; the rep can still turn tracking on', async ({
  extension,
  command,
  webmailSends,
}) => {
  await connectTo(command, server.url);
  expect(
    (await command('settings.setTrackingPrefs', { prefs: { trackByDefault: true, neverTrack: ['example.org'] } })).ok,
  ).toBe(true);
  const { gmail, sidebar, toolbar } = await gmailWithLink(extension.context);
  await expect.poll(() => toolbar.status()).toBe('Tracked');
  await gmail.addRecipient('cc', 'lee.ortiz@eu.example.org');
  await gmail.body.click();
  await expect.poll(() => toolbar.status()).toBe('Not tracked: lee.ortiz@eu.example.org is on your never-track list');
  expect(await toolbar.trackPressed()).toBe(false);

  // The rep decides this one is tracked after all.
  await toolbar.toggleTracking();
  await expect.poll(() => toolbar.status()).toBe('Tracked');
  await gmail.sendButton.click();
  const [sent] = await webmailSends.waitForCount(1);
  expect(sent!.html).toContain(`${server.url}/o/`);
  await sidebar.openFolder('delivered');
  await expect(sidebar.rows().first().getByTestId('row-untracked')).toHaveCount(0);
});

test('no tracking server set up: the toolbar says so, the mail goes out as written, and the row is recorded untracked', async ({
  extension,
  webmailSends,
}) => {
  const { gmail, sidebar, toolbar } = await gmailWithLink(extension.context);
  await expect.poll(() => toolbar.status()).toBe('Not tracked: no tracking server is set up (Options)');
  expect(await toolbar.trackDisabled()).toBe(true);
  const repsBody = await gmail.bodyHtml();
  const subject = await gmail.subject.inputValue();
  await gmail.sendButton.click();
  const [sent] = await webmailSends.waitForCount(1);
  expect(sent!.html).toBe(repsBody);
  await sidebar.openFolder('delivered');
  await expect(sidebar.rows().first()).toContainText(subject);
  await expect(sidebar.rows().first().getByTestId('row-untracked')).toHaveText(
    'Not tracked: No tracking server is set up',
  );
});

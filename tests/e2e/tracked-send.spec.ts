import type { Page } from '@playwright/test';
import { type RunningServer, startTrackingServer } from '../support/tracking-server.ts';
import { OUTLOOK_MAIL_URL } from '../support/webmail-routes.ts';
import type { WebmailSend } from '../support/webmail-sends.ts';
import { expect, type SendCommand, test } from './fixtures.ts';
import { ComposeToolbar } from './pages/compose-toolbar.ts';
import { GmailFixture, showInConversation } from './pages/gmail-fixture.ts';
import { OutlookFixture } from './pages/outlook-fixture.ts';
import { SidebarPage } from './pages/sidebar.ts';

// A send through the rep's own Send in the Gmail and Outlook fixtures, against the real
// tracking server: what reaches the webmail's send endpoint, the row's way through the folders,
// Undo Send, and engagement on the message that went out.

// Desktop Outlook loading images itself (shared/reference/user-agents.md, uap-core :7532).
const OUTLOOK_DESKTOP = 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.6326; Pro)';
const UNDO_SECONDS = 3;

let server: RunningServer;
test.beforeAll(async () => {
  // A hit sooner than this after the send is a scanner's; a second keeps the test short.
  server = await startTrackingServer({ SCANNER_WINDOW_SECONDS: '1' });
});
test.afterAll(async () => {
  await server.stop();
});

const connect = async (command: SendCommand) =>
  expect((await command('tracking.setServer', { server: { url: server.url, apiKey: server.apiKey } })).ok).toBe(true);

/** Connected to the server, `page` open with its sidebar docked and its compose saying Tracked. */
async function readyToTrack(command: SendCommand, page: Page) {
  await connect(command);
  const sidebar = new SidebarPage(page);
  await sidebar.waitUntilVisible();
  const toolbar = new ComposeToolbar(page);
  await expect.poll(() => toolbar.status()).toBe('Tracked');
  return { sidebar, toolbar };
}

// The rep's new text: links to track, links to leave alone, formatting, and a reply's history.
const GMAIL_BODY =
  '<div dir="ltr">Hi Dana,<br>here is <a href="https://northwind.example/pricing?plan=scale&amp;seats=250">our pricing</a>' +
  ' and the <b>deck</b>: <a href="https://例え.jp/資料">資料</a>. Questions? <a href="mailto:sales@northwind.example">Mail us</a>' +
  ' or <a href="tel:+15550100">call</a>. <a href="#top">Top</a> · <a href="https://northwind.example/unsubscribe?u=1">Unsubscribe</a>' +
  '<img src="https://northwind.example/logo.png" alt="Northwind" width="80"></div>' +
  '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Dana wrote:<br></div>' +
  '<blockquote class="gmail_quote">Send me <a href="https://old.example/thread">the old link</a></blockquote></div>';
const TRACKED_LINKS = ['https://northwind.example/pricing?plan=scale&seats=250', 'https://例え.jp/資料'];

/**
 * The HTML that went out, with our click URLs put back to `links` (the rep's, in order) and our
 * pixel taken out: must be exactly the rep's body. Also says how many pixels and click URLs it held.
 */
function undoOurs(
  html: string,
  links: readonly string[],
  page: Page,
): Promise<{ html: string; pixels: number; clicks: string[] }> {
  return page.evaluate(
    ({ html, links, serverUrl }) => {
      const box = document.createElement('div');
      box.innerHTML = html;
      const pixels = [...box.querySelectorAll('img')].filter((img) => img.src.startsWith(`${serverUrl}/o/`));
      for (const pixel of pixels) pixel.remove();
      const tracked = [...box.querySelectorAll('a')].filter((link) =>
        (link.getAttribute('href') ?? '').startsWith(`${serverUrl}/c/`),
      );
      const clicks = tracked.map((link) => link.getAttribute('href') ?? '');
      for (const [k, link] of tracked.entries()) link.setAttribute('href', links[k] ?? '');
      return { html: box.innerHTML, pixels: pixels.length, clicks };
    },
    { html, links, serverUrl: server.url },
  );
}

async function followClick(clickUrl: string): Promise<string | null> {
  const response = await fetch(clickUrl, { redirect: 'manual', headers: { 'user-agent': OUTLOOK_DESKTOP } });
  return response.headers.get('location');
}

test('Gmail: a tracked send goes out with one pixel and the eligible links rewritten, In Progress until Undo Send has passed, then Delivered and viewed live', async ({
  extension,
  command,
  webmailSends,
}) => {
  const gmail = await GmailFixture.open(extension.context, UNDO_SECONDS);
  const { sidebar, toolbar } = await readyToTrack(command, gmail.page);

  await gmail.body.evaluate((body, html) => {
    body.innerHTML = html;
  }, GMAIL_BODY);
  await gmail.addRecipient('cc', 'lee.ortiz@example.org');
  await toolbar.typeCampaign('Q1 renewals');
  const repsBody = await gmail.bodyHtml();
  const subject = await gmail.subject.inputValue();
  const draftId = await gmail.draftId.inputValue();

  await gmail.sendButton.click();
  // Our part is over once the compose is gone: the webmail holds the mail for Undo Send.
  await expect(gmail.compose).toHaveCount(0);
  await expect(gmail.undo).toBeVisible();
  await sidebar.openFolder('sending');
  const row = sidebar.rows().first();
  await expect(row).toContainText(subject);
  const id = (await row.getAttribute('data-id')) ?? '';
  expect(webmailSends.all).toHaveLength(0);

  const [sent] = (await webmailSends.waitForCount(1)) as WebmailSend[];
  const went = await undoOurs(sent!.html ?? '', TRACKED_LINKS, gmail.page);
  expect(went.html).toBe(repsBody);
  expect(went.pixels).toBe(1);
  expect(went.clicks).toHaveLength(TRACKED_LINKS.length);
  // Each click URL takes the reader to the rep's own link (as a URL: the host in punycode).
  for (const [k, clickUrl] of went.clicks.entries()) {
    expect(await followClick(clickUrl)).toBe(new URL(TRACKED_LINKS[k]!).href);
  }
  expect(sent!.subject).toBe(subject);
  expect(sent!.cc).toEqual(['lee.ortiz@example.org']);

  // Once the window has passed, the row is Delivered with what the rep sent.
  await sidebar.openFolder('delivered');
  await expect(sidebar.row(id)).toContainText(subject);
  await expect(sidebar.row(id)).toContainText('Q1 renewals');
  await sidebar.row(id).locator('.row-main').click();
  const detail = sidebar.frame.getByTestId('email-detail');
  await expect(detail).toContainText('lee.ortiz@example.org');
  await expect(detail.getByTestId('detail-ids')).toContainText(id);
  await expect(detail.getByTestId('detail-tracking')).toHaveText('On');
  expect(draftId).toMatch(/^#msg-a:r-/);

  // The recipient opens it in desktop Outlook, past the scanner window: a view, live.
  const pixelUrl = /src="([^"]+\/o\/[^"]+)"/.exec(sent!.html ?? '')![1]!;
  await new Promise((done) => setTimeout(done, 1_200));
  await fetch(pixelUrl, { headers: { 'user-agent': OUTLOOK_DESKTOP } });
  await expect
    .poll(async () => {
      await command('tracking.sync', {});
      return detail.getByTestId('views').textContent();
    })
    .toMatch(/\b1\b/);
});

test('Gmail: Undo Send turns the row into a Draft; no Delivered row ever shows and nothing is sent', async ({
  extension,
  command,
  webmailSends,
}) => {
  const gmail = await GmailFixture.open(extension.context, UNDO_SECONDS);
  const { sidebar } = await readyToTrack(command, gmail.page);
  const subject = await gmail.subject.inputValue();
  const draftId = await gmail.draftId.inputValue();

  await gmail.sendButton.click();
  await expect(gmail.undo).toBeVisible();
  await sidebar.openFolder('sending');
  await expect(sidebar.rows()).toHaveCount(1);
  await gmail.undo.click();

  // Gmail gives the compose back; the row waits in Drafts.
  await expect(gmail.compose).toHaveCount(1);
  await expect(gmail.draftId).toHaveValue(draftId);
  await sidebar.openFolder('draft');
  await expect(sidebar.rows().first()).toContainText(subject);
  await expect(sidebar.folderCount('sending')).toHaveText('0');
  // Past the window, still nothing was sent and nothing is Delivered (Delivered never goes back to
  // Draft, so a Delivered row at any moment would still be counted here).
  await new Promise((done) => setTimeout(done, (UNDO_SECONDS + 1) * 1000));
  expect(webmailSends.all).toHaveLength(0);
  await expect(sidebar.folderCount('draft')).toHaveText('1');
  await sidebar.openTab('sent');
  await expect(sidebar.folderCount('delivered')).toHaveText('0');
  // The compose that came back has no pixel of ours in it: the next Send registers it afresh.
  expect(await gmail.bodyHtml()).not.toContain(`${server.url}/o/`);

  // The rep throws the draft away in Gmail: the Draft row goes too.
  await gmail.compose.locator('div.oh[role=button]').click();
  await expect(gmail.compose).toHaveCount(0);
  await sidebar.openTab('pending');
  await expect(sidebar.folderCount('draft')).toHaveText('0');
});

test('Gmail: the rep opening their sent message in the thread view records no view, only a self', async ({
  extension,
  command,
  webmailSends,
}) => {
  const gmail = await GmailFixture.open(extension.context, 1);
  await readyToTrack(command, gmail.page);
  await gmail.sendButton.click();
  const [sent] = (await webmailSends.waitForCount(1)) as WebmailSend[];
  const pixelUrl = /src="([^"]+\/o\/[^"]+)"/.exec(sent!.html ?? '')![1]!;
  const messageId = /\/o\/([^.]+)\.gif/.exec(pixelUrl)?.[1];
  expect(messageId).toBeTruthy();

  // Gmail shows the sent message with its images behind the image proxy.
  await showInConversation(
    gmail.page,
    `<img data-testid="ours" src="https://ci3.googleusercontent.com/meips/Q#${pixelUrl}">`,
  );
  await expect(gmail.page.getByTestId('ours')).toHaveAttribute('src', /^data:image\/gif;base64,/);
  // The proxy fetches the pixel while the rep reads.
  await new Promise((done) => setTimeout(done, 1_200));
  await fetch(pixelUrl, { headers: { 'user-agent': OUTLOOK_DESKTOP } });
  const feed = async () =>
    (await server.api<{ events: { type: string; classification: string }[] }>('/v1/events?after=0')).events.map(
      (event) => `${event.type}:${event.classification}`,
    );
  await expect.poll(feed, { timeout: 10_000, intervals: [300] }).toEqual(['view:self']);
});

test('Outlook: a tracked send goes out with one pixel and its link rewritten, and shows Delivered after Undo send', async ({
  extension,
  command,
  webmailSends,
}) => {
  const outlook = await OutlookFixture.open(extension.context, OUTLOOK_MAIL_URL, 2);
  const { sidebar } = await readyToTrack(command, outlook.page);
  await outlook.body.evaluate((body) => {
    body.innerHTML = '<div>Price list: <a href="https://northwind.example/prices">here</a></div><div><br></div>';
  });
  const repsBody = await outlook.bodyHtml();
  const subject = await outlook.subject.inputValue();

  await outlook.sendButton.click();
  await expect(outlook.undo).toBeVisible();
  await sidebar.openFolder('sending');
  await expect(sidebar.rows().first()).toContainText(subject);

  const [sent] = (await webmailSends.waitForCount(1)) as WebmailSend[];
  expect(sent!.site).toBe('outlook');
  const went = await undoOurs(sent!.html ?? '', ['https://northwind.example/prices'], outlook.page);
  expect(went).toMatchObject({ html: repsBody, pixels: 1 });
  expect(went.clicks).toHaveLength(1);
  await sidebar.openFolder('delivered');
  await expect(sidebar.rows().first()).toContainText(subject, { timeout: 15_000 });
});

import { readFileSync } from 'node:fs';
import { sendReport } from '../support/send-report.ts';
import { type RunningServer, startTrackingServer } from '../support/tracking-server.ts';
import { expect, test } from './fixtures.ts';
import { ComposeToolbar } from './pages/compose-toolbar.ts';
import { connectAndOpenGmail } from './pages/connected-gmail.ts';
import { GmailFixture } from './pages/gmail-fixture.ts';

// Issue #14: delivery reports sent over real SMTP to the real server's bounce intake, pulled from
// its feed. The server judges each report by its reason (server/src/smtp/bounce-reasons.ts); the
// extension also still reads an older server's bounce.soft / bounce.hard the same way.

const DSN = new URL('../../../shared/fixtures/dsn/', import.meta.url).pathname;
// A Gmail free-text report of a full mailbox (5.2.2) and an RFC 3464 report of an unknown user (5.1.1).
const MAILBOX_FULL = readFileSync(`${DSN}sisimai-lhost-gmail-19-nonrfc3464.eml`, 'utf8');
const USER_UNKNOWN = readFileSync(`${DSN}sisimai-rfc3464-01.eml`, 'utf8');

let server: RunningServer;
test.beforeEach(async () => {
  server = await startTrackingServer({}, { inbound: true });
});
test.afterEach(async () => {
  await server.stop();
});

/** Registers `id` as sent an hour ago; its VERP return address, where reports about it come back. */
async function registerSent(id: string): Promise<string> {
  const { pixelUrl } = await server.api<{ pixelUrl: string }>('/v1/messages', {
    messageId: id,
    sentAt: new Date(Date.now() - 3_600_000).toISOString(),
    links: [],
  });
  const token = new URL(pixelUrl).pathname.replace(/^\/o\/|\.gif$/g, '');
  return `b+${token}@bounce.localhost`;
}

test('a soft bounce leaves the email in Delivered with a warning on its row; a hard one moves it to Bounced', async ({
  extension,
  command,
}) => {
  expect((await command('demo.seed', {})).ok).toBe(true);
  const { sidebar, page } = await connectAndOpenGmail(extension, server);
  const softId = (await sidebar.rows().nth(0).getAttribute('data-id')) ?? '';
  const hardId = (await sidebar.rows().nth(1).getAttribute('data-id')) ?? '';
  // Each demo email has one recipient; the row's tooltip lists the addresses.
  const addressOf = async (id: string) => (await sidebar.row(id).locator('.recipients').getAttribute('title')) ?? '';
  const softAddress = await addressOf(softId);
  const hardAddress = await addressOf(hardId);
  expect(hardAddress).toMatch(/@/);
  const before = await sidebar.readAllCounts();

  await sendReport(server.inboundPort, await registerSent(softId), MAILBOX_FULL);
  await sendReport(server.inboundPort, await registerSent(hardId), USER_UNKNOWN);
  // The feed as the real server says it: the full mailbox a warning, the unknown user a bounce.
  const feed = await server.api<{ events: { messageId: string; type: string; reasonCode?: string }[] }>(
    '/v1/events?after=0',
  );
  expect(feed.events.map((event) => `${event.messageId === softId ? 'soft' : 'hard'}:${event.reasonCode}`)).toEqual([
    'soft:deferred.softBounce',
    'hard:bounce.hardReason',
  ]);
  expect((await command('tracking.sync', {})).ok).toBe(true);

  // The full mailbox: still in Delivered, the warning where the engagement was.
  await sidebar.openFolder('delivered');
  await expect(sidebar.row(softId)).toHaveCount(1);
  const warning = sidebar.row(softId).getByTestId('row-warning');
  await expect(warning).toHaveText(/^mailbox full, .+; the relay will retry$/i);
  await expect(sidebar.row(hardId)).toHaveCount(0);
  await expect(sidebar.folderCount('delivered')).toHaveText(String(before.delivered - 1));

  // Its detail keeps Delivered and says the whole report; the timeline calls it a warning.
  await sidebar.row(softId).locator('.row-main').click();
  await expect(sidebar.frame.getByTestId('detail-status')).toContainText('Delivered');
  await expect(sidebar.frame.getByTestId('detail-warning')).toContainText('Mailbox full (5.2.2)');
  await expect(sidebar.frame.getByTestId('timeline')).toContainText('Delivery warning');
  await sidebar.frame.getByTestId('detail-back').click();

  // The unknown user: in Bounced, with its reason.
  await sidebar.openFolder('bounced');
  await expect(sidebar.folderCount('bounced')).toHaveText(String(before.bounced + 1));
  await expect(sidebar.row(hardId).locator('.failure')).toContainText('Hard bounce: user unknown (5.1.1)');
  await expect(sidebar.row(softId)).toHaveCount(0);
  // Its detail marks the recipient, with the whole story in the mark's tooltip.
  await sidebar.row(hardId).locator('.row-main').click();
  const mark = sidebar.frame.getByTestId('recipient-mark');
  await expect(mark).toHaveText('bounced');
  await expect(mark).toHaveAttribute('title', /bounced on .+: user unknown \(5\.1\.1\)/);
  await sidebar.frame.getByTestId('detail-back').click();

  // The person is marked undeliverable: typed into a compose, the toolbar warns before Send. The
  // soft-bounced address typed beside it is not marked (one address named, not "2 addresses").
  const gmail = new GmailFixture(page);
  const toolbar = new ComposeToolbar(page);
  await gmail.addRecipient('cc', softAddress);
  await gmail.addRecipient('bcc', hardAddress);
  const escaped = hardAddress.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect
    .poll(() => toolbar.shadow.text('.warning'))
    .toMatch(
      new RegExp(`^${escaped} bounced on .+: user unknown \\(5\\.1\\.1\\)\\. Check the address before you send\\.$`),
    );
  expect(gmail.pageErrors).toEqual([]);
});

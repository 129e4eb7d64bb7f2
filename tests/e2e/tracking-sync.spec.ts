import { stopServiceWorker } from '../support/stop-worker.ts';
import { type RunningServer, startTrackingServer } from '../support/tracking-server.ts';
import { DESKTOP_CHROME } from '../support/user-agents.ts';
import { expect, test } from './fixtures.ts';
import { connectAndOpenGmail } from './pages/connected-gmail.ts';
import { showInConversation } from './pages/gmail-fixture.ts';

let server: RunningServer;
test.beforeEach(async () => {
  server = await startTrackingServer();
});
test.afterEach(async () => {
  await server.stop();
});

/** How many views of `id` the server's feed holds. */
async function serverViews(id: string): Promise<number> {
  const feed = await server.api<{ events: { messageId: string; type: string }[] }>('/v1/events?after=0&limit=500');
  return feed.events.filter((event) => event.messageId === id && event.type === 'view').length;
}

/** True once a fresh open of the email is no longer recorded (tracking is off on the server). */
async function openIsIgnored(pixelUrl: string, id: string): Promise<boolean> {
  const before = await serverViews(id);
  await fetch(pixelUrl, { headers: { 'user-agent': DESKTOP_CHROME } });
  // The feed lets the hit writer catch up before it answers: an answered hit is in it, if kept.
  return (await serverViews(id)) === before;
}

const registerSentEmail = (id: string) =>
  server.api<{ pixelUrl: string }>('/v1/messages', {
    messageId: id,
    sentAt: new Date(Date.now() - 3_600_000).toISOString(),
    links: ['https://northwind.example/pricing'],
  });

/** The demo mailbox, connected to the server, open in Gmail; its first email registered as sent. */
async function sentEmailInGmail(
  extension: import('../support/launch-extension.ts').LaunchedExtension,
  command: (name: 'demo.seed', args: Record<string, never>) => Promise<{ ok: boolean }>,
) {
  expect((await command('demo.seed', {})).ok).toBe(true);
  const opened = await connectAndOpenGmail(extension, server);
  const id = (await opened.sidebar.rows().first().getAttribute('data-id')) ?? '';
  return { ...opened, id, registered: await registerSentEmail(id) };
}

test('a view recorded by the tracking server updates the row’s engagement without reload; archive stops tracking on the server', async ({
  extension,
  command,
}) => {
  expect((await command('demo.seed', {})).ok).toBe(true);

  // The rep connects the extension to the server in the options page.
  const { options, page, sidebar } = await connectAndOpenGmail(extension, server);
  const row = sidebar.rows().first();
  const id = (await row.getAttribute('data-id'))!;
  const viewsBefore = Number((await row.getByTestId('views').innerText()).replace(/\D/g, ''));

  // The email was registered when it was sent (an hour ago, outside the scanner window).
  const registered = await registerSentEmail(id);
  const hit = await fetch(registered.pixelUrl, { headers: { 'user-agent': DESKTOP_CHROME } });
  expect(hit.headers.get('content-type')).toBe('image/gif');

  // Coming back to the webmail tab pulls the feed.
  await options.bringToFront();
  await page.bringToFront();
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(sidebar.row(id).getByTestId('views')).toHaveText(new RegExp(`${viewsBefore + 1}`), { timeout: 10_000 });

  await sidebar.row(id).locator('.row-main').click();
  const timeline = sidebar.frame.getByTestId('timeline');
  await expect(timeline.locator('li[data-classification="human"]').last()).toContainText('Person');
  await sidebar.frame.getByTestId('detail-back').click();

  // Archive: the server is told to stop recording this email's pixel.
  await sidebar.rowAction(id, 'archive');
  // Once the outbox has reached the server, a new open of this email records nothing.
  await expect.poll(() => openIsIgnored(registered.pixelUrl, id), { timeout: 10_000, intervals: [300] }).toBe(true);
});

test('the rep’s own browser never loads the pixel directly (Outlook and other clients), so it never counts as a view', async ({
  extension,
  command,
}) => {
  const { page, id, registered } = await sentEmailInGmail(extension, command);

  // The webmail renders the sent message with our pixel in it, as Outlook web does.
  const failed = page.waitForEvent('requestfailed', { predicate: (request) => request.url() === registered.pixelUrl });
  await page.evaluate((src) => {
    const image = document.createElement('img');
    image.src = src;
    document.body.append(image);
  }, registered.pixelUrl);
  expect((await failed).failure()?.errorText).toMatch(/BLOCKED_BY_CLIENT/);
  expect(await serverViews(id)).toBe(0);

  // The same pixel from anywhere else (the recipient) still counts.
  await fetch(registered.pixelUrl, { headers: { 'user-agent': DESKTOP_CHROME } });
  await expect.poll(() => serverViews(id)).toBe(1);
});

test('the rep reading their own sent message in Gmail (pixel behind Gmail’s image proxy) is recorded as self, not as a view', async ({
  extension,
  command,
}) => {
  const { page, id, registered } = await sentEmailInGmail(extension, command);
  const token = new URL(registered.pixelUrl).pathname.slice('/o/'.length);
  const ours = `https://ci3.googleusercontent.com/meips/ABC#${registered.pixelUrl}`;
  const theirs = `https://ci3.googleusercontent.com/meips/XYZ#https://pixel.other-tracker.example/o/${token}`;

  // The rep opens the sent message: Gmail renders its body with every image behind its proxy.
  await showInConversation(
    page,
    `<img data-testid="ours" src="${ours}" width="1" height="1" alt=""><img data-testid="theirs" src="${theirs}" width="1" height="1" alt="">`,
  );
  const ourImage = page.getByTestId('ours');
  await expect(ourImage).toHaveAttribute('src', /^data:image\/gif;base64,/);
  await expect(ourImage).toHaveAttribute('data-icc-original-src', ours);
  await expect(page.getByTestId('theirs')).toHaveAttribute('src', theirs);

  // Gmail's proxy fetches the pixel from outside while the rep reads (within SELF_VIEW_WINDOW_SECONDS, 10 s).
  await fetch(registered.pixelUrl, { headers: { 'user-agent': DESKTOP_CHROME } });
  const feed = async () =>
    (
      await server.api<{ events: { messageId: string; type: string; classification: string }[] }>('/v1/events?after=0')
    ).events
      .filter((event) => event.messageId === id)
      .map((event) => `${event.type}:${event.classification}`);
  await expect.poll(feed, { timeout: 10_000, intervals: [300] }).toEqual(['view:self']);
});

test('an archive made while the server is down reaches it later, even after the worker was stopped', async ({
  extension,
  command,
  control,
}) => {
  const { sidebar, id, registered } = await sentEmailInGmail(extension, command);

  await server.pause();
  await sidebar.rowAction(id, 'archive');
  await expect(sidebar.folderCount('archived')).not.toHaveText('·');
  // The first attempt fails (nobody answers) and the job waits in the outbox to be tried again.
  const worker = await extension.serviceWorker();
  await expect.poll(() => worker.evaluate(queuedJobsThatFailed), { timeout: 10_000 }).toBeGreaterThan(0);

  // The rep sees that engagement cannot be pulled while the server is away.
  expect((await command('tracking.sync', {})).ok).toBe(false);
  await expect(sidebar.frame.getByTestId('sync-health')).toHaveText('Tracking server unreachable');

  await stopServiceWorker(extension, control);
  await server.resume();

  // The job is a row in the database: the restarted worker finds it and delivers it.
  await expect.poll(() => openIsIgnored(registered.pixelUrl, id), { timeout: 20_000, intervals: [500] }).toBe(true);
  expect((await command('tracking.sync', {})).ok).toBe(true);
  await expect(sidebar.frame.getByTestId('sync-health')).toHaveCount(0);
});

/** Runs in the service worker: outbox jobs still queued after a failed attempt (read from IndexedDB itself). */
function queuedJobsThatFailed(): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('command-center');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const read = open.result.transaction('jobs').objectStore('jobs').getAll();
      read.onerror = () => reject(read.error);
      read.onsuccess = () => {
        open.result.close();
        resolve(
          (read.result as { state: string; attempts: number }[]).filter(
            (job) => job.state === 'queued' && job.attempts > 0,
          ).length,
        );
      };
    };
  });
}

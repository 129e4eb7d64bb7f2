// Firefox smoke suite, compose (issue #10): our toolbar in each fixture's compose, and a send
// through the rep's own Send that goes out after Undo Send, untracked with no server set and
// tracked with the real tracking server. Run: `npm run test:firefox` after `npm run build`.
import assert from 'node:assert/strict';
import { after, before, type TestContext, test } from 'node:test';
import { TOOLBAR_TAG } from '../../lib/content/element-names.ts';
import { COMPOSE_ROOT, RECIPIENT_CHIPS } from '../../lib/sites/gmail/selectors.ts';
import { type RunningServer, startTrackingServer } from '../support/tracking-server.ts';
import { GMAIL_INBOX_URL, OUTLOOK_MAIL_URL } from '../support/webmail-routes.ts';
import type { WebmailSite } from '../support/webmail-sends.ts';
import { FixtureCompose } from './compose.ts';
import { type LaunchedFirefox, launchFirefoxWithExtension } from './launch-firefox.ts';
import { inWebmailTab, sendCommandFrom, type WebmailTab, waitFor } from './webmail-tab.ts';

// Our own Firefox for this file and the real server, started together. node runs the suite's two
// files side by side (--test-concurrency=2: 23 s one after the other, 15 s together, 2026-12).
// Each send adds one email: counts are compared with those before it. The tracked send connects
// the server, so it comes last.
let firefox: LaunchedFirefox;
let server: RunningServer;
before(async () => {
  const starting = startTrackingServer();
  try {
    firefox = await launchFirefoxWithExtension();
  } finally {
    server = await starting;
  }
});
after(async () => {
  await firefox?.close();
  await server?.stop();
});

const TIMEOUT = { timeout: 45_000 };
// The shortest window that still holds the mail back: each send waits it out.
const UNDO_SECONDS = 1;

const SITES: { site: string; key: WebmailSite; url: string }[] = [
  { site: 'Gmail', key: 'gmail', url: GMAIL_INBOX_URL },
  { site: 'Outlook', key: 'outlook', url: OUTLOOK_MAIL_URL },
];

/** Sends the open compose with the webmail's own Send and waits until Undo Send has let it go. */
async function sendAndWaitForDelivery(t: TestContext, tab: WebmailTab, site: WebmailSite) {
  const compose = new FixtureCompose(tab.page, site);
  const toolbar = await compose.toolbar();
  const mountedAt = Number((await FixtureCompose.marks(toolbar)).mountedAt);
  assert.ok(mountedAt > 0, 'the toolbar says when it was shown');
  const delivered = await tab.waitForCount('delivered');
  const pending = await tab.waitForTabCount('pending');
  const subject = await compose.subject();
  const written = await compose.bodyHtml();

  await compose.send();
  await compose.waitUntilClosed();
  const sent = await tab.sends.waitForCount(1);
  // Delivered once the window has passed, and In Progress emptied again.
  assert.equal(await tab.waitForCount('delivered', (count) => count !== delivered), delivered + 1);
  assert.equal(await tab.waitForTabCount('pending', (count) => count === pending), pending);
  assert.match((await tab.rowTexts())[0] ?? '', new RegExp(RegExp.escape(subject)), 'the newest Delivered row');

  const marks = await FixtureCompose.marks(toolbar);
  t.diagnostic(`Send ${marks.sendMs} ms, our own work ${marks.ownMs} ms`);
  assert.ok(Number(marks.sendMs) >= 0 && Number(marks.ownMs) >= 0, `timings on the toolbar (${JSON.stringify(marks)})`);
  assert.equal(tab.sends.all.length, 1, 'one send, not two');
  assert.deepEqual(tab.sends.rejected, []);
  assert.deepEqual(tab.pageErrors, []);
  return { send: sent[0]!, written, tracked: marks.tracked };
}

for (const { site, key, url } of SITES) {
  test(
    `${site} in Firefox: the compose shows our toolbar, and with no server Send goes out as written after Undo Send`,
    TIMEOUT,
    (t) =>
      inWebmailTab(firefox, url, { undoSeconds: UNDO_SECONDS }, async (tab) => {
        const { send, written, tracked } = await sendAndWaitForDelivery(t, tab, key);
        assert.equal(tracked, 'false');
        // No pixel, no click URL: the body the rep wrote, to the byte.
        assert.equal(send.html, written);
      }),
  );
}

test('Gmail in Firefox: Retarget, from the keyboard, fills a list into the compose as real chips', TIMEOUT, () =>
  inWebmailTab(firefox, GMAIL_INBOX_URL, {}, async (tab) => {
    const control = await tab.openControlPage();
    assert.equal((await sendCommandFrom(control, 'demo.seed', {})).ok, true);
    // One demo person's emails of the first campaign: a handful, so they go in To.
    const everyone = { version: 1, campaigns: { ids: ['demo-campaign-0'] } };
    const all = await sendCommandFrom(control, 'lists.save', {
      id: crypto.randomUUID(),
      name: 'Q4 all',
      query: everyone,
    });
    const allId = (all.value as { id: string }).id;
    const people = (await sendCommandFrom(control, 'retarget.recipients', { id: allId })).value as {
      recipients: { address: string }[];
    };
    const person = people.recipients[0]?.address ?? '';
    const one = { ...everyone, person };
    assert.equal(
      (await sendCommandFrom(control, 'lists.save', { id: crypto.randomUUID(), name: 'Zz one', query: one })).ok,
      true,
    );

    const chips = () =>
      tab.page.evaluate(
        (root, chip) =>
          [...document.querySelectorAll(`${root} ${chip}`)].map((c) => c.getAttribute('data-hovercard-id')),
        COMPOSE_ROOT,
        RECIPIENT_CHIPS.to,
      );
    const before = await chips();
    // The toolbar's root is closed: in by focus, then Tab to Retarget, as a keyboard user (the
    // host says which part has the keyboard).
    await new FixtureCompose(tab.page, 'gmail').toolbar();
    await tab.page.bringToFront();
    await tab.page.evaluate((tag) => document.querySelector<HTMLElement>(tag)?.focus(), TOOLBAR_TAG);
    const focused = () =>
      tab.page.evaluate((tag) => document.querySelector<HTMLElement>(tag)?.dataset.focus, TOOLBAR_TAG);
    const seen = [await focused()];
    for (let tabs = 0; (await focused()) !== 'retarget' && tabs < 4; tabs++) {
      await tab.page.keyboard.press('Tab');
      seen.push(await focused());
    }
    assert.equal(await focused(), 'retarget', `Retarget is reached by Tab (went ${seen.join(' → ')})`);
    await tab.page.keyboard.press('Enter');
    await tab.page.keyboard.type('Zz one');
    await tab.page.keyboard.press('Enter');
    const after = await waitFor('the chip from the list', async () => {
      const now = await chips();
      return now.length > before.length ? now : undefined;
    });
    assert.deepEqual(after, [...before, person]);
    assert.deepEqual(tab.pageErrors, []);
  }),
);

test(
  'Gmail in Firefox: with the tracking server set, Send goes out with exactly one pixel of ours',
  TIMEOUT,
  async (t) => {
    await inWebmailTab(firefox, GMAIL_INBOX_URL, {}, async (tab) => {
      const control = await tab.openControlPage();
      const answer = await sendCommandFrom(control, 'tracking.setServer', {
        server: { url: server.url, apiKey: server.apiKey },
      });
      assert.equal(answer.ok, true, `tracking.setServer answered ${JSON.stringify(answer)}`);
    });
    // A tab opened after the server was set: its compose tracks from the start (the toolbar's
    // switch sits behind a closed shadow root, so the test cannot wait for it to flip).
    await inWebmailTab(firefox, GMAIL_INBOX_URL, { undoSeconds: UNDO_SECONDS }, async (tab) => {
      const { send, tracked } = await sendAndWaitForDelivery(t, tab, 'gmail');
      assert.equal(tracked, 'true');
      const pixel = new RegExp(`<img [^>]*src="${RegExp.escape(server.url)}/o/[^"]+\\.gif"`, 'g');
      assert.equal(send.html?.match(pixel)?.length, 1, `one pixel in ${send.html}`);
      // The pixel sat in the rep's own compose for a moment: Firefox must not have fetched it (our
      // declarativeNetRequest rule), or the server would hold a view already.
      const feed = await server.api<{ events: unknown[] }>('/v1/events?after=0');
      assert.deepEqual(feed.events, [], "the rep's own browser counted no view");
    });
  },
);

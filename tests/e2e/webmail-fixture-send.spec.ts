import { expect, test } from '@playwright/test';
import { CLOSED_NETWORK_ARGS, findChromium } from '../support/chromium.ts';
import { OUTLOOK_MAIL_URL, serveWebmail } from '../support/webmail-routes.ts';
import { GmailFixture } from './pages/gmail-fixture.ts';
import { OutlookFixture } from './pages/outlook-fixture.ts';

// The fake webmails themselves, in a plain Chromium without the extension: other tests trust
// them to send as Gmail and Outlook do (Undo Send first, then one request to the send endpoint),
// so a failure here is the fixture's, not the extension's.

const executablePath = findChromium();
test.use({ launchOptions: { ...(executablePath ? { executablePath } : {}), args: [...CLOSED_NETWORK_ARGS] } });

/** Markup a body can hold that a sloppy copy would alter: entities, quotes, a link's query, emoji, nbsp. */
const TRICKY_BODY =
  '<div>Hi Dana,</div><div><br></div><div>Price: <b>$54</b> &amp; up, “quoted” &lt;not a tag&gt; 🚀&nbsp;end</div>' +
  '<div><a href="https://example.com/p?a=1&amp;b=2" target="_blank">pricing</a></div>';

/** Slack for timers: Chromium may fire a timeout a millisecond early against Node's clock. */
const TIMER_SLACK_MS = 50;

test.describe('Gmail fixture', () => {
  test('Send waits out Undo Send, then posts the body exactly once to the sync endpoint', async ({ context }) => {
    const sends = await serveWebmail(context);
    const gmail = await GmailFixture.open(context, 2);
    await gmail.body.evaluate((body, html) => {
      body.innerHTML = html;
    }, TRICKY_BODY);
    const html = await gmail.bodyHtml();

    const clickedAt = Date.now();
    await gmail.sendButton.click();

    await expect(gmail.compose).toHaveCount(0);
    await expect(gmail.notice).toContainText('Message sent.');
    await expect(gmail.undo).toBeVisible();
    await expect(gmail.viewMessage).toBeVisible();
    expect(sends.all).toHaveLength(0);

    const [send] = await sends.waitForCount(1, 5_000);
    expect(send!.receivedAt - clickedAt).toBeGreaterThanOrEqual(2_000 - TIMER_SLACK_MS);
    expect(send).toMatchObject({
      site: 'gmail',
      url: 'https://mail.google.com/sync/u/0/i/s?hl=en&c=1',
      html,
      text: null,
      to: ['dana@example.com'],
      subject: 'Pricing proposal – Harborview rollout',
    });
    const message = JSON.parse(send!.body)['2']['1'][0];
    expect(message['1']).toBe('msg-a:r-1234567890123456789');
    expect(message['2'].labels).toEqual(['^pfg']);

    await expect(gmail.undo).toHaveCount(0);
    await expect(gmail.notice).toContainText('Message sent.');
    await expect(gmail.viewMessage).toBeVisible();
    await expect.poll(() => gmail.sentInPage()).toHaveLength(1);
    expect(await gmail.sentInPage()).toEqual([
      expect.objectContaining({ to: ['dana@example.com'], body: html, draft: '#msg-a:r-1234567890123456789' }),
    ]);
    expect(sends.all).toHaveLength(1);
    expect(gmail.pageErrors).toEqual([]);
  });

  test('Undo inside the window posts nothing and brings the same draft back', async ({ context }) => {
    const sends = await serveWebmail(context);
    const gmail = await GmailFixture.open(context, 1.5);
    await gmail.addRecipient('cc', 'lee.ortiz@example.org');
    await gmail.addRecipient('bcc', 'Sam Lee <sam@example.net>');
    const before = {
      draft: await gmail.draftId.inputValue(),
      to: await gmail.chips('to'),
      cc: await gmail.chips('cc'),
      bcc: await gmail.chips('bcc'),
      subject: await gmail.subject.inputValue(),
      html: await gmail.bodyHtml(),
    };
    expect(before.bcc).toEqual([{ email: 'sam@example.net', name: 'Sam Lee' }]);
    const oldBody = await gmail.body.elementHandle();

    await gmail.body.press('Control+Enter');
    await expect(gmail.compose).toHaveCount(0);
    await gmail.undo.click();

    await expect(gmail.compose).toHaveCount(1);
    await expect(gmail.notice).toContainText('Sending undone.');
    expect(await oldBody!.evaluate((body) => body.isConnected)).toBe(false);
    expect({
      draft: await gmail.draftId.inputValue(),
      to: await gmail.chips('to'),
      cc: await gmail.chips('cc'),
      bcc: await gmail.chips('bcc'),
      subject: await gmail.subject.inputValue(),
      html: await gmail.bodyHtml(),
    }).toEqual(before);

    // Past the window: nothing went out, neither to the endpoint nor in the page's own record.
    await gmail.page.waitForTimeout(2_000);
    expect(sends.all).toHaveLength(0);
    expect(sends.rejected).toHaveLength(0);
    expect(await gmail.sentInPage()).toEqual([]);

    // The restored compose is a working one: sending it again posts the same draft.
    await gmail.sendButton.click();
    const [send] = await sends.waitForCount(1, 5_000);
    expect(JSON.parse(send!.body)['2']['1'][0]['1']).toBe(before.draft.replace(/^#/, ''));
    expect(send).toMatchObject({ html: before.html, cc: ['lee.ortiz@example.org'], bcc: ['sam@example.net'] });
    expect(gmail.pageErrors).toEqual([]);
  });

  test('in plain text mode the send carries the body as text', async ({ context }) => {
    const sends = await serveWebmail(context);
    const gmail = await GmailFixture.open(context, 1);
    await gmail.moreOptions.click();
    await expect(gmail.plainTextMode).toHaveAttribute('aria-checked', 'false');
    await gmail.plainTextMode.click();
    await expect(gmail.plainTextMode).toBeHidden(); // hidden, not removed, as Closure menus are
    // The mode sticks: the menu shows it checked the next time it opens.
    await gmail.moreOptions.click();
    await expect(gmail.plainTextMode).toHaveAttribute('aria-checked', 'true');
    await gmail.moreOptions.click();
    await expect(gmail.plainTextMode).toBeHidden();
    const text = await gmail.body.evaluate((body) => (body as HTMLElement).innerText);
    expect(text).toContain('\n');

    await gmail.sendButton.press('Enter');

    const [send] = await sends.waitForCount(1, 5_000);
    expect(send).toMatchObject({ html: null, text });
    expect(JSON.parse(send!.body)['2']['1'][0]['2'].body).toEqual({ ishtml: 0, text });
  });
});

test.describe('Outlook fixture', () => {
  const hosts = [
    { url: OUTLOOK_MAIL_URL, how: 'the Send button', send: (outlook: OutlookFixture) => outlook.sendButton.click() },
    {
      url: 'https://outlook.live.com/mail/0/',
      how: 'Alt+S',
      send: (outlook: OutlookFixture) => outlook.body.press('Alt+s'),
    },
  ];
  for (const host of hosts) {
    test(`${host.how} on ${new URL(host.url).host} waits out Undo, then posts one CreateItem with the exact HTML`, async ({
      context,
    }) => {
      const sends = await serveWebmail(context);
      const outlook = await OutlookFixture.open(context, host.url, 2);
      await outlook.body.evaluate((body, html) => {
        body.innerHTML = html;
      }, TRICKY_BODY);
      const html = await outlook.bodyHtml();

      const clickedAt = Date.now();
      await host.send(outlook);

      await expect(outlook.compose).toHaveCount(0);
      await expect(outlook.notification).toContainText('Sending…');
      await expect(outlook.undo).toBeVisible();
      expect(sends.all).toHaveLength(0);

      const [send] = await sends.waitForCount(1, 5_000);
      expect(send!.receivedAt - clickedAt).toBeGreaterThanOrEqual(2_000 - TIMER_SLACK_MS);
      const origin = new URL(host.url).origin;
      expect(send).toMatchObject({
        site: 'outlook',
        url: `${origin}/owa/service.svc?action=CreateItem&app=Mail`,
        html,
        text: null,
        to: ['dana@example.com'],
        subject: 'Pricing proposal – Harborview rollout',
      });
      expect(send!.headers).toMatchObject({
        action: 'CreateItem',
        'x-owa-actionname': 'CreateMessageForComposeSend',
        'content-type': 'application/json; charset=utf-8',
      });
      const request = JSON.parse(send!.body);
      expect(request.Body).toMatchObject({ MessageDisposition: 'SendAndSaveCopy', ComposeOperation: 'newMail' });
      expect(request.Body.Items[0].ToRecipients).toEqual([
        { EmailAddress: 'dana@example.com', Name: 'Dana Whitfield' },
      ]);

      await expect(outlook.notification).toHaveText('Sent');
      await expect(outlook.undo).toHaveCount(0);
      await expect.poll(() => outlook.sentInPage()).toHaveLength(1);
      expect(sends.all).toHaveLength(1);
      expect(outlook.pageErrors).toEqual([]);
    });
  }

  test('Undo inside the window posts nothing and brings the compose back', async ({ context }) => {
    const sends = await serveWebmail(context);
    const outlook = await OutlookFixture.open(context, OUTLOOK_MAIL_URL, 1.5);
    await outlook.addRecipient('cc', 'lee.ortiz@example.org');
    await outlook.addRecipient('bcc', 'Sam Lee <sam@example.net>');
    const before = {
      to: await outlook.chips('to'),
      cc: await outlook.chips('cc'),
      bcc: await outlook.chips('bcc'),
      subject: await outlook.subject.inputValue(),
      html: await outlook.bodyHtml(),
    };
    expect(before.bcc).toEqual(['Sam Lee <sam@example.net>']);
    const oldBody = await outlook.body.elementHandle();

    await outlook.body.press('Control+Enter');
    await expect(outlook.compose).toHaveCount(0);
    await outlook.undo.click();

    await expect(outlook.compose).toHaveCount(1);
    await expect(outlook.notification).toBeHidden();
    expect(await oldBody!.evaluate((body) => body.isConnected)).toBe(false);
    expect({
      to: await outlook.chips('to'),
      cc: await outlook.chips('cc'),
      bcc: await outlook.chips('bcc'),
      subject: await outlook.subject.inputValue(),
      html: await outlook.bodyHtml(),
    }).toEqual(before);

    await outlook.page.waitForTimeout(2_000);
    expect(sends.all).toHaveLength(0);
    expect(sends.rejected).toHaveLength(0);
    expect(await outlook.sentInPage()).toEqual([]);
    expect(outlook.pageErrors).toEqual([]);
  });
});

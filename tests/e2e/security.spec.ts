import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension, readLiveQueryOnce } from '../support/launch-extension.ts';
import { HOSTILE_DRAFTS, LONG_TEXT_DRAFTS } from '../support/stress-mailboxes.ts';
import { GMAIL_INBOX_URL, serveWebmail } from '../support/webmail-routes.ts';
import { expect, test } from './fixtures.ts';
import { SidebarPage } from './pages/sidebar.ts';

const rejectionCount = async (control: Page) =>
  (await readLiveQueryOnce(control, 'diagnostics.rejections', { limit: 200 })).length;

test('a malformed payload is rejected with a clear error, logged, and changes nothing', async ({
  control,
  command,
  rawCommand,
  openSidebar,
}) => {
  const sidebar = await openSidebar();
  await sidebar.openTab('pending');
  await expect(sidebar.folderCount('draft')).toHaveText('0');
  const before = await rejectionCount(control);

  const badArgs = await command('emails.saveDraft', { to: [{ address: 'not an address' }], subject: 'x' });
  expect(badArgs).toMatchObject({
    ok: false,
    error: { code: 'invalid', message: expect.stringMatching(/address|email/i) },
  });
  const unknownCommand = await rawCommand('emails.dropEverything', {});
  expect(unknownCommand).toMatchObject({ ok: false, error: { code: 'invalid' } });

  await expect.poll(() => rejectionCount(control)).toBe(before + 2);
  await expect(sidebar.folderCount('draft')).toHaveText('0');
});

test('the webmail page cannot drive the sidebar by posting our protocol', async ({ openSidebar }) => {
  const sidebar = await openSidebar();
  const page = sidebar.page;
  // Forged from the page's own window and as a synthetic event claiming to come from our origin;
  // then a marker message: events reach every listener in order, so once the page sees the
  // marker, the content script has handled both forgeries.
  await page.evaluate(
    (origin) =>
      new Promise<void>((done) => {
        addEventListener('message', (event) => event.data === 'marker' && done());
        window.postMessage({ channel: 'icc', kind: 'sidebar.close' }, '*');
        window.dispatchEvent(new MessageEvent('message', { data: { channel: 'icc', kind: 'sidebar.close' }, origin }));
        window.postMessage('marker', '*');
      }),
    `chrome-extension://${sidebar.frame.url().split('/')[2]}`,
  );
  await expect(sidebar.dock).toBeVisible();
  expect(await sidebar.dock.evaluate((dock) => getComputedStyle(dock).display)).not.toBe('none');
});

test('the webmail page cannot swap the sidebar for a page of its own', async ({ openSidebar }) => {
  const sidebar = await openSidebar();
  const page = sidebar.page;
  // A fake "session expired, enter your password" page at an address the webmail controls.
  const fake = 'https://mail.google.com/fake-session-expired';
  const showsFake = () => page.frames().some((frame) => frame.url() === fake);

  // The dock's shadow root is closed: the page has no handle on our frame.
  expect(await page.evaluate(() => document.querySelector('icc-dock')?.shadowRoot ?? null)).toBeNull();

  // Should anything change the frame's address, the periodic check puts ours back.
  const iframe = await sidebar.frame.frameElement();
  let swapped = page.waitForEvent('framenavigated', { predicate: (frame) => frame.url() === fake });
  await iframe.evaluate((element, url) => ((element as HTMLIFrameElement).src = url), fake);
  await swapped;
  await expect.poll(showsFake, { timeout: 6_000 }).toBe(false);
  await sidebar.waitUntilVisible();

  // A message the sidebar posts to its parent hands the page the frame's window; navigating
  // that window away is undone too.
  await page.evaluate(() =>
    addEventListener('message', (event) => ((window as unknown as { __sidebar: unknown }).__sidebar = event.source)),
  );
  await sidebar.close();
  await sidebar.launcher.click();
  await sidebar.waitUntilVisible();
  swapped = page.waitForEvent('framenavigated', { predicate: (frame) => frame.url() === fake });
  await page.evaluate((url) => ((window as unknown as { __sidebar: Window }).__sidebar.location.href = url), fake);
  await swapped;
  await expect.poll(showsFake, { timeout: 6_000 }).toBe(false);
  await sidebar.waitUntilVisible();
  expect(sidebar.pageErrors).toEqual([]);
});

test.describe('another extension', () => {
  test('is refused and logged; the database is untouched', async () => {
    const intruderDir = resolve(import.meta.dirname, '../fixtures/intruder-extension');
    const launched = await launchWithExtension({ extraExtensions: [intruderDir] });
    try {
      await serveWebmail(launched.context);
      const isIntruder = (worker: { url(): string }) => !worker.url().includes(launched.extensionId);
      const intruder =
        launched.context.serviceWorkers().find(isIntruder) ??
        (await launched.context.waitForEvent('serviceworker', { predicate: isIntruder }));
      const answer = await intruder.evaluate(
        ([target]) =>
          (globalThis as unknown as { tryCommand: (id: string, m: unknown) => Promise<unknown> }).tryCommand(target!, {
            channel: 'icc',
            kind: 'command',
            id: crypto.randomUUID(),
            name: 'demo.seed',
            args: {},
          }),
        [launched.extensionId],
      );
      expect(answer).toMatchObject({ ok: false, error: { code: 'rejected' } });

      const page = await launched.context.newPage();
      await page.goto(GMAIL_INBOX_URL);
      const sidebar = new SidebarPage(page);
      await sidebar.waitUntilVisible();
      await expect(sidebar.folderCount('delivered')).toHaveText('0');
      await expect(sidebar.frame.getByTestId('demo-switch')).not.toBeChecked();
    } finally {
      await launched.close();
    }
  });
});

test('hostile and overlong mail text is shown as written: no markup, no reordering, nothing wider than the sidebar', async ({
  command,
  openSidebar,
}) => {
  for (const draft of [...HOSTILE_DRAFTS, ...LONG_TEXT_DRAFTS])
    expect((await command('emails.saveDraft', draft)).ok).toBe(true);
  const sidebar = await openSidebar();
  await sidebar.openFolder('draft');
  await expect(sidebar.folderCount('draft')).toHaveText(String(HOSTILE_DRAFTS.length + LONG_TEXT_DRAFTS.length));
  const rtl = sidebar.rows().filter({ hasText: 'invoice_' }).first();
  // What the rep reads is what was written: the U+202E override cannot show "gnp.exe" as "exe.png".
  await expect(rtl.locator('.row-subject')).toHaveText('invoice_gnp.exe');
  expect(
    await sidebar.frame
      .locator('body')
      .evaluate((body) => /[\u202A-\u202E\u2066-\u2069]/.test((body as HTMLElement).innerText)),
  ).toBe(false);
  expect(await sidebar.frame.locator('img, script:not([src]), b').count()).toBe(0);
  // Unsent drafts claim no views or clicks.
  await expect(sidebar.rows().first().getByTestId('engagement')).toHaveCount(0);

  // The 500-character unbroken subject wraps inside the detail pane.
  await sidebar.rows().filter({ hasText: 'Donaudampf' }).first().locator('.row-main').click();
  const detail = sidebar.frame.getByTestId('email-detail');
  await expect(detail).toBeVisible();
  const widths = await detail.evaluate((element) => ({
    content: element.scrollWidth,
    box: element.clientWidth,
    page: document.documentElement.scrollWidth,
    frame: window.innerWidth,
  }));
  expect(widths.content).toBeLessThanOrEqual(widths.box);
  expect(widths.page).toBeLessThanOrEqual(widths.frame);
  // Thirty-one recipients: three, then the rest behind one button.
  await expect(sidebar.frame.getByTestId('more-recipients')).toHaveText('and 28 more');
  await sidebar.frame.getByTestId('more-recipients').click();
  await expect(detail).toContainText('purchasing.committee.member.30@');
  expect(sidebar.pageErrors).toEqual([]);
});

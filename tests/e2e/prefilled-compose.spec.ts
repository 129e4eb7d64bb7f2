import type { Frame, Locator, Page } from '@playwright/test';
import type { ComposeRequestInput } from '../../lib/messaging/protocol.ts';
import { GMAIL_INBOX_URL, OUTLOOK_MAIL_URL } from '../support/webmail-routes.ts';
import { expect, test } from './fixtures.ts';

const REQUEST: ComposeRequestInput = {
  to: [{ address: 'dana@example.com', name: 'Dana Whitfield' }, { address: 'not an address' }],
  cc: [{ address: 'lee.ortiz@example.org' }],
  subject: 'Quick follow-up',
  body: 'Hi Dana,\n\nThanks for the call.',
};

/** Each fixture's compose as a rep sees it; the fixtures open one draft at load, closed first. */
const SITES = [
  {
    site: 'Gmail',
    url: GMAIL_INBOX_URL,
    compose: '.AD',
    closeDraft: '.AD .Ha',
    toChip: (address: string) => `.anm[name="to"] [role=option][data-hovercard-id="${address}"]`,
    ccChip: (address: string) => `.anm[name="cc"] [role=option][data-hovercard-id="${address}"]`,
    subject: 'input[name=subjectbox]',
    body: '[g_editable=true]',
  },
  {
    site: 'Outlook',
    url: OUTLOOK_MAIL_URL,
    compose: '[data-app-section="Form_Content"]',
    closeDraft: '[data-app-section="Form_Content"] .discard',
    toChip: (address: string) => `[data-field="to"] [data-email="${address}"]`,
    ccChip: (address: string) => `[data-field="cc"] [data-email="${address}"]`,
    subject: 'input.ms-TextField-field',
    body: '[contenteditable=true][aria-multiline=true]',
  },
] as const;

/** Posts compose.open from inside the sidebar frame, exactly as lib/messaging/frame-host.ts does. */
const askFromSidebar = (frame: Frame, request: ComposeRequestInput) =>
  frame.evaluate(
    (request) =>
      window.parent.postMessage(
        { channel: 'icc', kind: 'compose.open', ...request },
        location.ancestorOrigins?.[0] ?? '*',
      ),
    request,
  );

/** Everything in a compose now: its field values, chips and body text. */
const composeText = (compose: Locator) =>
  compose.evaluate(
    (root) => `${root.textContent ?? ''} ${[...root.querySelectorAll('input')].map((input) => input.value).join(' ')}`,
  );

/**
 * Records what reaches the page's fields, in the page world: Gmail's fixture drops text it cannot
 * chip, so the compose alone would not show an invalid address that was typed and dropped.
 */
const recordTyping = (page: Page) =>
  page.evaluate(() => {
    const typed: string[] = [];
    (window as unknown as { __typed: string[] }).__typed = typed;
    document.addEventListener(
      'input',
      (event) => {
        const field = event.target as HTMLInputElement | HTMLElement;
        typed.push('value' in field ? field.value : (field.textContent ?? ''));
      },
      true,
    );
  });
const typedIntoPage = (page: Page) => page.evaluate(() => (window as unknown as { __typed: string[] }).__typed);

const closeOpenDraft = async (page: Page, site: (typeof SITES)[number]) => {
  await page.locator(site.closeDraft).click();
  await expect(page.locator(site.compose)).toHaveCount(0);
};

for (const site of SITES) {
  test.describe(site.site, () => {
    test('the sidebar opens a new compose filled with its recipients, subject and body', async ({ openSidebar }) => {
      const sidebar = await openSidebar(site.url);
      const page = sidebar.page;
      await closeOpenDraft(page, site);
      await recordTyping(page);

      await askFromSidebar(sidebar.frame, REQUEST);

      const compose = page.locator(site.compose);
      await expect(compose).toHaveCount(1);
      await expect(compose.locator(site.toChip('dana@example.com'))).toHaveCount(1);
      await expect(compose.locator(site.ccChip('lee.ortiz@example.org'))).toHaveCount(1);
      await expect(compose.locator(site.subject)).toHaveValue('Quick follow-up');
      const body = compose.locator(site.body);
      await expect(body).toContainText('Hi Dana,');
      await expect(body).toContainText('Thanks for the call.');
      expect(await body.evaluate((element) => element.children.length)).toBe(3); // greeting, empty line, sentence
      expect(await composeText(compose)).not.toContain('not an address');
      const typed = await typedIntoPage(page);
      expect(typed).toContainEqual(expect.stringContaining('dana@example.com'));
      expect(typed.join('\n')).not.toContain('not an address');
      expect(sidebar.pageErrors).toEqual([]);
    });

    test('a compose request the webmail page posts itself opens nothing', async ({ openSidebar }) => {
      const sidebar = await openSidebar(site.url);
      const page = sidebar.page;
      await closeOpenDraft(page, site);

      // Forged from the page's own window, then a marker: once the page sees the marker, the
      // content script has handled the forgery (a real request clicks New message at once).
      await page.evaluate(
        (request) =>
          new Promise<void>((done) => {
            addEventListener('message', (event) => event.data === 'marker' && done());
            window.postMessage({ channel: 'icc', kind: 'compose.open', ...request }, '*');
            window.postMessage('marker', '*');
          }),
        REQUEST,
      );
      await expect(page.locator(site.compose)).toHaveCount(0);

      // The same request from the sidebar does open one, so the check above could have failed.
      await askFromSidebar(sidebar.frame, REQUEST);
      await expect(page.locator(site.compose)).toHaveCount(1);
    });
  });
}

import type { BrowserContext, Page } from '@playwright/test';
import { TOOLBAR_TAG } from '../../lib/content/element-names.ts';
import { BODY_EDITABLE, COMPOSE_ROOT, SEND_BUTTON } from '../../lib/sites/gmail/selectors.ts';
import { BODY_EDITABLE as OUTLOOK_EDITOR } from '../../lib/sites/outlook/selectors.ts';
import { GMAIL_INBOX_URL, OUTLOOK_MAIL_URL } from '../support/webmail-routes.ts';

// The compose benchmark's steps in the webmail fixtures (tests/fixtures/webmail): open, fill and
// send a compose the way a rep does, and read what our toolbar wrote on its host.

/** What each webmail's fixture needs to close its open compose and open a new one. */
export const SITES = {
  gmail: { url: GMAIL_INBOX_URL, close: '.AD .Ha', open: '[gh=cm]', compose: '.AD' },
  outlook: {
    url: OUTLOOK_MAIL_URL,
    close: '[data-app-section="Form_Content"] .discard',
    open: 'button.newm',
    compose: '[data-app-section="Form_Content"]',
  },
} as const;

// Three links to rewrite, as a rep's first follow-up would have.
const BODY_WITH_LINKS =
  '<div dir="ltr">Hi Dana,<br>the <a href="https://northwind.example/pricing">pricing</a>, the ' +
  '<a href="https://northwind.example/deck.pdf">deck</a> and a <a href="https://cal.example/dana">time to talk</a>.</div>';

/** What the bench and the fixture page keep on the page's window. */
export interface FixtureWindow {
  __composeInsertedAt?: number;
  __gmailUndoSeconds?: number;
  __webmailSent: unknown[];
}

/**
 * Page world, before the webmail's own script: stamps the moment a compose root (Gmail's div.M9,
 * Outlook's editor) is added, on the same clock as the toolbar's `data-mounted-at`.
 */
export async function stampComposeInsertions(context: BrowserContext): Promise<void> {
  await context.addInitScript((selector) => {
    new MutationObserver((records) => {
      const now = performance.timeOrigin + performance.now();
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof Element && (node.matches(selector) || node.querySelector(selector)))
            (window as unknown as FixtureWindow).__composeInsertedAt = now;
    }).observe(document, { childList: true, subtree: true });
  }, `${COMPOSE_ROOT}, ${OUTLOOK_EDITOR}`);
}

export async function openWebmail(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __webmailReady?: boolean }).__webmailReady);
  await page.locator(TOOLBAR_TAG).waitFor({ state: 'attached' });
  return page;
}

/** Closes the open compose (if any) and opens a new one; resolves once its toolbar is there. */
export async function openNewCompose(page: Page, site: keyof typeof SITES): Promise<void> {
  const { close, open, compose } = SITES[site];
  if ((await page.locator(compose).count()) > 0) await page.locator(close).click();
  await page.locator(compose).waitFor({ state: 'detached' });
  await page.locator(TOOLBAR_TAG).waitFor({ state: 'detached' });
  await page.locator(open).click();
  await page.locator(TOOLBAR_TAG).waitFor({ state: 'attached' });
}

/** Compose appears → its toolbar is shown, `runs` new composes, in ms. */
export async function timeToolbarMounts(page: Page, site: keyof typeof SITES, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    await openNewCompose(page, site);
    const mountedAt = Number(await page.locator(TOOLBAR_TAG).getAttribute('data-mounted-at'));
    const insertedAt = await page.evaluate(
      () => (window as unknown as FixtureWindow).__composeInsertedAt ?? Number.NaN,
    );
    samples.push(mountedAt - insertedAt);
  }
  return samples;
}

export interface SendTiming {
  sendMs: number;
  ownMs: number;
  tracked: boolean;
}

/** A fresh Gmail compose with one recipient, a subject and three links, ready to send. */
export async function fillGmailCompose(page: Page, run: number): Promise<void> {
  await openNewCompose(page, 'gmail');
  const compose = page.locator(COMPOSE_ROOT);
  await compose.locator('.anm[name="to"] input[role=combobox]').fill('dana@example.com');
  await compose.locator('.anm[name="to"] input[role=combobox]').press('Enter');
  await compose.locator('input[name=subjectbox]').fill(`Bench send ${run}`);
  await compose.locator(BODY_EDITABLE).evaluate((body, html) => {
    body.innerHTML = html;
    body.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, BODY_WITH_LINKS);
}

/**
 * Clicks Send and reads the toolbar's timing from its host, which leaves the page with the
 * compose; then waits until the fixture has posted the mail (its Undo Send window is over).
 */
export async function clickSendAndTime(page: Page, onClick = () => {}): Promise<SendTiming> {
  const host = await page.locator(TOOLBAR_TAG).elementHandle();
  if (!host) throw new Error('no toolbar in the compose');
  const sentBefore = await page.evaluate(() => (window as unknown as FixtureWindow).__webmailSent.length);
  const send = page.locator(COMPOSE_ROOT).locator(SEND_BUTTON);
  await send.waitFor();
  onClick();
  await send.click();
  await page.waitForFunction((element) => element.dataset.sendMs !== undefined, host);
  const timing = await host.evaluate((element) => ({ ...element.dataset }));
  await page.waitForFunction((count) => (window as unknown as FixtureWindow).__webmailSent.length > count, sentBefore);
  await host.dispose();
  return { sendMs: Number(timing.sendMs), ownMs: Number(timing.ownMs), tracked: timing.tracked === 'true' };
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Route } from '@playwright/test';
import { createSendRecorder, sendEndpointOf, type WebmailSends, type WebmailSite } from './webmail-sends.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/webmail/', import.meta.url));
export const OUTLOOK_HOSTS = ['outlook.office.com', 'outlook.live.com', 'outlook.office365.com'];

export interface WebmailPages {
  gmail?: string;
  outlook?: string;
}

/**
 * The fixture page served for a request to `url` (mail.google.com, the three Outlook hosts), or
 * undefined for any other host. Shared by Playwright's routes and the Firefox suite's interception.
 */
export function webmailFixtureFor(url: string, pages: WebmailPages = {}): string | undefined {
  const { protocol, host } = new URL(url);
  if (protocol !== 'https:') return undefined;
  if (host === 'mail.google.com') return `${FIXTURES}gmail/${pages.gmail ?? 'inbox.html'}`;
  if (OUTLOOK_HOSTS.includes(host)) return `${FIXTURES}outlook/${pages.outlook ?? 'mail.html'}`;
  return undefined;
}

/** What the send endpoints answer: small JSON of our own, only so the page sees a success. */
export const SEND_RESPONSES: Record<WebmailSite, string> = {
  gmail: JSON.stringify({ '2': { '1': [] } }),
  outlook: JSON.stringify({
    Body: { ResponseMessages: { Items: [{ ResponseClass: 'Success', ResponseCode: 'NoError' }] } },
  }),
};

/**
 * Serves our fixture pages at the real webmail addresses (mail.google.com, the three Outlook
 * hosts), so the built extension's content scripts match exactly as in production. The send
 * endpoints (Gmail's sync POST, Outlook's CreateItem) answer 200 and are recorded in the returned
 * list. Any other request to those hosts gets a 404: the fixtures are self-contained. Served for one
 * page only, its routes come before the context's (a changed-markup page in one tab).
 */
export async function serveWebmail(context: BrowserContext | Page, pages: WebmailPages = {}): Promise<WebmailSends> {
  const sends = createSendRecorder();
  const fulfil = async (route: Route) => {
    const request = route.request();
    const site = sendEndpointOf(request.method(), request.url(), OUTLOOK_HOSTS);
    if (site) {
      sends.record(site, { url: request.url(), headers: await request.allHeaders(), body: request.postData() ?? '' });
      return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: SEND_RESPONSES[site] });
    }
    if (request.resourceType() !== 'document') return route.fulfill({ status: 404, body: '' });
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: readFileSync(webmailFixtureFor(request.url(), pages)!, 'utf8'),
    });
  };
  for (const host of ['mail.google.com', ...OUTLOOK_HOSTS]) await context.route(`https://${host}/**`, fulfil);
  return sends;
}

export const GMAIL_INBOX_URL = 'https://mail.google.com/mail/u/0/#inbox';
export const OUTLOOK_MAIL_URL = 'https://outlook.office.com/mail/';

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Route } from '@playwright/test';

const FIXTURES = fileURLToPath(new URL('../fixtures/webmail/', import.meta.url));
const OUTLOOK_HOSTS = ['outlook.office.com', 'outlook.live.com', 'outlook.office365.com'];

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

/**
 * Serves our fixture pages at the real webmail addresses (mail.google.com, the three Outlook
 * hosts), so the built extension's content scripts match exactly as in production. Any other
 * request to those hosts gets a 404: the fixtures are self-contained.
 */
export async function serveWebmail(context: BrowserContext, pages: WebmailPages = {}): Promise<void> {
  const fulfil = (route: Route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: readFileSync(webmailFixtureFor(route.request().url(), pages)!, 'utf8'),
        })
      : route.fulfill({ status: 404, body: '' });
  for (const host of ['mail.google.com', ...OUTLOOK_HOSTS]) await context.route(`https://${host}/**`, fulfil);
}

export const GMAIL_INBOX_URL = 'https://mail.google.com/mail/u/0/#inbox';
export const OUTLOOK_MAIL_URL = 'https://outlook.office.com/mail/';

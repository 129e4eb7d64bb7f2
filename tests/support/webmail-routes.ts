import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Route } from '@playwright/test';

const FIXTURES = fileURLToPath(new URL('../fixtures/webmail/', import.meta.url));

export interface WebmailPages {
  gmail?: string;
  outlook?: string;
}

/**
 * Serves our fixture pages at the real webmail addresses (mail.google.com, the three Outlook
 * hosts), so the built extension's content scripts match exactly as in production. Any other
 * request to those hosts gets a 404: the fixtures are self-contained.
 */
export async function serveWebmail(context: BrowserContext, pages: WebmailPages = {}): Promise<void> {
  const gmail = `${FIXTURES}gmail/${pages.gmail ?? 'inbox.html'}`;
  const outlook = `${FIXTURES}outlook/${pages.outlook ?? 'mail.html'}`;
  const fulfil = (file: string) => (route: Route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(file, 'utf8') })
      : route.fulfill({ status: 404, body: '' });
  await context.route('https://mail.google.com/**', fulfil(gmail));
  for (const host of ['outlook.office.com', 'outlook.live.com', 'outlook.office365.com']) {
    await context.route(`https://${host}/**`, fulfil(outlook));
  }
}

export const GMAIL_INBOX_URL = 'https://mail.google.com/mail/u/0/#inbox';
export const OUTLOOK_MAIL_URL = 'https://outlook.office.com/mail/';

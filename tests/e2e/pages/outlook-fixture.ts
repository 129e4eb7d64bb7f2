import { type BrowserContext, expect, type Locator, type Page } from '@playwright/test';
import {
  BODY_EDITABLE,
  RECIPIENT_CHIP_TEXT,
  SEND_CONTROL,
  SEND_INNER_BUTTON,
  SUBJECT_INPUT,
} from '../../../lib/sites/outlook/selectors.ts';

/**
 * Our Outlook fixture page as a rep uses it, found through the extension's own selectors where it
 * has them. The compose is the reading pane's Form_Content; the send notification is the
 * fixture's (tests/fixtures/webmail/outlook).
 */
export class OutlookFixture {
  readonly compose: Locator;
  readonly body: Locator;
  readonly subject: Locator;
  readonly sendButton: Locator;
  readonly notification: Locator;
  readonly undo: Locator;
  readonly pageErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    // Not selectors.ts COMPOSE_ROOT: its [role=main] fallback matches the reading pane, compose or not.
    this.compose = page.locator('[data-app-section="Form_Content"]');
    this.body = this.compose.locator(BODY_EDITABLE);
    this.subject = this.compose.locator(SUBJECT_INPUT);
    this.sendButton = this.compose.locator(SEND_CONTROL).locator(SEND_INNER_BUTTON);
    this.notification = page.locator('.sendNote[role=alert]');
    this.undo = this.notification.getByRole('button', { name: 'Undo' });
  }

  /** Opens `url` (any Outlook host; the compose is open) with an Undo window of `undoSeconds`. */
  static async open(context: BrowserContext, url: string, undoSeconds: number): Promise<OutlookFixture> {
    await context.addInitScript((seconds) => {
      (window as unknown as { __outlookUndoSeconds: number }).__outlookUndoSeconds = seconds;
    }, undoSeconds);
    const fixture = new OutlookFixture(await context.newPage());
    await fixture.page.goto(url);
    await fixture.page.waitForFunction(() => (window as unknown as { __webmailReady?: boolean }).__webmailReady);
    expect(await fixture.page.evaluate(() => (window as unknown as { __webmailError?: string }).__webmailError)).toBe(
      undefined,
    );
    return fixture;
  }

  well(field: 'to' | 'cc' | 'bcc'): Locator {
    return this.compose.locator(`[data-field="${field}"]`);
  }

  /** Chip texts of one field, "Name <email>" or the address alone. */
  chips(field: 'to' | 'cc' | 'bcc'): Promise<string[]> {
    return this.well(field)
      .locator(RECIPIENT_CHIP_TEXT)
      .evaluateAll((chips) => chips.map((chip) => chip.textContent ?? ''));
  }

  /** Types one recipient into Cc or Bcc (showing Bcc first), ended with `;` as OWA commits a chip. */
  async addRecipient(field: 'cc' | 'bcc', recipient: string): Promise<void> {
    if (field === 'bcc') await this.compose.getByRole('button', { name: 'Show Bcc field' }).click();
    await this.well(field).click();
    await this.page.keyboard.type(`${recipient};`);
  }

  bodyHtml(): Promise<string> {
    return this.body.evaluate((body) => body.innerHTML);
  }

  sentInPage(): Promise<unknown[]> {
    return this.page.evaluate(() => (window as unknown as { __webmailSent: unknown[] }).__webmailSent);
  }
}

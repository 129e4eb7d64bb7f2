import { type BrowserContext, expect, type Locator, type Page } from '@playwright/test';
import {
  BODY_EDITABLE,
  COMPOSE_ROOT,
  DRAFT_ID_INPUT,
  RECIPIENT_CHIPS,
  SEND_BUTTON,
  SHOW_RECIPIENT_ROW,
  SUBJECT_INPUT,
} from '../../../lib/sites/gmail/selectors.ts';
import { GMAIL_INBOX_URL } from '../../support/webmail-routes.ts';

export interface GmailChip {
  email: string | null;
  name: string | null;
}

/**
 * Our Gmail fixture page as a rep uses it, found through the extension's own selectors where it
 * has them. The notice bar and the "More options" menu are the fixture's (tests/fixtures/webmail/gmail).
 */
export class GmailFixture {
  readonly compose: Locator;
  readonly body: Locator;
  readonly subject: Locator;
  readonly draftId: Locator;
  readonly sendButton: Locator;
  readonly moreOptions: Locator;
  readonly plainTextMode: Locator;
  /** Gmail's notice bar (div.b8 > div.vh; InboxSDK gmail-butter-bar-driver.ts, 2026). */
  readonly notice: Locator;
  readonly undo: Locator;
  readonly viewMessage: Locator;
  readonly pageErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    this.compose = page.locator(COMPOSE_ROOT);
    this.body = this.compose.locator(BODY_EDITABLE);
    this.subject = this.compose.locator(SUBJECT_INPUT);
    this.draftId = this.compose.locator(DRAFT_ID_INPUT);
    this.sendButton = this.compose.locator(SEND_BUTTON);
    this.moreOptions = this.compose.getByRole('button', { name: 'More options', exact: true });
    this.plainTextMode = page.locator('[role=menu] [selector=plainTextMode]');
    this.notice = page.locator('.b8[role=alert] .vh');
    this.undo = this.notice.locator('#link_undo');
    this.viewMessage = this.notice.locator('#link_vsm');
  }

  /** Opens the inbox (with its one open compose) with an Undo Send window of `undoSeconds`. */
  static async open(context: BrowserContext, undoSeconds: number): Promise<GmailFixture> {
    await context.addInitScript((seconds) => {
      (window as unknown as { __gmailUndoSeconds: number }).__gmailUndoSeconds = seconds;
    }, undoSeconds);
    const fixture = new GmailFixture(await context.newPage());
    await fixture.page.goto(GMAIL_INBOX_URL);
    await fixture.page.waitForFunction(() => (window as unknown as { __webmailReady?: boolean }).__webmailReady);
    expect(await fixture.page.evaluate(() => (window as unknown as { __webmailError?: string }).__webmailError)).toBe(
      undefined,
    );
    return fixture;
  }

  chips(field: keyof typeof RECIPIENT_CHIPS): Promise<GmailChip[]> {
    return this.compose
      .locator(RECIPIENT_CHIPS[field])
      .evaluateAll((chips) =>
        chips.map((chip) => ({ email: chip.getAttribute('data-hovercard-id'), name: chip.getAttribute('data-name') })),
      );
  }

  /** Shows the Cc or Bcc row and types one address into it, as a rep would. */
  async addRecipient(field: 'cc' | 'bcc', address: string): Promise<void> {
    await this.compose.locator(SHOW_RECIPIENT_ROW[field]).click();
    await this.page.keyboard.type(address);
    await this.page.keyboard.press('Enter');
  }

  bodyHtml(): Promise<string> {
    return this.body.evaluate((body) => body.innerHTML);
  }

  /** What the page recorded as sent (window.__webmailSent), once its send request succeeded. */
  sentInPage(): Promise<unknown[]> {
    return this.page.evaluate(() => (window as unknown as { __webmailSent: unknown[] }).__webmailSent);
  }
}

/**
 * Shows the fixture's conversation view with `html` added to the open message's body, as Gmail
 * renders a message the rep reads (its images behind Gmail's image proxy, selectors.ts MESSAGE_BODY_IMAGES).
 */
export function showInConversation(page: Page, html: string): Promise<void> {
  return page.evaluate((html) => {
    const conversation = document.querySelector<HTMLElement>('[data-fixture=conversation]')!;
    conversation.hidden = false;
    conversation.querySelector('.a3s')!.insertAdjacentHTML('beforeend', html);
  }, html);
}

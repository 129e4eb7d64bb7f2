import type { ElementHandle, Page } from 'puppeteer-core';
import { TOOLBAR_TAG } from '../../lib/content/element-names.ts';
import * as gmail from '../../lib/sites/gmail/selectors.ts';
import * as outlook from '../../lib/sites/outlook/selectors.ts';
import type { WebmailSite } from '../support/webmail-sends.ts';
import { waitFor } from './webmail-tab.ts';

// The open compose of a fixture page, found through the extension's own selectors, as
// tests/e2e/pages/gmail-fixture.ts and outlook-fixture.ts find it in Chromium.
const OUTLOOK_COMPOSE = '[data-app-section="Form_Content"]'; // not COMPOSE_ROOT: its fallback is the reading pane
const PARTS: Record<WebmailSite, { root: string; subject: string; body: string; send: string }> = {
  gmail: {
    root: gmail.COMPOSE_ROOT,
    subject: `${gmail.COMPOSE_ROOT} ${gmail.SUBJECT_INPUT}`,
    body: `${gmail.COMPOSE_ROOT} ${gmail.BODY_EDITABLE}`,
    send: `${gmail.COMPOSE_ROOT} ${gmail.SEND_BUTTON}`,
  },
  outlook: {
    root: OUTLOOK_COMPOSE,
    subject: `${OUTLOOK_COMPOSE} ${outlook.SUBJECT_INPUT}`,
    body: `${OUTLOOK_COMPOSE} ${outlook.BODY_EDITABLE}`,
    send: `${OUTLOOK_COMPOSE} ${outlook.SEND_CONTROL} ${outlook.SEND_INNER_BUTTON}`,
  },
};

/** What our toolbar's host says of itself (lib/content/compose-toolbar.ts): its shadow root is closed. */
export interface ToolbarMarks {
  mountedAt?: string;
  /** Set by a Send: click to the webmail's own send, our own share of it, and whether it was tracked. */
  sendMs?: string;
  ownMs?: string;
  tracked?: string;
}

/** The one open compose in a webmail tab, and our toolbar in it. */
export class FixtureCompose {
  readonly page: Page;
  readonly #parts: (typeof PARTS)[WebmailSite];

  constructor(page: Page, site: WebmailSite) {
    this.page = page;
    this.#parts = PARTS[site];
  }

  /** Our toolbar's host in the compose, once it is there. Held, it can still be read once the compose is gone. */
  toolbar(): Promise<ElementHandle<Element>> {
    return waitFor(`our toolbar in the compose (${TOOLBAR_TAG})`, async () => {
      const host = await this.page.$(`${this.#parts.root} ${TOOLBAR_TAG}`);
      return host ?? undefined;
    });
  }

  static marks(toolbar: ElementHandle<Element>): Promise<ToolbarMarks> {
    return toolbar.evaluate((host) => ({ ...(host as HTMLElement).dataset }));
  }

  subject(): Promise<string> {
    return this.page.$eval(this.#parts.subject, (input) => (input as HTMLInputElement).value);
  }

  bodyHtml(): Promise<string> {
    return this.page.$eval(this.#parts.body, (body) => body.innerHTML);
  }

  /** Clicks the webmail's own Send with the mouse, as a rep does. */
  async send(): Promise<void> {
    await this.page.click(this.#parts.send);
  }

  /** Waits for the webmail to take the send: the compose leaves the page. */
  async waitUntilClosed(): Promise<void> {
    await waitFor('the compose to close after Send', async () =>
      (await this.page.$(this.#parts.root)) === null ? true : undefined,
    );
  }
}

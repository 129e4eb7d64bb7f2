import { readFileSync } from 'node:fs';
import type { Frame, HTTPRequest, Page } from 'puppeteer-core';
import { OUTLOOK_HOSTS, SEND_RESPONSES, type WebmailPages, webmailFixtureFor } from '../support/webmail-routes.ts';
import { createSendRecorder, type SendRecorder, sendEndpointOf, type WebmailSends } from '../support/webmail-sends.ts';
import type { LaunchedFirefox } from './launch-firefox.ts';

/** What a rep would notice about the dock: docked in the webmail's row, or floating over it. */
export interface DockState {
  health: string | null;
  position: string;
  /** The dock's parent is a horizontal flex row (the webmail's own), so the mail column shrank. */
  inFlexRow: boolean;
  /** Distance from the dock's right edge to the window's right edge, in px. */
  rightGap: number;
  width: number;
}

/** How a tab opens: which fixture pages it serves, and the webmail's Undo Send window. */
export interface TabSetup {
  pages?: WebmailPages;
  /** Both fixtures' Undo Send window in seconds (their defaults: Gmail 5, Outlook 10). */
  undoSeconds?: number;
}

/** Polls `read` until it gives a value, or fails with what was awaited. */
export async function waitFor<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The address a frame or tab shows now (undefined while it is being replaced). */
async function addressOf(target: Frame | Page): Promise<string | undefined> {
  // Firefox's BiDi reports the first URL of a frame the extension navigated (about:blank, seen
  // with firefox-esr 153, 2026-12), so frame.url() cannot find our frames: ask the frame itself.
  return target.evaluate(() => location.href).catch(() => undefined);
}

/** A webmail tab in Firefox (our fixture at the real address) and the sidebar docked in it. */
export class WebmailTab {
  readonly page: Page;
  readonly firefox: LaunchedFirefox;
  /** Errors the webmail page threw since it opened (our code must never cause one). */
  readonly pageErrors: string[] = [];
  /** What the webmail page posted to its send endpoint (answered 200, as the real one would). */
  readonly sends: WebmailSends;
  readonly #controlPages: Page[] = [];

  constructor(page: Page, firefox: LaunchedFirefox, sends: WebmailSends) {
    this.page = page;
    this.firefox = firefox;
    this.sends = sends;
    page.on('pageerror', (error) => this.pageErrors.push(error instanceof Error ? error.message : String(error)));
  }

  /** Opens `url` in a new tab with our fixture pages served at the webmail hosts. */
  static async open(firefox: LaunchedFirefox, url: string, setup: TabSetup = {}): Promise<WebmailTab> {
    const page = await firefox.browser.newPage();
    const sends = createSendRecorder();
    const tab = new WebmailTab(page, firefox, sends);
    if (setup.undoSeconds !== undefined) {
      await page.evaluateOnNewDocument((seconds) => {
        const fixture = window as unknown as { __gmailUndoSeconds: number; __outlookUndoSeconds: number };
        fixture.__gmailUndoSeconds = seconds;
        fixture.__outlookUndoSeconds = seconds;
      }, setup.undoSeconds);
    }
    await page.setRequestInterception(true);
    page.on('request', (request) => void serveFixture(request, setup.pages ?? {}, sends));
    await page.goto(url);
    return tab;
  }

  async dockState(): Promise<DockState | undefined> {
    return this.page.evaluate(() => {
      const dock = document.querySelector('icc-dock');
      if (!(dock instanceof HTMLElement)) return undefined;
      const row = dock.parentElement ? getComputedStyle(dock.parentElement) : undefined;
      const box = dock.getBoundingClientRect();
      return {
        health: dock.getAttribute('data-health'),
        position: getComputedStyle(dock).position,
        inFlexRow: !!row && row.display.includes('flex') && !row.flexDirection.startsWith('column'),
        rightGap: document.documentElement.clientWidth - box.right,
        width: box.width,
      };
    });
  }

  /** Waits for the dock to be in the page with its health mark set. */
  async waitForDock(): Promise<DockState> {
    return waitFor('the dock with its health mark', async () => {
      const state = await this.dockState();
      return state?.health ? state : undefined;
    });
  }

  /** The sidebar's frame. The dock's shadow root is closed: the frame is found by its address. */
  async sidebarFrame(): Promise<Frame> {
    const address = this.firefox.extensionUrl('sidebar.html');
    return waitFor('the sidebar frame (is the dock mounted?)', async () => {
      for (const frame of this.page.frames()) if ((await addressOf(frame)) === address) return frame;
      return undefined;
    });
  }

  /** Waits until a folder count shows a number (not the `·` shown before the first answer) that `accept` takes. */
  waitForCount(status: string, accept: (count: number) => boolean = () => true): Promise<number> {
    return this.#waitForNumber(`folder-count-${status}`, accept);
  }

  /** The same for a primary tab's total (Sent, Pending, Undelivered), shown whichever tab is open. */
  waitForTabCount(tab: string, accept: (count: number) => boolean = () => true): Promise<number> {
    return this.#waitForNumber(`tab-count-${tab}`, accept);
  }

  async #waitForNumber(testId: string, accept: (count: number) => boolean): Promise<number> {
    const frame = await this.sidebarFrame();
    return waitFor(`a number in ${testId} that passes ${accept}`, async () => {
      const text = await frame.evaluate(
        (testId) => document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '',
        testId,
      );
      const count = /\d/.test(text) ? Number(text.replace(/\D/g, '')) : undefined;
      return count !== undefined && accept(count) ? count : undefined;
    });
  }

  /** The texts of the rows the open folder lists, top first. */
  async rowTexts(): Promise<string[]> {
    const frame = await this.sidebarFrame();
    return frame.evaluate(() =>
      [...document.querySelectorAll('[data-testid="email-row"]')].map((row) => row.textContent ?? ''),
    );
  }

  /**
   * Opens the extension's options page in a new tab, to send commands from "another context".
   * BiDi refuses to navigate a tab to moz-extension:// (2026-12), so the sidebar, an extension
   * page itself, opens it the way any of our pages may.
   */
  async openControlPage(): Promise<Page> {
    const address = this.firefox.extensionUrl('options.html');
    const frame = await this.sidebarFrame();
    await frame.evaluate((url) => void window.open(url), address);
    const control = await waitFor('the options page', async () => {
      for (const page of await this.firefox.browser.pages()) if ((await addressOf(page)) === address) return page;
      return undefined;
    });
    this.#controlPages.push(control);
    // Its address shows before the page is an extension page: under load the first command
    // found no `browser` there (CI dry run, 2026-12-01). Wait until it can send.
    await waitFor('the options page to be an extension page', async () =>
      (await control.evaluate(
        () => typeof (globalThis as { browser?: typeof chrome }).browser?.runtime?.sendMessage === 'function',
      ))
        ? true
        : undefined,
    );
    return control;
  }

  /** The input or editable element that has the keyboard in the webmail page, if any. */
  async focusedField(): Promise<string | undefined> {
    return this.page.evaluate(() => {
      const active = document.activeElement;
      return active instanceof HTMLElement && (active.matches('input, textarea') || active.isContentEditable)
        ? active.outerHTML.slice(0, 120)
        : undefined;
    });
  }

  /** Closes the tab and the options pages it opened. */
  async close(): Promise<void> {
    for (const page of [...this.#controlPages, this.page]) await page.close();
  }
}

/** Runs `run` in a new webmail tab, and closes the tab (and the pages it opened) however it ends. */
export async function inWebmailTab(
  firefox: LaunchedFirefox,
  url: string,
  setup: TabSetup,
  run: (tab: WebmailTab) => Promise<void>,
): Promise<void> {
  const tab = await WebmailTab.open(firefox, url, setup);
  try {
    await run(tab);
  } finally {
    await tab.close();
  }
}

/** Sends one protocol command from an extension page, as the sidebar does, and returns the answer. */
export async function sendCommandFrom(
  page: Page,
  name: string,
  args: unknown,
): Promise<{ ok: boolean; value?: unknown }> {
  return page.evaluate(
    (name, args, id) =>
      (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({
        channel: 'icc',
        kind: 'command',
        id,
        name,
        args,
      }),
    name,
    args,
    crypto.randomUUID(),
  );
}

/**
 * Our fixture for the webmail's own page; its send endpoint answered as the real one (and the
 * send recorded); a 404 for anything else it asks of its hosts.
 */
async function serveFixture(request: HTTPRequest, pages: WebmailPages, sends: SendRecorder): Promise<void> {
  const fixture = webmailFixtureFor(request.url(), pages);
  if (!fixture) return request.continue();
  const site = sendEndpointOf(request.method(), request.url(), OUTLOOK_HOSTS);
  if (site) {
    // postData() is CDP-only; over BiDi the body comes from puppeteer's network data collector.
    const body = (await request.fetchPostData()) ?? '';
    sends.record(site, { url: request.url(), headers: request.headers(), body });
    return request.respond({ status: 200, contentType: 'application/json; charset=utf-8', body: SEND_RESPONSES[site] });
  }
  if (!request.isNavigationRequest()) return request.respond({ status: 404, body: '' });
  return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(fixture, 'utf8') });
}

import { readFileSync } from 'node:fs';
import type { Frame, HTTPRequest, Page } from 'puppeteer-core';
import { type WebmailPages, webmailFixtureFor } from '../support/webmail-routes.ts';
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
  readonly #controlPages: Page[] = [];

  constructor(page: Page, firefox: LaunchedFirefox) {
    this.page = page;
    this.firefox = firefox;
    page.on('pageerror', (error) => this.pageErrors.push(error instanceof Error ? error.message : String(error)));
  }

  /** Opens `url` in a new tab with our fixture pages served at the webmail hosts. */
  static async open(firefox: LaunchedFirefox, url: string, pages: WebmailPages = {}): Promise<WebmailTab> {
    const page = await firefox.browser.newPage();
    const tab = new WebmailTab(page, firefox);
    await page.setRequestInterception(true);
    page.on('request', (request) => void serveFixture(request, pages));
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
  async waitForCount(status: string, accept: (count: number) => boolean = () => true): Promise<number> {
    const frame = await this.sidebarFrame();
    return waitFor(`a number in the ${status} count that passes ${accept}`, async () => {
      const text = await frame.evaluate(
        (testId) => document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '',
        `folder-count-${status}`,
      );
      const count = /\d/.test(text) ? Number(text.replace(/\D/g, '')) : undefined;
      return count !== undefined && accept(count) ? count : undefined;
    });
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

/** Our fixture for the webmail's own page, a 404 for anything else it asks of its hosts. */
async function serveFixture(request: HTTPRequest, pages: WebmailPages): Promise<void> {
  const fixture = webmailFixtureFor(request.url(), pages);
  if (!fixture) return request.continue();
  if (!request.isNavigationRequest()) return request.respond({ status: 404, body: '' });
  return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(fixture, 'utf8') });
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { chromiumArgs, findChromium } from './chromium.ts';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: () => Promise<Worker>;
  close: () => Promise<void>;
}

/** Starts Chromium with the built extension loaded, in a fresh profile. */
export interface LaunchOptions {
  headless?: boolean;
  viewport?: { width: number; height: number };
  /** Other unpacked extensions to load beside ours (e.g. a hostile one, in security tests). */
  extraExtensions?: string[];
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
  const profile = mkdtempSync(join(tmpdir(), 'icc-profile-'));
  // Playwright turns third-party storage partitioning off; with third-party cookies blocked the
  // extension iframe would then be refused storage on the mail hosts. Allow them, as Chrome's default does.
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    args: chromiumArgs([EXTENSION_DIR, ...(options.extraExtensions ?? [])].join(',')),
  });
  // Ours is the worker whose script is background.js at the root of the built extension.
  const isOurs = (worker: Worker) => worker.url().endsWith('/background.js');
  const serviceWorker = async () =>
    context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs }));
  const extensionId = new URL((await serviceWorker()).url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Sends one protocol command from a real extension page, exactly as the sidebar does, and
 * returns the background's response. Used to seed data and to act as "another context".
 */
export async function sendCommandFrom(page: Page, name: string, args: unknown, id = crypto.randomUUID()): Promise<unknown> {
  return page.evaluate(
    ([name, args, id]) => chrome.runtime.sendMessage({ channel: 'icc', kind: 'command', id, name, args }),
    [name, args, id] as const,
  );
}

/** An extension page to send commands from (the options page is not needed for that). */
export async function openControlPage(launched: LaunchedExtension): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/sidebar.html`);
  return page;
}

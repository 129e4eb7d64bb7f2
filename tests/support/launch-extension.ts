import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import type {
  CommandArgs,
  CommandName,
  CommandResponse,
  CommandResult,
  QueryArgs,
  QueryName,
  QueryResult,
} from '../../lib/messaging/protocol.ts';
import { chromiumArgs, findChromium } from './chromium.ts';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: () => Promise<Worker>;
  close: () => Promise<void>;
}

/** Chromium names an unpacked extension after its folder: SHA-256 of the path, hex digits mapped to a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** Starts Chromium with the built extension loaded, in a fresh profile. */
export interface LaunchOptions {
  headless?: boolean;
  viewport?: { width: number; height: number };
  /** Other unpacked extensions to load beside ours (e.g. a hostile one, in security tests). */
  extraExtensions?: string[];
  /**
   * The browser's UI language, as the extension sees it (`en`, `de`, `zh_CN`, `pt_BR`, …):
   * `--lang` sets chrome.i18n's language, the context locale sets navigator.language.
   */
  locale?: string;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('No Chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
  const profile = mkdtempSync(join(tmpdir(), 'icc-profile-'));
  // Playwright turns third-party storage partitioning off; with third-party cookies blocked the
  // extension iframe would then be refused storage on the mail hosts. Allow them, as Chrome's default does.
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    args: [
      ...chromiumArgs([EXTENSION_DIR, ...(options.extraExtensions ?? [])].join(',')),
      ...(options.locale ? [`--lang=${options.locale.replace('_', '-')}`] : []),
    ],
    ...(options.locale ? { locale: options.locale.replace('_', '-') } : {}),
  });
  const extensionId = unpackedExtensionId(EXTENSION_DIR);
  const isOurs = (worker: Worker) => new URL(worker.url()).host === extensionId;
  const serviceWorker = async () =>
    context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs }));
  await serviceWorker();
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
 * Typed from the protocol's definitions: wrong arguments, or reading a field the answer does
 * not have, fail `tsc`.
 */
export async function sendCommandFrom<N extends CommandName>(
  page: Page,
  name: N,
  args: CommandArgs<N>,
  id?: string,
): Promise<CommandResponse<CommandResult<N>>> {
  return (await sendRawCommandFrom(page, name, args, id)) as CommandResponse<CommandResult<N>>;
}

/** The same with nothing typed, for what no UI of ours would send: unknown names, malformed arguments. */
export async function sendRawCommandFrom(
  page: Page,
  name: string,
  args: unknown,
  id: string = crypto.randomUUID(),
): Promise<unknown> {
  return page.evaluate(
    ([name, args, id]) => chrome.runtime.sendMessage({ channel: 'icc', kind: 'command', id, name, args }),
    [name, args, id] as const,
  );
}

/** An extension page to send commands from (the options page is not needed for that). */
export async function openControlPage(launched: LaunchedExtension): Promise<Page> {
  const page = await launched.context.newPage();
  // The options page subscribes to nothing, so it adds no load of its own.
  await page.goto(`chrome-extension://${launched.extensionId}/options.html`);
  return page;
}

/** Reads one result of a named live query over a fresh port, as a UI's first render would. */
export async function readLiveQueryOnce<N extends QueryName>(
  page: Page,
  name: N,
  args: QueryArgs<N>,
): Promise<QueryResult<N>> {
  return page.evaluate(
    ([name, args]) =>
      new Promise<QueryResult<N>>((resolve, reject) => {
        const port = chrome.runtime.connect({ name: 'icc.live' });
        port.onMessage.addListener((message: { kind: string; value?: unknown; error?: { message: string } }) => {
          port.disconnect();
          if (message.kind === 'result') resolve(message.value as QueryResult<N>);
          else reject(new Error(message.error?.message));
        });
        port.postMessage({ kind: 'subscribe', subId: crypto.randomUUID(), name, args });
      }),
    [name, args] as const,
  );
}

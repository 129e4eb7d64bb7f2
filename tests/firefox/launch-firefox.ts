import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

// Playwright cannot drive a stock Firefox; puppeteer-core can, over WebDriver BiDi, and it never
// downloads a browser of its own. We drive the system Firefox (Debian's firefox-esr).

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');

/** The Firefox to launch: $FIREFOX_PATH when set, else Debian's firefox-esr. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  return env.FIREFOX_PATH || '/usr/bin/firefox-esr';
}

/**
 * Profile prefs for the smoke suite. Puppeteer sets its own test defaults too; these are the ones
 * the suite relies on, so they are stated here whatever puppeteer's defaults become.
 */
export function firefoxPrefs(geckoId: string, uuid: string): Record<string, unknown> {
  return {
    // MV3 host permissions (content-script `matches` included) are opt-in in Firefox, and nobody
    // can click "Allow" in a headless run. With this pref Firefox grants the manifest's hosts at
    // install, as release Firefox does since 127 (Extension.sys.mjs `installIncludesOrigins`,
    // checked in firefox-esr 153, 2026-12): set to false, no content script runs on Gmail.
    'extensions.originControls.grantByDefault': true,
    // A known moz-extension:// UUID (else random per install), so the sidebar frame and the
    // options page are recognised by their exact address.
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
    // The network is closed here: nothing may try to phone home, and nothing may pop up.
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.usage.uploadEnabled': false,
    'app.update.disabledForTesting': true,
    'app.update.auto': false,
    'app.normandy.enabled': false,
    'app.normandy.api_url': '',
    'app.shield.optoutstudies.enabled': false,
    'extensions.update.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'browser.search.update': false,
    'browser.region.update.enabled': false,
    'browser.region.network.url': '',
    'geo.provider.network.url': '',
    'browser.topsites.contile.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    // Remote settings (blocklists, CRLite, ML models) would poll the Mozilla servers; a data: URL
    // answers every poll with nothing, as Mozilla's own test harnesses do.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'media.gmp-manager.updateEnabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'browser.ml.enable': false,
  };
}

export interface LaunchedFirefox {
  browser: Browser;
  /** The address of one of the extension's pages, e.g. `moz-extension://<uuid>/sidebar.html`. */
  extensionUrl: (path: string) => string;
  close: () => Promise<void>;
}

/** Starts headless Firefox in a fresh profile (puppeteer makes and removes it) with our build installed. */
export async function launchFirefoxWithExtension(): Promise<LaunchedFirefox> {
  const manifest = JSON.parse(readFileSync(resolve(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const uuid = crypto.randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    defaultViewport: { width: 1440, height: 900 },
    // Firefox's own test switch: connections beyond loopback fail at once, and release builds
    // honour `services.settings.server` only with it (services-settings/Utils.sys.mjs).
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    extraPrefsFirefox: firefoxPrefs(geckoId, uuid),
  });
  try {
    // A temporary add-on, as about:debugging's "Load Temporary Add-on" makes it (unsigned is fine).
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (installed !== geckoId) throw new Error(`Firefox installed ${installed}, expected ${geckoId}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    browser,
    extensionUrl: (path) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`,
    close: () => browser.close(),
  };
}

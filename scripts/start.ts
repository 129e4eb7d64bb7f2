// `npm start`: builds the extension, starts the tracking server, and opens Chromium with the
// extension loaded on the demo mailbox (our Gmail and Outlook fixture pages served at their
// real addresses). `--real` opens the real Gmail instead; `--screenshot <file>` runs headless
// and saves what the rep would see. Runs under Node 24 (through scripts/with-node24.mjs).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findChromium } from '../tests/support/chromium.ts';
import {
  EXTENSION_DIR,
  launchWithExtension,
  openControlPage,
  sendCommandFrom,
} from '../tests/support/launch-extension.ts';
import { findSidebarFrame } from '../tests/support/sidebar-frame.ts';
import { GMAIL_INBOX_URL, OUTLOOK_MAIL_URL, serveWebmail } from '../tests/support/webmail-routes.ts';
import { ensureSystemPackages } from './system-packages.ts';

const { values: options } = parseArgs({
  options: {
    screenshot: { type: 'string' },
    site: { type: 'string', default: 'gmail' },
    real: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'no-server': { type: 'boolean', default: false },
    'no-demo': { type: 'boolean', default: false },
  },
});

function step(message: string) {
  console.log(`\u001b[36m›\u001b[0m ${message}`);
}

// Chromium first (installed here when we may): without it the build below is only for loading by hand.
const hasChromium = ensureSystemPackages(['chromium']);

if (!options['no-build']) {
  step('Building the extension (.output/chrome-mv3)…');
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const chromium = hasChromium ? findChromium() : undefined;
if (!chromium) {
  console.log(`
No Chromium to open. Load the extension by hand instead:
  1. Open chrome://extensions and switch on "Developer mode".
  2. Click "Load unpacked" and choose ${EXTENSION_DIR}
  3. Open https://mail.google.com/ or https://outlook.office.com/mail/
`);
  process.exit(1);
}

const headless = options.screenshot !== undefined || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
if (headless && options.screenshot === undefined) {
  console.log('No display found: run `npm start -- --screenshot sidebar.png` to see the sidebar headless.');
  process.exit(1);
}

let server: ChildProcess | undefined;
if (!options['no-server'] && existsSync('server/package.json')) {
  step('Starting the tracking server (as `npm run server` does)…');
  // Node itself, not npm: npm does not pass our SIGTERM on, and the server would outlive us.
  server = spawn(process.execPath, ['src/main.ts'], { cwd: 'server', stdio: 'inherit' });
}

step(`Starting Chromium (${chromium})${headless ? ' headless' : ''}…`);
const launched = await launchWithExtension({ headless, viewport: { width: 1440, height: 900 } });
const stop = async () => {
  await launched.close().catch(() => {});
  server?.kill();
};
process.on('SIGINT', () => void stop().then(() => process.exit(0)));

if (!options.real) await serveWebmail(launched.context);
if (!options['no-demo']) {
  step('Filling the demo mailbox…');
  const control = await openControlPage(launched);
  await sendCommandFrom(control, 'demo.seed', {});
  await control.close();
}

const url = options.real ? 'https://mail.google.com/' : options.site === 'outlook' ? OUTLOOK_MAIL_URL : GMAIL_INBOX_URL;
const page = launched.context.pages()[0] ?? (await launched.context.newPage());
await page.goto(url);

if (options.screenshot) {
  const sidebar = await findSidebarFrame(page);
  await sidebar.locator('[data-testid="folder-count-delivered"]').filter({ hasNotText: '·' }).waitFor();
  await sidebar.locator('[data-testid="email-row"]').first().waitFor();
  if (!options['no-demo'])
    await sidebar.locator('[data-testid="demo-switch"]:checked:not([disabled])').waitFor({ state: 'attached' });
  await page.screenshot({ path: options.screenshot });
  step(`Saved ${options.screenshot}`);
  await stop();
} else {
  step('Ready. Close the browser window (or press Ctrl+C) to stop.');
  launched.context.on('close', () => server?.kill());
}

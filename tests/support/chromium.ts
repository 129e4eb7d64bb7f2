import { existsSync } from 'node:fs';

// Playwright cannot download browsers here; we drive the system Chromium (Debian's package).
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];

/** The Chromium to launch: $CHROMIUM_PATH when set, else the first one installed. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return CANDIDATES.find((path) => exists(path));
}

/**
 * Flags for a closed network: without the first three Chromium floods refused connections
 * (update checks, sync, component downloads).
 */
export const CLOSED_NETWORK_ARGS: readonly string[] = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--disable-quic',
];

/** The same with our unpacked extension(s) loaded. */
export function chromiumArgs(extensionDir: string): string[] {
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...CLOSED_NETWORK_ARGS];
}

import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// The builds are produced by `npm run build` (part of `npm test`) before the e2e run.
const manifest = (target: string) => JSON.parse(readFileSync(`.output/${target}/manifest.json`, 'utf8'));

test('the Firefox MV3 build is produced and its manifest is valid for Firefox', () => {
  expect(existsSync('.output/firefox-mv3/manifest.json')).toBe(true);
  const firefox = manifest('firefox-mv3');
  expect(firefox.manifest_version).toBe(3);
  expect(firefox.browser_specific_settings.gecko.id).toMatch(/^[^@\s]+@[^@\s]+$/);
  // Firefox MV3 runs the background as an event page (scripts), not a service worker.
  expect(firefox.background.scripts).toEqual(['background.js']);
  expect(firefox.background.service_worker).toBeUndefined();
  for (const file of [
    ...firefox.background.scripts,
    ...firefox.content_scripts.flatMap((script: { js: string[] }) => script.js),
  ]) {
    expect(existsSync(`.output/firefox-mv3/${file}`), file).toBe(true);
  }
  expect(firefox.default_locale).toBe('en');
  expect(existsSync('.output/firefox-mv3/_locales/en/messages.json')).toBe(true);
});

test('the Chrome manifest asks only for what the code uses, and exposes the sidebar to the mail hosts only', () => {
  const chrome = manifest('chrome-mv3');
  expect(chrome.permissions.sort()).toEqual([
    'alarms',
    'declarativeNetRequest',
    'notifications',
    'storage',
    'unlimitedStorage',
  ]);
  expect(chrome.host_permissions ?? []).toEqual([]);
  expect(chrome.web_accessible_resources).toEqual([
    {
      resources: ['sidebar.html'],
      matches: [
        'https://mail.google.com/*',
        'https://outlook.live.com/*',
        'https://outlook.office.com/*',
        'https://outlook.office365.com/*',
      ],
    },
  ]);
  expect(chrome.commands['toggle-sidebar'].suggested_key.default).toBe('Alt+Shift+K');
});

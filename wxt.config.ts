import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { MAIL_HOST_PATTERNS } from './lib/sites/mail-hosts';

// Chrome MV3 and Firefox MV3 from one config. The manifest asks only for what the code uses:
// storage (sidebar open/width per site), alarms (background wake-ups), unlimitedStorage
// (the rep's whole mailbox history lives in IndexedDB, local-first), declarativeNetRequest
// (one block rule: the rep's browser never loads our own pixel; no host permission needed),
// notifications (task reminders).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  webExt: { disabled: true },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'declarativeNetRequest', 'notifications'],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: [...MAIL_HOST_PATTERNS] }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'command-center@inbox-command-center.app',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

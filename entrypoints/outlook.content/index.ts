import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountCommandCenter } from '../../lib/dock/mount-dock';
import { syncOnFocus } from '../../lib/dock/sync-on-focus';
import { OUTLOOK_HOST_PATTERNS } from '../../lib/sites/mail-hosts';
import { outlookAdapter } from '../../lib/sites/outlook';

export default defineContentScript({
  matches: [...OUTLOOK_HOST_PATTERNS],
  runAt: 'document_idle',
  main: (ctx) => {
    syncOnFocus(ctx);
    return mountCommandCenter(ctx, outlookAdapter);
  },
});

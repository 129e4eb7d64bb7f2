import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountCommandCenter } from '../../lib/dock/mount-dock';
import { syncOnFocus } from '../../lib/dock/sync-on-focus';
import { gmailAdapter } from '../../lib/sites/gmail';
import { GMAIL_HOST_PATTERNS } from '../../lib/sites/mail-hosts';

export default defineContentScript({
  matches: [...GMAIL_HOST_PATTERNS],
  runAt: 'document_idle',
  main: (ctx) => {
    syncOnFocus(ctx);
    return mountCommandCenter(ctx, gmailAdapter);
  },
});

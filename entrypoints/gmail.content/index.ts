import { defineContentScript } from 'wxt/utils/define-content-script';
import { GMAIL_HOST_PATTERNS } from '../../lib/sites/mail-hosts';
import { gmailAdapter } from '../../lib/sites/gmail';
import { mountCommandCenter } from '../../lib/dock/mount-dock';

export default defineContentScript({
  matches: [...GMAIL_HOST_PATTERNS],
  runAt: 'document_idle',
  main: (ctx) => mountCommandCenter(ctx, gmailAdapter),
});

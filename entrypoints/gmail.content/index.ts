import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../../lib/content/start-content';
import { gmailAdapter } from '../../lib/sites/gmail';
import { GMAIL_HOST_PATTERNS } from '../../lib/sites/mail-hosts';

export default defineContentScript({
  matches: [...GMAIL_HOST_PATTERNS],
  runAt: 'document_idle',
  main: (ctx) => startContent(ctx, gmailAdapter),
});

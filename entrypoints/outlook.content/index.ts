import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../../lib/content/start-content';
import { OUTLOOK_HOST_PATTERNS } from '../../lib/sites/mail-hosts';
import { outlookAdapter } from '../../lib/sites/outlook';

export default defineContentScript({
  matches: [...OUTLOOK_HOST_PATTERNS],
  runAt: 'document_idle',
  main: (ctx) => startContent(ctx, outlookAdapter),
});

// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gmailAdapter } from './gmail';
import { outlookAdapter } from './outlook';
import type { SiteAdapter } from './site-adapter';

// happy-dom replaces the global URL, so paths are joined from the directory instead.
const ours = (path: string) => readFileSync(join(import.meta.dirname, '../../tests/fixtures/webmail', path), 'utf8');
const shared = (path: string) => {
  const file = join(import.meta.dirname, '../../../shared/fixtures', path);
  if (!existsSync(file)) throw new Error(`Missing ${file}: shared/ must sit beside the checkout.`);
  return readFileSync(file, 'utf8');
};

function load(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function healthOf(adapter: SiteAdapter, html: string) {
  // findDock reads computed styles, so the page must be the live document.
  document.documentElement.innerHTML = load(html).documentElement.innerHTML;
  return adapter.findDock(document).health;
}

describe('site adapters find their anchors, or say which are missing', () => {
  it.each([
    ['Gmail fixture (2024-11+ layout)', gmailAdapter, () => ours('gmail/inbox.html'), 'ok'],
    ['Gmail fixture with changed markup', gmailAdapter, () => ours('gmail/inbox-changed.html'), 'degraded'],
    [
      'real Gmail capture of 2017 (add-on sidebar, before the side panel)',
      gmailAdapter,
      () => shared('gmail/inboxsdk-gmail-2017-09-08-addon-sidebar.html'),
      'degraded',
    ],
    [
      'real Gmail 2020 compose dialog alone',
      gmailAdapter,
      () => shared('gmail/jsmin-gmail-compose-dialog-2020.html'),
      'degraded',
    ],
    ['Outlook fixture', outlookAdapter, () => ours('outlook/mail.html'), 'ok'],
    ['Outlook fixture with changed markup', outlookAdapter, () => ours('outlook/mail-changed.html'), 'degraded'],
    ['a Gmail page given to the Outlook adapter', outlookAdapter, () => ours('gmail/inbox.html'), 'degraded'],
  ] as const)('%s → %s', (_name, adapter, html, status) => {
    const health = healthOf(adapter, html());
    expect(health.status).toBe(status);
    if (status === 'degraded') expect(health.missing.length).toBeGreaterThan(0);
    else expect(health.missing).toEqual([]);
  });
});

// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComposeView } from './compose-view';
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
const CAPTURE_2020 = () => shared('gmail/jsmin-gmail-compose-dialog-2020.html');
const mutationsDelivered = () => new Promise((resolve) => setTimeout(resolve, 0));

let watching = new AbortController();
afterEach(() => watching.abort());

/** Puts the page in the live document (fixture scripts do not run) and collects every compose reported. */
function openPage(adapter: SiteAdapter, html: string): ComposeView[] {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  watching = new AbortController();
  const views: ComposeView[] = [];
  adapter.onComposeOpened((view) => views.push(view), watching.signal);
  return views;
}

function onlyCompose(adapter: SiteAdapter, html: string): ComposeView {
  const views = openPage(adapter, html);
  expect(views).toHaveLength(1);
  return views[0]!;
}

const DANA = { address: 'dana@example.com', name: 'Dana Whitfield' };
const HARBORVIEW = 'Pricing proposal – Harborview rollout';

describe('the compose driver reads what the rep sees in the compose', () => {
  it.each([
    {
      page: 'real Gmail 2020 pop-out capture (empty new message)',
      adapter: gmailAdapter,
      html: CAPTURE_2020,
      to: [],
      subject: '',
      bodyLabel: 'Message Body',
      sendLabel: 'Send ‪(Ctrl-Enter)‬',
      identity: { draftId: '#msg-a:r-7673660351152959857', threadId: '#thread-a:r-7681922771531347793' },
      slot: { where: 'before', className: 'IZ' },
      discard: 'Discard draft ‪(Ctrl-Shift-D)‬',
    },
    {
      page: 'Gmail fixture with an open compose',
      adapter: gmailAdapter,
      html: () => ours('gmail/inbox.html'),
      to: [DANA],
      subject: HARBORVIEW,
      bodyLabel: 'Message Body',
      sendLabel: 'Send ‪(Ctrl-Enter)‬',
      identity: { draftId: '#msg-a:r-1234567890123456789', threadId: '#thread-a:r-9876543210987654321' },
      slot: { where: 'before', className: 'IZ' },
      discard: 'Discard draft ‪(Ctrl-Shift-D)‬',
    },
    {
      page: 'Outlook fixture with a reading-pane compose',
      adapter: outlookAdapter,
      html: () => ours('outlook/mail.html'),
      to: [DANA],
      subject: HARBORVIEW,
      bodyLabel: 'Message body',
      sendLabel: 'Send',
      identity: {},
      slot: { where: 'after', className: 'cbar' },
      discard: undefined,
    },
  ])('$page', ({ adapter, html, to, subject, bodyLabel, sendLabel, identity, slot, discard }) => {
    const compose = onlyCompose(adapter, html());
    expect(compose.recipients('to')).toEqual(to);
    expect(compose.recipients('cc')).toEqual([]);
    expect(compose.subject()).toBe(subject);
    expect(compose.body()?.isContentEditable).toBe(true);
    expect(compose.body()?.getAttribute('aria-label')).toBe(bodyLabel);
    expect(compose.sendControl()?.getAttribute('aria-label')).toBe(sendLabel);
    expect(compose.identity()).toEqual(identity);
    expect(compose.health()).toEqual({ status: 'ok', missing: [] });
    // The toolbar gets a line of its own next to the row with Send: above Gmail's, below Outlook's.
    const found = compose.toolbarSlot();
    expect({ where: found?.where, className: found?.anchor.className }).toEqual(slot);
    expect(found?.anchor.contains(compose.sendControl())).toBe(true);
    expect(compose.discardControl()?.getAttribute('aria-label')).toBe(discard);
    expect(compose.plainText()).toBe(false);
  });

  it('reads chips of the pre-2021 Gmail recipient UI (ISDK page-parser: `.vR` in the textarea row)', () => {
    const compose = onlyCompose(gmailAdapter, CAPTURE_2020());
    const row = document.querySelector('textarea[name=to]')!.closest('tr')!;
    row
      .querySelector('td:last-child, td')!
      .insertAdjacentHTML(
        'afterbegin',
        '<div class="vR"><span class="vN" email="dana@example.com">Dana</span><input type="hidden" value="Dana Whitfield <dana@example.com>"></div>',
      );
    expect(compose.recipients('to')).toEqual([DANA]);
    expect(compose.recipients('bcc')).toEqual([]);
  });
});

describe('onComposeOpened reports each compose once and says when it closes', () => {
  const sites = [
    {
      site: 'Gmail',
      adapter: gmailAdapter,
      html: () => ours('gmail/inbox.html'),
      // A second mole, as "Compose" opens beside an existing one.
      openAnother: () => {
        const mole = document.querySelector('[data-mole]')!;
        mole.parentElement!.append(mole.cloneNode(true));
      },
      removeFirst: () => document.querySelector('[data-mole]')!.remove(),
    },
    {
      site: 'Outlook',
      adapter: outlookAdapter,
      html: () => ours('outlook/mail.html'),
      // A pop-out-style compose (`Form_Content`) next to the reading-pane one.
      openAnother: () =>
        document.body.append(document.querySelector('[data-app-section="Form_Content"]')!.cloneNode(true)),
      removeFirst: () => document.querySelector('[data-app-section="Form_Content"]')!.remove(),
    },
  ];

  it.each(sites)('$site: once now, once for a later one, never twice', async ({ adapter, html, openAnother }) => {
    const views = openPage(adapter, html());
    expect(views).toHaveLength(1);
    openAnother();
    await mutationsDelivered();
    expect(views).toHaveLength(2);
    // Typing in the body and moving the compose (Gmail's full-screen toggle) are not new composes.
    views[0]!.body()!.append(document.createElement('div'), document.createElement('br'));
    const first = views[0]!.body()!.closest('[data-mole], [data-app-section="Form_Content"]')!;
    first.parentElement!.append(first);
    await mutationsDelivered();
    expect(views).toHaveLength(2);
    expect(views.map((view) => view.closed.aborted)).toEqual([false, false]);
  });

  it.each(sites)(
    '$site: a compose leaving the page aborts its closed signal',
    async ({ adapter, html, openAnother, removeFirst }) => {
      const views = openPage(adapter, html());
      openAnother();
      await mutationsDelivered();
      removeFirst();
      await mutationsDelivered();
      expect(views.map((view) => view.closed.aborted)).toEqual([true, false]);
    },
  );

  it.each(sites)(
    '$site: aborting the signal stops watching and closes the views',
    async ({ adapter, html, openAnother }) => {
      const views = openPage(adapter, html());
      watching.abort();
      openAnother();
      await mutationsDelivered();
      expect(views).toHaveLength(1);
      expect(views[0]!.closed.aborted).toBe(true);
    },
  );
});

describe('compose health names the parts the webmail no longer has', () => {
  it.each([
    ['Gmail page after a re-layout (compose hooks kept)', gmailAdapter, () => ours('gmail/inbox-changed.html'), [], []],
    [
      'Outlook page after a re-layout (compose hooks kept)',
      outlookAdapter,
      () => ours('outlook/mail-changed.html'),
      [],
      [],
    ],
    ['Gmail compose without Send', gmailAdapter, () => ours('gmail/inbox.html'), ['.IZ .Up'], ['send button']],
    [
      'Gmail 2020 capture without subject and Send',
      gmailAdapter,
      CAPTURE_2020,
      ['input[name=subjectbox]', 'table.IZ'],
      ['subject', 'send button'],
    ],
    ['Gmail compose without its To row', gmailAdapter, () => ours('gmail/inbox.html'), ['.anm[name=to]'], ['to field']],
    [
      'Outlook compose without Send and subject',
      outlookAdapter,
      () => ours('outlook/mail.html'),
      ['[data-testid="ComposeSendButton"]', 'input.ms-TextField-field'],
      ['subject', 'send button'],
    ],
  ] as const)('%s → missing %j', (_page, adapter, html, remove, missing) => {
    const compose = onlyCompose(adapter, html());
    for (const selector of remove) document.querySelector(selector)!.remove();
    expect(compose.health()).toEqual({ status: missing.length > 0 ? 'degraded' : 'ok', missing });
  });
});

describe('writing to a compose goes through the fields the webmail listens to', () => {
  const LEE = { address: 'lee@example.org', name: 'Lee Park' };

  it('Gmail: types the recipient into the right combobox and presses Tab, as gmail.js does', () => {
    const compose = onlyCompose(gmailAdapter, ours('gmail/inbox.html'));
    const events: string[] = [];
    const toInput = document.querySelector<HTMLInputElement>('.anm[name=to] input')!;
    toInput.addEventListener('input', () => events.push('input'));
    toInput.addEventListener('keydown', (event) => events.push(`keydown ${event.key}`));
    expect(compose.addRecipients('to', [LEE])).toBe(true);
    expect(toInput.value).toBe('Lee Park <lee@example.org>');
    expect(events).toEqual(['input', 'keydown Tab']);
    expect(compose.addRecipients('bcc', [{ address: 'ops@example.com' }])).toBe(true);
    expect(document.querySelector<HTMLInputElement>('.anm[name=bcc] input')!.value).toBe('ops@example.com');
    expect(document.querySelector<HTMLInputElement>('.anm[name=cc] input')!.value).toBe('');
  });

  it('Outlook: inserts "Name <address>," into the right well', () => {
    const compose = onlyCompose(outlookAdapter, ours('outlook/mail.html'));
    expect(compose.addRecipients('cc', [LEE])).toBe(true);
    const [to, cc] = document.querySelectorAll('[contenteditable=true]:not([aria-multiline=true])');
    expect(cc!.textContent).toBe('Lee Park <lee@example.org>,');
    expect(to!.textContent).toBe('Dana Whitfield <dana@example.com>');
    expect(compose.addRecipients('bcc', [LEE])).toBe(false); // Bcc is not shown yet
  });

  it.each([
    ['Gmail', gmailAdapter, () => ours('gmail/inbox.html')],
    ['Outlook', outlookAdapter, () => ours('outlook/mail.html')],
  ] as const)('%s: setSubject changes the subject and fires input', (_site, adapter, html) => {
    const compose = onlyCompose(adapter, html());
    let inputs = 0;
    document.addEventListener('input', () => inputs++);
    compose.setSubject('Revised pricing');
    expect(compose.subject()).toBe('Revised pricing');
    expect(inputs).toBe(1);
  });
});

// Firefox smoke suite: the real Firefox MV3 build (.output/firefox-mv3, `npm run build`) in the
// system Firefox, on our webmail fixtures at their real addresses. Run: `npm run test:firefox`.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TOOLBAR_TAG } from '../../lib/content/element-names.ts';
import type { AddressStanding } from '../../lib/people/address-standing.ts';
import { COMPOSE_ROOT, SHOW_RECIPIENT_ROW } from '../../lib/sites/gmail/selectors.ts';
import { GMAIL_INBOX_URL, OUTLOOK_MAIL_URL, type WebmailPages } from '../support/webmail-routes.ts';
import { type LaunchedFirefox, launchFirefoxWithExtension } from './launch-firefox.ts';
import { inWebmailTab, sendCommandFrom, type WebmailTab, waitFor } from './webmail-tab.ts';

const SITES = [
  { site: 'Gmail', url: GMAIL_INBOX_URL, changed: { gmail: 'inbox-changed.html' } },
  { site: 'Outlook', url: OUTLOOK_MAIL_URL, changed: { outlook: 'mail-changed.html' } },
];

// One Firefox for the file (a launch costs 2.5 s, far more on a busy machine); each test opens
// its own tab and closes it. Only the live-counts test writes data, and no test closes the sidebar.
let firefox: LaunchedFirefox;
before(async () => {
  firefox = await launchFirefoxWithExtension();
});
after(() => firefox?.close());

const withTab = (url: string, pages: WebmailPages, run: (tab: WebmailTab) => Promise<void>) =>
  inWebmailTab(firefox, url, { pages }, run);

const TIMEOUT = { timeout: 45_000 };

for (const { site, url } of SITES) {
  test(`${site} in Firefox: the sidebar docks in the webmail's row and shows its folder counts`, TIMEOUT, () =>
    withTab(url, {}, async (tab) => {
      const dock = await tab.waitForDock();
      assert.equal(dock.health, 'ok', 'the layout is recognised');
      assert.notEqual(dock.position, 'fixed', 'the dock does not float over the webmail');
      assert.ok(dock.inFlexRow, "the dock sits in the webmail's flex row");
      assert.ok(
        dock.rightGap < 16 && dock.width >= 280,
        `docked at the right edge, at least 280 px wide (${JSON.stringify(dock)})`,
      );

      // A number, not the `·` shown while the background has not answered.
      assert.ok((await tab.waitForCount('delivered')) >= 0);
      assert.deepEqual(tab.pageErrors, []);
    }),
  );
}

test(
  'Firefox: a command from another extension page changes the counts in an open sidebar, without a reload',
  TIMEOUT,
  () =>
    withTab(GMAIL_INBOX_URL, {}, async (tab) => {
      const deliveredBefore = await tab.waitForCount('delivered');
      // Marks that a reload of the page or of the sidebar would wipe.
      const sidebar = await tab.sidebarFrame();
      const mark = () => {
        (window as unknown as { __beforeSeed: boolean }).__beforeSeed = true;
      };
      await sidebar.evaluate(mark);
      await tab.page.evaluate(mark);

      const control = await tab.openControlPage();
      const answer = await sendCommandFrom(control, 'demo.seed', { emails: 40 });
      assert.equal(answer.ok, true, `demo.seed answered ${JSON.stringify(answer)}`);

      const delivered = await tab.waitForCount('delivered', (count) => count !== deliveredBefore);
      assert.ok(
        delivered > deliveredBefore && delivered < deliveredBefore + 40,
        `some of the 40 demo emails are delivered (${deliveredBefore} → ${delivered})`,
      );
      assert.equal(
        await sidebar.evaluate(() => (window as unknown as { __beforeSeed?: boolean }).__beforeSeed),
        true,
        'the sidebar was not reloaded',
      );
      assert.equal(
        await tab.page.evaluate(() => (window as unknown as { __beforeSeed?: boolean }).__beforeSeed),
        true,
        'the webmail was not reloaded',
      );
      assert.deepEqual(tab.pageErrors, []);
    }),
);

test('Firefox: select all takes the whole folder and says so', TIMEOUT, () =>
  withTab(GMAIL_INBOX_URL, {}, async (tab) => {
    const control = await tab.openControlPage();
    assert.equal((await sendCommandFrom(control, 'demo.seed', { emails: 40 })).ok, true);
    const delivered = await tab.waitForCount('delivered', (count) => count > 1);
    const sidebar = await tab.sidebarFrame();
    // The list has loaded the folder (the box is enabled once there is something to select).
    await waitFor('select all to be enabled', () =>
      sidebar.evaluate(
        () => document.querySelector<HTMLInputElement>('[data-testid="select-all"]')?.disabled === false || undefined,
      ),
    );
    await sidebar.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="select-all"]')?.click());
    const summary = await waitFor('the selection summary to say all are selected', () =>
      sidebar.evaluate(() => {
        const text = document.querySelector('[data-testid="selection-summary"]')?.textContent ?? '';
        return text.startsWith('All ') ? text : undefined;
      }),
    );
    assert.equal(summary, `All ${delivered} emails in Delivered are selected`);
    assert.deepEqual(tab.pageErrors, []);
  }),
);

test('Firefox: a bulk archive stops on Cancel and says how far it got', TIMEOUT, () =>
  withTab(GMAIL_INBOX_URL, {}, async (tab) => {
    const control = await tab.openControlPage();
    assert.equal((await sendCommandFrom(control, 'demo.seed', { emails: 1_500, eventsPerEmail: 1 })).ok, true);
    const delivered = await tab.waitForCount('delivered', (count) => count > 300);
    const sidebar = await tab.sidebarFrame();
    const click = (selector: string) =>
      sidebar.evaluate((wanted) => {
        const element = document.querySelector<HTMLElement>(wanted);
        if (!element || (element as HTMLInputElement).disabled) return undefined;
        element.click();
        return true;
      }, selector);
    await waitFor('select all', () => click('[data-testid="select-all"]'));
    await waitFor('all selected', () =>
      sidebar.evaluate(
        () => document.querySelector('[data-testid="selection-summary"]')?.textContent?.startsWith('All ') || undefined,
      ),
    );
    await waitFor('Archive', () => click('[data-testid="bulk-bar"] [data-action="archive"]'));
    await waitFor('Cancel in the progress bar', () => click('[data-testid="bulk-cancel"]'));
    const toast = await waitFor('the toast to say it stopped', () =>
      sidebar.evaluate(() => {
        const text = document.querySelector('[data-testid="toast"]')?.textContent ?? '';
        return text.startsWith('Stopped after') ? text : undefined;
      }),
    );
    const archived = Number(/Stopped after ([\d,]+)/.exec(toast)?.[1]?.replace(/,/g, ''));
    assert.ok(archived > 0 && archived < delivered, `${archived} of ${delivered} archived`);
    await tab.waitForCount('delivered', (count) => count === delivered - archived);
    assert.deepEqual(tab.pageErrors, []);
  }),
);

test('Firefox: a soft bounce shows as a warning on its Delivered row, in the rep’s words', TIMEOUT, () =>
  withTab(GMAIL_INBOX_URL, {}, async (tab) => {
    const control = await tab.openControlPage();
    // The demo mailbox gives every seventh delivered email a mailbox-full warning (demo-mailbox.ts).
    assert.equal((await sendCommandFrom(control, 'demo.seed', { emails: 40 })).ok, true);
    await tab.waitForCount('delivered', (count) => count > 1);
    const sidebar = await tab.sidebarFrame();
    const warning = await waitFor('a row with a delivery warning', () =>
      sidebar.evaluate(() => document.querySelector('[data-testid="row-warning"]')?.textContent || undefined),
    );
    assert.match(warning, /^mailbox full, .+; the relay will retry$/);
    assert.deepEqual(tab.pageErrors, []);
  }),
);

test('Firefox: an address that bounced hard, typed into a compose, makes its toolbar warn', TIMEOUT, () =>
  withTab(GMAIL_INBOX_URL, {}, async (tab) => {
    const control = await tab.openControlPage();
    // The demo marks the people of its hard bounces undeliverable (demo-address-marks.ts).
    assert.equal((await sendCommandFrom(control, 'demo.seed', {})).ok, true);
    // Which person it marked, read from the extension's own database on its options page.
    const address = await control.evaluate(
      () =>
        new Promise<string | undefined>((resolve, reject) => {
          const open = indexedDB.open('command-center');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('people').objectStore('people').getAll();
            all.onsuccess = () => {
              const people = all.result as { email: string; undeliverable?: unknown; complained?: unknown }[];
              resolve(people.find((p) => p.undeliverable && !p.complained)?.email);
              open.result.close();
            };
          };
        }),
    );
    assert.ok(address, 'the demo marked a person undeliverable');
    // The background says so too, as the compose will ask it.
    const answer = await sendCommandFrom(control, 'people.standings', { addresses: [address] });
    assert.equal((answer.value as AddressStanding[] | undefined)?.[0]?.bounced?.reasonCode, 'bounce.hardReason');
    const warned = () =>
      tab.page.evaluate((tag) => document.querySelector(tag)?.getAttribute('data-warned'), TOOLBAR_TAG);
    assert.notEqual(await warned(), 'true', 'no warning before the address is typed');
    await tab.page.click(`${COMPOSE_ROOT} ${SHOW_RECIPIENT_ROW.cc}`);
    await tab.page.keyboard.type(address);
    await tab.page.keyboard.press('Enter');
    await waitFor('the toolbar to warn about the address', async () =>
      (await warned()) === 'true' ? true : undefined,
    );
    assert.deepEqual(tab.pageErrors, []);
  }),
);

test('Firefox: the options page shows its form at the deliberate size and says what is wrong', TIMEOUT, () =>
  withTab(GMAIL_INBOX_URL, {}, async (tab) => {
    const options = await tab.openControlPage();
    const state = await options.evaluate(() => ({
      form: document.querySelector('[data-testid="server-form"]') !== null,
      size: getComputedStyle(document.body).fontSize,
    }));
    assert.deepEqual(state, { form: true, size: '13px' });
    await options.evaluate(() => {
      const url = document.querySelector<HTMLInputElement>('[data-testid="server-url"]');
      if (!url) return;
      url.value = 'track.example.com';
      url.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // Submitted once the form has re-rendered with what was typed, as a rep's click would be.
    await waitFor('the typed address in the form', () =>
      options.evaluate(
        () => document.querySelector<HTMLInputElement>('[data-testid="server-url"]')?.value || undefined,
      ),
    );
    await new Promise((done) => setTimeout(done, 50));
    await options.evaluate(() =>
      document.querySelector<HTMLFormElement>('[data-testid="server-form"]')?.requestSubmit(),
    );
    const note = await waitFor('the note under the form', () =>
      options.evaluate(() => document.querySelector('[data-testid="server-note"]')?.textContent || undefined),
    );
    assert.match(note, /Enter the full server address/);
  }),
);

test('Firefox: the options page shows the compose tracking card and saves the never-track list', TIMEOUT, () =>
  withTab(GMAIL_INBOX_URL, {}, async (tab) => {
    const options = await tab.openControlPage();
    // Loaded: the card's controls are enabled once the saved settings are read.
    await waitFor('the compose tracking card', () =>
      options.evaluate(
        () =>
          document.querySelector<HTMLTextAreaElement>('[data-testid="never-track"]')?.disabled === false || undefined,
      ),
    );
    await options.evaluate(() => {
      const list = document.querySelector<HTMLTextAreaElement>('[data-testid="never-track"]');
      if (!list) return;
      list.value = 'Example.com\n@acme.io';
      list.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await new Promise((done) => setTimeout(done, 50)); // the form re-renders with what was typed
    await options.evaluate(() =>
      document.querySelector<HTMLFormElement>('[data-testid="compose-tracking-form"]')?.requestSubmit(),
    );
    const note = await waitFor('the note under the card', () =>
      options.evaluate(() => document.querySelector('[data-testid="compose-tracking-note"]')?.textContent || undefined),
    );
    assert.equal(note, 'Saved. 2 entries on the never-track list.');
    const stored = await options.evaluate(
      async () =>
        (await (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get('composeTracking'))
          .composeTracking,
    );
    assert.deepEqual(stored, { trackByDefault: true, neverTrack: ['example.com', 'acme.io'] });
  }),
);

test('Firefox: the sidebar opens a prefilled compose in Gmail with a real chip', TIMEOUT, () =>
  withTab(GMAIL_INBOX_URL, {}, async (tab) => {
    // The fixture opens a draft at load and reuses it: close it first, as a rep would.
    await tab.page.evaluate(() => document.querySelector<HTMLElement>('.AD .Ha')?.click());
    await waitFor('the draft to close', () =>
      tab.page.evaluate(() => document.querySelector('.AD') === null || undefined),
    );
    const sidebar = await tab.sidebarFrame();
    await sidebar.evaluate(() =>
      window.parent.postMessage(
        {
          channel: 'icc',
          kind: 'compose.open',
          to: [{ address: 'dana@example.com' }],
          cc: [],
          bcc: [],
          subject: 'Quick follow-up',
          body: 'Hi Dana,',
        },
        location.ancestorOrigins?.[0] ?? '*',
      ),
    );
    const compose = await waitFor('a compose with the chip and the subject', () =>
      tab.page.evaluate(() => {
        const chip = document.querySelector('.AD .anm[name="to"] [role=option][data-hovercard-id="dana@example.com"]');
        const subject = document.querySelector<HTMLInputElement>('.AD input[name=subjectbox]')?.value;
        return chip && subject
          ? { subject, body: document.querySelector('.AD [g_editable=true]')?.textContent ?? '' }
          : undefined;
      }),
    );
    assert.deepEqual(compose, { subject: 'Quick follow-up', body: 'Hi Dana,' });
    assert.deepEqual(tab.pageErrors, []);
  }),
);

for (const { site, url, changed } of SITES) {
  test(
    `${site} in Firefox with changed markup: the sidebar floats, marked degraded, and the webmail keeps working`,
    TIMEOUT,
    () =>
      withTab(url, changed, async (tab) => {
        const dock = await tab.waitForDock();
        assert.equal(dock.health, 'degraded', 'the changed layout is not recognised');
        assert.equal(dock.position, 'fixed', 'the dock floats over the webmail');
        await tab.waitForCount('delivered');

        // The webmail's own shortcut still works: "c" opens the compose and puts the caret in it.
        assert.equal(await tab.focusedField(), undefined, 'no field has the keyboard before "c"');
        await tab.page.keyboard.press('c');
        await waitFor('a compose field to take the keyboard after "c"', () => tab.focusedField());
        assert.ok(
          (await tab.page.evaluate(() => (window as unknown as { __pageKeys: string[] }).__pageKeys)).includes('c'),
        );
        assert.deepEqual(tab.pageErrors, []);
      }),
  );
}

test('Firefox: the Tasks tab adds a task in one line and completes it with one click', TIMEOUT, () =>
  withTab(GMAIL_INBOX_URL, {}, async (tab) => {
    const sidebar = await tab.sidebarFrame();
    const count = (view: string) =>
      sidebar.evaluate((view) => {
        const text = document.querySelector(`[data-testid="task-count-${view}"]`)?.textContent ?? '';
        return /\d/.test(text) ? Number(text.replace(/\D/g, '')) : undefined;
      }, view);
    // The section tabs may not be drawn yet when the frame is found (a loaded machine): click until
    // the Tasks section shows its counts.
    const before = await waitFor('the Tomorrow count', async () => {
      await sidebar.evaluate(() =>
        document.querySelector<HTMLElement>('[data-testid="sections"] [data-key="tasks"]')?.click(),
      );
      return count('tomorrow');
    });
    await sidebar.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="quick-add"]');
      if (!input) return;
      input.value = 'Call Dana tomorrow 9am high';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const due = await waitFor('the preview to read the date', () =>
      sidebar.evaluate(() => document.querySelector('[data-testid="preview-due"]')?.textContent || undefined),
    );
    assert.match(due, /^tomorrow 9:00\sAM$/);
    await sidebar.evaluate(() => document.querySelector<HTMLFormElement>('.quick-add-line')?.requestSubmit());
    await waitFor('the task to count in Tomorrow', async () =>
      (await count('tomorrow')) === before + 1 ? true : undefined,
    );
    const completedBefore = await waitFor('the Completed count', () => count('completed'));
    await sidebar.evaluate(() =>
      document.querySelector<HTMLElement>('[data-testid="task-views"] [data-key="tomorrow"]')?.click(),
    );
    await waitFor('the new task’s row', () =>
      sidebar.evaluate(() => {
        const row = [...document.querySelectorAll('[data-testid="task-row"]')].find((r) =>
          r.textContent?.includes('Call Dana'),
        );
        row?.querySelector<HTMLElement>('[data-testid="task-complete"]')?.click();
        return row ? true : undefined;
      }),
    );
    await waitFor('Completed to count it', async () =>
      (await count('completed')) === completedBefore + 1 ? true : undefined,
    );
    assert.equal(await count('tomorrow'), before);
    assert.deepEqual(tab.pageErrors, []);
  }),
);

test('Firefox: the Lists section shows a saved list with its count', TIMEOUT, () =>
  withTab(GMAIL_INBOX_URL, {}, async (tab) => {
    const control = await tab.openControlPage();
    assert.equal((await sendCommandFrom(control, 'demo.seed', { emails: 40 })).ok, true);
    const query = { version: 1, statuses: ['delivered'] };
    const saved = await sendCommandFrom(control, 'lists.save', {
      id: crypto.randomUUID(),
      name: 'Delivered ones',
      query,
    });
    assert.equal(saved.ok, true, `lists.save answered ${JSON.stringify(saved)}`);
    const delivered = await tab.waitForCount('delivered', (count) => count > 1);
    const sidebar = await tab.sidebarFrame();
    // Clicked until the section shows (its tabs may draw after the frame is found).
    const shown = await waitFor('the saved list in the Lists section', () =>
      sidebar.evaluate(() => {
        document.querySelector<HTMLElement>('[data-testid="sections"] [data-key="lists"]')?.click();
        const item = document.querySelector('[data-testid="list-item"]');
        const name = item?.querySelector('[data-testid="list-name"]')?.textContent;
        const count = item?.querySelector('[data-testid="list-count"]')?.textContent;
        return name && count ? `${name}: ${count}` : undefined;
      }),
    );
    assert.equal(shown, `Delivered ones: ${delivered} emails`);
    assert.deepEqual(tab.pageErrors, []);
  }),
);

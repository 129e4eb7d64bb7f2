// The compose with our toolbar, for `npm run screenshots`: each site, viewport and dock width in
// five states (tracked, not tracked for a never-track recipient, no server, tracking unavailable
// on changed markup, a Cc that bounced hard before), and the notice after a send that went out untracked. Pictures are clipped
// to the compose, into screenshots/compose/, and looked at for what a rep could not use.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SEND_NOTICE_TAG, TOOLBAR_TAG } from '../lib/content/element-names.ts';
import { SUBJECT_INPUT as GMAIL_SUBJECT, SHOW_RECIPIENT_ROW } from '../lib/sites/gmail/selectors.ts';
import { SUBJECT_INPUT as OUTLOOK_SUBJECT } from '../lib/sites/outlook/selectors.ts';
import { ClosedShadow } from '../tests/support/closed-shadow.ts';
import { type LaunchedExtension, sendCommandFrom } from '../tests/support/launch-extension.ts';
import { COMPOSE_HOOKS, type Looked, lookAtNotice, lookAtToolbar } from './screenshot-compose-layout.ts';
import type { ShotRun } from './screenshot-run.ts';
import { WAIT_MS } from './screenshot-sidebar.ts';
import { SITE_NAMES, type Site, VIEWPORTS, viewportName, withWebmail } from './screenshot-webmail.ts';

export const COMPOSE_DIR = 'compose';
/** The Gmail compose strip moves left of the dock: the narrowest and the default width. */
export const COMPOSE_DOCKS = ['280', '360'] as const;
export const COMPOSE_STATES = ['tracked', 'never-track', 'no-server', 'unavailable', 'bounced'] as const;
export const composePictures = () =>
  SITE_NAMES.length * VIEWPORTS.length * COMPOSE_DOCKS.length * COMPOSE_STATES.length + 1;
export const composeFile = (site: string, viewport: string, dock: string, locale: string, state: string) =>
  `${COMPOSE_DIR}/${site}-${viewport}-${dock}-${locale}-${state}.png`;
export const noticeFile = (locale: string) => `${COMPOSE_DIR}/notice-gmail-1280x720-${locale}.png`;

/** The recipient both fixtures' open compose has. */
const RECIPIENT = 'dana@example.com';
const TRACK_ALL = { trackByDefault: true, neverTrack: [] };
/** The fixture pages after an imagined re-layout; they keep every compose hook (fixtures README). */
const CHANGED_PAGES = { gmail: 'inbox-changed.html', outlook: 'mail-changed.html' };
/** So we take one away: the subject field's, whose loss leaves the send row as it was. */
const SUBJECTS: Record<Site, Hook> = {
  gmail: { selector: `:is(${COMPOSE_HOOKS.gmail.compose}) ${GMAIL_SUBJECT}`, attribute: 'name' },
  outlook: { selector: `:is(${COMPOSE_HOOKS.outlook.compose}) ${OUTLOOK_SUBJECT}`, attribute: 'autocomplete' },
};

interface Hook {
  selector: string;
  attribute: string;
}

export async function shootCompose(
  launched: LaunchedExtension,
  control: Page,
  locale: string,
  run: ShotRun,
): Promise<void> {
  const texts = statusTexts(locale);
  // A server the background takes as configured without reaching it (it only checks that one is
  // stored): a Send then fails to register at once and goes out untracked, with the notice.
  const server = { url: `http://127.0.0.1:${await closedPort()}`, apiKey: 'screenshots-not-a-real-key' };
  const setServer = async (connected: boolean) => {
    const answer = await sendCommandFrom(control, 'tracking.setServer', { server: connected ? server : null });
    if (!answer.ok) throw new Error(`tracking.setServer refused: ${answer.error.message}`);
  };
  const setPrefs = async (prefs: { trackByDefault: boolean; neverTrack: string[] }) => {
    const answer = await sendCommandFrom(control, 'settings.setTrackingPrefs', { prefs });
    if (!answer.ok) throw new Error(`settings.setTrackingPrefs refused: ${answer.error.message}`);
  };
  const shoot = async (page: Page, site: Site, file: string, status: string) => {
    await waitForStatus(page, status);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: join(run.out, file), clip: (await look(page, site, file, run)).clip });
    run.report(file);
  };

  // The stress locales end on a mailbox of their own: the demo's marked people are needed here.
  const seeded = await sendCommandFrom(control, 'demo.seed', {});
  if (!seeded.ok) throw new Error(`demo.seed refused: ${seeded.error.message}`);
  try {
    for (const viewport of VIEWPORTS) {
      for (const site of SITE_NAMES) {
        for (const dock of COMPOSE_DOCKS) {
          const file = (state: string) => composeFile(site, viewportName(viewport), dock, locale, state);
          const tab = { site, viewport, width: Number(dock) };
          await setServer(true);
          await setPrefs(TRACK_ALL);
          await run.attempt(file('tracked'), (tracked) =>
            withWebmail(launched, control, { ...tab, label: tracked }, run.warnings, async (page) => {
              await shoot(page, site, tracked, texts.tracked);
              await run.attempt(file('never-track'), async (never) => {
                await setPrefs({ trackByDefault: true, neverTrack: [RECIPIENT] });
                await shoot(page, site, never, texts.neverTrack);
              });
              await run.attempt(file('no-server'), async (none) => {
                await setServer(false);
                await shoot(page, site, none, texts.noServer);
              });
              await run.attempt(file('bounced'), async (bounced) => {
                await setServer(true);
                await setPrefs(TRACK_ALL);
                await addCc(page, site, await markedAddress(control));
                await waitForWarning(page);
                await shoot(page, site, bounced, texts.tracked);
              });
            }),
          );
          await setServer(true);
          await setPrefs(TRACK_ALL);
          await run.attempt(file('unavailable'), (unavailable) =>
            withWebmail(
              launched,
              control,
              { ...tab, label: unavailable, pages: CHANGED_PAGES, initScript: renameScript(SUBJECTS[site]) },
              run.warnings,
              (page) => shoot(page, site, unavailable, texts.unavailable),
            ),
          );
        }
      }
    }
    await run.attempt(noticeFile(locale), (file) =>
      withWebmail(
        launched,
        control,
        { site: 'gmail', viewport: VIEWPORTS[0], width: 360, label: file },
        run.warnings,
        async (page) => {
          await waitForStatus(page, texts.tracked);
          await page.locator(`${COMPOSE_HOOKS.gmail.compose} ${COMPOSE_HOOKS.gmail.send}`).click({ timeout: WAIT_MS });
          const notice = new ClosedShadow(page, SEND_NOTICE_TAG);
          await poll(
            () => notice.text('.text'),
            (text) => text.length > 0 && text.startsWith(texts.sentUntracked),
            'the notice',
          );
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          const looked = await lookAtNotice(page);
          for (const problem of looked.problems) run.warnings.push(`${file}: ${problem}`);
          await page.screenshot({ path: join(run.out, file), clip: looked.clip });
          run.report(file);
        },
      ),
    );
  } finally {
    await setServer(false).catch(() => undefined);
    await setPrefs(TRACK_ALL).catch(() => undefined);
  }
}

/** Layout problems go to the warnings, named by the picture (site, viewport, dock, locale, state). */
async function look(page: Page, site: Site, file: string, run: ShotRun): Promise<Looked> {
  const looked = await lookAtToolbar(page, site);
  for (const problem of looked.problems) run.warnings.push(`${file}: ${problem}`);
  return looked;
}

async function waitForStatus(page: Page, expected: string): Promise<void> {
  await page.locator(TOOLBAR_TAG).first().waitFor({ state: 'attached', timeout: WAIT_MS });
  const toolbar = new ClosedShadow(page, TOOLBAR_TAG);
  await poll(
    () => toolbar.text('.status'),
    (text) => text === expected,
    `the status "${expected}"`,
  );
}

/** A demo person the seed marked undeliverable (demo-address-marks.ts), from the extension's database. */
function markedAddress(control: Page): Promise<string> {
  return control.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('command-center');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('people').objectStore('people').getAll();
          all.onsuccess = () => {
            open.result.close();
            const people = all.result as { email: string; undeliverable?: unknown; complained?: unknown }[];
            const found = people.find((person) => person.undeliverable && !person.complained);
            if (found) resolve(found.email);
            else reject(new Error('no demo person is marked undeliverable (is the demo seeded?)'));
          };
        };
      }),
  );
}

/** Types a Cc as a rep would: Gmail's "Cc" link then Enter; the Outlook fixture's Cc well then ";". */
async function addCc(page: Page, site: Site, address: string): Promise<void> {
  if (site === 'gmail') {
    await page
      .locator(`:is(${COMPOSE_HOOKS.gmail.compose}) ${SHOW_RECIPIENT_ROW.cc}`)
      .first()
      .click({ timeout: WAIT_MS });
    await page.keyboard.type(address);
    await page.keyboard.press('Enter');
  } else {
    await page.locator(`:is(${COMPOSE_HOOKS.outlook.compose}) [data-field="cc"]`).first().click({ timeout: WAIT_MS });
    await page.keyboard.type(`${address};`);
  }
}

async function waitForWarning(page: Page): Promise<void> {
  const toolbar = new ClosedShadow(page, TOOLBAR_TAG);
  await poll(
    () => toolbar.text('.warning'),
    (text) => text.length > 0,
    'the warning about the Cc',
  );
}

async function poll(read: () => Promise<string>, done: (value: string) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  let last = '';
  while (Date.now() < deadline) {
    last = await read();
    if (done(last)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`waited ${WAIT_MS / 1000} s for ${what}; it says "${last}"`);
}

/** The toolbar's texts in `locale`, from the extension's own messages, as chrome.i18n fills them in. */
function statusTexts(locale: string) {
  const messages = JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<
    string,
    { message: string; placeholders?: Record<string, { content: string }> }
  >;
  const text = (key: string, arg = '') => {
    const entry = messages[key];
    if (!entry) throw new Error(`${locale} has no message ${key}`);
    return entry.message.replace(/\$(\w+)\$/g, (_all, name: string) =>
      (entry.placeholders?.[name.toLowerCase()]?.content ?? '').replace('$1', arg),
    );
  };
  return {
    tracked: text('composeTrackedStatus'),
    neverTrack: text('composeNotTrackedNeverTrack', RECIPIENT),
    noServer: text('composeNotTrackedNoServer'),
    // The missing part is named in the rep's language (lib/content/element-names.ts).
    unavailable: text('composeTrackingUnavailable', text('composePartSubject')),
    /** What the notice starts with, before its reason. */
    sentUntracked: messages.composeSentUntracked?.message.split('$')[0] ?? '',
  };
}

/** An init script: whatever matches the hook's selector has its attribute renamed as it appears. */
function renameScript(hook: Hook): string {
  // Sent as source text: it may use nothing from this module.
  const rename = ({ selector, attribute }: Hook) => {
    new MutationObserver(() => {
      for (const element of document.querySelectorAll(selector))
        element.setAttribute(attribute, `${element.getAttribute(attribute)}-renamed`);
    }).observe(document, { childList: true, subtree: true });
  };
  return `(${rename.toString()})(${JSON.stringify(hook)})`;
}

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

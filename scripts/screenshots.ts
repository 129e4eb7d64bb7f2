// `npm run screenshots`: builds the Chrome extension, then saves what a rep sees into
// screenshots/ — the docked sidebar in the Gmail and Outlook demo mailboxes in every UI locale,
// at three widths and two viewports, the options page, a long-text and a hostile-text mailbox,
// the compose with our toolbar in its states (screenshots/compose/), and contact sheets to look at
// many pictures at once. `--no-build` reuses .output/chrome-mv3.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Frame, Page } from '@playwright/test';
import {
  type LaunchedExtension,
  launchWithExtension,
  openControlPage,
  sendCommandFrom,
} from '../tests/support/launch-extension.ts';
import { isSidebarFrame } from '../tests/support/sidebar-frame.ts';
import { type DraftArgs, HOSTILE_DRAFTS, LONG_TEXT_DRAFTS } from '../tests/support/stress-mailboxes.ts';
import { serveWebmail } from '../tests/support/webmail-routes.ts';
import {
  COMPOSE_DIR,
  COMPOSE_DOCKS,
  COMPOSE_STATES,
  composeFile,
  composePictures,
  noticeFile,
  shootCompose,
} from './screenshot-compose.ts';
import { createRun, step } from './screenshot-run.ts';
import { makeComposeSheets, makeContactSheets } from './screenshot-sheets.ts';
import { layoutProblems, listIsReady, sidebarFrame, WAIT_MS, waitForList } from './screenshot-sidebar.ts';
import {
  SITE_NAMES,
  VIEWPORTS,
  viewportName,
  type WebmailTab,
  withWebmail as withWebmailTab,
} from './screenshot-webmail.ts';

const { values: options } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    /** A comma-separated subset, e.g. `--locales de,zh_CN`, for a quicker look. */
    locales: { type: 'string' },
  },
});

const OUT = 'screenshots';
/** Extension locale folders (public/_locales); Chromium and Intl want BCP 47 tags (zh-CN). */
const ALL_LOCALES = ['en', 'de', 'nl', 'sv', 'zh_CN', 'pt_BR'];
const LOCALES = options.locales ? options.locales.split(',').map((locale) => locale.trim()) : ALL_LOCALES;
const unknown = LOCALES.filter((locale) => !ALL_LOCALES.includes(locale));
if (unknown.length > 0) {
  console.log(`Unknown locale ${unknown.join(', ')}: choose from ${ALL_LOCALES.join(', ')}.`);
  process.exit(1);
}
const STRESS_LOCALES: readonly string[] = ['en', 'de'];
/** What a rep might type into quick add, per locale, so the pictures show the live preview. */
const QUICK_ADD_EXAMPLES: Record<string, string> = {
  en: 'Call Dana tomorrow 9am high',
  de: 'Dana morgen um 9 Uhr anrufen dringend',
  nl: 'Dana morgen om 9 uur bellen',
  sv: 'Ring Dana imorgon kl. 9',
  zh_CN: '明天上午9点给Dana打电话',
  pt_BR: 'Ligar para Dana amanhã às 9:00',
};
// Narrowest, default, widest (lib/dock/dock-prefs.ts). For the widest we store the most a rep can
// drag to and let the dock clamp it for the viewport, so the pictures follow the code's clamp.
const WIDTHS = [
  { name: '280', stored: 280 },
  { name: '360', stored: 360 },
  { name: 'widest', stored: 720 },
] as const;
const DEFAULT_WIDTH = 360;

const perLocale = (locale: string) =>
  1 +
  SITE_NAMES.length * VIEWPORTS.length * WIDTHS.length +
  2 +
  // Tasks at each width and Do mode; a Sent email's detail, its timeline's reasons, at each width.
  WIDTHS.length +
  1 +
  WIDTHS.length +
  // The lists overview, one list's members and the search builder, at each width.
  3 * WIDTHS.length +
  (STRESS_LOCALES.includes(locale) ? 2 * SITE_NAMES.length * 2 : 0) +
  composePictures();
const total = LOCALES.reduce((sum, locale) => sum + perLocale(locale), 0);

const run = createRun(OUT, total);
const { warnings, failures, attempt } = run;
/** Dock width the page actually rendered, per picture (the widest is clamped by the code). */
const measured = new Map<string, number>();

const startedAt = Date.now();
if (!options['no-build']) {
  step('Building the extension (.output/chrome-mv3)…');
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, COMPOSE_DIR), { recursive: true });

for (const locale of LOCALES) {
  step(`${locale}: starting Chromium with --lang=${locale.replace('_', '-')}…`);
  await attempt(`${locale} (the rest of its pictures)`, async () => {
    const launched = await launchWithExtension({
      locale: locale.replace('_', '-'),
      viewport: { width: 1280, height: 720 },
    });
    try {
      await serveWebmail(launched.context);
      await shootLocale(launched, locale);
    } finally {
      await launched.close();
    }
  });
}

step('Making contact sheets…');
const sheets =
  makeContactSheets(OUT, {
    sites: SITE_NAMES,
    viewports: VIEWPORTS.map(viewportName),
    locales: LOCALES,
    widths: WIDTHS.map((width) => width.name),
    measured,
  }) +
  makeComposeSheets(OUT, {
    sites: SITE_NAMES,
    viewports: VIEWPORTS.map(viewportName),
    locales: LOCALES,
    docks: COMPOSE_DOCKS,
    states: COMPOSE_STATES,
    file: composeFile,
    notice: noticeFile,
  });
const seconds = Math.round((Date.now() - startedAt) / 1000);
console.log(`\n${run.taken()} pictures and ${sheets} contact sheets in ${OUT}/ (${seconds} s).`);
for (const warning of warnings) console.log(`\u001b[33m!\u001b[0m ${warning}`);
if (failures.length > 0) {
  console.log(`\u001b[31m${failures.length} pictures failed:\u001b[0m\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
}

async function shootLocale(launched: LaunchedExtension, locale: string): Promise<void> {
  const control = await openControlPage(launched);
  await attempt(`options-1280x720-${locale}.png`, async (file) => {
    await control.getByTestId('server-form').waitFor({ timeout: WAIT_MS });
    await save(control, file);
  });
  await sendCommandFrom(control, 'demo.seed', {});

  for (const viewport of VIEWPORTS) {
    for (const site of SITE_NAMES) {
      for (const width of WIDTHS) {
        await attempt(`${site}-${viewportName(viewport)}-${width.name}-${locale}.png`, (file) =>
          withWebmail(launched, control, { site, viewport, width: width.stored, label: file }, (page) =>
            saveList(page, file),
          ),
        );
      }
    }
  }

  const base = `gmail-1280x720-${DEFAULT_WIDTH}-${locale}`;
  await attempt(`${base}-undelivered.png`, (file) =>
    withWebmail(
      launched,
      control,
      { site: 'gmail', viewport: VIEWPORTS[0], width: DEFAULT_WIDTH, label: file },
      async (page, frame) => {
        await waitForList(frame, { demo: true });
        await frame.locator('[data-testid="primary-tabs"] [data-key="undelivered"]').click({ timeout: WAIT_MS });
        await waitForList(frame, { demo: true });
        await save(page, file);
        await attempt(`${base}-undelivered-hover.png`, async (hovered) => {
          await frame.getByTestId('email-row').first().hover({ timeout: WAIT_MS });
          await frame.locator('[data-testid="email-row"]:hover .actions-compact').first().waitFor({ timeout: WAIT_MS });
          await save(page, hovered);
        });
      },
    ),
  );

  /** A picture of the demo mailbox in Gmail at 1280×720, at every sidebar width, after `show`. */
  const atEveryWidth = async (
    name: string,
    show: (frame: Frame, width: (typeof WIDTHS)[number]) => Promise<void>,
    after?: (page: Page, frame: Frame, width: (typeof WIDTHS)[number]) => Promise<void>,
  ) => {
    for (const width of WIDTHS) {
      await attempt(`gmail-1280x720-${width.name}-${locale}-${name}.png`, (file) =>
        withWebmail(
          launched,
          control,
          { site: 'gmail', viewport: VIEWPORTS[0], width: width.stored, label: file },
          async (page, frame) => {
            await waitForList(frame, { demo: true });
            await show(frame, width);
            await save(page, file);
            await after?.(page, frame, width);
          },
        ),
      );
    }
  };

  await atEveryWidth('sent-detail', async (frame) => {
    await frame.locator('[data-testid="email-row"] .row-main').first().click({ timeout: WAIT_MS });
    await frame.getByTestId('timeline').waitFor({ timeout: WAIT_MS });
    await frame.getByTestId('timeline').scrollIntoViewIfNeeded({ timeout: WAIT_MS });
  });

  await atEveryWidth(
    'tasks',
    async (frame) => {
      await frame.locator('[data-testid="sections"] [data-key="tasks"]').click({ timeout: WAIT_MS });
      await frame.locator('[data-testid="task-views"] [data-key="open"]').click({ timeout: WAIT_MS });
      await frame.getByTestId('task-row').first().waitFor({ timeout: WAIT_MS });
      await frame.getByTestId('quick-add').fill(QUICK_ADD_EXAMPLES[locale] ?? QUICK_ADD_EXAMPLES.en!);
      await frame.getByTestId('preview-due').waitFor({ timeout: WAIT_MS });
    },
    async (page, frame, width) => {
      if (width.stored !== DEFAULT_WIDTH) return;
      await attempt(`gmail-1280x720-${width.name}-${locale}-tasks-do.png`, async (doFile) => {
        await frame.getByTestId('quick-add').fill('');
        await frame.getByTestId('do-start').click({ timeout: WAIT_MS });
        await frame.getByTestId('do-card').waitFor({ timeout: WAIT_MS });
        await save(page, doFile);
      });
    },
  );

  await shootLists(control, atEveryWidth);

  // A bulk action under way, with its progress and Cancel: a mailbox big enough to take seconds.
  await sendCommandFrom(control, 'demo.seed', { emails: 3_000, eventsPerEmail: 1 });
  await atEveryWidth('bulk-progress', async (frame) => {
    await frame.getByTestId('select-all').click({ timeout: WAIT_MS });
    await frame.getByTestId('selection-summary').filter({ hasText: /\d/ }).waitFor({ timeout: WAIT_MS });
    await frame.locator('[data-testid="bulk-bar"] [data-action="archive"]').click({ timeout: WAIT_MS });
    await frame.getByTestId('bulk-cancel').waitFor({ timeout: WAIT_MS });
  });
  await sendCommandFrom(control, 'demo.seed', {});

  if (STRESS_LOCALES.includes(locale)) {
    await sendCommandFrom(control, 'demo.clear', {});
    const longIds = await saveDrafts(control, LONG_TEXT_DRAFTS);
    await shootDrafts(launched, control, locale, 'long', longIds[0]!);
    await sendCommandFrom(control, 'emails.delete', { ids: longIds, expected: 'draft' });
    const hostileIds = await saveDrafts(control, HOSTILE_DRAFTS);
    await shootDrafts(launched, control, locale, 'hostile', hostileIds[0]!);
  }
  await shootCompose(launched, control, locale, run);
  await control.close();
}

/** A list of the seed's example (a campaign's viewed-and-clicked, not replied), then the Lists pictures. */
async function shootLists(
  control: Page,
  atEveryWidth: (name: string, show: (frame: Frame) => Promise<void>) => Promise<void>,
): Promise<void> {
  const campaigns = await sendCommandFrom(control, 'campaigns.list', {});
  const campaign = campaigns.ok ? campaigns.value[0] : undefined;
  if (!campaign) throw new Error('the demo mailbox has no campaign');
  const query = {
    version: 1,
    campaigns: { ids: [campaign.id] },
    viewed: 'yes',
    clicked: 'yes',
    replied: 'no',
  } as const;
  const names = ['Retarget: clicked, no reply', 'Q4 — everyone who opened', 'Bounced and spam, to clean up'];
  const queries = [
    query,
    { version: 1, campaigns: { ids: [campaign.id] }, viewed: 'yes' },
    { version: 1, statuses: ['bounced', 'spam'] },
  ];
  for (const [index, name] of names.entries())
    await sendCommandFrom(control, 'lists.save', { id: crypto.randomUUID(), name, query: queries[index] });
  const openLists = async (frame: Frame) => {
    await frame.locator('[data-testid="sections"] [data-key="lists"]').click({ timeout: WAIT_MS });
    await frame.getByTestId('list-item').first().waitFor({ timeout: WAIT_MS });
  };
  await atEveryWidth('lists', openLists);
  await atEveryWidth('list-members', async (frame) => {
    await openLists(frame);
    await frame.getByTestId('list-open').last().click({ timeout: WAIT_MS });
    await frame.getByTestId('email-row').first().waitFor({ timeout: WAIT_MS });
  });
  await atEveryWidth('search', async (frame) => {
    await openLists(frame);
    await frame.locator('[data-testid="lists-tabs"] [data-key="search"]').click({ timeout: WAIT_MS });
    const count = frame.getByTestId('search-count');
    await count.filter({ hasText: /\d/ }).waitFor({ timeout: WAIT_MS });
    const everything = await count.innerText();
    const campaigns = frame.getByTestId('search-campaigns');
    await campaigns.locator('summary').click({ timeout: WAIT_MS });
    await campaigns.locator(`input[data-key="${campaign.id}"]`).check({ timeout: WAIT_MS });
    await campaigns.locator('summary').press('Escape');
    await frame.getByTestId('search-viewed').selectOption('yes');
    await frame.getByTestId('search-clicked').selectOption('yes');
    await frame.getByTestId('search-replied').selectOption('no');
    // The search runs once the rep pauses: wait for the narrower count, not the first one.
    await count.filter({ hasNotText: everything }).filter({ hasText: /\d/ }).waitFor({ timeout: WAIT_MS });
    await frame.getByTestId('email-row').first().waitFor({ timeout: WAIT_MS });
  });
}

/** Pending › Draft of a stress mailbox, then the detail view of its first (worst) email. */
async function shootDrafts(
  launched: LaunchedExtension,
  control: Page,
  locale: string,
  mailbox: string,
  detailId: string,
): Promise<void> {
  for (const site of SITE_NAMES) {
    const base = `${site}-1280x720-${DEFAULT_WIDTH}-${locale}-${mailbox}`;
    await attempt(`${base}-drafts.png`, (file) =>
      withWebmail(
        launched,
        control,
        { site, viewport: VIEWPORTS[0], width: DEFAULT_WIDTH, label: file },
        async (page, frame) => {
          await frame.locator('[data-testid="primary-tabs"] [data-key="pending"]').click({ timeout: WAIT_MS });
          await frame.locator('[data-testid="folder-tabs"] [data-key="draft"]').click({ timeout: WAIT_MS });
          await waitForList(frame, { demo: false });
          await save(page, file);
          await attempt(`${base}-detail.png`, async (detail) => {
            await frame
              .locator(`[data-testid="email-row"][data-id="${detailId}"] .row-main`)
              .click({ timeout: WAIT_MS });
            await frame.getByTestId('email-detail').waitFor({ timeout: WAIT_MS });
            await save(page, detail);
          });
        },
      ),
    );
  }
}

/** Saves the drafts last first, so the list (newest first) shows them in the order given. */
async function saveDrafts(control: Page, drafts: DraftArgs[]): Promise<string[]> {
  const ids: string[] = [];
  for (const draft of drafts.toReversed()) {
    const response = await sendCommandFrom(control, 'emails.saveDraft', draft);
    if (!response.ok)
      throw new Error(`emails.saveDraft refused "${draft.subject.slice(0, 40)}": ${response.error.message}`);
    ids.unshift(response.value.id);
  }
  return ids;
}

/** A webmail tab whose troubles go to this run's warnings. */
function withWebmail(
  launched: LaunchedExtension,
  control: Page,
  tab: WebmailTab,
  use: (page: Page, frame: Frame) => Promise<void>,
): Promise<void> {
  return withWebmailTab(launched, control, tab, warnings, use);
}

/**
 * The demo list as the tab opened it. Checked again after the picture: should the sidebar have
 * started over meanwhile (seen 2026-12-01: nl, Gmail 1920×1080, counts back to '·' and the list empty), it is noted and retaken once.
 */
async function saveList(page: Page, file: string): Promise<void> {
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    const frame = await sidebarFrame(page);
    await waitForList(frame, { demo: true });
    const dock = await capture(page, file);
    if (await frame.evaluate(listIsReady).catch(() => false)) return report(file, dock);
    warnings.push(
      `${file}: the sidebar was loading again as the picture was taken${attempt === 1 ? ' (retaken)' : ''}`,
    );
    if (attempt === 2) report(file, dock);
  }
}

async function save(page: Page, file: string): Promise<void> {
  report(file, await capture(page, file));
}

/** Takes the picture; returns the dock width the page rendered (undefined: no dock). */
async function capture(page: Page, file: string): Promise<number | undefined> {
  // The dock's host element is in the page even when its shadow root is closed; evaluateAll does not wait for one.
  const dock = await page
    .locator('icc-dock')
    .evaluateAll((hosts) => hosts[0] && Math.round(hosts[0].getBoundingClientRect().width));
  await page.screenshot({ path: join(OUT, file), fullPage: true });
  // Looked at by a script too: what no rep could read is a warning, whoever looks at the picture.
  const frame = dock === undefined ? undefined : page.frames().find(isSidebarFrame);
  for (const problem of (await frame?.evaluate(layoutProblems).catch(() => [])) ?? [])
    warnings.push(`${file}: ${problem}`);
  const column = await page.evaluate(
    () => document.querySelector('.nn.bkK, [role=main]')?.getBoundingClientRect().width,
  );
  if (dock !== undefined && dock > 280 && column !== undefined && column < 520)
    warnings.push(`${file}: the mail column is ${Math.round(column)} px beside a ${dock} px sidebar`);
  return dock;
}

function report(file: string, dock: number | undefined): void {
  if (dock !== undefined) measured.set(file, dock);
  run.report(file, dock);
}

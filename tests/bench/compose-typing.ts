import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { TOOLBAR_TAG } from '../../lib/content/element-names.ts';
import { BODY_EDITABLE, COMPOSE_ROOT } from '../../lib/sites/gmail/selectors.ts';
import { CLOSED_NETWORK_ARGS, findChromium } from '../support/chromium.ts';
import { launchWithExtension } from '../support/launch-extension.ts';
import { findSidebarFrame } from '../support/sidebar-frame.ts';
import { GMAIL_INBOX_URL, serveWebmail } from '../support/webmail-routes.ts';
import { fmt, median, tableRow } from './stats.ts';

// About 2,000 characters of a rep's follow-up, with a few paragraph breaks (Enter adds a <div>).
const PARAGRAPH =
  'Thanks for the call this morning. As promised, here is a short summary of where we landed on pricing, ' +
  'the rollout plan for the first two teams and the security review your IT lead asked about. ';
const TEXT = Array.from({ length: 10 }, () => PARAGRAPH).join('\n');

interface TypingRun {
  /** CDP Performance.getMetrics deltas over the typing, ms. */
  scriptMs: number;
  taskMs: number;
  /** Mutation records a page-world observer (childList, subtree, characterData) saw meanwhile. */
  mutations: number;
}

type CountingWindow = Window & { __mutationCount?: number; __stopCounting?: () => void };

/**
 * Types TEXT into the open compose's body and measures the renderer's work meanwhile. `keyboard`
 * types it key by key as a rep would; `script` makes the same kind of edits from a page script,
 * one a task and no key events, so only the extension's observers answer them.
 */
async function typeIntoCompose(page: Page, how: 'keyboard' | 'script'): Promise<TypingRun> {
  const body = page.locator(COMPOSE_ROOT).locator(BODY_EDITABLE);
  await body.evaluate((element) => {
    element.innerHTML = '<br>';
  });
  await body.click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const of = (name: string) => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
    return { script: of('ScriptDuration'), task: of('TaskDuration') };
  };
  await page.evaluate(() => {
    const observer = new MutationObserver((records) => {
      (window as CountingWindow).__mutationCount = ((window as CountingWindow).__mutationCount ?? 0) + records.length;
    });
    (window as CountingWindow).__mutationCount = 0;
    (window as CountingWindow).__stopCounting = () => observer.disconnect();
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const before = await metrics();
  if (how === 'keyboard') await page.keyboard.type(TEXT);
  else await body.evaluate(editLikeTyping, TEXT);
  // The toolbar looks again 250 ms after the last key (track-sends.ts): that is part of the cost.
  await page.waitForTimeout(400);
  const after = await metrics();
  const mutations = await page.evaluate(() => {
    (window as CountingWindow).__stopCounting?.();
    return (window as CountingWindow).__mutationCount ?? 0;
  });
  await cdp.detach();
  return { scriptMs: after.script - before.script, taskMs: after.task - before.task, mutations };
}

/** Page world: one character a task into the body's last text node, a new <div> for each line. */
async function editLikeTyping(body: Element, text: string): Promise<void> {
  const channel = new MessageChannel();
  const nextTask = () =>
    new Promise<void>((done) => {
      channel.port1.onmessage = () => done();
      channel.port2.postMessage(null);
    });
  let line = body.ownerDocument.createTextNode('');
  body.replaceChildren(line);
  for (const character of text) {
    if (character === '\n') {
      const div = body.ownerDocument.createElement('div');
      line = body.ownerDocument.createTextNode('');
      div.append(line);
      body.append(div);
    } else line.appendData(character);
    await nextTask();
  }
  channel.port1.close();
}

/** Plain Chromium, no extension, started as launchWithExtension starts it otherwise. */
async function launchPlain(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: install it or set CHROMIUM_PATH.');
  const profile = mkdtempSync(join(tmpdir(), 'icc-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [...CLOSED_NETWORK_ARGS],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function openGmail(context: BrowserContext): Promise<Page> {
  await serveWebmail(context);
  const page = await context.newPage();
  await page.goto(GMAIL_INBOX_URL);
  await page.waitForFunction(() => (window as unknown as { __webmailReady?: boolean }).__webmailReady);
  return page;
}

interface ABRun {
  with: TypingRun;
  without: TypingRun;
}

const chars = TEXT.length.toLocaleString('en');
const LABELS = {
  keyboard: `${chars} characters typed with the keyboard`,
  script: `the same ${chars} characters put in by a page script, one a task, no key events: the observers alone`,
} as const;

/** The extension's script time per 1,000 mutations (with − without), median over the rounds. */
function abRow(how: keyof typeof LABELS, runs: ABRun[]): string {
  const perThousand = (run: ABRun, key: 'scriptMs' | 'taskMs') =>
    ((run.with[key] - run.without[key]) / run.with.mutations) * 1000;
  const script = runs.map((run) => perThousand(run, 'scriptMs'));
  const task = runs.map((run) => perThousand(run, 'taskMs'));
  const mutations = median(runs.map((run) => run.with.mutations));
  return tableRow(
    `extension's work while writing in a compose with the toolbar: ${LABELS[how]} (Gmail fixture, ≈${mutations.toLocaleString('en')} mutations; script time with − without the extension, median of ${runs.length})`,
    `${fmt(median(script), 2)} ms per 1,000 mutations (runs: ${script.map((value) => fmt(value, 2)).join(', ')}; main-thread task time: ${fmt(median(task), 1)})`,
    '— (none in the issue)',
  );
}

/**
 * The extension's cost while a rep types in a compose that has our toolbar, as an A/B: the same
 * typing in the Gmail fixture with the extension and in plain Chromium, alternated `rounds` times.
 */
export async function measureTypingCost(rounds: number): Promise<{ rows: string[]; notes: string[] }> {
  const withExtension = await launchWithExtension();
  const plain = await launchPlain();
  try {
    const ours = await openGmail(withExtension.context);
    await ours.locator(TOOLBAR_TAG).waitFor({ state: 'attached' });
    const frame = await findSidebarFrame(ours);
    await frame.locator('html[data-visible-at]').waitFor({ state: 'attached' });
    const bare = await openGmail(plain.context);
    await ours.waitForTimeout(1_000); // the sidebar's first queries settle
    const rows: string[] = [];
    const notes: string[] = [];
    for (const how of ['keyboard', 'script'] as const) {
      const runs: ABRun[] = [];
      for (let round = 0; round < rounds; round++) {
        runs.push({ with: await typeIntoCompose(ours, how), without: await typeIntoCompose(bare, how) });
      }
      rows.push(abRow(how, runs));
      notes.push(
        ...runs.map(
          (run, round) =>
            `${how} round ${round + 1} (${TEXT.length} characters): with the extension script ${fmt(run.with.scriptMs)} ms, task ${fmt(run.with.taskMs)} ms, ${run.with.mutations} mutations; without script ${fmt(run.without.scriptMs)} ms, task ${fmt(run.without.taskMs)} ms, ${run.without.mutations} mutations`,
        ),
      );
    }
    return { rows, notes };
  } finally {
    await withExtension.close();
    await plain.close();
  }
}

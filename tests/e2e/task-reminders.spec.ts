import type { Worker } from '@playwright/test';
import { stopServiceWorker } from '../support/stop-worker.ts';
import { expect, test } from './fixtures.ts';

const zone = 'UTC';

/** The notifications the extension shows now, read through its own service worker. */
const shownNotifications = (worker: Worker) =>
  worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));

/** One field of a task as stored, read from IndexedDB inside the worker. */
async function taskField(worker: Worker, id: string, field: 'remindedFor' | 'dueAt') {
  return worker.evaluate(
    ([id, field]) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('command-center');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('tasks').objectStore('tasks').get(id);
          read.onsuccess = () => {
            open.result.close();
            resolve((read.result as Record<string, unknown> | undefined)?.[field]);
          };
        };
      }),
    [id, field] as const,
  );
}

test('a reminder shows at the due time; clicking it opens that task in the sidebar, and snoozing moves the alarm', async ({
  extension,
  command,
  control,
  openSidebar,
}) => {
  const sidebar = await openSidebar();
  await sidebar.close();
  const dueAt = Date.now() + 4_000;
  const created = await command('tasks.create', {
    task: { type: 'call', title: 'Call Dana about pricing', due: { kind: 'dateTime', at: dueAt }, priority: 'normal' },
    timeZone: zone,
  });
  if (!created.ok) throw new Error(created.error.message);
  const id = `task-reminder:${created.value.id}:${dueAt}`;
  const worker = await extension.serviceWorker();
  expect(await shownNotifications(worker)).not.toContain(id);
  await expect.poll(() => shownNotifications(worker), { timeout: 15_000 }).toContain(id);
  expect(await taskField(worker, created.value.id, 'remindedFor')).toBe(dueAt);

  // The rep is elsewhere when they click it. No way drives a real system notification from a
  // test, so the click goes through the extension's own onClicked listeners (Chrome's dispatch).
  await control.bringToFront();
  await worker.evaluate(
    (id) => (chrome.notifications.onClicked as unknown as { dispatch: (id: string) => void }).dispatch(id),
    id,
  );
  await expect(sidebar.dock).toBeVisible();
  await expect.poll(() => sidebar.page.evaluate(() => document.visibilityState)).toBe('visible');
  const spotlight = sidebar.frame.getByTestId('task-spotlight');
  await expect(spotlight.getByTestId('spotlight-title')).toHaveText('Call Dana about pricing');
  await expect(sidebar.frame.getByTestId('sections').locator('[aria-selected="true"]')).toHaveAttribute(
    'data-key',
    'tasks',
  );
  expect(await shownNotifications(worker)).not.toContain(id);

  // Snooze an hour: the reminder waits for the new time, and the alarm is set for it.
  await spotlight.getByTestId('spotlight-snooze').click();
  await expect.poll(() => taskField(worker, created.value.id, 'remindedFor')).toBeUndefined();
  const snoozedTo = (await taskField(worker, created.value.id, 'dueAt')) as number;
  expect(snoozedTo).toBeGreaterThan(Date.now() + 3_500_000);
  await expect
    .poll(() => worker.evaluate(async () => (await chrome.alarms.get('task-reminder'))?.scheduledTime))
    .toBe(snoozedTo);
});

test('a reminder due while the browser was away shows once at start, marked late, and not again after a restart', async ({
  extension,
  command,
  control,
}) => {
  // Notifications cannot be read back (getAll lists ids): note what the worker asks the browser to show.
  let worker = await extension.serviceWorker();
  await worker.evaluate(() => {
    const shown: { id: string; message: string }[] = [];
    const create = chrome.notifications.create.bind(chrome.notifications) as (...args: unknown[]) => unknown;
    Object.assign(globalThis, { shownForTest: shown });
    chrome.notifications.create = ((
      id: string,
      options: chrome.notifications.NotificationOptions,
      ...rest: unknown[]
    ) => {
      shown.push({ id, message: String(options.message) });
      return create(id, options, ...rest);
    }) as typeof chrome.notifications.create;
  });
  const dueAt = Date.now() - 2 * 3_600_000;
  const created = await command('tasks.create', {
    task: { type: 'email', title: 'Send the deck', due: { kind: 'dateTime', at: dueAt }, priority: 'high' },
    timeZone: zone,
  });
  if (!created.ok) throw new Error(created.error.message);
  const id = `task-reminder:${created.value.id}:${dueAt}`;
  await expect.poll(() => shownNotifications(worker), { timeout: 10_000 }).toContain(id);
  const shown = await worker.evaluate(
    () => (globalThis as unknown as { shownForTest: { id: string; message: string }[] }).shownForTest,
  );
  expect(shown).toEqual([
    { id, message: expect.stringMatching(/^Email · was due .+ late reminder: the browser was closed then$/) },
  ]);

  // The rep dismisses it; the worker is stopped and starts again (as at the next browser start).
  await worker.evaluate((id) => chrome.notifications.clear(id), id);
  await stopServiceWorker(extension, control);
  // Any message wakes it; a fresh worker looks for due reminders at once.
  expect((await command('tracking.sync', {})).ok).toBe(true);
  worker = await extension.serviceWorker();
  await expect.poll(() => worker.evaluate(async () => (await chrome.alarms.getAll()).length)).toBeGreaterThan(0);
  await control.waitForTimeout(1_000);
  expect(await shownNotifications(worker)).not.toContain(id);
  expect(await taskField(worker, created.value.id, 'remindedFor')).toBe(dueAt);
});

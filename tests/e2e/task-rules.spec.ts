import { readLiveQueryOnce } from '../support/launch-extension.ts';
import { type RunningServer, startTrackingServer } from '../support/tracking-server.ts';
import { DESKTOP_CHROME } from '../support/user-agents.ts';
import { expect, test } from './fixtures.ts';
import { connectAndOpenGmail } from './pages/connected-gmail.ts';

let server: RunningServer;
test.beforeEach(async () => {
  server = await startTrackingServer();
});
test.afterEach(async () => {
  await server.stop();
});

/** The email as the server knows it after a send `sentAgoMs` ago, with one tracked link. */
const register = (id: string, sentAgoMs: number) =>
  server.api<{ clickUrls: string[] }>('/v1/messages', {
    messageId: id,
    sentAt: new Date(Date.now() - sentAgoMs).toISOString(),
    links: ['https://northwind.example/pricing'],
  });

test('a rule made in the Rules panel turns a human click from the tracking server into one Call task, never two', async ({
  extension,
  command,
  control,
}) => {
  expect((await command('demo.seed', {})).ok).toBe(true);
  const { options, sidebar } = await connectAndOpenGmail(extension, server);
  // Two emails nobody replied to yet (a reply stops the rule).
  const [person, scanned] = await sidebar.rows().evaluateAll((rows) =>
    rows
      .filter((row) => !row.querySelector('.replied'))
      .slice(0, 2)
      .map((row) => row.getAttribute('data-id')!),
  );

  // The rep makes the rule: "… a human click and no reply within 0 days, create a Call task …".
  await sidebar.frame.getByTestId('sections').locator('[data-key="tasks"]').click();
  const rules = sidebar.frame.getByTestId('task-rules');
  await expect(rules.getByTestId('rules-empty')).toBeVisible();
  await rules.getByTestId('rule-new').click();
  await rules.getByTestId('rule-no-reply-days').fill('0');
  await rules.getByTestId('rule-save').click();
  await expect(rules.getByTestId('rule-text')).toHaveText(
    'When an email gets a human click and no reply within 0 days, create a task of type Call due 1 day(s) later at 09:00.',
  );

  // The recipient clicks an hour after the send; a link scanner clicks the other email at delivery.
  const clicked = await register(person!, 3_600_000);
  const scannedAtSend = await register(scanned!, 1_000);
  for (const [url, userAgent] of [
    [clicked.clickUrls[0]!, DESKTOP_CHROME],
    [scannedAtSend.clickUrls[0]!, 'Mozilla/5.0 (compatible; Barracuda Sentinel)'],
  ] as const)
    expect((await fetch(url, { redirect: 'manual', headers: { 'user-agent': userAgent } })).status).toBe(302);

  // The next pull brings both; only the person's click makes a task.
  await options.bringToFront();
  await sidebar.page.bringToFront();
  await sidebar.page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(rules.locator('.rule-stats')).toHaveText('Made 1 task', { timeout: 15_000 });
  // Pulled again from the start of the feed (a new server cursor): still one task.
  await control.evaluate(() => chrome.storage.local.remove('eventCursor'));
  expect((await command('tracking.sync', {})).ok).toBe(true);

  const tasksOf = (emailId: string) =>
    readLiveQueryOnce(control, 'tasks.forEmail', { emailId, now: Date.now(), timeZone: 'UTC' });
  const made = await tasksOf(person!);
  expect(made.map((task) => [task.type, task.source, task.status])).toEqual([['call', 'rule', 'open']]);
  expect(made[0]!.id).toBe(`rule:${(await rules.getByTestId('rule').getAttribute('data-rule-id'))!}:${person}`);
  expect(await tasksOf(scanned!)).toEqual([]);
  await expect(rules.locator('.rule-stats')).toHaveText('Made 1 task');

  // Its email row shows the task.
  await sidebar.frame.getByTestId('sections').locator('[data-key="emails"]').click();
  await expect(sidebar.row(person!).getByTestId('row-task')).toHaveText('Call · due tomorrow');
  await expect(sidebar.row(scanned!).getByTestId('row-task')).toHaveCount(0);
});

test('the Rules panel edits, switches off and deletes a rule, and Undo brings it back (keyboard only)', async ({
  openSidebar,
}) => {
  const sidebar = await openSidebar();
  await sidebar.frame.getByTestId('sections').locator('[data-key="tasks"]').click();
  const rules = sidebar.frame.getByTestId('task-rules');
  await rules.getByTestId('rule-new').focus();
  await sidebar.page.keyboard.press('Enter');
  await rules.getByTestId('rule-trigger').selectOption('view');
  await rules.getByTestId('rule-no-reply-days').fill('3');
  await rules.getByTestId('rule-task-type').selectOption('email');
  await rules.getByTestId('rule-due-time').fill('');
  await rules.getByTestId('rule-due-days').press('Enter');
  const text = rules.getByTestId('rule-text');
  await expect(text).toHaveText(
    'When an email gets a human view and no reply within 3 days, create a task of type Email due 1 day(s) later.',
  );

  await rules.getByTestId('rule-edit').click();
  await rules.getByTestId('rule-no-reply-days').fill('100');
  await rules.getByTestId('rule-save').click();
  await expect(rules.getByRole('alert')).toHaveText('Days must be a whole number from 0 to 90.');
  await rules.getByTestId('rule-no-reply-days').fill('5');
  await rules.getByTestId('rule-save').click();
  await expect(text).toContainText('no reply within 5 days');

  const enabled = rules.getByTestId('rule-enabled');
  await expect(enabled).toBeChecked();
  await enabled.focus();
  await sidebar.page.keyboard.press('Space');
  await expect(enabled).not.toBeChecked();
  await expect(text).toHaveClass(/muted/);

  await rules.getByTestId('rule-delete').click();
  await expect(rules.getByTestId('rules-empty')).toBeVisible();
  await rules.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect(text).toContainText('no reply within 5 days');
  await expect(enabled).not.toBeChecked();
});

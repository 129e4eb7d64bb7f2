import { EMAIL_STATUSES } from '../../lib/emails/status.ts';
import { expectedDemoCounts, expectedDemoIdsByStatus } from '../support/expected-demo-counts.ts';
import { expect, type SendCommand, test } from './fixtures.ts';
import type { SidebarPage } from './pages/sidebar.ts';

async function openSeededGmail(command: SendCommand, openSidebar: () => Promise<SidebarPage>) {
  expect((await command('demo.seed', {})).ok).toBe(true);
  return openSidebar();
}

test('seeded emails in every status show in the right folders, newest first (Scheduled soonest first)', async ({
  command,
  openSidebar,
}) => {
  const sidebar = await openSeededGmail(command, openSidebar);
  const expectedIds = expectedDemoIdsByStatus();
  const counts = expectedDemoCounts();
  for (const status of EMAIL_STATUSES) {
    await sidebar.openFolder(status);
    await expect(sidebar.frame.getByTestId('bulk-bar')).toContainText(String(counts[status]));
    await expect(sidebar.rows().first()).toBeVisible();
    const shown = await sidebar.rows().evaluateAll((rows) =>
      rows.map((row) => ({
        id: row.getAttribute('data-id')!,
        at: Date.parse(row.querySelector('time.row-time')!.getAttribute('datetime')!),
      })),
    );
    expect(shown.length).toBeGreaterThan(1);
    for (const { id } of shown) expect(expectedIds.get(status)!.has(id), `${id} in ${status}`).toBe(true);
    // Newest first; Scheduled soonest first (what goes out next).
    const dates = shown.map((row) => row.at);
    const expected = [...dates].sort((a, b) => (status === 'scheduled' ? a - b : b - a));
    expect(dates, `order of ${status}`).toEqual(expected);
  }
});

test('Archive moves an email to Archived with live counts; Undo and Unarchive bring it back', async ({
  command,
  openSidebar,
}) => {
  const sidebar = await openSeededGmail(command, openSidebar);
  const counts = expectedDemoCounts();
  await sidebar.openFolder('delivered');
  const first = sidebar.rows().first();
  const id = (await first.getAttribute('data-id'))!;

  await sidebar.rowAction(id, 'archive');
  await expect(sidebar.folderCount('delivered')).toHaveText(String(counts.delivered - 1));
  await expect(sidebar.folderCount('archived')).toHaveText(String(counts.archived + 1));
  await expect(sidebar.row(id)).toHaveCount(0);
  await expect(sidebar.frame.getByTestId('toast')).toContainText(/tracking is off/i);

  // Undo from the toast puts it straight back.
  await sidebar.frame.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect(sidebar.folderCount('delivered')).toHaveText(String(counts.delivered));
  await expect(sidebar.row(id)).toBeVisible();

  // Archive again, then Unarchive from the Archived folder.
  await sidebar.rowAction(id, 'archive');
  await sidebar.openFolder('archived');
  await sidebar.rowAction(id, 'unarchive');
  await expect(sidebar.folderCount('archived')).toHaveText(String(counts.archived));
  await expect(sidebar.folderCount('delivered')).toHaveText(String(counts.delivered));
});

test('Retry on a failed email moves it to Pending › Scheduled, due now', async ({ command, openSidebar }) => {
  const sidebar = await openSeededGmail(command, openSidebar);
  const counts = expectedDemoCounts();
  await sidebar.openFolder('failed');
  const id = (await sidebar.rows().first().getAttribute('data-id'))!;
  await sidebar.rowAction(id, 'retry');
  await expect(sidebar.frame.getByTestId('tab-count-undelivered')).toHaveText(
    String(counts.failed + counts.bounced + counts.spam - 1),
  );
  await sidebar.openFolder('scheduled');
  await expect(sidebar.folderCount('scheduled')).toHaveText(String(counts.scheduled + 1));
  // Due now is the earliest send time, so it is the first row: Scheduled lists the soonest first.
  await expect(sidebar.rows().first()).toHaveAttribute('data-id', id);
  await sidebar.row(id).locator('.row-main').click();
  await expect(sidebar.frame.getByTestId('detail-status')).toContainText('Scheduled');
  await expect(sidebar.frame.getByTestId('history')).toContainText('Retried by you');
});

test('bulk delete of campaign emails asks first, shows progress, and can be undone', async ({
  command,
  openSidebar,
}) => {
  const sidebar = await openSeededGmail(command, openSidebar);
  const counts = expectedDemoCounts();
  await sidebar.openFolder('bounced');
  // Select all is a query of the whole folder: the box is checked once the answer is in.
  await sidebar.frame.getByTestId('select-all').click();
  await expect(sidebar.frame.getByTestId('bulk-bar')).toContainText(
    `All ${counts.bounced} emails in Bounced are selected`,
  );
  await sidebar.frame.getByTestId('bulk-bar').locator('[data-action="delete"]').click();

  const dialog = sidebar.frame.getByTestId('confirm-delete');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(sidebar.folderCount('bounced')).toHaveText(String(counts.bounced));

  await sidebar.frame.getByTestId('bulk-bar').locator('[data-action="delete"]').click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(sidebar.folderCount('bounced')).toHaveText('0');
  await sidebar.frame.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect(sidebar.folderCount('bounced')).toHaveText(String(counts.bounced));
});

test('Reschedule picks a new time; an action on an email that changed meanwhile fails with a message', async ({
  command,
  openSidebar,
}) => {
  const sidebar = await openSeededGmail(command, openSidebar);
  await sidebar.openFolder('draft');
  const id = (await sidebar.rows().first().getAttribute('data-id'))!;
  await sidebar.rowAction(id, 'reschedule');
  const dialog = sidebar.frame.getByTestId('reschedule-dialog');
  await dialog.getByTestId('reschedule-at').fill('2031-03-04T09:30');
  await dialog.getByRole('button', { name: 'Reschedule' }).click();
  await sidebar.openFolder('scheduled');
  // 2031 is the latest send time, so it is the last row: Scheduled lists the soonest first.
  await sidebar.frame.getByTestId('email-list').evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
  await sidebar.row(id).locator('.row-main').click();
  await expect(sidebar.frame.getByTestId('detail-status')).toContainText('Scheduled');
  await expect(sidebar.frame.getByTestId('history')).toContainText('Rescheduled by you');
  await sidebar.frame.getByTestId('detail-back').click();

  // Another tab deletes an email meanwhile; a Send now issued for it then fails cleanly.
  const other = (await sidebar.rows().nth(1).getAttribute('data-id'))!;
  expect((await command('emails.delete', { ids: [other], expected: 'scheduled' })).ok).toBe(true);
  await expect(sidebar.row(other)).toHaveCount(0);
  const response = await command('emails.sendNow', { ids: [other], expected: 'scheduled' });
  expect(response).toMatchObject({
    ok: true,
    value: { done: [], failed: [{ id: other, message: 'This email no longer exists.' }] },
  });
});

test('a bulk archive can be cancelled: it stops between chunks, says how far it got, and Undo takes it back', async ({
  command,
  openSidebar,
}) => {
  expect((await command('demo.seed', { emails: 3_000, eventsPerEmail: 1 })).ok).toBe(true);
  const sidebar = await openSidebar();
  await sidebar.openFolder('delivered');
  const count = (status: 'delivered' | 'archived') =>
    sidebar
      .folderCount(status)
      .innerText()
      .then((text) => Number(text.replace(/\D/g, '')));
  const delivered = await count('delivered');
  expect(delivered).toBeGreaterThan(500);
  await sidebar.frame.getByTestId('select-all').click();
  await expect(sidebar.frame.getByTestId('bulk-bar')).toContainText(`All ${delivered.toLocaleString('en')} emails`);
  await sidebar.frame.getByTestId('bulk-bar').locator('[data-action="archive"]').click();

  // Cancel as soon as the progress shows: the chunk in flight finishes, no other starts.
  await sidebar.frame.getByTestId('bulk-cancel').click();
  const toast = sidebar.frame.getByTestId('toast');
  await expect(toast).toContainText(/Stopped after [\d,]+ of/);
  const archived = Number((/Stopped after ([\d,]+)/.exec(await toast.innerText())?.[1] ?? '').replace(/,/g, ''));
  expect(archived).toBeGreaterThan(0);
  expect(archived).toBeLessThan(delivered);
  expect(archived % 50).toBe(0);
  await expect(toast).toContainText(`of ${delivered.toLocaleString('en')}`);
  await expect(sidebar.folderCount('delivered')).toHaveText((delivered - archived).toLocaleString('en'));

  // What was done can be undone.
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(sidebar.folderCount('delivered')).toHaveText(delivered.toLocaleString('en'));
});

import { expect, test } from './fixtures.ts';

test('Follow up on a Delivered row makes a Call task for tomorrow; the row shows it and the task leads back to the email', async ({
  command,
  openSidebar,
}) => {
  expect((await command('demo.seed', {})).ok).toBe(true);
  const sidebar = await openSidebar();
  const row = sidebar.rows().first();
  const id = (await row.getAttribute('data-id'))!;
  await expect(row.getByTestId('row-task')).toHaveCount(0);

  await sidebar.rowAction(id, 'followUp');
  const dialog = sidebar.frame.getByTestId('follow-up-dialog');
  await expect(dialog.getByTestId('follow-up-call')).toBeChecked();
  await expect(dialog.getByTestId('follow-up-due')).toHaveValue('1');
  await dialog.getByRole('button', { name: 'Add task' }).click();
  await expect(sidebar.frame.getByTestId('toast')).toHaveText('Added 1 follow-up task.');
  await expect(sidebar.row(id).getByTestId('row-task')).toHaveText('Call · due tomorrow');

  // A second one, an Email in 3 days: the chip keeps the sooner one and says there is one more.
  await sidebar.rowAction(id, 'followUp');
  await dialog.getByTestId('follow-up-email').check();
  await dialog.getByTestId('follow-up-due').selectOption('3');
  await dialog.getByRole('button', { name: 'Add task' }).click();
  await expect(sidebar.row(id).getByTestId('row-task')).toHaveText('Call · due tomorrow +1');

  // The email's detail lists both; one opens in the Tasks tab, and from there back to the email.
  const subject = await sidebar.row(id).locator('.row-subject').innerText();
  await sidebar.row(id).locator('.row-main').click();
  const tasks = sidebar.frame.getByTestId('email-tasks').locator('li');
  await expect(tasks).toHaveCount(2);
  await expect(tasks.first()).toContainText(`Follow up: ${subject}`);
  await expect(tasks.first()).toContainText('Call · due tomorrow');
  await tasks.first().getByRole('button').click();
  const spotlight = sidebar.frame.getByTestId('task-spotlight');
  await expect(spotlight.getByTestId('spotlight-title')).toHaveText(`Follow up: ${subject}`);
  await spotlight.getByTestId('spotlight-email').click();
  await expect(sidebar.frame.getByTestId('email-detail').locator('.detail-subject')).toHaveText(subject);
});

import { expect, test } from './fixtures.ts';

test('a row written in the background appears in the sidebar’s counts within 1 s, without reload', async ({
  command,
  openSidebar,
}) => {
  const sidebar = await openSidebar();
  await sidebar.openTab('pending');
  await expect(sidebar.folderCount('draft')).toHaveText('0');

  const started = Date.now();
  const saved = await command('emails.saveDraft', {
    to: [{ address: 'dana@example.com', name: 'Dana' }],
    subject: 'Pricing follow-up',
  });
  expect(saved.ok).toBe(true);
  await expect(sidebar.folderCount('draft')).toHaveText('1', { timeout: 1_000 });
  expect(Date.now() - started).toBeLessThan(1_000);
  await expect(sidebar.frame.getByTestId('tab-count-pending')).toHaveText('1');
});

import { test, expect } from './fixtures.ts';
import { SidebarPage } from './pages/sidebar.ts';
import { GMAIL_INBOX_URL } from '../support/webmail-routes.ts';

test('a row written in the background appears in the sidebar’s counts within 1 s, without reload', async ({ extension, command }) => {
  const page = await extension.context.newPage();
  await page.goto(GMAIL_INBOX_URL);
  const sidebar = new SidebarPage(page);
  await sidebar.waitUntilVisible();
  await sidebar.openTab('pending');
  await expect(sidebar.folderCount('draft')).toHaveText('0');

  const started = Date.now();
  const saved = await command('emails.saveDraft', { to: [{ address: 'dana@example.com', name: 'Dana' }], subject: 'Pricing follow-up' });
  expect(saved.ok).toBe(true);
  await expect(sidebar.folderCount('draft')).toHaveText('1', { timeout: 1_000 });
  expect(Date.now() - started).toBeLessThan(1_000);
  await expect(sidebar.frame.getByTestId('tab-count-pending')).toHaveText('1');
});

import { GMAIL_INBOX_URL, OUTLOOK_MAIL_URL } from '../support/webmail-routes.ts';
import { expect, test } from './fixtures.ts';
import { SidebarPage } from './pages/sidebar.ts';

for (const [site, url] of [
  ['Gmail', GMAIL_INBOX_URL],
  ['Outlook', OUTLOOK_MAIL_URL],
] as const) {
  test(`${site}: keys typed in the sidebar never reach the webmail's shortcuts`, async ({ extension }) => {
    const page = await extension.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __webmailReady?: boolean }).__webmailReady === true);
    const sidebar = new SidebarPage(page);
    await sidebar.waitUntilVisible();

    // Sanity: the fixture's shortcut listener does see keys typed on the page itself.
    await page.locator('body').press('j');
    expect(await page.evaluate(() => (window as unknown as { __pageKeys: string[] }).__pageKeys)).toContain('j');
    await page.evaluate(() => ((window as unknown as { __pageKeys: string[] }).__pageKeys = []));

    const filter = sidebar.frame.getByTestId('quick-filter');
    await filter.click();
    await filter.pressSequentially('c j k / dana');
    await filter.press('Enter');
    await expect(filter).toHaveValue('c j k / dana');
    expect(await page.evaluate(() => (window as unknown as { __pageKeys: string[] }).__pageKeys)).toEqual([]);
  });
}

test('Enter opens an email, Escape goes back, and focus returns to that email in the list', async ({
  command,
  openSidebar,
}) => {
  expect((await command('demo.seed', {})).ok).toBe(true);
  const sidebar = await openSidebar();
  const row = sidebar.rows().nth(3);
  const id = await row.getAttribute('data-id');
  await row.locator('.row-main').focus();
  await row.locator('.row-main').press('Enter');
  await expect(sidebar.frame.getByTestId('email-detail')).toBeVisible();
  await expect(sidebar.frame.getByTestId('detail-back')).toBeFocused();

  await sidebar.frame.getByTestId('detail-back').press('Escape');
  await expect(sidebar.frame.getByTestId('email-detail')).toBeHidden();
  await expect(sidebar.row(id!).locator('.row-main')).toBeFocused();

  // The same with Back, from further down the folder: the list comes back where it was.
  await sidebar.frame.getByTestId('email-list').evaluate((list) => {
    list.scrollTop = 40 * 72;
  });
  // The row that sits at position 42 once the list has drawn the window it scrolled to.
  const deep = sidebar.frame.locator('[data-testid="email-row"][style*="top: 3024px"]');
  await expect(deep).toBeVisible();
  const deepId = await deep.getAttribute('data-id');
  await deep.locator('.row-main').focus();
  await deep.locator('.row-main').press('Enter');
  await sidebar.frame.getByTestId('detail-back').press('Enter');
  await expect(sidebar.row(deepId!).locator('.row-main')).toBeFocused();
  expect(await sidebar.frame.getByTestId('email-list').evaluate((list) => list.scrollTop)).toBeGreaterThan(30 * 72);
});

test('Escape on the reschedule dialog puts focus back on the Reschedule button of that row', async ({
  command,
  openSidebar,
}) => {
  expect((await command('demo.seed', {})).ok).toBe(true);
  const sidebar = await openSidebar();
  await sidebar.openFolder('scheduled');
  const row = sidebar.rows().first();
  await row.locator('.row-main').focus();
  await sidebar.page.keyboard.press('Tab');
  const reschedule = row.locator('[data-action="reschedule"]');
  await expect(reschedule).toBeFocused();
  await sidebar.page.keyboard.press('Enter');
  await expect(sidebar.frame.getByTestId('reschedule-dialog')).toBeVisible();
  await sidebar.page.keyboard.press('Escape');
  await expect(sidebar.frame.getByTestId('reschedule-dialog')).toBeHidden();
  await expect(reschedule).toBeFocused();
});

test('closing the sidebar from the keyboard puts focus back where the rep was in the webmail', async ({
  openSidebar,
}) => {
  const sidebar = await openSidebar();
  const page = sidebar.page;
  const search = page.locator('input').first();
  await search.focus();
  await sidebar.frame.getByTestId('quick-filter').focus();
  await sidebar.frame.getByTestId('close-sidebar').focus();
  await sidebar.page.keyboard.press('Enter');
  await expect(sidebar.dock).toBeHidden();
  await expect(search).toBeFocused();

  // Opened again with the launcher from the keyboard, then closed: focus lands on the launcher.
  await sidebar.launcher.focus();
  await sidebar.page.keyboard.press('Enter');
  await sidebar.waitUntilVisible();
  await sidebar.frame.getByTestId('close-sidebar').focus();
  await sidebar.page.keyboard.press('Enter');
  await expect(sidebar.dock).toBeHidden();
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('ICC-DOCK');
});

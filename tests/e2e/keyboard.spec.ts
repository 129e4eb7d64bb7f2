import { test, expect } from './fixtures.ts';
import { SidebarPage } from './pages/sidebar.ts';
import { GMAIL_INBOX_URL, OUTLOOK_MAIL_URL } from '../support/webmail-routes.ts';

for (const [site, url] of [['Gmail', GMAIL_INBOX_URL], ['Outlook', OUTLOOK_MAIL_URL]] as const) {
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

import { GMAIL_INBOX_URL, OUTLOOK_MAIL_URL } from '../support/webmail-routes.ts';
import { expect, test } from './fixtures.ts';

test.use({ webmailPages: { gmail: 'inbox-changed.html', outlook: 'mail-changed.html' } });

for (const [site, url] of [
  ['Gmail', GMAIL_INBOX_URL],
  ['Outlook', OUTLOOK_MAIL_URL],
] as const) {
  test(`${site} with changed markup: the sidebar floats with a "layout not recognised" mark and the webmail keeps working`, async ({
    command,
    openSidebar,
  }) => {
    await command('demo.seed', { emails: 40 });
    const sidebar = await openSidebar(url);
    const page = sidebar.page;

    await expect(sidebar.dock).toHaveAttribute('data-health', 'degraded');
    const mark = await sidebar.dockPart('.mark');
    expect(await mark.isVisible()).toBe(true);
    expect(await mark.innerText()).toMatch(/not recognised/i);
    expect(await sidebar.dock.evaluate((dock) => getComputedStyle(dock).position)).toBe('fixed');
    await expect(sidebar.folderCount('delivered')).not.toHaveText('·');

    // The webmail's own shortcut still works (compose opens or focuses on "c").
    await page.locator('body').press('c');
    expect(await page.evaluate(() => (window as unknown as { __pageKeys: string[] }).__pageKeys)).toContain('c');
    expect(sidebar.pageErrors).toEqual([]);
  });
}

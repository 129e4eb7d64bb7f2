import { GMAIL_INBOX_URL, OUTLOOK_MAIL_URL } from '../support/webmail-routes.ts';
import { expect, test } from './fixtures.ts';
import { SidebarPage } from './pages/sidebar.ts';

test('open on first visit; closed and width remembered per site; the launcher brings it back', async ({
  extension,
}) => {
  const gmail = await extension.context.newPage();
  await gmail.goto(GMAIL_INBOX_URL);
  const sidebar = new SidebarPage(gmail);
  await sidebar.waitUntilVisible();
  await expect(sidebar.launcher).toBeHidden();

  // Resize with the keyboard on the dock's edge: two steps wider.
  const before = (await sidebar.dock.boundingBox())!.width;
  const edge = await sidebar.dockPart('.edge');
  await edge.focus();
  await edge.press('ArrowLeft');
  await edge.press('ArrowLeft');
  await expect.poll(async () => (await sidebar.dock.boundingBox())!.width).toBe(before + 48);

  await sidebar.close();
  await expect(sidebar.dock).toBeHidden();
  await expect(sidebar.launcher).toBeVisible();

  await gmail.reload();
  await expect(sidebar.launcher).toBeVisible();
  await expect(sidebar.dock).toBeHidden();

  // Outlook keeps its own state: still open there.
  const outlook = await extension.context.newPage();
  await outlook.goto(OUTLOOK_MAIL_URL);
  await new SidebarPage(outlook).waitUntilVisible();

  await sidebar.launcher.click();
  await sidebar.waitUntilVisible();
  expect((await sidebar.dock.boundingBox())!.width).toBe(before + 48);
});

test('SPA navigation and a re-rendered container neither duplicate nor lose the sidebar', async ({ openSidebar }) => {
  const sidebar = await openSidebar();
  const page = sidebar.page;

  for (const hash of ['#sent', '#label/Deals', '#inbox']) {
    await page.evaluate((next) => (location.hash = next), hash);
    await expect(page.locator('icc-dock')).toHaveCount(1);
    await expect(sidebar.dock).toBeVisible();
  }

  // Gmail sometimes rebuilds the whole row; the dock comes back within a couple of seconds.
  await page.evaluate(() => {
    const dock = document.querySelector('icc-dock')!;
    const row = dock.parentElement!;
    const clone = row.cloneNode(true) as HTMLElement;
    clone.querySelector('icc-dock')?.remove();
    row.replaceWith(clone);
  });
  await expect(page.locator('icc-dock')).toHaveCount(1, { timeout: 4_000 });
  await expect(sidebar.dock).toBeVisible();
  await expect(sidebar.dock).toHaveAttribute('data-health', 'ok');
});

test('the keyboard command is registered, and its toggle message opens and closes the sidebar', async ({
  extension,
  openSidebar,
}) => {
  const sidebar = await openSidebar();
  const worker = await extension.serviceWorker();
  expect(await worker.evaluate(() => chrome.commands.getAll())).toContainEqual(
    expect.objectContaining({ name: 'toggle-sidebar', shortcut: 'Alt+Shift+K' }),
  );

  // Headless Chromium does not turn synthetic keys into browser shortcuts, so we send what the
  // background's onCommand handler sends: the toggle message to the tab's top frame.
  const toggle = () =>
    worker.evaluate(async () => {
      // Without the "tabs" permission we cannot read tab URLs; tabs without our content script refuse.
      for (const tab of await chrome.tabs.query({})) {
        await chrome.tabs
          .sendMessage(tab.id!, { channel: 'icc', kind: 'sidebar.toggle' }, { frameId: 0 })
          .catch(() => {});
      }
    });
  await toggle();
  await expect(sidebar.dock).toBeHidden();
  await expect(sidebar.launcher).toBeVisible();
  await toggle();
  await expect(sidebar.dock).toBeVisible();
});

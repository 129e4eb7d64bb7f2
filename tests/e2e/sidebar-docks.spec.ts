import { demoPeople, demoTasks } from '../../lib/demo/demo-mailbox.ts';
import { expectedDemoCounts } from '../support/expected-demo-counts.ts';
import { GMAIL_INBOX_URL, OUTLOOK_MAIL_URL } from '../support/webmail-routes.ts';
import { expect, test } from './fixtures.ts';

const SITES = [
  { site: 'Gmail', url: GMAIL_INBOX_URL, column: '.nn.bkK', row: '[gh=tl] tr, [gh=tl] [role=row]' },
  { site: 'Outlook', url: OUTLOOK_MAIL_URL, column: '[role=main]', row: '[role=listbox] [role=option]' },
];

for (const { site, url, column, row } of SITES) {
  test(`${site}: the sidebar docks at the right, shows the seeded folder counts, and leaves the mail column usable`, async ({
    command,
    openSidebar,
  }) => {
    expect((await command('demo.seed', {})).ok).toBe(true);
    const sidebar = await openSidebar(url);
    const page = sidebar.page;

    expect(await sidebar.readAllCounts()).toEqual(expectedDemoCounts());
    await expect(sidebar.dock).toHaveAttribute('data-health', 'ok');

    // Docked, not covering: the sidebar sits right of the mail column, which kept a usable width.
    const dockBox = (await sidebar.dock.boundingBox())!;
    const columnBox = (await page.locator(column).first().boundingBox())!;
    expect(dockBox.x + dockBox.width).toBeGreaterThan(page.viewportSize()!.width - 16); // at the right, inside any page margin
    expect(columnBox.x + columnBox.width).toBeLessThanOrEqual(dockBox.x + 1);
    expect(columnBox.width).toBeGreaterThan(500);

    // A click on a message row reaches the webmail, not us.
    const firstRow = page.locator(row).first();
    const rowBox = (await firstRow.boundingBox())!;
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.closest('icc-dock') === null,
      [rowBox.x + rowBox.width - 5, rowBox.y + rowBox.height / 2],
    );
    expect(hit).toBe(true);
    expect(sidebar.pageErrors).toEqual([]);
  });
}

test('the Tasks and Lists tabs say what they hold: the open task count, or that there is nothing yet', async ({
  command,
  openSidebar,
}) => {
  const sidebar = await openSidebar();
  await sidebar.frame.getByTestId('sections').locator('[data-key="tasks"]').click();
  await expect(sidebar.frame.getByTestId('tasks-section')).toContainText('Nothing in Today');
  await expect(sidebar.frame.getByTestId('task-count-open')).toHaveText('0');
  await sidebar.frame.getByTestId('sections').locator('[data-key="lists"]').click();
  await expect(sidebar.frame.getByText('No saved lists yet')).toBeVisible();

  expect((await command('demo.seed', {})).ok).toBe(true);
  const open = demoTasks(demoPeople(), Date.now()).filter((task) => task.status === 'open').length;
  await sidebar.frame.getByTestId('sections').locator('[data-key="tasks"]').click();
  await expect(sidebar.frame.getByTestId('task-count-open')).toHaveText(String(open));
});

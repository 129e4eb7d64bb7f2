import { readFileSync } from 'node:fs';
import { CAMPAIGNS } from '../../lib/demo/vocabulary.ts';
import { emptyQuery, type SearchQuery } from '../../lib/search/query.ts';
import { readLiveQueryOnce } from '../support/launch-extension.ts';
import { type RunningServer, startTrackingServer } from '../support/tracking-server.ts';
import { DESKTOP_CHROME } from '../support/user-agents.ts';
import { expect, test } from './fixtures.ts';
import { connectAndOpenGmail } from './pages/connected-gmail.ts';
import { GmailFixture } from './pages/gmail-fixture.ts';

// Issue #15: a list is dynamic. A human click from the real tracking server makes another email
// of the campaign match, and the list's count and "new" badge change without a reload; its CSV
// holds its rows; its Retarget opens a prefilled compose in the webmail.

let server: RunningServer;
test.beforeEach(async () => {
  server = await startTrackingServer();
});
test.afterEach(async () => {
  await server.stop();
});

test('a human click from the server grows the list live, its CSV holds its rows, and Retarget opens a compose', async ({
  extension,
  command,
  control,
}) => {
  expect((await command('demo.seed', {})).ok).toBe(true);
  const campaigns = await command('campaigns.list', {});
  const campaignId = campaigns.ok ? campaigns.value.find((c) => c.name === CAMPAIGNS[0])?.id : undefined;
  const base: SearchQuery = { ...emptyQuery(), campaigns: { ids: [campaignId!] }, replied: 'no' };
  const engaged: SearchQuery = { ...base, viewed: 'yes', clicked: 'yes' };
  const saved = await command('lists.save', { id: crypto.randomUUID(), name: 'Engaged, no reply', query: engaged });
  expect(saved.ok).toBe(true);
  const listId = saved.ok ? saved.value.id : '';
  // An email of the campaign a person viewed but nobody clicked yet: one human click away.
  const almost = await readLiveQueryOnce(control, 'search.run', {
    query: { ...base, statuses: ['delivered'], viewed: 'yes', clicked: 'no' },
    offset: 0,
    limit: 1,
  });
  const candidate = almost.ok ? almost.rows[0]?.id : undefined;
  expect(candidate, 'a viewed, unclicked email in the campaign').toBeDefined();

  const { sidebar, page } = await connectAndOpenGmail(extension, server);
  const frame = sidebar.frame;
  await frame.getByTestId('sections').locator('[data-key="lists"]').click();
  const item = frame.getByTestId('list-item').filter({ hasText: 'Engaged, no reply' });
  const before = (await readLiveQueryOnce(control, 'lists.all', {}))[0]?.count ?? 0;
  await expect(item.getByTestId('list-count')).toHaveText(`${before} emails`);
  await expect(item.getByTestId('list-new')).toHaveCount(0);

  // The person clicks an hour after the send; the next pull brings it.
  const { clickUrls } = await server.api<{ clickUrls: string[] }>('/v1/messages', {
    messageId: candidate,
    sentAt: new Date(Date.now() - 3_600_000).toISOString(),
    links: ['https://northwind.example/pricing'],
  });
  const click = await fetch(clickUrls[0]!, { redirect: 'manual', headers: { 'user-agent': DESKTOP_CHROME } });
  expect(click.status).toBe(302);
  expect((await command('tracking.sync', {})).ok).toBe(true);
  // Stored by now: the open sidebar shows it within a second, no reload.
  await expect(item.getByTestId('list-count')).toHaveText(`${before + 1} emails`, { timeout: 1_000 });
  await expect(item.getByTestId('list-new')).toHaveText('1 new', { timeout: 1_000 });

  // Opened, its badge clears; the new row is marked.
  await item.getByTestId('list-open').click();
  await expect(frame.getByTestId('list-title')).toHaveText('Engaged, no reply');
  await expect(frame.locator(`[data-testid="email-row"][data-id="${candidate}"]`)).toBeVisible();

  // The CSV: a header and one row per member.
  const download = page.waitForEvent('download');
  await frame.getByTestId('list-export').click();
  const file = readFileSync((await (await download).path())!, 'utf8');
  const lines = file
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe('subject,status,to,names,cc,campaign,created,sent,last activity,views,clicks,replied');
  expect(lines).toHaveLength(before + 2);
  await expect(frame.getByTestId('list-action-note')).toHaveText(new RegExp(`^Exported ${before + 1} emails to `));

  // A task for each member, type and due chosen once (an Email task, tomorrow).
  await frame.getByTestId('list-tasks').click();
  const dialog = frame.getByTestId('follow-up-dialog');
  await dialog.getByTestId('follow-up-email').check();
  await dialog.locator('button[type="submit"]').click();
  await expect(frame.getByTestId('list-action-note')).toHaveText(`Made ${before + 1} tasks.`);
  const made = await readLiveQueryOnce(control, 'tasks.counts', { now: Date.now(), timeZone: 'UTC' });
  expect(made.open).toBeGreaterThanOrEqual(before + 1);

  // Retarget: a new compose in the webmail with the list's people (Bcc beyond five). The fixture
  // opens a draft at load: closed first, as a rep would, so the compose is the new one.
  await page.locator('.AD .Ha').click();
  await expect(page.locator('.AD')).toHaveCount(0);
  const gmail = new GmailFixture(page);
  const recipients = await command('retarget.recipients', { id: listId });
  const wanted = recipients.ok ? recipients.value : null;
  expect(wanted?.recipients.length).toBeGreaterThan(0);
  await frame.getByTestId('list-retarget').click();
  const field = wanted!.field;
  await expect
    .poll(async () => (await gmail.chips(field)).map((chip) => chip.email))
    .toEqual(wanted!.recipients.map((r) => r.address));
  await expect(frame.getByTestId('list-action-note')).toContainText('A new email opened with');
  await expect(frame.getByTestId('list-new')).toHaveCount(0);
  expect(gmail.pageErrors).toEqual([]);
});

import { readFileSync } from 'node:fs';
import { CAMPAIGNS } from '../../lib/demo/vocabulary.ts';
import { emptyQuery, type SearchQuery } from '../../lib/search/query.ts';
import { readLiveQueryOnce } from '../support/launch-extension.ts';
import { expect, test } from './fixtures.ts';

// Issue #15, the seed's own example: the rep searches a campaign for people who viewed and
// clicked but did not reply, keeps that as a list, and finds it, renames it and deletes it.

const CAMPAIGN = CAMPAIGNS[0];

test('a search built as a sentence counts what search.run counts, is saved as a list, renamed, deleted and undone', async ({
  command,
  control,
  openSidebar,
}) => {
  expect((await command('demo.seed', {})).ok).toBe(true);
  const campaigns = await command('campaigns.list', {});
  const campaignId = campaigns.ok ? campaigns.value.find((campaign) => campaign.name === CAMPAIGN)?.id : undefined;
  expect(campaignId, `the demo has the campaign “${CAMPAIGN}”`).toBeDefined();
  const query: SearchQuery = {
    ...emptyQuery(),
    campaigns: { ids: [campaignId!] },
    viewed: 'yes',
    clicked: 'yes',
    replied: 'no',
  };
  const answer = await readLiveQueryOnce(control, 'search.run', { query, offset: 0, limit: 1 });
  if (!answer.ok) throw new Error(`search.run refused the query: ${JSON.stringify(answer)}`);
  const expected = answer.total;
  // The demo's engagement makes this a real subset: some match, not the whole campaign.
  expect(expected).toBeGreaterThan(0);

  const sidebar = await openSidebar();
  const frame = sidebar.frame;
  await sidebar.openSearch();
  const count = frame.getByTestId('search-count');
  await expect(count).toHaveText(/emails? match/);
  const everything = Number((await count.innerText()).replace(/\D/g, ''));

  await sidebar.chooseInMenu('search-campaigns', CAMPAIGN);
  await expect(frame.getByTestId('search-campaigns').locator('summary')).toHaveText(CAMPAIGN);
  await frame.getByTestId('search-viewed').selectOption('yes');
  await frame.getByTestId('search-clicked').selectOption('yes');
  await frame.getByTestId('search-replied').selectOption('no');
  await expect(count).toHaveText(`${expected} ${expected === 1 ? 'email matches' : 'emails match'}`);
  expect(expected).toBeLessThan(everything);
  // The rows are the same rows as a folder's, each naming its folder, and select all takes them all.
  await expect(sidebar.rows().first()).toBeVisible();
  await expect(sidebar.rows().first().getByTestId('row-status')).toBeVisible();
  await frame.getByTestId('select-all').click();
  await expect(frame.getByTestId('selection-summary')).toHaveText(
    expected === 1 ? 'The only email found is selected' : `All ${expected} emails found are selected`,
  );
  await frame.getByTestId('select-all').click();
  // The search's own CSV: a header and one row per result.
  const download = sidebar.page.waitForEvent('download');
  await frame.getByTestId('list-export').click();
  const csv = readFileSync((await (await download).path())!, 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(csv).toHaveLength(expected + 1);
  await expect(frame.getByTestId('list-action-note')).toHaveText(
    new RegExp(`^Exported ${expected} emails? to search-\\d{4}-\\d{2}-\\d{2}\\.csv\\.$`),
  );

  // A minimum of −1 is named: that box is marked, the reason stands beside it, nothing runs or saves.
  const minViews = frame.getByTestId('search-minViews');
  await minViews.fill('-1');
  await expect(minViews).toHaveAttribute('aria-invalid', 'true');
  await expect(frame.getByTestId('search-problem')).toHaveText('Enter a whole number, 0 or more.');
  await expect(frame.getByTestId('save-as-list')).toBeDisabled();
  await minViews.fill('');
  await expect(count).toHaveText(new RegExp(`^${expected} `));

  await frame.getByTestId('save-as-list').click();
  const dialog = frame.getByTestId('save-list-dialog');
  await dialog.getByTestId('list-name').fill('Engaged, no reply');
  await dialog.getByRole('button', { name: 'Save list' }).click();
  await expect(frame.getByTestId('toast')).toHaveText('Saved as list “Engaged, no reply”');

  // The overview shows it with the same count, and focus is on it.
  const item = sidebar.listItem('Engaged, no reply');
  await expect(item.getByTestId('list-count')).toHaveText(`${expected} ${expected === 1 ? 'email' : 'emails'}`);
  await expect(item.getByTestId('list-open')).toBeFocused();

  // Its members are the search's rows.
  await item.getByTestId('list-open').click();
  await expect(frame.getByTestId('list-title')).toHaveText('Engaged, no reply');
  const first = await readLiveQueryOnce(control, 'search.run', { query, offset: 0, limit: 3 });
  const firstIds = first.ok ? first.rows.map((row) => row.id) : [];
  await expect(sidebar.rows().first()).toBeVisible();
  expect((await sidebar.rows().evaluateAll((rows) => rows.map((row) => row.dataset.id))).slice(0, 3)).toEqual(firstIds);
  await frame.getByTestId('lists-back').click();

  // Rename in place: Enter keeps it.
  await item.getByTestId('list-rename').click();
  const rename = frame.getByTestId('list-rename-input');
  await expect(rename).toBeFocused();
  await rename.fill('Retarget: clicked, no reply');
  await rename.press('Enter');
  const renamed = sidebar.listItem('Retarget: clicked, no reply');
  await expect(renamed).toBeVisible();
  await expect(renamed.getByTestId('list-rename')).toBeFocused();
  await expect(sidebar.listItem('Engaged, no reply')).toHaveCount(0);

  // Delete, then Undo from the toast: it comes back with its members.
  await renamed.getByTestId('list-delete').click();
  await expect(renamed).toHaveCount(0);
  await expect(frame.getByTestId('lists-overview')).toContainText('No saved lists yet');
  const toast = frame.getByTestId('toast');
  await expect(toast).toContainText('List “Retarget: clicked, no reply” deleted');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(renamed.getByTestId('list-count')).toHaveText(`${expected} ${expected === 1 ? 'email' : 'emails'}`);
  const lists = await readLiveQueryOnce(control, 'lists.all', {});
  expect(lists.map(({ name, count }) => ({ name, count }))).toEqual([
    { name: 'Retarget: clicked, no reply', count: expected },
  ]);
  expect(sidebar.pageErrors).toEqual([]);
});

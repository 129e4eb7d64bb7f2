import type { Page } from '@playwright/test';
import { emptyQuery, type SearchQuery } from '../../lib/search/query.ts';
import { OUTLOOK_MAIL_URL } from '../support/webmail-routes.ts';
import { expect, type SendCommand, test } from './fixtures.ts';
import { ComposeToolbar } from './pages/compose-toolbar.ts';
import { GmailFixture } from './pages/gmail-fixture.ts';
import { OutlookFixture } from './pages/outlook-fixture.ts';

// Issue #15, item 4: the compose toolbar's Retarget fills a list's people in as the webmail's own
// chips in one click: To for a handful, Bcc beyond (recipients do not see each other).

const Q4 = 'demo-campaign-0';

async function saveList(command: SendCommand, name: string, query: SearchQuery): Promise<string> {
  const id = crypto.randomUUID();
  const saved = await command('lists.save', { id, name, query });
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
  return id;
}

/** The addresses Retarget will fill in, as the background works them out. */
async function recipientsOf(command: SendCommand, id: string) {
  const answer = await command('retarget.recipients', { id });
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return answer.value;
}

async function pickList(page: Page, id: string) {
  const toolbar = new ComposeToolbar(page);
  await expect.poll(() => toolbar.shadow.text('.retarget')).toBe('Retarget');
  await toolbar.shadow.click('.retarget');
  await expect.poll(() => toolbar.shadow.text(`li[data-id="${id}"] .name`)).not.toBe('');
  await toolbar.shadow.click(`li[data-id="${id}"]`);
  return toolbar;
}

test('Gmail: Retarget fills a small list into To as real chips, in one click', async ({ extension, command }) => {
  expect((await command('demo.seed', {})).ok).toBe(true);
  // One person's emails in the campaign: a handful at most.
  const big = await recipientsOf(
    command,
    await saveList(command, 'Q4 everyone', { ...emptyQuery(), campaigns: { ids: [Q4] } }),
  );
  const person = big.recipients[0]?.address ?? '';
  const id = await saveList(command, 'Q4 one person', { ...emptyQuery(), campaigns: { ids: [Q4] }, person });
  const small = await recipientsOf(command, id);
  expect(small.recipients.map((r) => r.address)).toEqual([person]);
  expect(small.field).toBe('to');

  const gmail = await GmailFixture.open(extension.context, 5);
  const before = (await gmail.chips('to')).map((chip) => chip.email);
  const toolbar = await pickList(gmail.page, id);
  await expect.poll(async () => (await gmail.chips('to')).map((chip) => chip.email)).toEqual([...before, person]);
  await expect.poll(() => toolbar.shadow.text('.retarget-note')).toBe('Added 1 recipient to To.');
  expect(gmail.pageErrors).toEqual([]);
});

test('Outlook: Retarget fills a large list into Bcc, leaving out who bounced and saying so', async ({
  extension,
  command,
}) => {
  expect((await command('demo.seed', {})).ok).toBe(true);
  const id = await saveList(command, 'Q4 everyone', { ...emptyQuery(), campaigns: { ids: [Q4] } });
  const list = await recipientsOf(command, id);
  expect(list.recipients.length).toBeGreaterThan(5);
  expect(list.field).toBe('bcc');

  const outlook = await OutlookFixture.open(extension.context, OUTLOOK_MAIL_URL, 5);
  const toolbar = await pickList(outlook.page, id);
  const addresses = list.recipients.map((r) => r.address);
  await expect
    .poll(async () => (await outlook.chips('bcc')).map((chip) => /<([^>]+)>$/.exec(chip)?.[1] ?? chip))
    .toEqual(addresses);
  const note = await toolbar.shadow.text('.retarget-note');
  expect(note).toMatch(new RegExp(`^Added ${addresses.length} recipients to Bcc\\.`));
  if (list.skipped.bounced > 0) expect(note).toContain(`${list.skipped.bounced} who bounced`);
  expect(outlook.pageErrors).toEqual([]);
});

import { describe, expect, it } from 'vitest';
import { testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb } from '../db/database';
import { CLASSIFICATIONS, type EmailRecord } from '../db/records';
import { createRandom, type Random } from '../demo/random';
import { deleteEmails, restoreEmails } from '../emails/actions';
import { saveEmail } from '../emails/email-writes';
import { changeStatus } from '../emails/lifecycle';
import { EMAIL_STATUSES } from '../emails/status';
import { matchesQuery } from '../search/predicate';
import { DATE_FIELDS, emptyQuery, type SearchQuery, TRI_STATES } from '../search/query';
import { applyServerEvent } from '../tracking/apply-event';
import { listCountId, listNewId, runnableLists } from './list-membership';
import { deleteList, openList, restoreList, saveList } from './lists';

// Issue #15, property (b): list memberships and counts kept up one email write at a time, through
// a random stream of events, status changes, deletes and list changes, equal what a full
// recomputation from every email says at the end. CASES random mailboxes, each its own database.

const CASES = 520;
const T0 = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;
const CAMPAIGNS = ['c1', 'c2', 'c3'];
const NAMES = ['Dana Whitfield', 'Ana Souza', 'Jürgen Groß', '王小明', 'Олег Петров'];
const DOMAINS = ['northwind.example', 'eu.northwind.example', 'sable.example', '例え.jp'];
const SUBJECTS = ['Pricing for Q1', 'Quick follow-up', 'Angebot für Sie', '报价单', 'Re: demo'];

function randomEmail(random: Random, index: number): EmailRecord {
  const name = random.pick(NAMES);
  const to = [{ address: `p${index}@${random.pick(DOMAINS)}`, name }];
  const status = random.pick(EMAIL_STATUSES);
  const sentAt = random.chance(0.7) ? T0 + random.int(0, 20) * DAY : undefined;
  return testEmail(`e${index}`, status, {
    to,
    ...(random.chance(0.3) ? { cc: [{ address: `cc${index}@${random.pick(DOMAINS)}` }] } : {}),
    subject: random.pick(SUBJECTS),
    ...(random.chance(0.7) ? { campaignId: random.pick(CAMPAIGNS) } : {}),
    createdAt: T0 - random.int(1, 5) * DAY,
    ...(sentAt !== undefined ? { sentAt } : {}),
    ...(random.chance(0.2) ? { scheduledAt: T0 + random.int(0, 30) * DAY } : {}),
    ...(status === 'failed' || status === 'bounced' ? { failedAt: T0 + random.int(0, 25) * DAY } : {}),
  });
}

function randomQuery(random: Random): SearchQuery {
  const q: SearchQuery = { ...emptyQuery(), trustedOnly: random.chance(0.5) };
  if (random.chance(0.4)) q.statuses = [...new Set([random.pick(EMAIL_STATUSES), random.pick(EMAIL_STATUSES)])];
  if (random.chance(0.4))
    q.campaigns = { ids: [random.pick(CAMPAIGNS)], ...(random.chance(0.3) ? { none: true } : {}) };
  if (random.chance(0.5)) q.viewed = random.pick(TRI_STATES);
  if (random.chance(0.5)) q.clicked = random.pick(TRI_STATES);
  if (random.chance(0.3)) q.replied = random.pick(TRI_STATES);
  if (random.chance(0.2)) q.minViews = random.int(0, 3);
  if (random.chance(0.2)) q.minClicks = random.int(0, 2);
  if (random.chance(0.2)) q.person = random.pick(['ana', 'groß', '小', 'олег', 'p1']);
  if (random.chance(0.2)) q.domain = random.pick(['northwind.example', 'sable.example', '例え.jp']);
  if (random.chance(0.2)) q.subject = random.pick(['pric', 'für', '报价', 'demo']);
  if (random.chance(0.3)) {
    const from = T0 + random.int(-3, 15) * DAY;
    q.dates = { field: random.pick(DATE_FIELDS), from, to: from + random.int(0, 15) * DAY };
  }
  return q;
}

async function randomStep(db: CommandCenterDb, random: Random, step: number, emails: number, lists: string[]) {
  const id = `e${random.int(0, emails - 1)}`;
  const roll = random.next();
  if (roll < 0.45) {
    await applyServerEvent(db, {
      cursor: `s${step}`,
      messageId: id,
      type: random.chance(0.6) ? 'view' : 'click',
      at: new Date(T0 + random.int(0, 25) * DAY).toISOString(),
      classification: random.pick(CLASSIFICATIONS),
      reason: 'r',
    });
  } else if (roll < 0.6) {
    // Any status change, through the one path every status change takes.
    const email = await db.emails.get(id);
    if (email) await saveEmail(db, { ...email, status: random.pick(EMAIL_STATUSES) }, email);
  } else if (roll < 0.68) {
    const email = await db.emails.get(id);
    if (email)
      await saveEmail(db, { ...email, engagement: { ...email.engagement, replied: !email.engagement.replied } }, email);
  } else if (roll < 0.74) {
    await changeStatus(db, id, { to: 'archived', reason: { text: 'archived' }, now: T0 }).catch(() => undefined);
  } else if (roll < 0.8) {
    const email = await db.emails.get(id);
    if (email) await deleteEmails(db, [id], email.status);
    else await restoreEmails(db, [id]);
  } else if (roll < 0.86) {
    const list = `L${step}`;
    await saveList(db, list, list, randomQuery(random), T0);
    lists.push(list);
  } else if (roll < 0.9 && lists.length) {
    await deleteList(db, random.pick(lists), T0).catch(() => undefined);
  } else if (roll < 0.94 && lists.length) {
    await restoreList(db, random.pick(lists)).catch(() => undefined);
  } else if (lists.length) {
    await openList(db, random.pick(lists), T0).catch(() => undefined);
  }
}

/** What a full recomputation says, against what the upkeep left; '' when they agree. */
async function disagreement(db: CommandCenterDb): Promise<string> {
  const emails = await db.emails.toArray();
  const lists = await runnableLists(db);
  const problems: string[] = [];
  for (const email of emails) {
    const expected = lists
      .filter((list) => matchesQuery(list.query, email))
      .map((list) => list.id)
      .sort();
    const actual = [...(email.lists ?? [])].sort();
    if (expected.join() !== actual.join()) problems.push(`${email.id} in [${actual}], should be [${expected}]`);
    const stray = (email.newIn ?? []).filter((list) => !actual.includes(list));
    if (stray.length) problems.push(`${email.id} new in [${stray}] without being a member`);
  }
  for (const list of lists) {
    const members = emails.filter((email) => matchesQuery(list.query, email)).length;
    const fresh = emails.filter((email) => email.newIn?.includes(list.id)).length;
    const count = (await db.counters.get(listCountId(list.id)))?.value ?? 0;
    const newCount = (await db.counters.get(listNewId(list.id)))?.value ?? 0;
    if (count !== members) problems.push(`${list.id} counts ${count}, has ${members}`);
    if (newCount !== fresh) problems.push(`${list.id} says ${newCount} new, has ${fresh}`);
  }
  return problems.join('; ');
}

describe('lists kept up one email write at a time', () => {
  it(`agree with a full recomputation after a random stream (${CASES} cases)`, { timeout: 240_000 }, async () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const random = createRandom(seed);
      const db = new CommandCenterDb(`prop-${seed}-${crypto.randomUUID()}`);
      try {
        const emails = random.int(3, 10);
        for (let i = 0; i < emails; i++) await saveEmail(db, randomEmail(random, i), undefined);
        const lists: string[] = [];
        for (let l = 0; l < random.int(1, 3); l++) {
          await saveList(db, `L-${l}`, `L-${l}`, randomQuery(random), T0);
          lists.push(`L-${l}`);
        }
        for (let step = 0; step < random.int(8, 20); step++) await randomStep(db, random, step, emails, lists);
        expect(await disagreement(db), `seed ${seed}`).toBe('');
      } finally {
        await db.delete();
      }
    }
  });
});

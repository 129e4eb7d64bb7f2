import { describe, expect, it } from 'vitest';
import { testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb } from '../db/database';
import { CLASSIFICATIONS } from '../db/records';
import { createRandom, type Random } from '../demo/random';
import { saveEmail } from '../emails/email-writes';
import { EMAIL_STATUSES, type EmailStatus } from '../emails/status';
import { saveList } from '../lists/lists';
import { emptyQuery, TRI_STATES } from '../search/query';
import type { RuleContext } from '../tasks/rule-evaluation';
import { createRule, type RuleInput } from '../tasks/task-rules';
import { applyServerEvent } from './apply-event';
import { applyEventPage } from './event-sync';
import type { ServerEvent } from './server-event';

// A page of the feed applied together (views and clicks in runs, apply-engagement.ts) leaves the
// database exactly as the same events applied one at a time: emails with their counts, lists and
// keys, the events, every counter, the people's bounce marks, the rules' waits and tasks.

const CASES = 120;
const T0 = Date.UTC(2026, 10, 1);
const MINUTE = 60_000;
const ctx: RuleContext = {
  clock: { now: T0 + 90 * MINUTE, timeZone: 'Europe/Berlin' },
  wording: { followUpTitle: (s) => `Follow up: ${s}`, ruleTaskTitle: (t, s) => `${t}: ${s}` },
};
/** A rule on human clicks: a Call task when no reply came within two days. */
const CLICK_RULE: RuleInput = {
  trigger: 'click',
  noReplyDays: 2,
  taskType: 'call',
  dueInDays: 1,
  dueTime: { hour: 9, minute: 0 },
  priority: 'normal',
};
const TYPES = [
  'view',
  'view',
  'view',
  'click',
  'click',
  'bounce',
  'delivered',
  'complaint',
  'failed',
  'deferred',
] as const;

async function mailbox(name: string, random: Random, emails: number): Promise<CommandCenterDb> {
  const db = new CommandCenterDb(name);
  for (let i = 0; i < emails; i++) {
    const status = random.pick<EmailStatus>([
      'delivered',
      'delivered',
      'sending',
      'archived',
      random.pick(EMAIL_STATUSES),
    ]);
    const email = testEmail(`e${i}`, status, {
      to: [{ address: `P${i % 4}@northwind.example`, name: `Person ${i % 4}` }],
      ...(random.chance(0.3) ? { cc: [{ address: `cc${i}@sable.example` }] } : {}),
      campaignId: random.pick(['c1', 'c2']),
      sentAt: T0,
    });
    await saveEmail(db, email, undefined);
  }
  // Some of those people hard-bounced before the events: a view after that clears it.
  for (let p = 0; p < 4; p++)
    if (random.chance(0.5))
      await db.people.put({
        id: `person-${p}`,
        email: random.chance(0.5) ? `p${p}@northwind.example` : `P${p}@northwind.example`,
        name: `Person ${p}`,
        undeliverable: { at: T0 + random.int(0, 40) * MINUTE, emailId: 'e0', reason: 'gone' },
      });
  for (let l = 0; l < 4; l++)
    await saveList(
      db,
      `L${l}`,
      `L${l}`,
      {
        ...emptyQuery(),
        campaigns: { ids: [random.pick(['c1', 'c2'])] },
        viewed: random.pick(TRI_STATES),
        clicked: random.pick(TRI_STATES),
        trustedOnly: random.chance(0.5),
      },
      T0,
    );
  await createRule(db, { ...CLICK_RULE, noReplyDays: 0 }, T0);
  return db;
}

function randomEvents(random: Random, emails: number): ServerEvent[] {
  const events: ServerEvent[] = [];
  for (let n = 0; n < random.int(5, 60); n++) {
    // Some events again (a page pulled twice), some for emails the rep does not have.
    const cursor = random.chance(0.1) && n > 0 ? random.pick(events).cursor : `c${n}`;
    const type = random.pick(TYPES);
    events.push({
      cursor,
      messageId: random.chance(0.05) ? 'unknown' : `e${random.int(0, emails - 1)}`,
      type,
      at: new Date(T0 + random.int(0, 80) * MINUTE).toISOString(),
      classification: random.pick(CLASSIFICATIONS),
      reason: 'r',
      ...(type === 'bounce' ? { reasonCode: random.pick(['bounce.userUnknown', 'bounce.mailboxFull']) } : {}),
      ...(type === 'delivered' ? { reasonCode: 'delivered.dsn' } : {}),
      ...(type === 'deferred' ? { reasonCode: 'deferred.greylisted' } : {}),
    });
  }
  return events;
}

/**
 * Everything the events can change, in a stable order (event ids depend only on insertion order),
 * the rule's random id written as RULE.
 */
async function state(db: CommandCenterDb) {
  const [rule] = await db.taskRules.toArray();
  const everything = {
    emails: await db.emails.toArray(),
    searchRows: await db.emailSearch.toArray(),
    events: await db.events.toArray(),
    counters: await db.counters.toArray(),
    people: await db.people.toArray(),
    ruleMatches: await db.ruleMatches.toArray(),
    tasks: (await db.tasks.toArray()).map(({ createdAt: _c, updatedAt: _u, ...task }) => task),
  };
  return JSON.parse(JSON.stringify(everything).replaceAll(rule!.id, 'RULE'));
}

describe('a page of events applied together', () => {
  it(`leaves the database as the same events one at a time (${CASES} cases)`, { timeout: 120_000 }, async () => {
    // What the streams did, summed over the cases: the comparison is of real work.
    const seen = { tasks: 0, cleared: 0, members: 0, duplicates: 0 };
    for (let seed = 1; seed <= CASES; seed++) {
      const emails = createRandom(seed).int(2, 8);
      const [paged, single] = await Promise.all(
        ['paged', 'single'].map((kind) =>
          mailbox(`page-${kind}-${seed}-${crypto.randomUUID()}`, createRandom(seed), emails),
        ),
      );
      try {
        const events = randomEvents(createRandom(seed * 7), emails);
        const random = createRandom(seed * 13);
        for (let at = 0; at < events.length; ) {
          const size = random.int(1, 40);
          await applyEventPage(paged!, events.slice(at, at + size), () => ctx);
          at += size;
        }
        for (const event of events) await applyServerEvent(single!, event, () => ctx);
        const after = await state(paged!);
        expect(after, `seed ${seed}`).toEqual(await state(single!));
        seen.tasks += after.tasks.length;
        seen.cleared += after.people.filter(
          (person: { id: string; undeliverable?: unknown }) => person.id.startsWith('person-') && !person.undeliverable,
        ).length;
        seen.members += after.emails.reduce(
          (sum: number, email: { lists?: string[] }) => sum + (email.lists?.length ?? 0),
          0,
        );
        seen.duplicates += events.length - new Set(events.map((event) => event.cursor)).size;
      } finally {
        await Promise.all([paged!.delete(), single!.delete()]);
      }
    }
    expect(seen.tasks).toBeGreaterThan(0);
    expect(seen.cleared).toBeGreaterThan(0);
    expect(seen.members).toBeGreaterThan(0);
    expect(seen.duplicates).toBeGreaterThan(0);
  });
});

describe('a full page of the feed', () => {
  it('applies 200 human views of 200 emails in one transaction, a rule waiting for clicks', async () => {
    const db = new CommandCenterDb(`page-full-${crypto.randomUUID()}`);
    try {
      for (let i = 0; i < 200; i++) await saveEmail(db, testEmail(`e${i}`, 'delivered', { sentAt: T0 }), undefined);
      await createRule(db, CLICK_RULE, T0);
      const events = Array.from({ length: 200 }, (_, n) => ({
        cursor: `v${n}`,
        messageId: `e${n}`,
        type: 'view' as const,
        at: new Date(T0 + n * MINUTE).toISOString(),
        classification: 'human' as const,
        reason: 'r',
      }));
      expect(await applyEventPage(db, events, () => ctx)).toBe(200);
      expect(await db.events.count()).toBe(200);
      expect((await db.emails.toArray()).every((email) => email.engagement.views === 1)).toBe(true);
      // Pulled again (the cursor was not saved): nothing twice.
      expect(await applyEventPage(db, events, () => ctx)).toBe(0);
      expect(await db.events.count()).toBe(200);
    } finally {
      await db.delete();
    }
  });
});

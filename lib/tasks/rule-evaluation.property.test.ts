import type { DBCore } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb, taskTables } from '../db/database';
import { CLASSIFICATIONS, type Classification, type RuleTrigger } from '../db/records';
import { createRandom, type Random } from '../demo/random';
import { applyServerEvent } from '../tracking/apply-event';
import type { ServerEvent } from '../tracking/server-event';
import { judgeRunOutMatches, type RuleContext } from './rule-evaluation';
import { createRule, editRule, type RuleInput, setRuleEnabled } from './task-rules';
import { completeTasks } from './task-writes';

// Property: whatever the order of deliveries, re-deliveries, replies, rule edits, switches,
// checks and worker deaths (a write that throws half-way through, then a fresh database
// connection, as a restarted worker has), a rule makes at most one task per email, and in the
// end exactly the tasks a plain reading of the rules asks for (the model below).

const DAY = 86_400_000;
const HOUR = 3_600_000;
const zone = 'Europe/Berlin';
const EMAILS = ['e0', 'e1', 'e2', 'e3', 'e4'];
const wording = { followUpTitle: (s: string) => s, ruleTaskTitle: (_: string, s: string) => `rule: ${s}` };

interface FeedEvent {
  cursor: string;
  emailId: string;
  type: RuleTrigger;
  classification: Classification;
  at: number;
}

type ModelMatch = { state: 'waiting'; triggeredAt: number; waitUntil: number } | { state: 'made' | 'replied' };
interface ModelRule {
  trigger: RuleTrigger;
  noReplyDays: number;
  enabled: boolean;
  activeSince: number;
}

/** The rules as the rep reads them, judged eagerly: a wait's verdict is as of its end. */
class Model {
  rules = new Map<string, ModelRule>();
  matches = new Map<string, ModelMatch>();
  replies = new Map<string, number[]>();

  settle(now: number) {
    for (const [key, match] of this.matches) {
      if (match.state !== 'waiting' || match.waitUntil > now) continue;
      const emailId = key.split('|')[1]!;
      const replied = (this.replies.get(emailId) ?? []).some((at) => at < match.waitUntil);
      this.matches.set(key, { state: replied ? 'replied' : 'made' });
    }
  }

  event(event: FeedEvent, now: number) {
    this.settle(now);
    for (const [ruleId, rule] of this.rules) {
      if (!rule.enabled || event.classification !== 'human' || rule.trigger !== event.type) continue;
      if (event.at < rule.activeSince) continue;
      const key = `${ruleId}|${event.emailId}`;
      const match = this.matches.get(key);
      if (match && (match.state !== 'waiting' || event.at >= match.triggeredAt)) continue;
      this.matches.set(key, {
        state: 'waiting',
        triggeredAt: event.at,
        waitUntil: event.at + rule.noReplyDays * DAY,
      });
    }
    this.settle(now);
  }

  edit(ruleId: string, noReplyDays: number, now: number) {
    this.settle(now);
    this.rules.get(ruleId)!.noReplyDays = noReplyDays;
    for (const [key, match] of this.matches)
      if (key.startsWith(`${ruleId}|`) && match.state === 'waiting')
        match.waitUntil = match.triggeredAt + noReplyDays * DAY;
    this.settle(now);
  }

  toggle(ruleId: string, enabled: boolean, now: number) {
    this.settle(now);
    const rule = this.rules.get(ruleId)!;
    if (rule.enabled === enabled) return;
    rule.enabled = enabled;
    if (enabled) rule.activeSince = now;
    else
      for (const [key, match] of this.matches)
        if (key.startsWith(`${ruleId}|`) && match.state === 'waiting') this.matches.delete(key);
  }

  made(): string[] {
    return [...this.matches].filter(([, match]) => match.state === 'made').map(([key]) => key);
  }
}

/** A worker that can die: while `armed`, each write fails with probability `rate`. */
class Faults {
  armed = false;
  rate = 0.15;
  thrown = 0;
  constructor(private readonly random: Random) {}
  strike(): boolean {
    if (!this.armed || !this.random.chance(this.rate)) return false;
    this.thrown++;
    return true;
  }
}

function openDb(name: string, faults: Faults): CommandCenterDb {
  const db = new CommandCenterDb(name);
  db.use({
    stack: 'dbcore',
    name: 'simulated-worker-death',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (request) =>
            faults.strike() ? Promise.reject(new Error('the worker stopped here')) : table.mutate(request),
        };
      },
    }),
  });
  return db;
}

const totals = { runs: 0, made: 0, replied: 0, faults: 0, redelivered: 0, restarts: 0, machine: 0 };

async function run(seed: number) {
  const random = createRandom(seed);
  const faults = new Faults(random);
  const name = `property-${seed}-${crypto.randomUUID()}`;
  let db = openDb(name, faults);
  let now = Date.UTC(2026, 11, 1, 9);
  const ctx = (): RuleContext => ({ clock: { now, timeZone: zone }, wording });
  const model = new Model();
  await db.emails.bulkPut(EMAILS.map((id) => testEmail(id, 'delivered')));

  const ruleIds: string[] = [];
  for (const trigger of ['click', 'view'] as const) {
    const input: RuleInput = {
      trigger,
      noReplyDays: random.int(0, 2),
      taskType: 'call',
      dueInDays: 1,
      priority: 'normal',
    };
    const rule = await createRule(db, input, now);
    ruleIds.push(rule.id);
    model.rules.set(rule.id, { trigger, noReplyDays: input.noReplyDays, enabled: true, activeSince: now });
  }

  const feed: FeedEvent[] = [];
  const deleted = new Set<string>();
  let delivered = 0; // the sync's cursor: events before it were applied
  const toServerEvent = (event: FeedEvent): ServerEvent => ({
    cursor: event.cursor,
    messageId: event.emailId,
    type: event.type,
    at: new Date(event.at).toISOString(),
    classification: event.classification,
    reason: 'property',
  });
  /** One pull: applies the feed from the cursor in order; a failure stops the pull (the cursor stays). */
  const pull = async () => {
    while (delivered < feed.length) {
      const event = feed[delivered]!;
      try {
        await applyServerEvent(db, toServerEvent(event), ctx);
      } catch {
        return;
      }
      model.event(event, now);
      delivered++;
    }
  };

  const check = async () => {
    const tasks = await db.tasks.toArray();
    const pairs = tasks.map((task) => `${task.ruleId}|${task.emailId}`);
    expect(new Set(pairs).size, 'one task per rule and email').toBe(pairs.length);
    for (const task of tasks) expect(task.id).toBe(`rule:${task.ruleId}:${task.emailId}`);
    expect(
      tasks.some((task) => task.emailId === 'e4'),
      'e4 only ever gets machine hits',
    ).toBe(false);
    expect(
      tasks.filter((task) => deleted.has(task.id)).map((task) => task.id),
      'a task the rep deleted never comes back',
    ).toEqual([]);
  };

  let seenFaults = 0;
  for (let step = 0; step < 70; step++) {
    faults.armed = random.chance(0.4);
    const roll = random.next();
    if (roll < 0.35) {
      const emailId = random.pick(EMAILS);
      const classification: Classification =
        emailId !== 'e4' && random.chance(0.5) ? 'human' : random.pick(CLASSIFICATIONS.filter((c) => c !== 'human'));
      if (classification !== 'human') totals.machine++;
      // Pulled late sometimes: the browser was closed when it happened.
      const at = now - (random.chance(0.3) ? random.int(1, 60) * HOUR : 0);
      feed.push({ cursor: `c${feed.length}`, emailId, type: random.pick(['click', 'view']), classification, at });
      await pull();
    } else if (roll < 0.45 && delivered > 0) {
      // The server's feed answered the same page again.
      const again = feed[random.int(0, delivered - 1)]!;
      await applyServerEvent(db, toServerEvent(again), ctx).catch(() => undefined);
      totals.redelivered++;
    } else if (roll < 0.5) {
      const emailId = random.pick(EMAILS);
      const written = await db
        .transaction('rw', db.events, db.emails, async () => {
          await db.events.add({ emailId, type: 'reply', at: now, classification: 'human', reason: 'reply' });
          await db.emails.update(emailId, { 'engagement.replied': true });
        })
        .then(
          () => true,
          () => false,
        );
      if (written) model.replies.set(emailId, [...(model.replies.get(emailId) ?? []), now]);
    } else if (roll < 0.7) {
      now += random.int(1, 30) * HOUR;
    } else if (roll < 0.8) {
      await judgeRunOutMatches(db, ctx());
    } else if (roll < 0.86) {
      const ruleId = random.pick(ruleIds);
      const rule = (await db.taskRules.get(ruleId))!;
      const noReplyDays = random.int(0, 3);
      const { id: _id, enabled: _on, createdAt: _c, updatedAt: _u, activeSince: _a, ...input } = rule;
      const edited = await editRule(db, ruleId, { ...input, noReplyDays }, ctx()).then(
        () => true,
        () => false,
      );
      if (edited) model.edit(ruleId, noReplyDays, now);
    } else if (roll < 0.91) {
      const ruleId = random.pick(ruleIds);
      const enabled = !model.rules.get(ruleId)!.enabled;
      const switched = await setRuleEnabled(db, ruleId, enabled, ctx()).then(
        () => true,
        () => false,
      );
      if (switched) model.toggle(ruleId, enabled, now);
    } else if (roll < 0.95) {
      // The rep completes or deletes a task a rule made.
      faults.armed = false;
      const task = random.pick(await db.tasks.toArray());
      if (task && random.chance(0.5)) await completeTasks(db, [task], now);
      else if (task) {
        await db.transaction('rw', taskTables(db), () => db.tasks.delete(task.id));
        deleted.add(task.id);
      }
    } else {
      db.close();
      db = openDb(name, faults);
      totals.restarts++;
    }
    faults.armed = false;
    await check();
    // After a failed write the worker is gone: the next step runs on a fresh connection.
    if (faults.thrown > seenFaults) {
      seenFaults = faults.thrown;
      db.close();
      db = openDb(name, faults);
    }
  }

  // The end: every event pulled, every wait over, the check run without faults.
  await pull();
  now += 30 * DAY;
  await judgeRunOutMatches(db, ctx());
  model.settle(now);
  await check();
  const made = (await db.ruleMatches.toArray())
    .filter((match) => match.state === 'made')
    .map((match) => `${match.ruleId}|${match.emailId}`)
    .sort();
  expect(made, `seed ${seed}`).toEqual(model.made().sort());
  expect(await db.ruleMatches.where('state').equals('waiting').count()).toBe(0);
  // Every task a rule made belongs to a pair the model made (a deleted one is simply gone).
  for (const task of await db.tasks.toArray()) expect(made).toContain(`${task.ruleId}|${task.emailId}`);
  totals.runs++;
  totals.made += made.length;
  totals.replied += [...model.matches.values()].filter((match) => match.state === 'replied').length;
  totals.faults += faults.thrown;
  db.close();
  await db.delete();
}

describe('engagement rules, under any sequence of events, edits and worker deaths', () => {
  it('make at most one task per rule and email, and exactly one for each email that qualifies', async () => {
    // A check that meets a dying worker says so on the console; hundreds of times here.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    for (let seed = 1; seed <= 60; seed++) await run(seed);
    console.info('[rule property]', JSON.stringify(totals));
    // The runs really went through what they claim to (a property that never meets a fault proves little).
    expect(totals.runs).toBe(60);
    expect(totals.made).toBeGreaterThan(120);
    expect(totals.replied).toBeGreaterThan(10);
    expect(totals.faults).toBeGreaterThan(100);
    expect(totals.redelivered).toBeGreaterThan(50);
    expect(totals.restarts).toBeGreaterThan(20);
    expect(totals.machine).toBeGreaterThan(100);
  }, 120_000);
});

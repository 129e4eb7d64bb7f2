import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb, taskTables } from '../db/database';
import type { Classification } from '../db/records';
import { applyServerEvent } from '../tracking/apply-event';
import type { ServerEvent } from '../tracking/server-event';
import { judgeRunOutMatches, type RuleContext, ruleTaskIdOf } from './rule-evaluation';
import { createRule, deleteRule, editRule, type RuleInput, restoreRule, setRuleEnabled } from './task-rules';
import { completeTasks } from './task-writes';
import { atTimeOn } from './zoned-time';

let db: CommandCenterDb;
beforeEach(() => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const DAY = 86_400_000;
const zone = 'Europe/Berlin';
const start = atTimeOn('2026-12-01', 10, 0, zone);
const wording = {
  followUpTitle: (subject: string) => `Follow up: ${subject}`,
  ruleTaskTitle: (trigger: string, subject: string) => `${trigger}, no reply: ${subject}`,
};
const at = (now: number): RuleContext => ({ clock: { now, timeZone: zone }, wording });

const callAfterClick: RuleInput = {
  trigger: 'click',
  noReplyDays: 2,
  taskType: 'call',
  dueInDays: 1,
  dueTime: { hour: 9, minute: 0 },
  priority: 'high',
};

let cursor = 0;
/** The server's feed delivering one event for `emailId` at `when`, applied at `now`. */
function deliver(
  emailId: string,
  when: number,
  now: number,
  type: 'click' | 'view' = 'click',
  classification: Classification = 'human',
  again?: string,
) {
  const event: ServerEvent = {
    cursor: again ?? String(++cursor),
    messageId: emailId,
    type,
    at: new Date(when).toISOString(),
    classification,
    reason: 'test',
  };
  return applyServerEvent(db, event, () => at(now)).then(() => event.cursor);
}

describe('engagement rules', () => {
  it('a human click with no reply for 2 days makes one Call task, due the next day at 09:00, linked to the email', async () => {
    await db.emails.put(testEmail('e1', 'delivered', { subject: 'Pricing', campaignId: 'c1' }));
    const rule = await createRule(db, callAfterClick, start);
    await deliver('e1', start + 60_000, start + 60_000);
    expect(await db.tasks.count()).toBe(0);

    expect(await judgeRunOutMatches(db, at(start + 2 * DAY))).toEqual({ judged: 0, failed: 0 });
    expect(await judgeRunOutMatches(db, at(start + 2 * DAY + 60_000))).toEqual({ judged: 1, failed: 0 });
    const task = await db.tasks.get(ruleTaskIdOf(rule.id, 'e1'));
    expect(task).toMatchObject({
      type: 'call',
      title: 'click, no reply: Pricing',
      source: 'rule',
      ruleId: rule.id,
      emailId: 'e1',
      campaignId: 'c1',
      priority: 'high',
      dueKind: 'dateTime',
      dueAt: atTimeOn('2026-12-04', 9, 0, zone),
      personId: 'person:e1@example.com',
    });
    expect(await db.people.get('person:e1@example.com')).toMatchObject({ name: 'Person e1' });
  });

  it('machine and unknown clicks never trigger; nor do views for a click rule, nor clicks from before the rule', async () => {
    await db.emails.bulkPut(['e1', 'e2', 'e3', 'e4'].map((id) => testEmail(id, 'delivered')));
    await createRule(db, { ...callAfterClick, noReplyDays: 0 }, start);
    for (const classification of ['proxy', 'prefetch', 'scanner', 'self', 'unknown'] as const)
      await deliver('e1', start + 1_000, start + 1_000, 'click', classification);
    await deliver('e2', start + 1_000, start + 1_000, 'view');
    // Pulled after the rule was made, but clicked before it existed.
    await deliver('e3', start - 1_000, start + 1_000);
    expect(await db.tasks.count()).toBe(0);
    await deliver('e4', start + 1_000, start + 1_000);
    expect((await db.tasks.toArray()).map((task) => task.emailId)).toEqual(['e4']);
  });

  it('N = 0 makes the task with the click itself; a re-pulled click or a completed task never brings a second', async () => {
    await db.emails.put(testEmail('e1', 'delivered'));
    const rule = await createRule(db, { ...callAfterClick, noReplyDays: 0 }, start);
    const first = await deliver('e1', start + 1_000, start + 1_000);
    const id = ruleTaskIdOf(rule.id, 'e1');
    expect(await db.tasks.get(id)).toBeDefined();
    await completeTasks(db, [{ id, version: 1 }], start + 2_000);
    await deliver('e1', start + 1_000, start + 3_000, 'click', 'human', first);
    await deliver('e1', start + 5_000, start + 5_000);
    // Deleted by the rep: it stays deleted.
    await db.transaction('rw', taskTables(db), () => db.tasks.delete(id));
    await deliver('e1', start + 6_000, start + 6_000);
    await judgeRunOutMatches(db, at(start + 10 * DAY));
    expect(await db.tasks.count()).toBe(0);
  });

  it('a reply before the wait ran out means no task; a reply after it does not take the task back', async () => {
    await db.emails.bulkPut([testEmail('e1', 'delivered'), testEmail('e2', 'delivered')]);
    await createRule(db, callAfterClick, start);
    await deliver('e1', start, start);
    await deliver('e2', start, start);
    await db.events.add({ emailId: 'e1', type: 'reply', at: start + DAY, classification: 'human', reason: 'reply' });
    await db.events.add({ emailId: 'e2', type: 'reply', at: start + 3 * DAY, classification: 'human', reason: 'r' });
    await judgeRunOutMatches(db, at(start + 4 * DAY));
    expect((await db.tasks.toArray()).map((task) => task.emailId)).toEqual(['e2']);
    expect((await db.ruleMatches.toArray()).map((match) => match.state).sort()).toEqual(['made', 'replied']);
  });

  it('switched off, a rule forgets what it waited on; switched on, it acts on clicks from then on', async () => {
    await db.emails.bulkPut([testEmail('e1', 'delivered'), testEmail('e2', 'delivered')]);
    const rule = await createRule(db, callAfterClick, start);
    await deliver('e1', start + 1_000, start + 1_000);
    await setRuleEnabled(db, rule.id, false, at(start + DAY));
    await deliver('e2', start + DAY + 1_000, start + DAY + 1_000);
    await setRuleEnabled(db, rule.id, true, at(start + DAY + 2_000));
    await deliver('e2', start + DAY + 1_500, start + DAY + 3_000);
    await judgeRunOutMatches(db, at(start + 5 * DAY));
    expect(await db.tasks.count()).toBe(0);
    await deliver('e2', start + 5 * DAY, start + 5 * DAY);
    await judgeRunOutMatches(db, at(start + 8 * DAY));
    expect((await db.tasks.toArray()).map((task) => task.emailId)).toEqual(['e2']);
  });

  it('an edit first judges the waits already over, then moves the others to the new number of days', async () => {
    await db.emails.bulkPut([testEmail('e1', 'delivered'), testEmail('e2', 'delivered')]);
    const rule = await createRule(db, { ...callAfterClick, noReplyDays: 1 }, start);
    await deliver('e1', start, start);
    await deliver('e2', start + 2 * DAY, start + 2 * DAY);
    // e1's wait ended a day ago (the check was late); e2's has a day to go, then four with the edit.
    await editRule(db, rule.id, { ...callAfterClick, noReplyDays: 5, taskType: 'email' }, at(start + 2 * DAY + 1_000));
    expect((await db.tasks.toArray()).map((task) => [task.emailId, task.type])).toEqual([['e1', 'call']]);
    await judgeRunOutMatches(db, at(start + 6 * DAY));
    expect(await db.tasks.count()).toBe(1);
    await judgeRunOutMatches(db, at(start + 7 * DAY + 1_000));
    expect((await db.tasks.get(ruleTaskIdOf(rule.id, 'e2')))?.type).toBe('email');
  });

  it('deleting a rule keeps its tasks; Undo brings back the rule and its waits, and no second task', async () => {
    await db.emails.bulkPut([testEmail('e1', 'delivered'), testEmail('e2', 'delivered')]);
    const rule = await createRule(db, callAfterClick, start);
    await deliver('e1', start, start);
    await judgeRunOutMatches(db, at(start + 2 * DAY + 1));
    await deliver('e2', start + 2 * DAY + 2, start + 2 * DAY + 2);
    const removed = await deleteRule(db, rule.id, at(start + 2 * DAY + 3));
    expect(removed.waiting.map((match) => match.emailId)).toEqual(['e2']);
    expect(await db.taskRules.count()).toBe(0);
    expect(await db.tasks.count()).toBe(1);
    expect(await restoreRule(db, removed)).toEqual({ restored: true });
    expect(await restoreRule(db, removed)).toEqual({ restored: false });
    await deliver('e1', start + 3 * DAY, start + 3 * DAY);
    await judgeRunOutMatches(db, at(start + 5 * DAY));
    expect((await db.tasks.toArray()).map((task) => task.emailId).sort()).toEqual(['e1', 'e2']);
  });

  it('a task is never made for an email that is gone or archived by the time its wait is over', async () => {
    await db.emails.bulkPut([testEmail('e1', 'delivered'), testEmail('e2', 'delivered')]);
    await createRule(db, callAfterClick, start);
    await deliver('e1', start, start);
    await deliver('e2', start, start);
    await db.emails.delete('e1');
    await db.emails.update('e2', { status: 'archived', tracking: false });
    await judgeRunOutMatches(db, at(start + 3 * DAY));
    expect(await db.tasks.count()).toBe(0);
    expect(await db.ruleMatches.count()).toBe(0);
  });
});

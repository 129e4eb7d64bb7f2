import type { CommandCenterDb } from '../db/database';
import { DEMO_PREFIX, demoCampaigns, demoEmailBatches, demoPeople, demoTasks } from './demo-mailbox';

export interface SeedSize {
  emails?: number;
  eventsPerEmail?: number;
}

/** Writes the demo mailbox in batches (one transaction each), replacing any earlier demo rows. */
export async function seedDemo(db: CommandCenterDb, size: SeedSize, now = Date.now()) {
  await clearDemo(db);
  const people = demoPeople();
  const campaigns = demoCampaigns(now);
  const tasks = demoTasks(people, now);
  await db.transaction('rw', [db.people, db.campaigns, db.tasks], async () => {
    await db.people.bulkPut(people);
    await db.campaigns.bulkPut(campaigns);
    await db.tasks.bulkPut(tasks);
  });
  let emails = 0;
  let events = 0;
  const options = { emails: size.emails ?? 240, eventsPerEmail: size.eventsPerEmail ?? 3, now };
  for (const batch of demoEmailBatches(options, people, campaigns)) {
    await db.transaction('rw', [db.emails, db.events], async () => {
      await db.emails.bulkPut(batch.emails);
      await db.events.bulkAdd(batch.events);
    });
    emails += batch.emails.length;
    events += batch.events.length;
  }
  return { emails, events, people: people.length, tasks: tasks.length };
}

/** Removes every demo row and nothing else: the rep's own data stays. */
export async function clearDemo(db: CommandCenterDb): Promise<number> {
  return db.transaction('rw', [db.emails, db.events, db.people, db.campaigns, db.tasks], async () => {
    const counts = await Promise.all([
      db.events.where('emailId').startsWith(DEMO_PREFIX).delete(),
      db.emails.where('id').startsWith(DEMO_PREFIX).delete(),
      db.people.where('id').startsWith(DEMO_PREFIX).delete(),
      db.campaigns.where('id').startsWith(DEMO_PREFIX).delete(),
      db.tasks.where('id').startsWith(DEMO_PREFIX).delete(),
    ]);
    return counts.reduce((sum, count) => sum + count, 0);
  });
}

export async function isDemoActive(db: CommandCenterDb): Promise<boolean> {
  return (await db.emails.where('id').startsWith(DEMO_PREFIX).limit(1).count()) > 0;
}

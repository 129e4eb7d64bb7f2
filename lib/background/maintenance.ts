import { browser } from 'wxt/browser';
import type { CommandCenterDb } from '../db/database';
import { ensureFolderCounters, recountFolders } from '../emails/folder-counters';
import { scanForDamagedEmails } from '../emails/needs-attention';
import { recoverStuckSends } from '../emails/recover-stuck-sends';
import { deliverPastUndo } from '../emails/webmail-sends';
import { judgeRunOutMatches } from '../tasks/rule-evaluation';
import { localRuleContext } from '../tasks/task-wording';
import { pruneCommandLog } from './command-log';

const ALARM = 'maintenance';
const TRASH_KEEP_MS = 30 * 24 * 3_600_000;
const DAMAGE_SCAN_EVERY_MS = 3_600_000;
// Only a throttle: losing it (worker restart) just means one more scan.
let lastDamageScan = 0;

/**
 * Housekeeping that must happen even if nobody opens the sidebar: stuck sends, old trash, and
 * the rules' periodic check (waits that ran out: at most a minute late, or at the next start).
 */
export async function runMaintenance(db: CommandCenterDb, now = Date.now()): Promise<void> {
  await ensureFolderCounters(db);
  await deliverPastUndo(db, now);
  await recoverStuckSends(db, now);
  const rules = localRuleContext();
  await judgeRunOutMatches(db, { ...rules, clock: { ...rules.clock, now } });
  if (now - lastDamageScan > DAMAGE_SCAN_EVERY_MS) {
    lastDamageScan = now;
    await scanForDamagedEmails(db, now);
    // Heal the counters from rows written past our code (another version, a restored backup).
    await recountFolders(db);
  }
  const expired = await db.trash
    .where('deletedAt')
    .below(now - TRASH_KEEP_MS)
    .primaryKeys();
  if (expired.length > 0) {
    await db.transaction('rw', db.trash, db.events, async () => {
      await db.trash.bulkDelete(expired);
      await db.events.where('emailId').anyOf(expired).delete();
    });
  }
  await pruneCommandLog(db, now);
}

/** Runs maintenance now (every worker start) and keeps one periodic alarm for it. */
export function scheduleMaintenance(db: CommandCenterDb): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void runMaintenance(db);
  });
  // Re-creating an alarm resets its period, so only create it when it is missing.
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) return browser.alarms.create(ALARM, { periodInMinutes: 1 });
  });
  void runMaintenance(db).catch((error: unknown) => console.error('[command-center] maintenance failed', error));
}

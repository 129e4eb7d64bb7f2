import type { CommandCenterDb } from '../db/database';
import { commands } from '../messaging/commands';
import type { CommandName } from '../messaging/protocol';

const KEEP_MS = 24 * 3_600_000;

/**
 * Applies a command at most once per id. The handler's writes and the log entry commit in one
 * transaction, so a worker killed mid-command leaves neither, and the client's retry (same id)
 * either finds the answer or runs the command cleanly.
 */
export function createRunOnce(db: CommandCenterDb) {
  return async (id: string, name: CommandName, run: () => Promise<unknown>): Promise<unknown> => {
    const logged = await db.commandLog.get(id);
    if (logged) return logged.result;
    // Idempotent by construction and too large or too slow for one IndexedDB transaction
    // (each definition says which, in commands.ts): logged after it finishes.
    if (commands[name].transaction === 'outside') {
      const result = await run();
      await db.commandLog.put({ id, name, at: Date.now(), result });
      return result;
    }
    return db.transaction('rw', db.tables, async () => {
      const again = await db.commandLog.get(id);
      if (again) return again.result;
      const result = await run();
      await db.commandLog.put({ id, name, at: Date.now(), result });
      return result;
    });
  };
}

export async function pruneCommandLog(db: CommandCenterDb, now = Date.now()): Promise<void> {
  await db.commandLog
    .where('at')
    .below(now - KEEP_MS)
    .delete();
}

import Dexie, { type Table } from 'dexie';
import type { CommandCenterDb } from './database';

/**
 * Runs `work` in a read-write transaction over `tables`, or inside the one already open (a
 * command's transaction spans all tables). Dexie aborts a whole transaction when a nested one
 * rejects, even if the caller catches it; a refused email in a bulk action must not undo the others.
 */
export function withinTransaction<T>(db: CommandCenterDb, tables: Table[], work: () => Promise<T>): Promise<T> {
  return Dexie.currentTransaction ? work() : db.transaction('rw', tables, work);
}

import type { CommandCenterDb } from '../db/database';

const KEEP_ROWS = 500;

/** Logs a refused message to the console and to the health view; never stores its content. */
export function createRejectionLog(db: CommandCenterDb) {
  return (reason: string, sender: string, summary: string): void => {
    console.warn(`[command-center] rejected message (${reason}) from ${sender}: ${summary}`);
    void db.rejections
      .add({ at: Date.now(), reason, sender, summary })
      .then(async (id) => {
        if (typeof id === 'number' && id > KEEP_ROWS)
          await db.rejections
            .where('id')
            .below(id - KEEP_ROWS)
            .delete();
      })
      .catch((error: unknown) => console.error('[command-center] could not log a rejection', error));
  };
}

import type { CommandCenterDb } from '../db/database';
import type { CommandArgs } from '../messaging/protocol';
import type { CommandHandlers } from '../messaging/command-router';
import { clearDemo, seedDemo } from '../demo/seed-demo';
import { saveDraft } from '../emails/drafts';

/** Every command's handler, each a thin call into the module that owns the work. */
export function createCommandHandlers(db: CommandCenterDb) {
  return {
    'demo.seed': (args: CommandArgs<'demo.seed'>) => seedDemo(db, args),
    'demo.clear': async () => ({ removed: await clearDemo(db) }),
    'emails.saveDraft': (args: CommandArgs<'emails.saveDraft'>) => saveDraft(db, args),
  } satisfies CommandHandlers;
}

import type { CommandCenterDb } from '../db/database';
import type { CommandArgs } from '../messaging/protocol';
import type { CommandHandlers } from '../messaging/command-router';
import { clearDemo, seedDemo } from '../demo/seed-demo';
import { saveDraft } from '../emails/drafts';
import type { SyncResult } from '../tracking/event-sync';
import { testServer } from '../tracking/test-server';
import { archiveEmails, deleteEmails, rescheduleEmails, restoreEmails, retryEmails, sendEmailsNow, unarchiveEmails } from '../emails/actions';

export interface BackgroundServices {
  syncNow: () => Promise<SyncResult | null>;
}

/** Every command's handler, each a thin call into the module that owns the work. */
export function createCommandHandlers(db: CommandCenterDb, services: BackgroundServices) {
  return {
    'demo.seed': (args: CommandArgs<'demo.seed'>) => seedDemo(db, args),
    'demo.clear': async () => ({ removed: await clearDemo(db) }),
    'emails.saveDraft': (args: CommandArgs<'emails.saveDraft'>) => saveDraft(db, args),
    'emails.archive': ({ ids }: CommandArgs<'emails.archive'>) => archiveEmails(db, ids),
    'emails.unarchive': ({ ids }: CommandArgs<'emails.unarchive'>) => unarchiveEmails(db, ids),
    'emails.reschedule': ({ ids, at, expected }: CommandArgs<'emails.reschedule'>) => rescheduleEmails(db, ids, at, expected),
    'emails.sendNow': ({ ids, expected }: CommandArgs<'emails.sendNow'>) => sendEmailsNow(db, ids, expected),
    'emails.retry': ({ ids, expected }: CommandArgs<'emails.retry'>) => retryEmails(db, ids, expected),
    'emails.delete': ({ ids, expected }: CommandArgs<'emails.delete'>) => deleteEmails(db, ids, expected),
    'emails.restore': ({ ids }: CommandArgs<'emails.restore'>) => restoreEmails(db, ids),
    'tracking.sync': async () => {
      const result = await services.syncNow();
      return result ? { configured: true, ...result } : { configured: false, applied: 0, skipped: 0 };
    },
    'tracking.testServer': (args: CommandArgs<'tracking.testServer'>) => testServer(args),
  } satisfies CommandHandlers;
}

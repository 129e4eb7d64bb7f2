import { saveTrackingPrefs } from '../compose/tracking-prefs';
import type { CommandCenterDb } from '../db/database';
import { clearDemo, seedDemo } from '../demo/seed-demo';
import {
  archiveEmails,
  deleteEmails,
  rescheduleEmails,
  restoreEmails,
  retryEmails,
  sendEmailsNow,
  unarchiveEmails,
} from '../emails/actions';
import { listCampaigns } from '../emails/campaigns';
import { saveDraft } from '../emails/drafts';
import { deliverPastUndo, recordDiscarded, recordNotSent } from '../emails/webmail-sends';
import { deleteList, openList, renameList, restoreList, saveList } from '../lists/lists';
import { retargetChoices, retargetRecipients, searchRecipients } from '../lists/retarget';
import type { CommandHandlers } from '../messaging/command-router';
import { addressStandings } from '../people/address-standing';
import { exportCsv } from '../search/csv-export';
import { followUpEach, followUpEmail } from '../tasks/follow-up';
import { createRule, deleteRule, editRule, restoreRule, setRuleEnabled } from '../tasks/task-rules';
import { localRuleContext, localWording } from '../tasks/task-wording';
import {
  completeTasks,
  createTask,
  editTask,
  moveOverdueToToday,
  reopenTasks,
  rescheduleTasks,
  skipTasks,
  undoTaskChanges,
} from '../tasks/task-writes';
import { checkConnection } from '../tracking/check-connection';
import type { SyncResult } from '../tracking/event-sync';
import { queueSelfView } from '../tracking/outbox';
import { prepareWebmailSend, recordWebmailHandover, recordWebmailUndo } from '../tracking/prepare-send';
import { loadServerSettings, type ServerSettings } from '../tracking/server-settings';
import { checkInSidebar } from './sidebar-tabs';

export interface BackgroundServices {
  syncNow: () => Promise<SyncResult | null>;
  setServer: (settings: ServerSettings | null) => Promise<{ changed: boolean }>;
}

/** The rules' context with the zone the sidebar named (the rep's), for the tasks an edit may make. */
const ruleContext = (timeZone: string) => {
  const local = localRuleContext();
  return { ...local, clock: { ...local.clock, timeZone } };
};

/** Every command's handler, each a thin call into the module that owns the work. */
export function createCommandHandlers(db: CommandCenterDb, services: BackgroundServices): CommandHandlers {
  return {
    'demo.seed': (args) => seedDemo(db, args),
    'demo.clear': async () => ({ removed: await clearDemo(db) }),
    'emails.saveDraft': (args) => saveDraft(db, args),
    'emails.archive': ({ ids }) => archiveEmails(db, ids),
    'emails.unarchive': ({ ids }) => unarchiveEmails(db, ids),
    'emails.reschedule': ({ ids, at, expected }) => rescheduleEmails(db, ids, at, expected),
    'emails.sendNow': ({ ids, expected }) => sendEmailsNow(db, ids, expected),
    'emails.retry': ({ ids, expected }) => retryEmails(db, ids, expected),
    'emails.delete': ({ ids, expected }) => deleteEmails(db, ids, expected),
    'emails.restore': ({ ids }) => restoreEmails(db, ids),
    'campaigns.list': () => listCampaigns(db),
    'people.standings': ({ addresses }) => addressStandings(db, addresses),
    'lists.save': ({ id, name, query }) => saveList(db, id, name, query, Date.now()),
    'lists.rename': ({ id, name }) => renameList(db, id, name, Date.now()),
    'lists.delete': ({ id }) => deleteList(db, id, Date.now()),
    'lists.restore': ({ id }) => restoreList(db, id),
    'lists.open': ({ id }) => openList(db, id, Date.now()),
    'export.csv': ({ source }) => exportCsv(db, source, Date.now()),
    'retarget.lists': () => retargetChoices(db),
    'retarget.recipients': ({ id }) => retargetRecipients(db, id),
    'retarget.searchRecipients': ({ query }) => searchRecipients(db, query),
    'compose.prepareSend': async (args) => prepareWebmailSend(db, await loadServerSettings(), args),
    'compose.sent': (args) => recordWebmailHandover(db, args),
    'compose.undoWindowClosed': async ({ id }) => {
      await deliverPastUndo(db, Date.now(), id);
      return { ok: true };
    },
    'compose.undone': ({ id }) => recordWebmailUndo(db, id),
    'compose.notSent': async ({ id }) => ({ removed: await recordNotSent(db, id) }),
    'compose.discarded': async ({ id }) => ({ removed: await recordDiscarded(db, id) }),
    'tasks.create': ({ task, timeZone }) => createTask(db, task, { now: Date.now(), timeZone }),
    'tasks.edit': ({ ref, edit, timeZone }) => editTask(db, ref, edit, { now: Date.now(), timeZone }),
    'tasks.complete': ({ refs }) => completeTasks(db, refs, Date.now()),
    'tasks.skip': ({ refs }) => skipTasks(db, refs, Date.now()),
    'tasks.reopen': ({ refs }) => reopenTasks(db, refs, Date.now()),
    'tasks.reschedule': ({ refs, due, timeZone, how }) =>
      rescheduleTasks(db, refs, due, { now: Date.now(), timeZone }, how),
    'tasks.moveOverdueToToday': ({ timeZone }) => moveOverdueToToday(db, { now: Date.now(), timeZone }),
    'tasks.undo': ({ undo }) => undoTaskChanges(db, undo, Date.now()),
    'tasks.followUp': ({ timeZone, ...request }) =>
      followUpEmail(db, request, { now: Date.now(), timeZone }, localWording),
    'tasks.followUpEach': ({ timeZone, ...request }) =>
      followUpEach(db, request, { now: Date.now(), timeZone }, localWording),
    'tasks.rules.create': ({ rule }) => createRule(db, rule, Date.now()),
    'tasks.rules.edit': ({ id, rule, timeZone }) => editRule(db, id, rule, ruleContext(timeZone)),
    'tasks.rules.setEnabled': ({ id, enabled, timeZone }) => setRuleEnabled(db, id, enabled, ruleContext(timeZone)),
    'tasks.rules.delete': ({ id, timeZone }) => deleteRule(db, id, ruleContext(timeZone)),
    'tasks.rules.restore': ({ removed }) => restoreRule(db, removed),
    'sidebar.checkIn': ({ docked }, { tabId }) => checkInSidebar(tabId, docked),
    'tracking.sync': async () => {
      const result = await services.syncNow();
      return result ? { configured: true, ...result } : { configured: false, applied: 0, skipped: 0 };
    },
    'tracking.checkConnection': (args) => checkConnection(args),
    'tracking.setServer': ({ server }) => services.setServer(server),
    'tracking.selfView': ({ pixelUrl }) => queueSelfView(db, pixelUrl),
    'settings.setTrackingPrefs': async ({ prefs }) => {
      await saveTrackingPrefs(prefs);
      return { saved: true };
    },
  };
}

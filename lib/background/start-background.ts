import { browser } from 'wxt/browser';
import { getDb } from '../db/database';
import { routeCommand } from '../messaging/command-router';
import { serveLiveQueries } from '../messaging/live-query-server';
import { CHANNEL, type TabMessage } from '../messaging/protocol';
import { describeSender } from '../messaging/sender';
import { createCommandHandlers } from './command-handlers';
import { createRunOnce } from './command-log';
import { createQueryRunners } from './live-queries';
import { scheduleMaintenance } from './maintenance';
import { createRejectionLog } from './rejections';
import { watchTaskReminders } from './task-reminders';
import { startTrackingService } from './tracking-service';
import { watchUndoWindows } from './undo-windows';

/**
 * Wires the background: commands, live queries, the keyboard command. Listeners are added
 * synchronously on every worker start (MV3 drops events that arrive before a listener exists);
 * nothing that matters is kept in memory.
 */
export function startBackground(): void {
  const db = getDb();
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  const reject = createRejectionLog(db);
  const tracking = startTrackingService(db);
  const handlers = createCommandHandlers(db, tracking);
  const once = createRunOnce(db);

  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    routeCommand(message, sender, { self, handlers, once, reject }),
  );
  browser.runtime.onConnect.addListener((port) =>
    serveLiveQueries(port, { self, queries: createQueryRunners(db), reject }),
  );

  // Other extensions may message any extension by default; we accept nothing from them.
  browser.runtime.onMessageExternal.addListener((message: unknown, sender) => {
    reject('message from outside the extension', describeSender(sender), typeof message);
    return Promise.resolve({ ok: false, error: { code: 'rejected', message: 'Not accepted.' } });
  });
  browser.runtime.onConnectExternal.addListener((port) => {
    reject('port from outside the extension', describeSender(port.sender ?? {}), port.name);
    port.disconnect();
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-sidebar' || tab?.id === undefined) return;
    const message: TabMessage = { channel: CHANNEL, kind: 'sidebar.toggle' };
    // Only frame 0 runs our content script; a tab without one (not a mail page) just ignores it.
    browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => {});
  });

  scheduleMaintenance(db);
  watchUndoWindows(db);
  watchTaskReminders(db);
}

import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import type { CommandCenterDb } from '../db/database';
import { deliverPastUndo, nextUndoWindowEnd } from '../emails/webmail-sends';

const ALARM = 'undo-windows';

/**
 * Moves webmail sends to Delivered when their Undo window ends, even if the rep closed the tab:
 * a timer while the worker lives, an alarm in case it does not, and a look at every start.
 */
export function watchUndoWindows(db: CommandCenterDb): void {
  const deliver = () =>
    void deliverPastUndo(db).catch((error: unknown) => console.error('[command-center] undo windows', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) deliver();
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  liveQuery(() => nextUndoWindowEnd(db)).subscribe({
    next: (endsAt) => {
      clearTimeout(timer);
      if (endsAt === undefined) return;
      timer = setTimeout(deliver, Math.max(0, endsAt - Date.now()));
      void browser.alarms.create(ALARM, { when: Math.max(Date.now() + 1_000, endsAt) });
    },
    error: (error: unknown) => console.error('[command-center] undo windows', error),
  });
}

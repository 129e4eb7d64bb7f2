import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import type { CommandCenterDb } from '../db/database';
import { localReminderWording } from '../tasks/reminder-wording';
import { fireDueReminders, nextReminderAt, type ShowNotification, targetOfNotification } from '../tasks/reminders';
import { revealInSidebar } from './reveal-in-sidebar';

const ALARM = 'task-reminder';
/** Past this, only the alarm waits (a timer longer than 2^31 ms would fire at once). */
const TIMER_MAX_MS = 3_600_000;

const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const show: ShowNotification = async (id, note) => {
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: note.title,
    message: note.message,
  });
};

/**
 * Task reminders (lib/tasks/reminders.ts): one alarm for the next reminder, set again whenever
 * the tasks change (a live query, as the outbox does), a timer while the worker lives, and a look
 * at every worker start, so a reminder due while the browser was closed shows once, marked late.
 * A click on one shows its task in the sidebar.
 */
export function watchTaskReminders(db: CommandCenterDb): void {
  let firing: Promise<unknown> | null = null;
  const fire = () => {
    firing ??= fireDueReminders(db, { now: Date.now(), timeZone: zone() }, show, localReminderWording)
      .catch((error: unknown) => console.error('[command-center] reminders failed', error))
      .finally(() => (firing = null));
    return firing;
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void fire();
  });
  browser.notifications.onClicked.addListener((id) => {
    const target = targetOfNotification(id);
    if (!target) return;
    void browser.notifications.clear(id);
    void revealInSidebar(target).catch((error: unknown) => console.error('[command-center] reveal failed', error));
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  liveQuery(() => nextReminderAt(db, zone())).subscribe({
    next: (at) => {
      clearTimeout(timer);
      if (at === undefined) return void browser.alarms.clear(ALARM);
      const delay = Math.max(0, at - Date.now());
      if (delay < TIMER_MAX_MS) timer = setTimeout(() => void fire(), delay);
      void browser.alarms.create(ALARM, { when: Math.max(Date.now() + 1_000, at) });
    },
    error: (error: unknown) => console.error('[command-center] reminders', error),
  });
  void fire();
}

import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import type { CommandCenterDb } from '../db/database';
import { type SyncResult, syncEvents } from '../tracking/event-sync';
import { nextJobDueAt, runDueJobs } from '../tracking/outbox';
import { applySelfViewBlock } from '../tracking/self-view-block';
import { ServerError } from '../tracking/server-client';
import {
  changeServerSettings,
  loadServerSettings,
  type ServerSettings,
  watchServerSettings,
} from '../tracking/server-settings';
import { syncStatus } from '../tracking/sync-status';
import { createTurns } from './take-turns';

const SYNC_ALARM = 'event-sync';
const OUTBOX_ALARM = 'outbox';

/**
 * Talks to the rep's tracking server: pulls engagement events (on an alarm, at every worker
 * start, and when a webmail tab gains focus) and drains the outbox of queued commands. The
 * rows are the truth; alarms and timers only wake us.
 */
export function startTrackingService(db: CommandCenterDb) {
  let syncing: Promise<SyncResult | null> | null = null;
  let draining: Promise<void> | null = null;
  // A pull and a change of server take turns: a pull under way would otherwise write the old
  // server's cursor after the new server's reset, and the new feed would skip its start.
  const inTurn = createTurns();

  const pull = async (): Promise<SyncResult | null> => {
    const settings = await loadServerSettings();
    if (!settings) {
      await syncStatus.setValue(null); // disconnected: nothing to be unreachable
      return null;
    }
    try {
      const result = await syncEvents(db, settings);
      await syncStatus.setValue({ at: Date.now(), ok: true });
      return result;
    } catch (error) {
      // The rep sees this in the sidebar until a later pull works.
      await syncStatus.setValue({
        at: Date.now(),
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        ...(error instanceof ServerError ? { code: error.code } : {}),
      });
      throw error;
    }
  };
  const syncNow = (): Promise<SyncResult | null> => {
    syncing ??= inTurn(pull).finally(() => (syncing = null));
    return syncing;
  };
  const setServer = (settings: ServerSettings | null) => inTurn(() => changeServerSettings(settings));
  const drainOutbox = (): Promise<void> => {
    draining ??= loadServerSettings()
      .then((settings) => runDueJobs(db, settings))
      .catch((error: unknown) => console.error('[command-center] outbox failed', error))
      .finally(() => (draining = null));
    return draining;
  };

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM)
      void syncNow().catch((error: unknown) => console.warn('[command-center] event sync failed', error));
    if (alarm.name === OUTBOX_ALARM) void drainOutbox();
  });
  void browser.alarms.get(SYNC_ALARM).then((existing) => {
    if (!existing) return browser.alarms.create(SYNC_ALARM, { periodInMinutes: 0.5 });
  });

  // Whenever the earliest queued job changes (one was added, or retried later), wake for it:
  // a timer while the worker lives, an alarm in case it does not.
  let timer: ReturnType<typeof setTimeout> | undefined;
  liveQuery(() => nextJobDueAt(db)).subscribe({
    next: (dueAt) => {
      clearTimeout(timer);
      if (dueAt === undefined) return;
      const delay = Math.max(0, dueAt - Date.now());
      timer = setTimeout(() => void drainOutbox(), delay);
      void browser.alarms.create(OUTBOX_ALARM, { when: Math.max(Date.now() + 1_000, dueAt) });
    },
  });

  // The rep's own browser never loads our pixel (self-view-block.ts): set at every start, and
  // whenever the server changes.
  const blockSelfViews = () =>
    void loadServerSettings()
      .then(applySelfViewBlock)
      .catch((error: unknown) => console.warn('[command-center] self-view block rule failed', error));
  blockSelfViews();
  watchServerSettings(blockSelfViews);

  void syncNow().catch((error: unknown) => console.warn('[command-center] event sync failed', error));
  return { syncNow, setServer };
}

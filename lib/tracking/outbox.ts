import type { CommandCenterDb } from '../db/database';
import type { JobRecord } from '../db/records';
import { pixelToken } from './own-pixel';
import { callServer, ServerError } from './server-client';
import type { ServerSettings } from './server-settings';

// The outbox: work for the server that must survive the worker dying (archive → tracking off).
// Each job is a Dexie row; it is done only after the server confirmed it.

/** Waits between attempts: quick at first, then patient (the rep may be offline for hours). */
export const BACKOFF_MS = [2_000, 10_000, 60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];
const GIVE_UP_AFTER = 12;

export async function runDueJobs(
  db: CommandCenterDb,
  settings: ServerSettings | null,
  now = Date.now(),
): Promise<void> {
  const due = await db.jobs.where('[state+dueAt]').between(['queued', 0], ['queued', now], true, true).toArray();
  for (const job of due) await runJob(db, job, settings, now);
}

async function runJob(
  db: CommandCenterDb,
  job: JobRecord,
  settings: ServerSettings | null,
  now: number,
): Promise<void> {
  if (!settings) {
    // Nothing to tell: without a server no pixel of this email was ever registered.
    await db.jobs.update(job.id, { state: 'done', lastError: 'no tracking server configured' });
    return;
  }
  try {
    await perform(job, settings);
    await db.jobs.update(job.id, { state: 'done' });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ServerError && error.code === 'badAnswer' && error.status === 404) {
      // Our server never registered this email (tracked from another device or before setup).
      // A 404 from some other web server (wrong address) is not that: the job waits.
      await db.jobs.update(job.id, { state: 'done', lastError: message });
      return;
    }
    const attempts = job.attempts + 1;
    const retry = !(error instanceof ServerError) || error.retryable;
    await db.jobs.update(job.id, {
      attempts,
      lastError: message,
      ...(retry && attempts < GIVE_UP_AFTER
        ? { dueAt: now + (BACKOFF_MS[attempts - 1] ?? BACKOFF_MS.at(-1)!) }
        : { state: 'failed' }),
    });
  }
}

function perform(job: JobRecord, settings: ServerSettings): Promise<unknown> {
  switch (job.kind) {
    case 'tracking.set': {
      const { emailId, enabled } = job.payload as { emailId: string; enabled: boolean };
      return callServer(settings, `/v1/messages/${encodeURIComponent(emailId)}/tracking`, {
        method: 'POST',
        body: { enabled },
      });
    }
    case 'tracking.selfView': {
      const { pixelUrl } = job.payload as { pixelUrl: string };
      const token = pixelToken(pixelUrl, settings.url);
      // Seen under another server (the rep switched since): this one never minted it.
      if (!token) throw new ServerError('badAnswer', 'not a pixel of this server', undefined, false, pixelUrl);
      return callServer(settings, '/v1/self-view', { method: 'POST', body: { token } });
    }
    default:
      throw new ServerError('badAnswer', `unknown job kind ${job.kind}`, undefined, false, job.kind);
  }
}

/**
 * The rep opened their own message (Gmail, own-pixel.ts): the server must label the hits around
 * now `self`. A job, so an offline moment does not lose it; delivered late it still marks its
 * message as the rep's (the server times a self-view by its arrival).
 */
export async function queueSelfView(db: CommandCenterDb, pixelUrl: string, now = Date.now()) {
  await db.jobs.put({
    id: `self-view:${pixelUrl}:${now}`,
    kind: 'tracking.selfView',
    payload: { pixelUrl },
    dueAt: now,
    attempts: 0,
    state: 'queued',
  });
  return { queued: true };
}

/** When the next queued job is due (for the wake-up alarm), or undefined when none waits. */
export async function nextJobDueAt(db: CommandCenterDb): Promise<number | undefined> {
  const next = await db.jobs.where('[state+dueAt]').between(['queued', 0], ['queued', Infinity]).first();
  return next?.dueAt;
}

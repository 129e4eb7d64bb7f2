import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommandCenterDb } from '../db/database';
import { BACKOFF_MS, nextJobDueAt, runDueJobs } from './outbox';

const settings = { url: 'https://track.example.com', apiKey: 'k'.repeat(32) };
let db: CommandCenterDb;
beforeEach(async () => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
  await db.jobs.put({
    id: 'j1',
    kind: 'tracking.set',
    payload: { emailId: 'email-1', enabled: false },
    dueAt: 1_000,
    attempts: 0,
    state: 'queued',
  });
});
afterEach(() => db.delete());

const answer = (status: number, body: unknown = {}) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('outbox', () => {
  it('tells the server to stop tracking and marks the job done only after it answered', async () => {
    const fetch = answer(200, { messageId: 'email-1', tracking: false });
    vi.stubGlobal('fetch', fetch);
    await runDueJobs(db, settings, 2_000);
    expect(fetch).toHaveBeenCalledWith(
      'https://track.example.com/v1/messages/email-1/tracking',
      expect.objectContaining({ method: 'POST', body: '{"enabled":false}' }),
    );
    expect((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers).toMatchObject({
      authorization: `Bearer ${settings.apiKey}`,
    });
    expect(await db.jobs.get('j1')).toMatchObject({ state: 'done' });
    expect(await nextJobDueAt(db)).toBeUndefined();
  });

  it('keeps the job and retries later when the server is down, backing off', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await runDueJobs(db, settings, 2_000);
    expect(await db.jobs.get('j1')).toMatchObject({ state: 'queued', attempts: 1, dueAt: 2_000 + BACKOFF_MS[0]! });
    expect((await db.jobs.get('j1'))?.lastError).toMatch(/could not be reached/);
    // Not due yet: nothing is sent.
    await runDueJobs(db, settings, 2_500);
    expect(await db.jobs.get('j1')).toMatchObject({ attempts: 1 });
    vi.stubGlobal('fetch', answer(200));
    await runDueJobs(db, settings, 2_000 + BACKOFF_MS[0]!);
    expect(await db.jobs.get('j1')).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('gives up at once on a refused key, and on an email the server never registered moves on', async () => {
    vi.stubGlobal('fetch', answer(401, { error: { code: 'unauthorized', message: 'bad key' } }));
    await runDueJobs(db, settings, 2_000);
    expect(await db.jobs.get('j1')).toMatchObject({ state: 'failed' });
    expect((await db.jobs.get('j1'))?.lastError).toMatch(/API key/);

    await db.jobs.put({
      id: 'j2',
      kind: 'tracking.set',
      payload: { emailId: 'never-registered', enabled: true },
      dueAt: 1_000,
      attempts: 0,
      state: 'queued',
    });
    vi.stubGlobal('fetch', answer(404, { error: { code: 'message_not_found', message: 'no registered message' } }));
    await runDueJobs(db, settings, 2_000);
    expect(await db.jobs.get('j2')).toMatchObject({ state: 'done' });
  });

  it('keeps the job when a web server that is not ours answers 404 (a wrong address is not “never registered”)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<h1>Not Found</h1>', { status: 404, headers: { 'content-type': 'text/html' } })),
    );
    await runDueJobs(db, settings, 2_000);
    expect(await db.jobs.get('j1')).toMatchObject({ state: 'queued', attempts: 1, dueAt: 2_000 + BACKOFF_MS[0]! });
  });

  it('without a server configured, closes the job without sending anything', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    await runDueJobs(db, null, 2_000);
    expect(fetch).not.toHaveBeenCalled();
    expect(await db.jobs.get('j1')).toMatchObject({ state: 'done', lastError: 'no tracking server configured' });
  });
});

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandCenterDb } from '../db/database';
import { recordSending, type WebmailSend } from '../emails/webmail-sends';
import { prepareWebmailSend, recordWebmailHandover, recordWebmailUndo } from './prepare-send';
import type { ServerSettings } from './server-settings';

// A real HTTP server on loopback stands in for the tracking server's `POST /v1/messages`
// (server/README.md): the extension's fetch, timeout and answer checks all run as in a browser.

const API_KEY = 'k'.repeat(32);
const T0 = 1_700_000_000_000;
const LINKS = ['https://example.com/offer', 'https://example.com/prices'];

interface Received {
  method: string | undefined;
  path: string | undefined;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
}
type Answer = (res: ServerResponse, body: { messageId: string; links: string[] }, base: string) => void;

let db: CommandCenterDb;
let server: Server;
let base: string;
let received: Received[];
let answer: Answer;
const pending = new Set<ReturnType<typeof setTimeout>>();

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};
const registered =
  (tracking = true, clickCount?: number): Answer =>
  (res, body, at) =>
    json(res, 201, {
      messageId: body.messageId,
      pixelUrl: `${at}/o/tok.gif`,
      clickUrls: Array.from({ length: clickCount ?? body.links.length }, (_, n) =>
        tracking ? `${at}/c/tok/${n}` : null,
      ),
      tracking,
    });

async function readBody(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : undefined;
}

beforeEach(async () => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
  received = [];
  answer = registered();
  server = createServer(async (req, res) => {
    const body = (await readBody(req)) as { messageId: string; links: string[] };
    received.push({
      method: req.method,
      path: req.url,
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      body,
    });
    answer(res, body, base);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  for (const timer of pending) clearTimeout(timer);
  pending.clear();
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  await db.delete();
});

const settings = (): ServerSettings => ({ url: base, apiKey: API_KEY });
const send = (id = 'm1'): WebmailSend => ({
  id,
  site: 'gmail',
  to: [{ address: 'dana@example.com', name: 'Dana' }],
  cc: [{ address: 'lee@example.com' }],
  bcc: [{ address: 'boss@example.com' }],
  subject: 'Pricing proposal',
  bodyPreview: 'Hi Dana',
});
const prepare = (
  over: { settings?: ServerSettings | null; track?: boolean; links?: string[]; budgetMs?: number } = {},
  untracked?: Parameters<typeof prepareWebmailSend>[2]['untracked'],
) =>
  prepareWebmailSend(
    db,
    over.settings === undefined ? settings() : over.settings,
    { send: send(), track: over.track ?? true, untracked, links: over.links ?? LINKS },
    T0,
    over.budgetMs,
  );

/** Whatever the server did, the rep's email shows In Progress at once, untracked until handed over. */
async function expectInProgress() {
  expect(await db.emails.get('m1')).toMatchObject({ status: 'sending', tracking: false });
  expect(await db.emails.count()).toBe(1);
}

describe('registering a send from the rep’s compose', () => {
  it('a tracked answer gives the pixel and one click URL per link, after one request as the server expects', async () => {
    const prepared = await prepare();
    expect(prepared).toEqual({
      tracking: true,
      pixelUrl: `${base}/o/tok.gif`,
      clickUrls: [`${base}/c/tok/0`, `${base}/c/tok/1`],
    });
    expect(received).toEqual([
      {
        method: 'POST',
        path: '/v1/messages',
        authorization: `Bearer ${API_KEY}`,
        contentType: 'application/json',
        body: {
          messageId: 'm1',
          sentAt: new Date(T0).toISOString(),
          recipients: ['dana@example.com', 'lee@example.com', 'boss@example.com'],
          links: LINKS,
        },
      },
    ]);
    await expectInProgress();
  });

  it('keeps a link the server left alone (null) as null', async () => {
    answer = (res, body, at) =>
      json(res, 201, {
        messageId: body.messageId,
        pixelUrl: `${at}/o/t.gif`,
        clickUrls: [`${at}/c/t/0`, null],
        tracking: true,
      });
    expect(await prepare()).toMatchObject({ tracking: true, clickUrls: [`${base}/c/t/0`, null] });
  });

  it.each([
    ['the rep’s reason', { code: 'untracked.neverTrack', params: { recipient: 'dana@example.com' } } as const],
    ['the rep’s switch when no reason is given', undefined],
  ])('an untracked compose asks nothing of the server and keeps %s', async (_case, reason) => {
    expect(await prepare({ track: false }, reason)).toEqual({
      tracking: false,
      untracked: reason ?? { code: 'untracked.byRep' },
    });
    expect(received).toHaveLength(0);
    await expectInProgress();
  });

  it('without a server set up it is untracked, and nothing is asked', async () => {
    expect(await prepare({ settings: null })).toEqual({ tracking: false, untracked: { code: 'untracked.noServer' } });
    expect(received).toHaveLength(0);
    await expectInProgress();
  });

  it.each<[string, string, Answer]>([
    [
      'our 401 for a refused key',
      'keyRefused',
      (res) => json(res, 401, { error: { code: 'unauthorized', message: 'unknown or revoked API key' } }),
    ],
    ['one click URL too few', 'badAnswer', registered(true, 1)],
    ['one click URL too many', 'badAnswer', registered(true, 3)],
    [
      'a pixel that is not a URL',
      'badAnswer',
      (res, body) =>
        json(res, 201, { messageId: body.messageId, pixelUrl: 'tok.gif', clickUrls: [null, null], tracking: true }),
    ],
    [
      'our 500',
      'serverError',
      (res) => json(res, 500, { error: { code: 'internal', message: 'the server could not complete' } }),
    ],
    [
      'a web page that is not our server',
      'notOurServer',
      (res) => {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<!doctype html><h1>Not Found</h1>');
      },
    ],
  ])('%s: untracked, naming the problem (%s)', async (_case, problem, serverAnswer) => {
    answer = serverAnswer;
    const prepared = await prepare();
    expect(prepared).toMatchObject({
      tracking: false,
      untracked: { code: 'untracked.serverProblem', params: { problem } },
    });
    expect(prepared.tracking === false && prepared.untracked.detail).toEqual(expect.any(String));
    expect(received).toHaveLength(1);
    await expectInProgress();
  });

  it('a server slower than the budget: untracked as slow, and the rep waits no longer than the budget', async () => {
    answer = (res, body, at) => {
      const timer = setTimeout(() => {
        pending.delete(timer);
        registered()(res, body, at);
      }, 1_000);
      pending.add(timer);
    };
    const started = performance.now();
    const prepared = await prepare({ budgetMs: 200 });
    const elapsed = performance.now() - started;
    expect(prepared).toEqual({
      tracking: false,
      untracked: { code: 'untracked.serverSlow', params: { seconds: 0.2 } },
    });
    expect(elapsed).toBeLessThan(500);
    await expectInProgress();
  });

  it('nothing listening at the address: untracked, unreachable', async () => {
    const closed = settings();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    server = createServer().listen(0, '127.0.0.1'); // for afterEach to close
    const prepared = await prepare({ settings: closed });
    expect(prepared).toMatchObject({
      tracking: false,
      untracked: { code: 'untracked.serverProblem', params: { problem: 'unreachable' } },
    });
    await expectInProgress();
  });

  // A dropped connection is not a timeout: callServer then asks the address again
  // (explainNoAnswer), and that probe must fit in what is left of the budget.
  it('a server that drops the connection and then hangs still answers within the budget', async () => {
    let requests = 0;
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage) => {
      requests++;
      if (requests === 1) req.socket.destroy();
    });
    const started = performance.now();
    const prepared = await prepare({ budgetMs: 200 });
    expect(prepared.tracking).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  }, 10_000);

  it('the server declining these recipients: untracked, declined', async () => {
    answer = registered(false);
    expect(await prepare()).toEqual({ tracking: false, untracked: { code: 'untracked.serverDeclined' } });
    await expectInProgress();
  });
});

describe('telling the server to record nothing when no pixel went out', () => {
  const trackingJobs = async () =>
    (await db.jobs.toArray()).map((job) => ({ kind: job.kind, payload: job.payload, state: job.state }));
  const stopJob = { kind: 'tracking.set', payload: { emailId: 'm1', enabled: false }, state: 'queued' };

  it.each([
    ['tracked and registered', false, true, true],
    ['untracked but registered (the answer came late, the body changed)', true, false, true],
    ['untracked and never registered', false, false, false],
    ['tracked, not registered', false, true, false],
  ])('handover %s: stop job queued = %s', async (_case, queued, tracked, registeredAtServer) => {
    await recordSending(db, send(), T0);
    const result = await recordWebmailHandover(
      db,
      { send: send(), tracked, registered: registeredAtServer, undoWindowMs: 30_000 },
      T0 + 500,
    );
    expect(result).toEqual({ status: 'sending' });
    expect(await db.emails.get('m1')).toMatchObject({ status: 'sending', tracking: tracked, undoUntil: T0 + 30_500 });
    expect(await trackingJobs()).toEqual(queued ? [stopJob] : []);
  });

  it.each([
    ['a tracked send', true, [stopJob]],
    ['an untracked send', false, []],
  ])('Undo of %s makes it a Draft; the server is told only if a pixel went out', async (_case, tracked, jobs) => {
    await recordWebmailHandover(db, { send: send(), tracked, registered: tracked, undoWindowMs: 30_000 }, T0);
    expect(await recordWebmailUndo(db, 'm1', T0 + 5_000)).toEqual({ undone: true });
    expect(await db.emails.get('m1')).toMatchObject({ status: 'draft', tracking: false });
    expect(await trackingJobs()).toEqual(jobs);
  });

  it('Undo too late (or of an unknown email) changes nothing and queues nothing', async () => {
    expect(await recordWebmailUndo(db, 'nobody', T0)).toEqual({ undone: false });
    await db.emails.put({ ...(await recordSending(db, send(), T0)), status: 'delivered', tracking: true });
    expect(await recordWebmailUndo(db, 'm1', T0 + 60_000)).toEqual({ undone: false });
    expect(await db.emails.get('m1')).toMatchObject({ status: 'delivered', tracking: true });
    expect(await db.jobs.count()).toBe(0);
  });
});

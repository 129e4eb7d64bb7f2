import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../src/config.ts';
import { createServer, type Server } from '../../src/server.ts';
import { createRep, freshStorageConfig, testConfig } from './backend.ts';
import { T0 } from './harness.ts';

// Several servers behind one load balancer: one database, one rep, one token secret (so each
// answers the others' URLs), a DATA_DIR each (one journal and hit writer each), one fake clock.

export interface Visitor {
  ip: string;
  userAgent: string;
}

export interface FleetMessage {
  messageId: string;
  pixel: string;
  clicks: string[];
}

export interface Fleet {
  servers: Server[];
  clock: { now: number };
  databaseUrl: string;
  accountId: number;
  /** Registers a message with `links` through the first server, sent `sentAgoMs` before now. */
  register(messageId: string, links: string[], sentAgoMs: number): Promise<FleetMessage>;
  /** One request as `visitor`, answered by `server`, whose writer stores it before this resolves. */
  hit(server: Server, path: string, visitor: Visitor): Promise<void>;
  /** The message's events through each server's feed, once every writer has caught up. */
  eventsOf(messageId: string): Promise<Record<string, unknown>[][]>;
  close(): Promise<void>;
}

export async function startFleet(size: number, overrides: Partial<Config> = {}): Promise<Fleet> {
  const { storage, cleanup } = await freshStorageConfig();
  const clock = { now: T0 };
  const dirs: string[] = [];
  const servers: Server[] = [];
  for (let i = 0; i < size; i++) {
    // The first takes the DATA_DIR freshStorageConfig made; the others get their own.
    const dataDir = i === 0 ? storage.dataDir : mkdtempSync(join(tmpdir(), 'icc-fleet-'));
    if (i > 0) dirs.push(dataDir);
    const config = testConfig({ ...storage, dataDir, tokenSecret: 'one-secret-for-the-fleet', ...overrides });
    servers.push(await createServer(config, { now: () => clock.now, log: () => undefined, timers: false }));
  }
  const [first] = servers;
  if (!first) throw new Error('a fleet needs at least one server');
  const rep = await createRep(first.repo);
  const path = (url: string | null) => (url ? new URL(url).pathname : '');

  const feedOf = async (server: Server, messageId: string) => {
    const res = await server.app.inject({ method: 'GET', url: '/v1/events?after=0&limit=500', headers: rep.auth });
    if (res.statusCode !== 200) throw new Error(`events: ${res.statusCode} ${res.body}`);
    const body = res.json() as { events: Record<string, unknown>[]; more: boolean };
    if (body.more) throw new Error('more than one page of events: read the feed on');
    return body.events.filter((e) => e.messageId === messageId);
  };

  return {
    servers,
    clock,
    databaseUrl: storage.databaseUrl,
    accountId: rep.accountId,
    async register(messageId, links, sentAgoMs) {
      const res = await first.app.inject({
        method: 'POST',
        url: '/v1/messages',
        headers: rep.auth,
        payload: { messageId, sentAt: new Date(clock.now - sentAgoMs).toISOString(), links },
      });
      if (res.statusCode !== 201) throw new Error(`register ${messageId}: ${res.statusCode} ${res.body}`);
      const body = res.json() as { pixelUrl: string; clickUrls: (string | null)[] };
      return { messageId, pixel: path(body.pixelUrl), clicks: body.clickUrls.map(path) };
    },
    async hit(server, url, visitor) {
      const res = await server.app.inject({
        method: 'GET',
        url,
        headers: { 'user-agent': visitor.userAgent },
        remoteAddress: visitor.ip,
      });
      if (res.statusCode !== 200 && res.statusCode !== 302) throw new Error(`${url}: ${res.statusCode}`);
      await server.hitJournal.drain();
    },
    async eventsOf(messageId) {
      for (const server of servers) await server.hitJournal.drain();
      return Promise.all(servers.map((server) => feedOf(server, messageId)));
    },
    async close() {
      for (const server of servers) await server.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      await cleanup();
    },
  };
}

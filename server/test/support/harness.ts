import type { Config } from '../../src/config.ts';
import { createServer, type Server } from '../../src/server.ts';
import type { Relay } from '../../src/smtp/sender.ts';
import { createRep, freshStorageConfig, testConfig } from './backend.ts';

export const T0 = Date.parse('2026-11-20T10:00:00.000Z');

/** A server on a fake clock, with one rep account, built for fastify.inject. */
export interface Harness {
  server: Server;
  config: Config;
  clock: { now: number };
  auth: { authorization: string };
  accountId: number;
  logs: string[];
  /** Registers a message sent an hour ago (outside the scanner window) and returns its URLs as paths. */
  register(
    messageId: string,
    links?: string[],
    extra?: Record<string, unknown>,
  ): Promise<{ pixel: string; clicks: (string | null)[]; body: Record<string, unknown> }>;
  events(after?: string, limit?: number): Promise<{ events: Record<string, unknown>[]; next: string; more: boolean }>;
  close(): Promise<void>;
}

export async function startHarness(overrides: Partial<Config> = {}, relay?: Relay): Promise<Harness> {
  const { storage, cleanup } = await freshStorageConfig();
  const config = testConfig({ ...storage, ...overrides });
  const clock = { now: T0 };
  const logs: string[] = [];
  const server = await createServer(config, {
    now: () => clock.now,
    log: (m) => logs.push(m),
    timers: false,
    ...(relay ? { relay } : {}),
  });
  const rep = await createRep(server.repo);
  const path = (url: string | null) => (url ? new URL(url).pathname : null);
  const harness: Harness = {
    server,
    config,
    clock,
    logs,
    auth: rep.auth,
    accountId: rep.accountId,
    async register(messageId, links = ['https://example.com/pricing'], extra = {}) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/v1/messages',
        headers: rep.auth,
        payload: { messageId, sentAt: new Date(clock.now - 3_600_000).toISOString(), links, ...extra },
      });
      if (res.statusCode !== 201) throw new Error(`register ${messageId}: ${res.statusCode} ${res.body}`);
      const body = res.json() as { pixelUrl: string; clickUrls: (string | null)[] };
      return { pixel: path(body.pixelUrl) ?? '', clicks: body.clickUrls.map(path), body };
    },
    async events(after = '0', limit = 500) {
      await server.hitJournal.drain();
      const res = await server.app.inject({
        method: 'GET',
        url: `/v1/events?after=${after}&limit=${limit}`,
        headers: rep.auth,
      });
      if (res.statusCode !== 200) throw new Error(`events: ${res.statusCode} ${res.body}`);
      return res.json();
    },
    async close() {
      await server.close();
      await cleanup();
    },
  };
  return harness;
}

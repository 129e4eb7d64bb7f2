import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createServer as createNetServer } from 'node:net';

// The server as its own process, for the tests that kill it or fill its disk, and the client
// side those tests share: pixels fired at it and the feed read back.

const serverEntry = new URL('../../src/main.ts', import.meta.url).pathname;

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
}

/** Starts src/main.ts with `env`; resolves once it says it is listening. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [serverEntry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => {
    out += d.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + 20_000;
  while (!out.includes('listening on')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, output: () => out };
}

/** Fetches pixels over keep-alive sockets; resolves true when the GIF came back whole. */
export function pixelClient(port: number, maxSockets = 64) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  return {
    hit: (token: string) =>
      new Promise<boolean>((resolve) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: `/o/${token}.gif`,
            agent,
            headers: { 'user-agent': 'Outlook-iOS/665.29827.prod.iphone (2.63.0)' },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve(res.statusCode === 200 && Buffer.concat(chunks).length === 42));
            res.on('error', () => resolve(false));
          },
        );
        req.on('error', () => resolve(false));
        req.end();
      }),
    close: () => agent.destroy(),
  };
}

export interface FeedPage {
  events: { cursor: string; messageId: string }[];
  next: string;
  more: boolean;
}

export async function readFeedPage(port: number, key: string, after: string): Promise<FeedPage> {
  const res = await fetch(`http://127.0.0.1:${port}/v1/events?after=${after}&limit=500`, {
    headers: { authorization: `Bearer ${key}` },
  });
  return (await res.json()) as FeedPage;
}

/** The whole feed from the start. */
export async function readWholeFeed(port: number, key: string): Promise<FeedPage['events']> {
  const seen: FeedPage['events'] = [];
  let cursor = '0';
  for (;;) {
    const page = await readFeedPage(port, key, cursor);
    seen.push(...page.events);
    cursor = page.next;
    if (!page.more) return seen;
  }
}

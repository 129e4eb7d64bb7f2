import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SERVER_DIR = resolve(import.meta.dirname, '../../server');

export interface RunningServer {
  url: string;
  apiKey: string;
  /** The bounce intake's SMTP port (for delivery reports to `b+<token>@bounce.localhost`), 0 when off. */
  inboundPort: number;
  /** Calls the server's /v1 API as the rep's extension would. */
  api: <T>(path: string, body?: unknown) => Promise<T>;
  /** Stops the process but keeps its database, as a crash or a deploy would. */
  pause: () => Promise<void>;
  /** Starts it again on the same address and database. */
  resume: () => Promise<void>;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The real tracking server as its own process on loopback, with a fresh SQLite database and one
 * rep account. Events reach the feed at once (no settle delay) so tests need not wait 10 s.
 * `settings` are more of the server's environment settings.
 */
export async function startTrackingServer(
  settings: Record<string, string> = {},
  { inbound = false }: { inbound?: boolean } = {},
): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'icc-server-'));
  const port = await freePort();
  const inboundPort = inbound ? await freePort() : 0;
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    FEED_SETTLE_SECONDS: '0',
    INBOUND_SMTP_PORT: String(inboundPort),
    // The server's own settings (server/src/config.ts), e.g. SCANNER_WINDOW_SECONDS shortened for a test.
    ...settings,
  };
  const created = spawnSync(process.execPath, ['src/cli.ts', 'create-account', 'E2E rep'], {
    cwd: SERVER_DIR,
    env,
    encoding: 'utf8',
  });
  const apiKey = /API key[^:]*:\s*(\S+)/.exec(created.stdout)?.[1];
  if (!apiKey) throw new Error(`could not create a rep account: ${created.stdout}${created.stderr}`);
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    const process_ = spawn(process.execPath, ['src/main.ts'], {
      cwd: SERVER_DIR,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child = process_;
    for (let attempt = 0; ; attempt++) {
      const up = await fetch(`${url}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
      if (up) return;
      if (attempt > 100 || process_.exitCode !== null) throw new Error('the tracking server did not start');
      await new Promise((done) => setTimeout(done, 100));
    }
  };
  const halt = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child!.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url,
    apiKey,
    inboundPort,
    api: async <T>(path: string, body?: unknown) => {
      const response = await fetch(`${url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${apiKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    pause: halt,
    resume: start,
    stop: async () => {
      await halt();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

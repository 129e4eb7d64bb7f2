import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';

// What the server benchmarks share: a free loopback port, a server started as its own process,
// the pixel load normal clients make, and the server's resident memory.

const root = new URL('..', import.meta.url).pathname;

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Starts `entry` (relative to server/) with `env`; resolves once it says it is listening. */
export async function start(entry: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, entry)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  while (!out.includes('listening on')) {
    if (child.exitCode !== null) throw new Error(`${entry} exited:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

/** Normal pixels from 127.0.0.1: 20 connections at 1,000 req/s for `seconds`; latencies in ms. */
export async function pixelLoad(port: number, seconds: number) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/o/0123456789abcdef0123456789abcdef.gif`,
    duration: seconds,
    connections: 20,
    overallRate: 1000,
    headers: { 'user-agent': 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.6326; Pro)' },
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

/**
 * The resident memory of a process and of its child processes (the server's mail process), in MB
 * (Linux: VmRSS of /proc/<pid>/status).
 */
export function rssMegabytes(pid: number): number {
  const kb = (id: string) => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0);
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean);
  return Math.round(children.reduce((sum, child) => sum + kb(child), kb(String(pid))) / 1024);
}

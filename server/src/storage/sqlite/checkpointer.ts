// Runs WAL checkpoints on a worker thread with its own connection. A checkpoint fsyncs the
// database file; done on the writer's thread (SQLite's auto-checkpoint) it stalls every request
// for that long, which showed as a p99 of 60+ ms in the pixel benchmark.
import { Worker } from 'node:worker_threads';

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file);
db.exec('PRAGMA busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.exec('PRAGMA wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick tries again */ }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export function startCheckpointer(file: string, intervalMs = 1000): { stop(): Promise<void> } {
  const worker = new Worker(workerSource, { eval: true, workerData: { file, intervalMs } });
  worker.unref();
  return {
    async stop() {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      await worker.terminate();
    },
  };
}

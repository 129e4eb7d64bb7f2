// The whole server suite: typecheck, pure unit tests once, then every storage-touching test on
// SQLite and again on a throwaway PostgreSQL started here. Prints each runner's summary and a total.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { findPostgresBin, startPostgres } from './support/postgres.ts';

const root = new URL('..', import.meta.url).pathname;
const totals = { passed: 0, failed: 0 };

function run(label: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  console.log(`\n=== ${label} ===`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      process.stdout.write(d);
    });
    child.on('exit', (code) => {
      const pass = Number(/^ℹ pass (\d+)/m.exec(out)?.[1] ?? 0);
      const fail = Number(/^ℹ fail (\d+)/m.exec(out)?.[1] ?? 0);
      totals.passed += pass;
      // A runner that crashed before reporting still counts as a failure.
      totals.failed += fail + (code !== 0 && fail === 0 ? 1 : 0);
      resolve();
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

console.log('=== typecheck (tsc --noEmit) ===');
const tsc = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '--noEmit', '-p', root], {
  stdio: 'inherit',
});
if (tsc.status !== 0) totals.failed++;
else console.log('typecheck clean');

// `node test/run-all.ts [unit|sqlite|postgres] [name]`: one part, and only the files whose name holds `name`.
const only = process.argv[2];
const files = process.argv[3] ?? '';
const testArgs = (dir: string) => ['--test', '--test-reporter=spec', `test/${dir}/*${files}*.test.ts`];
if (!only || only === 'unit') await run('unit tests (pure functions, parsers on the real samples)', testArgs('unit'));
if (!only || only === 'sqlite')
  await run('backend tests on SQLite (node:sqlite)', testArgs('backend'), { TEST_BACKEND: 'sqlite' });
if (!only || only === 'postgres') {
  const bin = findPostgresBin();
  if (!bin) {
    const message =
      'PostgreSQL binaries not found (apt-get install -y postgresql): the Postgres half of the suite cannot run';
    if (process.env.CI) {
      console.error(`FAIL: ${message}`);
      totals.failed++;
    } else {
      console.warn(`WARNING: ${message}. Locally this is a warning; with CI set it fails.`);
    }
  } else {
    const pgServer = await startPostgres(bin, await freePort());
    try {
      await run(`backend tests on PostgreSQL (${bin})`, testArgs('backend'), {
        TEST_BACKEND: 'postgres',
        TEST_DATABASE_URL: pgServer.url,
      });
    } finally {
      await pgServer.stop();
    }
  }
}

console.log(`\nserver: ${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;

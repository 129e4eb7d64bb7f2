// `node scripts/with-node24.mjs <command> [args…]`: runs the command with Node 24 first on PATH.
// Plain JavaScript on purpose: it must start on the Node a fresh machine ships (Debian's CI image
// has Node 20, which cannot run our .ts files). On an older Node it brings Node 24 from the npm
// registry into $HOME/.cache/node24 once, then hands over; `node`, `npm` and `npx` in the command
// and in everything it starts then resolve to Node 24, so installs and tests share one runtime.
import { spawn, spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

const NEEDED_MAJOR = 24;

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-node24.mjs <command> [args…]');
  process.exit(2);
}

const node = majorOf(process.version) >= NEEDED_MAJOR ? process.execPath : cachedNode24();
const child = spawn(command, args, {
  stdio: 'inherit',
  // spawn looks the command up on this PATH, so `node …` is Node 24 too.
  env: { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` },
});
// A signal sent to us alone (npm passes SIGINT and SIGTERM on to its script) goes to the child too;
// we end when it does.
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];
for (const signal of FORWARDED) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  console.error(`Could not run ${command}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  if (!signal) process.exit(code ?? 1);
  // End the way the child ended, so npm reports the same signal.
  for (const forwarded of FORWARDED) process.removeAllListeners(forwarded);
  process.kill(process.pid, signal);
});

/** 24 for `v24.21.0`; 0 for anything else (an empty answer from a missing binary). */
function majorOf(version) {
  return Number(/^v?(\d+)\./.exec(version)?.[1] ?? 0);
}

/** Node 24 from the cache folder, installed there first when it is missing or broken. */
function cachedNode24() {
  const cache = join(homedir(), '.cache', 'node24');
  // The official binary for this platform, as the npm registry ships it (the package `node`
  // installs this one from a preinstall script, which npm 11 may skip: allowScripts).
  const platformPackage = `node-${process.platform}-${process.arch}`;
  const binary = join(cache, 'node_modules', platformPackage, 'bin', 'node');
  if (majorOf(versionOf(binary)) >= NEEDED_MAJOR) return binary;

  step(
    `Installing Node ${NEEDED_MAJOR} into ${cache} (Node ${process.versions.node} is too old here; once, under a minute)…`,
  );
  const install = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      cache,
      '--no-audit',
      '--no-fund',
      '--no-update-notifier',
      `${platformPackage}@${NEEDED_MAJOR}`,
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const installed = versionOf(binary);
  if (majorOf(installed) < NEEDED_MAJOR) {
    console.error(
      `Could not install Node ${NEEDED_MAJOR} (npm install exited ${install.status ?? install.error?.message}). ` +
        `Install Node ${NEEDED_MAJOR} yourself and run this again with it first on PATH.`,
    );
    process.exit(1);
  }
  step(`Node ${installed} ready`);
  return binary;
}

/** What `node --version` prints for this binary, '' when it is absent or does not run. */
function versionOf(binary) {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

function step(message) {
  console.log(`\u001b[36m›\u001b[0m ${message}`);
}

// The programs `npm start` and `npm test` need beside Node: Debian's Chromium (the browser
// tests, `npm start`), PostgreSQL (the server's second backend) and Firefox ESR. Each is looked
// for where its user looks for it; as root on Debian the missing ones are installed with
// apt-get, anywhere else we print the command to run and stop.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from '../tests/support/chromium.ts';

export type SystemPackage = 'chromium' | 'postgresql' | 'firefox-esr';

export interface Machine {
  isRoot: boolean;
  isDebian: boolean;
  exists(path: string): boolean;
  list(dir: string): string[];
}

interface Program {
  /** The variable that names this program's place, overriding where we look by default. */
  variable: 'CHROMIUM_PATH' | 'PG_BIN' | 'FIREFOX_PATH';
  /** Where the program is: what its variable names, when that exists; undefined when missing. */
  find(env: NodeJS.ProcessEnv, machine: Machine): string | undefined;
}

const POSTGRES_ROOT = '/usr/lib/postgresql';

const PROGRAMS: Record<SystemPackage, Program> = {
  // As start.ts and the browser tests find it (tests/support/chromium.ts).
  chromium: {
    variable: 'CHROMIUM_PATH',
    find: (env, machine) => {
      const path = findChromium(env, machine.exists);
      return path && machine.exists(path) ? path : undefined;
    },
  },
  // A bin folder, as the server's tests want it (server/test/support/postgres.ts): Debian puts
  // the binaries under /usr/lib/postgresql/<version>/bin, not on PATH.
  postgresql: {
    variable: 'PG_BIN',
    find: (env, machine) => {
      const hasServer = (bin: string) => machine.exists(join(bin, 'postgres')) && machine.exists(join(bin, 'initdb'));
      if (env.PG_BIN) return hasServer(env.PG_BIN) ? env.PG_BIN : undefined;
      const versions = machine.exists(POSTGRES_ROOT) ? machine.list(POSTGRES_ROOT) : [];
      return versions
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => join(POSTGRES_ROOT, version, 'bin'))
        .find(hasServer);
    },
  },
  'firefox-esr': {
    variable: 'FIREFOX_PATH',
    find: (env, machine) => {
      const path = env.FIREFOX_PATH || '/usr/bin/firefox-esr';
      return machine.exists(path) ? path : undefined;
    },
  },
};

export type InstallPlan =
  | { kind: 'ready' }
  | { kind: 'install'; packages: SystemPackage[] }
  | { kind: 'ask'; packages: SystemPackage[]; message: string };

/** What to do about the wanted packages on this machine; pure, so it is tested with a table. */
export function planInstall(wanted: SystemPackage[], env: NodeJS.ProcessEnv, machine: Machine): InstallPlan {
  const packages = wanted.filter((name) => PROGRAMS[name].find(env, machine) === undefined);
  if (packages.length === 0) return { kind: 'ready' };
  if (machine.isRoot && machine.isDebian) return { kind: 'install', packages };
  const names = packages.join(' ');
  const them = packages.length > 1 ? 'them' : 'it';
  const variables = packages.map((name) => PROGRAMS[name].variable).join(' or ');
  const message = machine.isDebian
    ? `Missing ${packages.join(', ')}: run \`sudo apt-get update && sudo apt-get install -y ${names}\`, then try again (as root on Debian this is done for you).`
    : `Missing ${packages.join(', ')}: install ${them} with your system's package manager (on Debian: \`apt-get install -y ${names}\`) or set ${variables}, then try again.`;
  return { kind: 'ask', packages, message };
}

export function currentMachine(): Machine {
  return {
    isRoot: process.getuid?.() === 0,
    isDebian: existsSync('/etc/debian_version'),
    exists: existsSync,
    list: (dir) => readdirSync(dir),
  };
}

/**
 * Makes sure the wanted packages are there, installing the missing ones when we may. False
 * (after saying why) when they are not. A variable that names a missing file counts as missing;
 * after the install it names the installed program for the rest of this run.
 */
export function ensureSystemPackages(
  wanted: SystemPackage[],
  env: NodeJS.ProcessEnv = process.env,
  machine = currentMachine(),
): boolean {
  const plan = planInstall(wanted, env, machine);
  if (plan.kind === 'ready') return true;
  if (plan.kind === 'ask') {
    console.error(plan.message);
    return false;
  }
  step(`Installing ${plan.packages.join(', ')} from Debian's packages (once; a minute or two)…`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...plan.packages],
  ]) {
    const apt = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: aptEnv });
    if (apt.status !== 0) {
      console.error(
        `\`apt-get ${args.join(' ')}\` failed (${apt.error?.message ?? `exit ${apt.status}`}); its messages are above.`,
      );
      return false;
    }
  }
  for (const name of plan.packages) {
    const { variable, find } = PROGRAMS[name];
    const installed = find({ ...env, [variable]: undefined }, machine);
    if (!installed) {
      console.error(`apt-get installed ${name}, but it is still not where we look for it.`);
      return false;
    }
    if (env[variable]) {
      step(`${variable}=${env[variable]} does not exist: using ${installed}`);
      env[variable] = installed;
    }
  }
  return true;
}

function step(message: string) {
  console.log(`\u001b[36m›\u001b[0m ${message}`);
}

import { describe, expect, it } from 'vitest';
import { type Machine, planInstall } from '../../scripts/system-packages.ts';

const ALL = ['chromium', 'postgresql', 'firefox-esr'] as const;
const DEBIAN_WITH_ALL = [
  '/usr/bin/chromium',
  '/usr/lib/postgresql/15/bin/postgres',
  '/usr/lib/postgresql/15/bin/initdb',
  '/usr/bin/firefox-esr',
];

/** A machine holding exactly these files (their folders follow from the paths). */
function machine(files: string[], who: { isRoot?: boolean; isDebian?: boolean } = {}): Machine {
  const exists = (path: string) => files.some((file) => file === path || file.startsWith(`${path}/`));
  const list = (dir: string) => [
    ...new Set(
      files.filter((file) => file.startsWith(`${dir}/`)).map((file) => file.slice(dir.length + 1).split('/')[0]!),
    ),
  ];
  return { isRoot: who.isRoot ?? true, isDebian: who.isDebian ?? true, exists, list };
}

describe('what npm test installs before it starts', () => {
  it('installs nothing when Chromium, PostgreSQL and Firefox ESR are all there', () => {
    expect(planInstall([...ALL], {}, machine(DEBIAN_WITH_ALL))).toEqual({ kind: 'ready' });
  });

  it('installs all three on a fresh Debian machine, as root', () => {
    expect(planInstall([...ALL], {}, machine(['/etc/debian_version']))).toEqual({
      kind: 'install',
      packages: [...ALL],
    });
  });

  it('installs Chromium when CHROMIUM_PATH names a file that is not there', () => {
    const plan = planInstall([...ALL], { CHROMIUM_PATH: '/nonexistent' }, machine(DEBIAN_WITH_ALL));
    expect(plan).toEqual({ kind: 'install', packages: ['chromium'] });
  });

  it('takes the browsers named by CHROMIUM_PATH and FIREFOX_PATH when they exist', () => {
    const env = { CHROMIUM_PATH: '/opt/chrome/chrome', FIREFOX_PATH: '/opt/firefox/firefox' };
    const files = [
      '/opt/chrome/chrome',
      '/opt/firefox/firefox',
      '/usr/lib/postgresql/16/bin/postgres',
      '/usr/lib/postgresql/16/bin/initdb',
    ];
    expect(planInstall([...ALL], env, machine(files))).toEqual({ kind: 'ready' });
  });

  it('counts only the PostgreSQL client (psql, no server) as missing', () => {
    const files = ['/usr/bin/chromium', '/usr/bin/firefox-esr', '/usr/lib/postgresql/15/bin/psql'];
    expect(planInstall([...ALL], {}, machine(files))).toEqual({ kind: 'install', packages: ['postgresql'] });
  });

  it('takes the PostgreSQL folder named by PG_BIN, and installs when it holds no server', () => {
    const files = ['/usr/bin/chromium', '/usr/bin/firefox-esr', '/opt/pg/bin/postgres', '/opt/pg/bin/initdb'];
    expect(planInstall([...ALL], { PG_BIN: '/opt/pg/bin' }, machine(files))).toEqual({ kind: 'ready' });
    expect(planInstall([...ALL], { PG_BIN: '/nonexistent' }, machine(files))).toEqual({
      kind: 'install',
      packages: ['postgresql'],
    });
  });

  it('npm start asks only for Chromium', () => {
    expect(planInstall(['chromium'], {}, machine(['/usr/lib/postgresql/15/bin/psql']))).toEqual({
      kind: 'install',
      packages: ['chromium'],
    });
  });

  it('tells a user who is not root the exact apt-get command instead of installing', () => {
    const plan = planInstall([...ALL], {}, machine(['/usr/bin/chromium'], { isRoot: false }));
    expect(plan.kind).toBe('ask');
    expect(plan.kind === 'ask' && plan.message).toContain(
      '`sudo apt-get update && sudo apt-get install -y postgresql firefox-esr`',
    );
  });

  it('off Debian, names the packages and the variables that point at programs installed elsewhere', () => {
    const plan = planInstall(['chromium'], {}, machine([], { isRoot: true, isDebian: false }));
    expect(plan.kind).toBe('ask');
    expect(plan.kind === 'ask' && plan.message).toMatch(
      /system's package manager .*`apt-get install -y chromium`.* set CHROMIUM_PATH/,
    );
  });
});

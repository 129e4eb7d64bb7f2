// Installs the server package's own dependencies after the root install, so that
// `npm install` (or `npm ci`) at the root is the only setup step a newcomer runs.
// Mirrors the root command: `npm ci` stays `ci` (exact lockfile), `npm install` stays `install`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const serverDir = new URL('../server/', import.meta.url);
if (!existsSync(new URL('package.json', serverDir))) process.exit(0);

const verb = process.env.npm_command === 'ci' && existsSync(new URL('package-lock.json', serverDir)) ? 'ci' : 'install';
const result = spawnSync('npm', [verb, '--no-audit', '--no-fund'], { cwd: serverDir, stdio: 'inherit' });
process.exit(result.status ?? 1);

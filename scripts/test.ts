// `npm test`: every check in order (types, unit, both builds, browser e2e in Chromium, the
// Firefox smoke suite, server on SQLite and PostgreSQL), then one closing line with the total,
// so a reader of the log sees the whole count. Runs under Node 24 (package.json starts it
// through scripts/with-node24.mjs).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { ensureSystemPackages } from './system-packages.ts';

interface Step {
  name: string;
  command: string[];
  /** Reads this step's passed/failed counts after it ran (undefined: the step has no test count). */
  count?: (output: string) => { passed: number; failed: number } | undefined;
}

const readJson = (file: string) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

const steps: Step[] = [
  { name: 'typecheck', command: ['npx', 'tsc', '--noEmit'] },
  // Formatting (120 columns) and lint rules, hooks' dependency lists among them; writes nothing.
  { name: 'format and lint', command: ['npx', 'biome', 'ci', '.'] },
  {
    name: 'unit tests',
    command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'],
    count: () => {
      const report = readJson('test-results/unit.json');
      return report && { passed: report.numPassedTests, failed: report.numFailedTests };
    },
  },
  { name: 'build (Chrome MV3 and Firefox MV3)', command: ['npm', 'run', 'build'] },
  {
    name: 'browser tests',
    command: ['npx', 'playwright', 'test'],
    count: () => {
      const report = readJson('test-results/e2e.json');
      return report && { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
    },
  },
  {
    name: 'Firefox smoke tests',
    command: ['npm', 'run', 'test:firefox'],
    count: (output) => {
      // node's test runner closes with `ℹ pass N`, `ℹ fail N`, `ℹ cancelled N` (`# pass N` from the tap reporter).
      const summary = new Map(
        [...withoutColours(output).matchAll(/^(?:ℹ|#) (pass|fail|cancelled) (\d+)$/gm)].map((match) => [
          match[1],
          Number(match[2]),
        ]),
      );
      if (!summary.has('pass') || !summary.has('fail')) return undefined;
      return { passed: summary.get('pass')!, failed: summary.get('fail')! + (summary.get('cancelled') ?? 0) };
    },
  },
  {
    name: 'server tests',
    command: ['npm', '--prefix', 'server', 'test'],
    count: (output) => {
      const match = /server: (\d+) passed, (\d+) failed/.exec(output);
      return match ? { passed: Number(match[1]), failed: Number(match[2]) } : undefined;
    },
  },
];

// Before the first step: a missing browser or database would otherwise fail minutes in.
if (!ensureSystemPackages(['chromium', 'postgresql', 'firefox-esr'])) process.exit(1);
rmSync('test-results/unit.json', { force: true });
rmSync('test-results/e2e.json', { force: true });
const total = { passed: 0, failed: 0 };
const failedSteps: string[] = [];
for (const step of steps) {
  console.log(`\n\u001b[1m▶ ${step.name}\u001b[0m`);
  const { code, output } = await run(step.command);
  const counted = step.count?.(output);
  if (counted) {
    total.passed += counted.passed;
    total.failed += counted.failed;
  }
  if (code !== 0) {
    failedSteps.push(step.name);
    // Later steps need the earlier ones (the browser tests need the build): stop here.
    if (step.name.startsWith('build') || step.name === 'typecheck') break;
  }
}
if (failedSteps.length > 0) console.log(`\nFailed: ${failedSteps.join(', ')}`);
console.log(`\nall checks: ${total.passed} passed, ${total.failed} failed`);
process.exit(failedSteps.length > 0 || total.failed > 0 ? 1 : 0);

function run(command: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Output without its terminal colour codes (ESC [ … m), for reading counts. */
function withoutColours(text: string): string {
  const [first = '', ...rest] = text.split(String.fromCharCode(27));
  return first + rest.map((part) => part.replace(/^\[[\d;]*m/, '')).join('');
}

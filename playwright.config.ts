import { defineConfig } from '@playwright/test';

// Every spec launches its own Chromium with the built extension (.output/chrome-mv3), so run
// `npm run build` first (`npm test` does). Two workers fit the 2-core CI machine.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 45_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // The JSON report feeds the closing total of `npm test` (scripts/test.ts).
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/artifacts',
  use: { trace: 'retain-on-failure' },
});

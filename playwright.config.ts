import { defineConfig } from '@playwright/test';

// Every spec launches its own Chromium with the built extension (.output/chrome-mv3), so run
// `npm run build` first (`npm test` does). Two workers fit the 2-core CI machine.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 45_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['junit', { outputFile: 'test-results/e2e-junit.xml' }]] : 'list',
  use: { trace: 'retain-on-failure' },
});

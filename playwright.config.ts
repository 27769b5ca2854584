import { defineConfig } from '@playwright/test';

// End-to-end tests drive the built extension in Debian's Chromium (see test/e2e/fixtures.ts).
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'off' },
});

import { defineConfig } from '@playwright/test';

// End-to-end tests drive the built extension in Debian's Chromium (see test/e2e/fixtures.ts).
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry absorbs a rare timing flake on a loaded 2-core machine; a real failure still fails twice.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: { trace: 'off' },
});

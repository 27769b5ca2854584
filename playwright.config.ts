import { defineConfig } from '@playwright/test';

// End-to-end tests drive the built extension in Debian's Chromium (see test/e2e/fixtures.ts).
// Every test launches its own browser with a fresh profile, and every server a test uses
// listens on a port of its own, so test files may run side by side (E2E_WORKERS).
const workers = Number.parseInt(process.env.E2E_WORKERS ?? '', 10);
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two workers: the whole suite with two CPU-burning loops beside it (load 10–23, 2 cores)
  // took 4.4 min with 2 workers, 5.5 min with 1, both green with no retries (2026-12-01).
  workers: Number.isInteger(workers) && workers > 0 ? workers : 2,
  // No retries, in CI or anywhere: a test that needs one is waiting on time instead of on
  // a condition, and a retry would hide exactly that (issue 19). Keep it at 0.
  retries: 0,
  reporter: [['list']],
  use: { trace: 'off' },
});

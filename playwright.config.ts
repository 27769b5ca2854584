import { defineConfig } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// The tests drive the demo console and fixture pages on 127.0.0.1: they need the demo build,
// which keeps this computer's addresses built in (the store build leaves them out, utils/hosts.ts).
// Say so at once rather than let every test wait for a panel that cannot appear.
const manifestPath = resolve(import.meta.dirname, process.env.TRAILGUIDE_OUT_DIR || '.output', 'chrome-mv3', 'manifest.json');
if (existsSync(manifestPath)) {
  const { host_permissions: hosts = [] } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  if (!hosts.includes('http://127.0.0.1/*')) {
    throw new Error(
      `${manifestPath} is a store build (no demo hosts). Build the demo variant for the end-to-end tests: ` +
        'npm run build:demo, or TRAILGUIDE_DEMO_HOSTS=1 npx wxt build.',
    );
  }
}

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

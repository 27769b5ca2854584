import { defineConfig } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// The lab (test/lab/README.md): journeys through the built demo extension on real consoles that
// test/lab/<name>/start.sh installs and starts. test/lab/run.mjs starts each console, runs its
// folder with this config, and stops it; running this config alone expects the consoles up.
const manifestPath = resolve(import.meta.dirname, process.env.TRAILGUIDE_OUT_DIR || '.output', 'chrome-mv3', 'manifest.json');
if (!existsSync(manifestPath)) {
  throw new Error(`${manifestPath} is missing. Build the demo extension first: npm run build:demo (or TRAILGUIDE_OUT_DIR=… TRAILGUIDE_DEMO_HOSTS=1 npx wxt build).`);
}
const { host_permissions: hosts = [] } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
if (!hosts.includes('http://127.0.0.1/*')) {
  throw new Error(`${manifestPath} is a store build (no demo hosts). Build the demo variant: npm run build:demo, or TRAILGUIDE_DEMO_HOSTS=1 npx wxt build.`);
}

export default defineConfig({
  testDir: 'test/lab',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/lab',
  // A journey is one long test (recognise → fill → capture across page loads → escalate →
  // restart → export) on a console that answers over the network; each step still waits
  // for a condition, never for time.
  timeout: 300_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // One console at a time, one browser at a time: the consoles share the machine's 2 cores.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'off', actionTimeout: 20_000 },
});

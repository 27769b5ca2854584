#!/usr/bin/env node
// `npm start`: build the extension, serve the demo console, open Chromium with Trailguide loaded.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDemoServer } from '../demo/server.mjs';
import { CHROME_PATH, chromiumArgs } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const extensionPath = resolve(root, '.output/chrome-mv3');
const chromePath = CHROME_PATH;
const port = Number(process.env.DEMO_PORT || 4173);
const screenshot = process.env.TRAILGUIDE_SCREENSHOT; // optional: headless run that saves a picture and exits

console.log('Building the extension…');
// The demo build: it has this computer's addresses (the demo console) built in; the store build does not.
execFileSync(process.execPath, [resolve(root, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TRAILGUIDE_DEMO_HOSTS: '1' },
});

const demo = await startDemoServer({ port });
const auditUrl = `${demo.url}/audit`;
console.log(`\nAcme Admin demo console: ${auditUrl}`);

let closeBrowser = async () => {};
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const howToLoadByHand = `
To try Trailguide in your own browser instead:
  1. Open chrome://extensions (or edge://extensions) and switch on "Developer mode".
  2. Click "Load unpacked" and choose: ${extensionPath}
  3. Open ${auditUrl}
On a machine without a screen, run it under a virtual display:  xvfb-run npm start`;

if (!existsSync(chromePath)) {
  console.log(`\nChromium was not found at ${chromePath}. Install it (sudo apt-get install chromium) or set CHROME_PATH.${howToLoadByHand}`);
} else if (!hasDisplay && !screenshot) {
  console.log(`\nThere is no display here, so Chromium cannot open a window.${howToLoadByHand}`);
} else {
  const { chromium } = await import('playwright-core');
  const profile = resolve(root, '.output/chromium-profile');
  mkdirSync(profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath,
    headless: Boolean(screenshot),
    viewport: screenshot ? { width: 1280, height: 800 } : null,
    args: chromiumArgs(extensionPath),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(auditUrl);
  if (screenshot) {
    await page.waitForTimeout(2500);
    await page.screenshot({ path: screenshot });
    console.log(`Saved a screenshot to ${screenshot}`);
    await context.close();
    await demo.close();
    process.exit(0);
  }
  console.log('Chromium is open with Trailguide loaded. Press Ctrl-C here to stop everything.');
  context.on('close', () => shutdown());
  closeBrowser = () => context.close().catch(() => undefined);
}

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await closeBrowser();
  await demo.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
if (!hasDisplay || !existsSync(chromePath)) console.log('\nThe demo console keeps running until you press Ctrl-C.');

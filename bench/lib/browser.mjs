// Debian's Chromium through Playwright: one persistent profile with the built
// extension, one without, both headless and quiet on a closed network.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROME_PATH, chromiumArgs } from '../../scripts/chromium.mjs';

export { CHROME_PATH };

/**
 * @param {string | null} extensionDir the unpacked build, or null for the baseline profile
 * @param {{ waitForWorker?: boolean, userDataDir?: string }} options waitForWorker false for an extension without
 * a service worker; userDataDir to launch a profile again (a browser restarted: the extension already installed)
 */
export async function launchProfile(extensionDir, options = {}) {
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), extensionDir ? 'trailguide-bench-ext-' : 'trailguide-bench-base-')));
  const args = chromiumArgs(extensionDir);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: true,
    args,
    viewport: { width: 1280, height: 800 },
  });
  let extensionId = null;
  if (extensionDir && options.waitForWorker !== false) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    userDataDir,
    browserVersion: context.browser()?.version() ?? null,
    /** `keep`: leave the profile's folder on disk, to launch it again. */
    async close({ keep = false } = {}) {
      await context.close();
      if (!keep) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

const METRIC_NAMES = ['ScriptDuration', 'TaskDuration', 'JSHeapUsedSize', 'LayoutDuration', 'RecalcStyleDuration'];

/** CDP Performance.getMetrics as { name: value } for the metrics we report (durations in seconds). */
export async function readMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const wanted = {};
  for (const { name, value } of metrics) if (METRIC_NAMES.includes(name)) wanted[name] = value;
  return wanted;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens `url` in a fresh tab (a fresh renderer, so nothing accumulates across runs),
 * waits for `load` plus `settleMs` (the content script runs at document_idle and
 * reads storage asynchronously), and returns the page's CPU metrics.
 */
export async function loadAndMeasure(context, url, settleMs) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'load' });
    await sleep(settleMs);
    const metrics = await readMetrics(cdp);
    await cdp.detach();
    return metrics;
  } finally {
    await page.close();
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page, Worker } from '@playwright/test';
import { expect, panelFrame, test } from './fixtures';
import {
  countBySource,
  isChromiumOwnTraffic,
  launchThroughProxy,
  recordRequests,
  requestsLeavingTheMachine,
  startRecordingProxy,
  type RecordedRequest,
  type RecordingProxy,
} from './network-recorder';

/**
 * DESIGN.md §3.7 "Nothing leaves the machine". A whole journey — the panel, a
 * fill and a capture step, the escalation builder in every format, Copy, and
 * the options page's packs, history and CSV/JSON exports — runs while two
 * recorders (network-recorder.ts) write down every request:
 * - Playwright's request events, by source: the page and its frames, the panel
 *   (an out-of-process extension iframe), the options page and the service
 *   worker. Every one must go to the demo console or stay inside the extension.
 * - A proxy that Chromium must send every http(s)/ws request through, loopback
 *   included, whichever process makes it. It holds the same rule, except for
 *   three named hosts of Chromium's own (CHROMIUM_OWN_HOSTS, with the evidence).
 *
 * The second test is the control: requests planted in each source, aimed at a
 * second local server (another origin, so "outside"), are recorded under the
 * right source, seen by the proxy and reported by the same check.
 */

const DANA = 'dana.whitfield@northwind.example';
const BUILTIN_PACK = 'trailguide-essentials';

interface RecordedBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  recorded: RecordedRequest[];
  proxy: RecordingProxy;
  close: () => Promise<void>;
}

/** The extension in Chromium behind the recording proxy, both recorders on from the start. */
async function launchRecorded(): Promise<RecordedBrowser> {
  const proxy = await startRecordingProxy();
  const dir = mkdtempSync(join(tmpdir(), 'trailguide-network-'));
  const context = await launchThroughProxy(dir, proxy.server);
  const recorded = recordRequests(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    recorded,
    proxy,
    close: async () => {
      await context.close();
      await proxy.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A request from the worker itself, so the journey's worker tally is never zero by accident. */
function workerFetch(worker: Worker, url: string): Promise<number> {
  return worker.evaluate((target) => fetch(target, { mode: 'no-cors' }).then((answer) => answer.status), url);
}

/** From a page or frame; the answer does not matter, only that the request was made. */
function frameFetch(where: Page | Frame, url: string): Promise<string> {
  return where.evaluate((target) => fetch(target, { mode: 'no-cors' }).then(() => 'sent', (error: unknown) => String(error)), url);
}

async function runRunbookAndEscalate(page: Page, demoUrl: string): Promise<Frame> {
  await page.goto(`${demoUrl}/audit`);
  const panel = await panelFrame(page);
  await panel.locator('[data-runbook-id="settings-changed-without-permission"]').click();
  await expect(panel.getByTestId('runbook-title')).toBeVisible();
  await panel.getByTestId('input-email').fill(DANA);
  await panel.getByTestId('step').nth(0).getByTestId('step-action').click();
  await expect(panel.getByTestId('step').nth(0)).toHaveAttribute('data-state', 'done');
  await panel.getByTestId('step').nth(1).getByTestId('step-action').click();
  await expect(panel.getByTestId('step').nth(1)).toHaveAttribute('data-state', 'done');
  await expect(panel.getByTestId('captured-row').first()).toBeVisible();

  await panel.getByTestId('escalate').click();
  await expect(panel.getByTestId('escalation-text')).toBeVisible();
  for (const format of ['text', 'json', 'markdown'] as const) {
    await panel.locator(`[data-testid="escalation-format"][data-format="${format}"]`).click();
    await expect(panel.locator(`[data-testid="escalation-format"][data-format="${format}"]`)).toHaveAttribute('aria-pressed', 'true');
  }
  await panel.getByTestId('copy-escalation').click();
  await expect(panel.getByRole('status').filter({ hasText: /Copied/i })).toBeVisible();
  return panel;
}

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#packs`);
  // The first answer waits for the worker to seed the built-in pack, slow on a busy machine.
  await expect(options.locator(`[data-testid="pack-row"][data-pack-id="${BUILTIN_PACK}"]`)).toBeAttached({ timeout: 30_000 });
  return options;
}

async function exportFromHistory(options: Page): Promise<void> {
  await options.getByTestId('nav-history').click();
  const item = options.locator('[data-testid="history-item"][data-kind="case"]').first();
  await expect(item).toBeVisible();
  await item.getByRole('button').first().click();
  for (const format of ['csv', 'json'] as const) {
    const download = options.waitForEvent('download');
    await options.getByTestId(`export-${format}`).click();
    expect((await download).suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
  }
}

test('a whole journey sends nothing beyond the demo console and the extension itself', async ({ demoUrl }) => {
  test.setTimeout(120_000);
  const browser = await launchRecorded();
  try {
    // The worker makes no requests of its own in this journey (the built-in pack
    // is bundled), so one harmless extension-internal fetch proves its requests
    // are being recorded in this very session.
    expect(await workerFetch(browser.worker, `chrome-extension://${browser.extensionId}/manifest.json`)).toBe(200);

    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await runRunbookAndEscalate(page, demoUrl);
    const options = await openOptions(browser.context, browser.extensionId);
    await exportFromHistory(options);
    await options.close();
    await page.close();
  } finally {
    await browser.close(); // also ends any request still in flight, so both lists are complete
  }

  const counts = countBySource(browser.recorded);
  test.info().annotations.push({ type: 'requests by source', description: JSON.stringify(counts) });
  test.info().annotations.push({ type: 'requests through the proxy', description: String(browser.proxy.seen.length) });

  // Nothing from any of our sources went anywhere but the console or the extension.
  const leaving = new Set(requestsLeavingTheMachine(browser.recorded.map((r) => r.url), [demoUrl]));
  expect(browser.recorded.filter((r) => leaving.has(r.url)).map((r) => `${r.source}: ${r.url}`)).toEqual([]);
  // Nor did anything that reached the network at all, apart from Chromium's own named calls.
  const offMachine = requestsLeavingTheMachine(browser.proxy.seen, [demoUrl]);
  expect(offMachine.filter((url) => !isChromiumOwnTraffic(url))).toEqual([]);

  // The recorders were really listening to every source (so the checks above could fail).
  expect(counts.page, 'the console page and its scripts and API calls').toBeGreaterThanOrEqual(5);
  expect(counts.panel, 'the panel frame and its chunks').toBeGreaterThanOrEqual(3);
  expect(counts.options, 'the options page and its chunks').toBeGreaterThanOrEqual(3);
  expect(counts['service-worker'], 'the extension service worker').toBeGreaterThanOrEqual(1);
  expect(counts.unknown).toBe(0);
  // Loopback went through the proxy: it saw the console load and the fill step's own search.
  const demoOrigin = new URL(demoUrl).origin;
  expect(browser.proxy.seen.filter((url) => url.startsWith(`${demoOrigin}/`)).length).toBeGreaterThanOrEqual(5);
  expect(browser.proxy.seen.some((url) => url.startsWith(`${demoOrigin}/api/events?`) && url.includes('account.settings_changed'))).toBe(true);
});

test('control: a request to another origin from any of our sources is recorded and reported', async ({ demoUrl }) => {
  test.setTimeout(120_000);
  const hits: string[] = [];
  const outside: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('ok');
  });
  await new Promise<void>((done) => outside.listen(0, '127.0.0.1', done));
  const outsideUrl = `http://127.0.0.1:${(outside.address() as { port: number }).port}`;
  const browser = await launchRecorded();
  const planted = ['worker', 'page', 'panel', 'options'].map((source) => `${outsideUrl}/beacon/${source}`);
  try {
    await workerFetch(browser.worker, `${outsideUrl}/beacon/worker`);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${demoUrl}/audit`);
    const panel = await panelFrame(page);
    expect(await frameFetch(page, `${outsideUrl}/beacon/page`)).toBe('sent');
    expect(await frameFetch(panel, `${outsideUrl}/beacon/panel`)).toBe('sent');
    const options = await openOptions(browser.context, browser.extensionId);
    expect(await frameFetch(options, `${outsideUrl}/beacon/options`)).toBe('sent');
  } finally {
    await browser.close();
    await new Promise((done) => outside.close(done));
  }

  // The outside server really was reached (through the proxy, which forwards loopback).
  expect([...hits].sort()).toEqual(planted.map((url) => new URL(url).pathname).sort());
  // Each planted request is recorded under the source that made it…
  const beacons = browser.recorded.filter((r) => r.url.startsWith(`${outsideUrl}/`));
  expect(beacons.map((r) => `${r.source} ${new URL(r.url).pathname}`).sort()).toEqual(
    ['options /beacon/options', 'page /beacon/page', 'panel /beacon/panel', 'service-worker /beacon/worker'],
  );
  // …and the journey's checks name exactly those, in both lists.
  expect(requestsLeavingTheMachine(browser.recorded.map((r) => r.url), [demoUrl]).sort()).toEqual([...planted].sort());
  expect(requestsLeavingTheMachine(browser.proxy.seen, [demoUrl]).filter((url) => !isChromiumOwnTraffic(url)).sort()).toEqual([...planted].sort());
});

test('the check keeps extension-internal URLs and the console, and names everything else', () => {
  const consoleOrigin = 'http://127.0.0.1:4173';
  const urls = [
    'chrome-extension://abcdefghijklmnop/panel.html',
    'data:text/plain,hello',
    'blob:chrome-extension://abcdefghijklmnop/1234',
    'http://127.0.0.1:4173/api/events?page=1',
    'http://127.0.0.1:4174/beacon',
    'http://localhost:4173/audit',
    'https://telemetry.example/collect',
    'not a url',
  ];
  expect(requestsLeavingTheMachine(urls, [consoleOrigin])).toEqual([
    'http://127.0.0.1:4174/beacon',
    'http://localhost:4173/audit',
    'https://telemetry.example/collect',
    'not a url',
  ]);
  expect(isChromiumOwnTraffic('https://accounts.google.com:443/')).toBe(true);
  expect(isChromiumOwnTraffic('https://accounts.google.com.evil.example/')).toBe(false);
});

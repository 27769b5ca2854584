// Budget: service worker cold start → first answer (DESIGN.md §4, ≤ 50 ms). From an
// extension page, the worker is stopped (CDP ServiceWorker.stopAllWorkers, as DevTools'
// "Stop" does; Chromium also stops an idle worker after 30 s), then the page sends what a
// panel sends first (`panel:init`) and times the round trip. The worker's own clock says
// when it started, which splits the figure into "until the worker runs" and the rest
// (script evaluation, start-up work, the handler). An empty-worker control extension is
// measured the same way, run for run, in the same minutes: the floor any MV3 extension pays.
// Since 2026-12-02 a woken worker answers `panel:init` from the reply it kept in session storage
// (utils/background/panel-init-cache.ts): what is measured here is that wake, the usual one; the
// first panel of a browser session, or the first after a pack changed, reads the database
// (`bench/tools/worker-profile.mjs --times --unkept` measures that one).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile, sleep } from '../lib/browser.mjs';
import { measured, median, round } from '../lib/stats.mjs';

export const WORKER_BUDGET_MS = 50;

async function stopWorker(cdp) {
  const stopped = new Promise((resolve) => {
    const onUpdate = ({ versions }) => {
      if (versions.some((v) => v.runningStatus === 'stopped')) {
        cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
        resolve(undefined);
      }
    };
    cdp.on('ServiceWorker.workerVersionUpdated', onUpdate);
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([stopped, sleep(5000).then(() => Promise.reject(new Error('the service worker did not stop within 5 s')))]);
}

/** One round trip from the page: ms from send to reply, and the reply's size. */
function roundTrip(page, message) {
  return page.evaluate(async (sent) => {
    const start = performance.now();
    const reply = await chrome.runtime.sendMessage(sent);
    const end = performance.now();
    return { ms: end - start, startAt: performance.timeOrigin + start, bytes: JSON.stringify(reply ?? null).length, error: reply?.error ?? null };
  }, message);
}

/** The adapter of the page a panel is measured on (the demo audit log). */
const PANEL_ADAPTER = 'acme-demo';

/**
 * What a panel on the demo audit log sends first: `panel:init` with its page's adapter (the
 * reply then carries only that adapter), or — a build from before 2026-12-02, which refuses
 * the key — bare. Asked of the running worker, so no cold start is spent on it.
 */
async function panelFirstMessage(page) {
  const withAdapter = { type: 'panel:init', adapter: PANEL_ADAPTER };
  return (await roundTrip(page, withAdapter)).error ? { type: 'panel:init' } : withAdapter;
}

/**
 * The floor, in the same minutes: an extension whose worker only answers every message with
 * `{}` (and a blank extension page to send from). What any MV3 extension pays for a cold start.
 */
async function controlExtension() {
  const dir = await mkdtemp(join(tmpdir(), 'trailguide-bench-empty-worker-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'empty worker', version: '0.0.1', background: { service_worker: 'background.js' } }));
  await writeFile(join(dir, 'background.js'), 'chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({}); });\n');
  await writeFile(join(dir, 'page.html'), '<!doctype html><title>empty worker</title>');
  return dir;
}

/** An extension page of `context` with a CDP session that can stop the browser's workers. */
async function senderPage(context, url, ready) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  if (ready) await page.waitForSelector(ready, { timeout: 20_000 }).catch(() => undefined);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  return { page, cdp };
}

/** One cold start: stop the worker, send the panel's first message, then the same to the running worker. */
async function coldStart(context, extensionId, { page, cdp }, message = { type: 'panel:init' }) {
  await sleep(300);
  await stopWorker(cdp);
  await sleep(300);
  const first = await roundTrip(page, message);
  if (first.error) throw new Error(`panel:init answered with an error: ${first.error}`);
  // The restarted worker's clock began when the browser created it.
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  const workerOrigin = worker ? await worker.evaluate(() => performance.timeOrigin).catch(() => null) : null;
  const again = await roundTrip(page, message);
  return { cold: first.ms, warm: again.ms, spawn: workerOrigin === null ? null : workerOrigin - first.startAt, bytes: first.bytes };
}

export async function measureWorkerStart({ withExt, extensionId, runs }) {
  const ours = await senderPage(withExt, `chrome-extension://${extensionId}/panel.html`, '[data-testid="runbook-item"], .empty');
  const controlDir = await controlExtension();
  const control = await launchProfile(controlDir);
  try {
    const floor = await senderPage(control.context, `chrome-extension://${control.extensionId}/page.html`);
    const message = await panelFirstMessage(ours.page);
    const warm = [];
    const cold = [];
    const spawn = [];
    const floorCold = [];
    let bytes = 0;
    // Interleaved, ours then the control's, so both see the same load.
    for (let i = 0; i < runs + 1; i += 1) {
      const run = await coldStart(withExt, extensionId, ours, message);
      const base = await coldStart(control.context, control.extensionId, floor);
      if (i === 0) continue; // warm-up: the first stop/start also fills the disk cache of the worker script
      cold.push(run.cold);
      warm.push(run.warm);
      if (run.spawn !== null) spawn.push(run.spawn);
      floorCold.push(base.cold);
      bytes = run.bytes;
    }
    await ours.cdp.detach();
    const spawnMs = spawn.length ? round(median(spawn)) : null;
    return [
      measured({
        id: 'worker-cold-start',
        name: 'Service worker cold start → first answer (panel:init from an extension page)',
        budget: WORKER_BUDGET_MS,
        unit: 'ms',
        values: cold,
        notes:
          `The worker stopped (CDP ServiceWorker.stopAllWorkers), then the panel's first message (${JSON.stringify(message)}), timed in the page until its reply (${bytes} bytes of JSON: the packs in force${message.adapter ? ', of the adapters only the page’s' : ''}). ` +
          `${runs} runs after one warm-up. A worker that kept the reply in session storage answers from it (utils/background/panel-init-cache.ts; the first panel of a browser session, or the first after a pack changed, reads the database instead: bench/tools/worker-profile.mjs --times --unkept). The worker's clock starts ${spawnMs ?? '?'} ms after the send (median): the browser starting it; the rest is evaluating the worker script, start-up work and the handler. ` +
          `The same message to the running worker right after: median ${round(median(warm))} ms. ` +
          `The floor, an empty worker's cold start in the same minutes: median ${round(median(floorCold))} ms (worker-cold-start-floor). ` +
          'Playwright attaches to every new worker and holds it until it has set up its own listeners: one DevTools round trip is included here that a person’s browser does not pay.',
        details: { message, warmMs: warm.map(round), workerStartsAfterMs: spawn.map(round), replyBytes: bytes, floorMs: floorCold.map(round) },
      }),
      measured({
        id: 'worker-cold-start-floor',
        name: 'The floor: an empty service worker’s cold start → first answer (a control extension, same minutes)',
        unit: 'ms',
        values: floorCold,
        notes:
          'A control extension whose worker only answers every message with {} — what any MV3 extension pays for a cold start — measured the same way, each run right after one of ours.',
      }),
    ];
  } finally {
    await ours.page.close();
    await control.close();
    await rm(controlDir, { recursive: true, force: true });
  }
}

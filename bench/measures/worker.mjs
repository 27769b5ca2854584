// Budget: service worker cold start → first answer (DESIGN.md §4, ≤ 50 ms). From an
// extension page, the worker is stopped (CDP ServiceWorker.stopAllWorkers, as DevTools'
// "Stop" does; Chromium also stops an idle worker after 30 s), then the page sends what a
// panel sends first (`panel:init`) and times the round trip. The worker's own clock says
// when it started, which splits the figure into "until the worker runs" and the rest
// (script evaluation, start-up work, the handler).
import { sleep } from '../lib/browser.mjs';
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
function roundTrip(page, type) {
  return page.evaluate(async (messageType) => {
    const start = performance.now();
    const reply = await chrome.runtime.sendMessage({ type: messageType });
    const end = performance.now();
    return { ms: end - start, startAt: performance.timeOrigin + start, bytes: JSON.stringify(reply ?? null).length, error: reply?.error ?? null };
  }, type);
}

export async function measureWorkerStart({ withExt, extensionId, runs }) {
  const page = await withExt.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/panel.html`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="runbook-item"], .empty', { timeout: 20_000 }).catch(() => undefined);
    const cdp = await withExt.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const warm = [];
    const cold = [];
    const spawn = [];
    let bytes = 0;
    for (let i = 0; i < runs + 1; i += 1) {
      await sleep(300);
      await stopWorker(cdp);
      await sleep(300);
      const first = await roundTrip(page, 'panel:init');
      if (first.error) throw new Error(`panel:init answered with an error: ${first.error}`);
      // The restarted worker's clock began when the browser created it.
      const worker = withExt.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      const workerOrigin = worker ? await worker.evaluate(() => performance.timeOrigin).catch(() => null) : null;
      const again = await roundTrip(page, 'panel:init');
      if (i === 0) continue; // warm-up: the first stop/start also fills the disk cache of the worker script
      cold.push(first.ms);
      warm.push(again.ms);
      if (workerOrigin !== null) spawn.push(workerOrigin - first.startAt);
      bytes = first.bytes;
    }
    await cdp.detach();
    const spawnMs = spawn.length ? round(median(spawn)) : null;
    return [
      measured({
        id: 'worker-cold-start',
        name: 'Service worker cold start → first answer (panel:init from an extension page)',
        budget: WORKER_BUDGET_MS,
        unit: 'ms',
        values: cold,
        notes:
          `The worker stopped (CDP ServiceWorker.stopAllWorkers), then the panel's first message, timed in the page until its reply (${bytes} bytes of JSON: the packs in force). ` +
          `${runs} runs after one warm-up. The worker's clock starts ${spawnMs ?? '?'} ms after the send (median): the browser starting it; the rest is evaluating the worker script, start-up work and the handler. ` +
          `The same message to the running worker right after: median ${round(median(warm))} ms. ` +
          'Playwright attaches to every new worker and holds it until it has set up its own listeners: one DevTools round trip is included here that a person’s browser does not pay.',
        details: { warmMs: warm.map(round), workerStartsAfterMs: spawn.map(round), replyBytes: bytes },
      }),
    ];
  } finally {
    await page.close();
  }
}

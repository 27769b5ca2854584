// A page load's Chromium trace, read for who ran script on the page's main thread.
//
// The figure the CPU budgets on a recognised page are read on: the thread time of the
// script events (EvaluateScript, FunctionCall, compiles) whose script is an extension's
// (chrome-extension://…), on the main thread of the page's own renderer — the content
// script and everything it calls (the DOM reads and writes, the layouts it forces). It is
// attributed, not a difference of two loads, so the page's own variance is not in it.
import { sleep } from './browser.mjs';

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'].join(',');

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'v8.run']);
const TOP_TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

const urlOf = (event) => String(event.args?.data?.url ?? event.args?.fileName ?? event.args?.data?.scriptName ?? '');

/**
 * Sums one load's trace events: on the page renderer's main thread (the process that parsed an
 * http(s) page; not the panel frame's extension process), the thread time of top-level tasks and
 * of outermost script events by whose script they are: `extension` (chrome-extension://), `page`
 * (anything else with a URL). A script event inside another of the same side is not counted again; the page's
 * figure includes extension script that ran inside the page's own events (microtasks), the extension's does not
 * leave any out.
 * @param {Array<Record<string, any>>} events trace events (complete events, ph 'X')
 */
export function attributeScriptTime(events) {
  const pagePids = new Set(
    events.filter((e) => e.name === 'ParseHTML' && /^https?:/.test(String(e.args?.beginData?.url ?? ''))).map((e) => e.pid),
  );
  const mainThreads = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pagePids.has(e.pid)).map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events
    .filter((e) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const ms = (e) => (e.tdur ?? e.dur ?? 0) / 1000;
  let taskMs = 0;
  const scriptMs = { extension: 0, page: 0 };
  const byExtensionFunction = {};
  // Per side and thread, where the script event being counted ends (wall time): events that start before
  // it are inside it. The two sides are nested separately: the content script's mutation callbacks run in
  // microtasks that can sit inside the page's own script event, and are ours all the same.
  const countedUntil = new Map();
  for (const e of onMain) {
    if (TOP_TASKS.has(e.name)) taskMs += ms(e);
    if (!SCRIPT_EVENTS.has(e.name)) continue;
    const url = urlOf(e);
    if (!url) continue;
    const side = url.startsWith('chrome-extension://') ? 'extension' : 'page';
    const key = `${side}:${e.pid}:${e.tid}`;
    if (e.ts < (countedUntil.get(key) ?? -Infinity)) continue;
    countedUntil.set(key, e.ts + (e.dur ?? 0));
    scriptMs[side] += ms(e);
    if (side === 'extension') {
      const name = `${e.name} ${url.replace(/^chrome-extension:\/\/[^/]+/, '')}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''}`;
      byExtensionFunction[name] = (byExtensionFunction[name] ?? 0) + ms(e);
    }
  }
  return { taskMs, scriptMs, byExtensionFunction };
}

/** Loads `url` in a fresh tab with a trace running until load + `settleMs`; returns the trace's events. */
export async function traceLoad(context, url, settleMs, categories = TRACE_CATEGORIES) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load' });
    await sleep(settleMs);
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    return events;
  } finally {
    await page.close();
  }
}

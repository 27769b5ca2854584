// A page load's Chromium trace, read for who ran script on the page's main thread.
//
// The figure the CPU budgets on a recognised page are read on: the thread time of the
// script events (EvaluateScript, FunctionCall, compiles) whose script is an extension's
// (chrome-extension://…), on the main thread of the page's own renderer — the content
// script and everything it calls (the DOM reads and writes, the layouts it forces). It is
// attributed, not a difference of two loads, so the page's own variance is not in it.
import { sleep } from './browser.mjs';

// mojom: which interface each message a task received is for (an extension API's answer, below).
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'mojom'].join(',');

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'v8.run']);
const TOP_TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

const urlOf = (event) => String(event.args?.data?.url ?? event.args?.fileName ?? event.args?.data?.scriptName ?? '');
const sideOf = (url) => (url.startsWith('chrome-extension://') ? 'extension' : 'page');

/**
 * Sums one load's trace events: on the page renderer's main thread (the process that parsed an
 * http(s) page; not the panel frame's extension process), the thread time of top-level tasks and
 * of outermost script events by whose script they are: `extension` (chrome-extension://), `page`
 * (anything else with a URL). A script event inside another of the same side is not counted again; the page's
 * figure includes extension script that ran inside the page's own events (microtasks), the extension's does not
 * leave any out. The extension's also holds its promise jobs after an extension API's answer (see below);
 * `unattributedMicrotasksMs` is the time of the other microtask checkpoints outside any script event.
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
  /** Each thread's script events, outermost of either side: what a microtask checkpoint holds that is counted already. */
  const scripted = [];
  /** What the extension's figure is made of: its outermost script events, and its checkpoints less the script events inside them. */
  const segments = [];
  for (const e of onMain) {
    if (TOP_TASKS.has(e.name)) taskMs += ms(e);
    if (!SCRIPT_EVENTS.has(e.name)) continue;
    const url = urlOf(e);
    if (!url) continue;
    const side = sideOf(url);
    const key = `${side}:${e.pid}:${e.tid}`;
    if (e.ts < (countedUntil.get(key) ?? -Infinity)) continue;
    countedUntil.set(key, e.ts + (e.dur ?? 0));
    scripted.push(e);
    scriptMs[side] += ms(e);
    if (side === 'extension') {
      segments.push({ event: e, within: [] });
      const name = `${e.name} ${url.replace(/^chrome-extension:\/\/[^/]+/, '')}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''}`;
      byExtensionFunction[name] = (byExtensionFunction[name] ?? 0) + ms(e);
    }
  }
  // Promise jobs run in a microtask checkpoint (RunMicrotasks) with no script event of their own: a content
  // script's code after an `await` of an extension API (the storage read's answer, and all it starts) is in no
  // FunctionCall. A task that received an extension API's answer (a mojo message of an `extensions.mojom.*`
  // interface) resolved the extension's promises: its checkpoint outside every script event is the extension's
  // (less the script events inside it, counted above by their own URL: a page's mutation callback our DOM change
  // set off stays the page's). The page has no such answers. Other checkpoints outside script events are
  // reported, unattributed.
  const tasks = onMain.filter((e) => TOP_TASKS.has(e.name));
  const answered = onMain.filter((e) => /^Receive mojo /.test(e.name) && /^extensions\.mojom\./.test(String(e.args?.chrome_mojo_event_info?.mojo_interface_tag ?? '')));
  const taskOf = (e) => tasks.find((t) => t.pid === e.pid && t.tid === e.tid && t.ts <= e.ts && e.ts <= t.ts + (t.dur ?? 0));
  const extensionTasks = new Set(answered.map(taskOf).filter(Boolean));
  let unattributedMicrotasksMs = 0;
  const outermostUntil = new Map();
  for (const e of onMain) {
    const thread = `${e.pid}:${e.tid}`;
    const end = e.ts + (e.dur ?? 0);
    const inside = e.ts < (outermostUntil.get(thread) ?? -Infinity);
    if (SCRIPT_EVENTS.has(e.name) && urlOf(e) && !inside) outermostUntil.set(thread, end);
    if (e.name !== 'RunMicrotasks' || inside) continue;
    outermostUntil.set(thread, end);
    const within = scripted.filter((s) => `${s.pid}:${s.tid}` === thread && s.ts >= e.ts && s.ts < end);
    const rest = Math.max(0, ms(e) - within.reduce((sum, s) => sum + ms(s), 0));
    if (!extensionTasks.has(taskOf(e))) {
      unattributedMicrotasksMs += rest;
      continue;
    }
    scriptMs.extension += rest;
    segments.push({ event: e, within });
    byExtensionFunction['promise jobs after an extension API answer'] = (byExtensionFunction['promise jobs after an extension API answer'] ?? 0) + rest;
  }
  return { taskMs, scriptMs, byExtensionFunction, unattributedMicrotasksMs, segments, onMain };
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

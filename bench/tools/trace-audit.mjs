// A diagnostic, not a budget: where the CPU added to the recognised demo audit log goes.
// Loads the demo's /audit with the built extension and without (interleaved, N runs each),
// records a Chromium trace of each load (devtools.timeline) until load + settle, and sums
// the page's main-thread time (its renderer only, not the panel frame's) by event name and, for script, by the script's URL
// (page vs the extension's content script). Prints the with − without medians.
//
//   TRAILGUIDE_OUT_DIR=.output-x node bench/tools/trace-audit.mjs [runs] [path]
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../../demo/server.mjs';
import { launchProfile } from '../lib/browser.mjs';
import { traceLoad as traceLoadWithin } from '../lib/trace.mjs';
import { median, round } from '../lib/stats.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const EXT = resolve(ROOT, process.env.TRAILGUIDE_OUT_DIR || '.output-bench', 'chrome-mv3');
const runs = Number(process.argv[2] || 5);
const path = process.argv[3] || '/audit';
const SETTLE_MS = 500;

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'].join(',');

const traceLoad = (context, url) => traceLoadWithin(context, url, SETTLE_MS, CATEGORIES);

/** The renderer main thread(s) of the page: CrRendererMain threads that ran the page's ParseHTML. */
function summarise(events) {
  // Only the page's own renderer (the process that parsed the page), not the panel frame's (the extension process).
  const pagePids = new Set(events.filter((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').startsWith('http')).map((e) => e.pid));
  const threads = new Map();
  for (const e of events) if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pagePids.has(e.pid)) threads.set(`${e.pid}:${e.tid}`, true);
  const byName = {};
  const byScript = {};
  // Top-level tasks only on those threads, self time not needed: sum complete events (X) by name at depth 0 and
  // selected inner names anywhere.
  const inner = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'Layout', 'UpdateLayoutTree', 'ParseHTML', 'Paint', 'PrePaint', 'Layerize', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'ParseAuthorStyleSheet', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'RunMicrotasks', 'XHRReadyStateChange', 'v8.run', 'ResourceReceivedData']);
  let task = 0;
  for (const e of events) {
    if (!threads.has(`${e.pid}:${e.tid}`) || e.ph !== 'X') continue;
    const ms = (e.tdur ?? e.dur ?? 0) / 1000;
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') task += ms;
    if (inner.has(e.name)) byName[e.name] = (byName[e.name] ?? 0) + ms;
    if (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.run') {
      const data = e.args?.data ?? {};
      const url = String(data.url ?? '');
      const who = url.startsWith('chrome-extension://') ? `ext:${url.replace(/^chrome-extension:\/\/[^/]+/, '')}` : url ? 'page' : 'unknown';
      const key = `${e.name} ${who}${data.functionName ? ` ${data.functionName}` : ''}`;
      byScript[key] = (byScript[key] ?? 0) + ms;
    }
  }
  return { task, byName, byScript };
}

const demo = await startDemoServer({ port: 0 });
const withExt = await launchProfile(EXT);
const without = await launchProfile(null);
try {
  const url = `${demo.url}${path}`;
  await traceLoad(withExt.context, url);
  await traceLoad(without.context, url);
  const w = [];
  const wo = [];
  for (let i = 0; i < runs; i += 1) {
    const order = i % 2 ? [['wo', without], ['w', withExt]] : [['w', withExt], ['wo', without]];
    for (const [k, p] of order) (k === 'w' ? w : wo).push(summarise(await traceLoad(p.context, url)));
  }
  const keys = (list, field) => [...new Set(list.flatMap((s) => Object.keys(s[field])))];
  const med = (list, field, key) => median(list.map((s) => s[field][key] ?? 0));
  console.log(`task (RunTask, thread time): with ${round(median(w.map((s) => s.task)))} ms, without ${round(median(wo.map((s) => s.task)))} ms`);
  console.log('\nby event (median ms, with / without / added):');
  for (const k of keys([...w, ...wo], 'byName').sort()) console.log(`  ${k.padEnd(24)} ${round(med(w, 'byName', k))} / ${round(med(wo, 'byName', k))} / ${round(med(w, 'byName', k) - med(wo, 'byName', k))}`);
  console.log('\nscript entries with the extension (median ms):');
  for (const k of keys(w, 'byScript').sort((a, b) => med(w, 'byScript', b) - med(w, 'byScript', a)).slice(0, 25)) console.log(`  ${round(med(w, 'byScript', k))}  ${k}`);
} finally {
  await withExt.close();
  await without.close();
  await demo.close?.();
}

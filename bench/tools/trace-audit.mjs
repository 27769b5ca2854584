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
import { attributeScriptTime, TRACE_CATEGORIES, traceLoad as traceLoadWithin } from '../lib/trace.mjs';
import { median, round } from '../lib/stats.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const EXT = resolve(ROOT, process.env.TRAILGUIDE_OUT_DIR || '.output-bench', 'chrome-mv3');
const runs = Number(process.argv[2] || 5);
const path = process.argv[3] || '/audit';
const SETTLE_MS = 500;

// The bench's categories, and blink's and V8's own events (frame creation, lazy compiles) to break our time down.
const CATEGORIES = [TRACE_CATEGORIES, 'blink.user_timing', 'blink', 'loading', 'navigation', 'v8', 'disabled-by-default-v8.compile'].join(',');

/**
 * What our script time (bench/lib/trace.mjs's figure) is spent on: inside the extension's counted events, the
 * browser's own work they caused, by kind (outermost events of each kind only), and the rest (our script itself).
 */
const KINDS = {
  'creating the panel frame (an iframe)': ['HTMLFrameOwnerElement::LoadOrRedirectSubframe', 'WebLocalFrameImpl::createChildframe', 'FrameLoader::StartNavigation'],
  'compiling our functions on their first call (lazy compile)': ['V8.CompileCode', 'V8.ParseFunction', 'V8.CompileIgnition'],
  'compiling the script (top level)': ['v8.compile'],
  'style and layout forced by our reads': ['UpdateLayoutTree', 'Layout'],
  "parsing the panel host's style sheet": ['StyleElement::processStyleSheet', 'ParseAuthorStyleSheet'],
  'garbage collection': ['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GCScavenger'],
};
function insideOurs(events) {
  const { segments, onMain, scriptMs } = attributeScriptTime(events);
  const ms = (e) => (e.tdur ?? e.dur ?? 0) / 1000;
  const out = Object.fromEntries(Object.keys(KINDS).map((k) => [k, 0]));
  for (const { event, within } of segments) {
    const end = event.ts + event.dur;
    const excluded = (e) => within.some((w) => e.ts >= w.ts && e.ts < w.ts + w.dur);
    for (const [kind, names] of Object.entries(KINDS)) {
      let until = -Infinity;
      for (const e of onMain) {
        if (e === event || e.ts < event.ts || e.ts >= end || !names.includes(e.name) || excluded(e) || e.ts < until) continue;
        until = e.ts + e.dur;
        out[kind] += ms(e);
      }
    }
  }
  out['the rest: our own script running, DOM calls'] = scriptMs.extension - Object.values(out).reduce((a, b) => a + b, 0);
  return { total: scriptMs.extension, ...out };
}

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
  const inside = [];
  for (let i = 0; i < runs; i += 1) {
    const order = i % 2 ? [['wo', without], ['w', withExt]] : [['w', withExt], ['wo', without]];
    for (const [k, p] of order) {
      const events = await traceLoad(p.context, url);
      (k === 'w' ? w : wo).push(summarise(events));
      if (k === 'w') inside.push(insideOurs(events));
    }
  }
  const keys = (list, field) => [...new Set(list.flatMap((s) => Object.keys(s[field])))];
  const med = (list, field, key) => median(list.map((s) => s[field][key] ?? 0));
  console.log(`task (RunTask, thread time): with ${round(median(w.map((s) => s.task)))} ms, without ${round(median(wo.map((s) => s.task)))} ms`);
  console.log('\nby event (median ms, with / without / added):');
  for (const k of keys([...w, ...wo], 'byName').sort()) console.log(`  ${k.padEnd(24)} ${round(med(w, 'byName', k))} / ${round(med(wo, 'byName', k))} / ${round(med(w, 'byName', k) - med(wo, 'byName', k))}`);
  console.log('\nscript entries with the extension (median ms):');
  for (const k of keys(w, 'byScript').sort((a, b) => med(w, 'byScript', b) - med(w, 'byScript', a)).slice(0, 25)) console.log(`  ${round(med(w, 'byScript', k))}  ${k}`);
  console.log("\nour script time (the bench's figure, with this trace's extra categories) and what is inside it (median ms):");
  for (const k of Object.keys(inside[0] ?? {})) console.log(`  ${round(median(inside.map((x) => x[k])))}  ${k}`);
} finally {
  await withExt.close();
  await without.close();
  await demo.close?.();
}

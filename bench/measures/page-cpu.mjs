// Budget 2 (CPU added to pages the extension does not recognise) and the heavy-page
// check (9). The same URL is loaded in a profile with the extension and one without,
// alternating, each in a fresh tab; CPU comes from CDP Performance.getMetrics with
// thread-time ticks (CPU time of the page's main thread, not wall time, so other
// processes on the machine inflate it less).
import { loadAndMeasure, readMetrics, sleep } from '../lib/browser.mjs';
import { measured, median, round } from '../lib/stats.mjs';
import { attributeScriptTime, traceLoad } from '../lib/trace.mjs';

export const UNRECOGNISED_CPU_BUDGET_MS = 5;
const SETTLE_MS = 500;

function msOf(seconds) {
  return seconds * 1000;
}

/**
 * Loads `url` runs× in each profile, rotating which goes first. `control` (an
 * extension with an empty content script) is optional. `load` measures one load
 * (CDP metrics by default; a trace read by script URL for 'own-script').
 */
async function pairedLoads(profiles, url, runs, load = loadAndMeasure) {
  const names = Object.keys(profiles);
  for (const name of names) await load(profiles[name], url, 100); // warm-up: HTTP cache, code cache
  const pairs = [];
  for (let i = 0; i < runs; i += 1) {
    const order = names.map((_, k) => names[(k + i) % names.length]);
    const pair = {};
    for (const which of order) pair[which] = await load(profiles[which], url, SETTLE_MS);
    pairs.push(pair);
  }
  return pairs;
}

/** One traced load, as the CDP metrics' names (seconds), plus the extension's attributed script time (ms). */
async function tracedLoad(context, url, settleMs) {
  const { taskMs, scriptMs, byExtensionFunction, unattributedMicrotasksMs } = attributeScriptTime(await traceLoad(context, url, settleMs));
  return { TaskDuration: taskMs / 1000, ScriptDuration: scriptMs.page / 1000, JSHeapUsedSize: 0, ownScriptMs: scriptMs.extension, byExtensionFunction, unattributedMicrotasksMs };
}

function describePairs(pairs) {
  const pick = (which, metric, scale = msOf) => median(pairs.map((p) => scale(p[which][metric])));
  const withTask = pick('with', 'TaskDuration');
  const withoutTask = pick('without', 'TaskDuration');
  return {
    taskMs: { with: round(withTask), without: round(withoutTask), ratio: round(withTask / withoutTask) },
    scriptMs: { with: round(pick('with', 'ScriptDuration')), without: round(pick('without', 'ScriptDuration')) },
    heapBytes: {
      with: Math.round(pick('with', 'JSHeapUsedSize', (v) => v)),
      without: Math.round(pick('without', 'JSHeapUsedSize', (v) => v)),
    },
  };
}

/**
 * `metric` chooses the figure the budget is read on: 'script' (ScriptDuration: the time V8 runs
 * script, ours included — steadier, since the page's own layout and painting are left out),
 * 'task' (TaskDuration: everything the main thread did), or 'own-script' (a trace of each load:
 * the thread time of the extension's own script events on the page's main thread — attributed by
 * script URL, not a difference of two loads, so the page's own variance is not in it).
 * `relativeToControl` makes the budget "at most that many times what the empty content script adds
 * in the same run"; with 'own-script' the figure leaves out what any content script pays (the floor),
 * so its budget is (k − 1)× the floor: floor + ours ≤ k × floor.
 */
export async function measurePageCpu({ withExt, baseline, control, pages, runs }) {
  const results = [];
  for (const { id, name, url, budget, note, metric = 'task', relativeToControl = null, floorUrl = null, runs: pageRuns = runs } of pages) {
    const profiles = { with: withExt, without: baseline, ...(control ? { control } : {}) };
    const own = metric === 'own-script';
    const pairs = await pairedLoads(profiles, url, pageRuns, own ? tracedLoad : loadAndMeasure);
    const addedTask = pairs.map((p) => msOf(p.with.TaskDuration - p.without.TaskDuration));
    const addedScript = pairs.map((p) => msOf(p.with.ScriptDuration - p.without.ScriptDuration));
    const ownScript = own ? pairs.map((p) => p.with.ownScriptMs) : [];
    const added = own ? ownScript : metric === 'script' ? addedScript : addedTask;
    const d = describePairs(pairs);
    const floor = control
      ? {
          controlAddedTaskMs: round(median(pairs.map((p) => msOf(p.control.TaskDuration - p.without.TaskDuration)))),
          controlAddedScriptMs: round(median(pairs.map((p) => msOf(p.control.ScriptDuration - p.without.ScriptDuration)))),
          ...(own ? { controlOwnScriptMs: round(median(pairs.map((p) => p.control.ownScriptMs))) } : {}),
        }
      : null;
    // "≤ k× the empty content script's": the control's added task time in this very run sets the budget. On a
    // heavy page that floor is the difference of two ≈ 100 ms figures (it even came out negative), so it is read
    // on a quiet page (floorUrl) when one is given: the isolated world costs the same whatever the page.
    let floorForBudget = floor?.controlAddedTaskMs ?? null;
    if (relativeToControl !== null && control && floorUrl) {
      const quiet = await pairedLoads({ without: baseline, control }, floorUrl, pageRuns);
      floorForBudget = round(median(quiet.map((p) => msOf(p.control.TaskDuration - p.without.TaskDuration))));
    }
    const factor = own && relativeToControl !== null ? relativeToControl - 1 : relativeToControl;
    const effectiveBudget = relativeToControl !== null && floorForBudget !== null ? round(factor * Math.max(0, floorForBudget)) : budget;
    const byFunction = own ? topFunctions(pairs.map((p) => p.with.byExtensionFunction)) : undefined;
    const metricNote =
      own ?
        `Script time of the extension's own scripts on the page's main thread (a trace of each load: EvaluateScript, FunctionCall and compiles whose script is chrome-extension://, thread time, with what they call — DOM reads and writes, layouts they force; and the extension's share, by the V8 sampler's samples, of microtask checkpoints outside any script event: promise jobs, e.g. the code after an await of a storage read — unattributed, with no script sampled: median ${round(median(pairs.map((p) => p.with.unattributedMicrotasksMs ?? 0)))} ms a load with the extension), ${pageRuns} loads interleaved with the same page without the extension and with the empty-script control, load + ${SETTLE_MS} ms. The empty content script's own script time in the same loads: ${floor?.controlOwnScriptMs ?? '—'} ms. Not in this figure: the page's style and layout in its own frames after ours changed the page, and what the panel runs in its own (extension) process. Task time added (a difference of two loads, noisy): median ${round(median(addedTask))} ms. `
      : metric === 'script' ?
        `Script time (ScriptDuration, thread time) with − without the extension, ${pageRuns} paired runs interleaved with the empty-script control, load + ${SETTLE_MS} ms; task time added median ${round(median(addedTask))} ms. `
      : `Main-thread CPU (TaskDuration, thread time) with − without the extension, ${pageRuns} paired runs interleaved, load + ${SETTLE_MS} ms. `;
    results.push(
      measured({
        id,
        name,
        budget: effectiveBudget,
        unit: 'ms',
        values: added,
        notes:
          metricNote +
          (relativeToControl !== null && floorForBudget !== null
            ? `Budget: ${own ? `${relativeToControl} × the empty content script's added task time minus that floor itself` : `${relativeToControl}× the empty content script's added task time`} in this run (${floorForBudget} ms${floorUrl ? `, on ${floorUrl.replace(/^http:\/\/127\.0\.0\.1:\d+/, '')}` : ''}). `
            : '') +
          `With ${d.taskMs.with} ms vs without ${d.taskMs.without} ms (ratio ${d.taskMs.ratio}); ` +
          (own ? '' : `script time ${d.scriptMs.with} vs ${d.scriptMs.without} ms (added median ${round(median(addedScript))} ms); JS heap ${d.heapBytes.with} vs ${d.heapBytes.without} bytes.`) +
          (floor
            ? ` An extension whose content script is empty adds ${floor.controlAddedTaskMs} ms${own ? '' : ` (script ${floor.controlAddedScriptMs} ms)`} to the same page: the floor any content script pays.`
            : '') +
          (note ? ` ${note}` : ''),
        details: {
          metric,
          ...d,
          ...(floor ?? {}),
          floorForBudgetMs: floorForBudget,
          addedTaskMs: addedTask.map(round),
          ...(own
            ? {
                ownScriptMs: ownScript.map(round),
                ownScriptByFunctionMs: byFunction,
                unattributedMicrotasksMs: { with: round(median(pairs.map((p) => p.with.unattributedMicrotasksMs))), without: round(median(pairs.map((p) => p.without.unattributedMicrotasksMs))) },
              }
            : { addedScriptMs: addedScript.map(round) }),
          url: url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''),
        },
      }),
    );
  }
  return results;
}

/** The extension's script entries, median ms per load over the loads, largest first (the top 12). */
function topFunctions(loads) {
  const keys = [...new Set(loads.flatMap((l) => Object.keys(l)))];
  return Object.fromEntries(
    keys
      .map((k) => [k, round(median(loads.map((l) => l[k] ?? 0)))])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12),
  );
}

/** One heavy-page sample: CPU and the page's own batch count over a fixed window. */
async function heavyWindow(context, url, windowMs) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'load' });
    await sleep(400); // let the content script start (document_idle) and set up its observer
    const before = await readMetrics(cdp);
    const b0 = await page.evaluate(() => ({ ...window.__heavy }));
    await sleep(windowMs);
    const after = await readMetrics(cdp);
    const b1 = await page.evaluate(() => ({ ...window.__heavy }));
    await cdp.detach();
    return {
      taskMs: msOf(after.TaskDuration - before.TaskDuration),
      scriptMs: msOf(after.ScriptDuration - before.ScriptDuration),
      batches: b1.batches - b0.batches,
      mutations: b1.mutations - b0.mutations,
    };
  } finally {
    await page.close();
  }
}

export async function measureHeavyPage({ withExt, baseline, fixtureUrl, runs, windowMs }) {
  const variants = [
    {
      id: 'heavy-audit-url-unrecognised',
      name: 'Heavy page (1,000 mutations/s) on an audit-log URL without the console markup: observer cost per mutation batch',
      path: '/audit-heavy',
      note: "The URL fits the demo adapter but the fingerprint never does, so the content script's observer stays on (up to 15 s): the worst case.",
    },
    {
      id: 'heavy-audit-url-recognised',
      name: 'Heavy page (1,000 mutations/s) recognised as the demo console: cost per mutation batch',
      path: '/audit-heavy-recognised',
      note: 'Recognised at once: the observer is never started; the panel frame runs in its own process.',
    },
    {
      id: 'heavy-other-url',
      name: 'Heavy page (1,000 mutations/s) on a URL no adapter fits: cost per mutation batch',
      path: '/heavy',
      note: 'No adapter URL fits, so the content script stops after its URL test.',
    },
  ];
  const results = [];
  for (const v of variants) {
    const url = `${fixtureUrl}${v.path}`;
    const samples = [];
    for (let i = 0; i < runs; i += 1) {
      const order = i % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
      const pair = {};
      for (const which of order) pair[which] = await heavyWindow(which === 'with' ? withExt : baseline, url, windowMs);
      samples.push(pair);
    }
    // µs added per batch: CPU per batch with the extension minus CPU per batch without. Each
    // profile is divided by its own batch count — a loaded machine runs fewer timer batches.
    const perBatch = (x, key) => (x[key] * 1000) / Math.max(1, x.batches);
    const perBatchUs = samples.map((s) => perBatch(s.with, 'taskMs') - perBatch(s.without, 'taskMs'));
    const scriptPerBatchUs = samples.map((s) => perBatch(s.with, 'scriptMs') - perBatch(s.without, 'scriptMs'));
    const withTask = median(samples.map((s) => s.with.taskMs));
    const withoutTask = median(samples.map((s) => s.without.taskMs));
    const batches = median(samples.map((s) => s.with.batches));
    const mutations = median(samples.map((s) => s.with.mutations));
    results.push(
      measured({
        id: v.id,
        name: v.name,
        unit: 'µs per batch',
        values: perBatchUs,
        notes:
          `${v.note} Over a ${windowMs} ms window the page ran ${batches} batches (${mutations} mutations); ` +
          `main-thread CPU ${round(withTask)} ms with vs ${round(withoutTask)} ms without the extension ` +
          `(${round(((withTask - withoutTask) * 1000) / windowMs)} ms added per second); script time alone adds ${round(median(scriptPerBatchUs))} µs per batch.`,
        details: {
          windowMs,
          batches,
          mutations,
          taskMs: { with: round(withTask), without: round(withoutTask) },
          addedMsPerSecond: round(((withTask - withoutTask) * 1000) / windowMs),
          scriptUsPerBatch: round(median(scriptPerBatchUs)),
        },
      }),
    );
  }
  return results;
}

// A diagnostic, not a budget: where a cold service worker's time goes before its first
// answer. Chromium is driven over raw CDP (Playwright gives no session on a service worker):
// the worker is stopped, then an extension page sends `panel:init`; the new worker is held
// at its first statement (auto-attach, waitForDebuggerOnStart), its V8 CPU profiler started,
// then it runs. Prints the profile's self time by script position (with source maps when the
// build has them: `--sourcemap` builds) and by bundled package.
//
// A second mode (`--times`) does not pause the worker: it times the round trip and reads the
// worker's own clock, with two marks patched into a copy of the build (script start, end of
// the top-level evaluation), to split the cold start into "until the script runs",
// "evaluating the bundle" and "the first answer".
//
// `--unkept`: session storage is emptied before each cold start, so the worker cannot answer from
// the `panel:init` reply it keeps there (utils/background/panel-init-cache.ts) and reads the
// database — the first panel of a browser session, or the first after a pack changed.
//
//   TRAILGUIDE_OUT_DIR=.output-x node bench/tools/worker-profile.mjs [--times] [--unkept] [runs]
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionWorker, launch } from '../lib/cdp.mjs';
import { median, round } from '../lib/stats.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BUILD = resolve(ROOT, process.env.TRAILGUIDE_OUT_DIR || '.output-bench', 'chrome-mv3');
const timesMode = process.argv.includes('--times');
const unkept = process.argv.includes('--unkept');
const runs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A copy of the build whose worker script records when it started and when its top level ended. */
async function patchedCopy() {
  const dir = await mkdtemp(join(tmpdir(), 'trailguide-wp-ext-'));
  await cp(BUILD, dir, { recursive: true });
  const file = join(dir, 'background.js');
  const text = await readFile(file, 'utf8');
  await writeFile(file, `globalThis.__tgT0=performance.now();\n${text}\n;globalThis.__tgT1=performance.now();\n`);
  return dir;
}

/** Self time per script position (and per package, from the source map when there is one). */
async function summarise(profile, mapFile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const ms = (dt[i + 1] ?? 0) / 1000;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + ms);
  }
  let map = null;
  if (mapFile && existsSync(mapFile)) {
    const { SourceMapConsumer } = await import('source-map-js').catch(() => ({}));
    if (SourceMapConsumer) map = new SourceMapConsumer(JSON.parse(await readFile(mapFile, 'utf8')));
  }
  const where = (cf) => {
    if (!cf.url.endsWith('background.js')) return cf.url ? cf.url.replace(/^.*\//, '') : `(${cf.functionName || 'native'})`;
    if (!map) return `background.js:${cf.lineNumber + 1}:${cf.columnNumber + 1} ${cf.functionName}`;
    const pos = map.originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber });
    return `${(pos.source ?? '?').replace(/^.*node_modules\//, 'npm:').replace(/^(\.\.\/)+/, '')} ${cf.functionName || '(top level)'}`;
  };
  const pkg = (label) => {
    const m = /^npm:((@[^/]+\/)?[^/]+)/.exec(label);
    if (m) return m[1];
    if (label.startsWith('(')) return label;
    return label.split(' ')[0].replace(/\/[^/]*$/, '/');
  };
  const byWhere = new Map();
  const byPkg = new Map();
  let total = 0;
  // A timeline: per 10 ms of the profile, the package that took most of it (where the time goes, in order).
  const timeline = [];
  let at = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    at += (dt[i] ?? 0) / 1000;
    const bucket = Math.floor(at / 10);
    const label = pkg(where(byId.get(profile.samples[i]).callFrame));
    timeline[bucket] ??= new Map();
    timeline[bucket].set(label, (timeline[bucket].get(label) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  }
  for (const [id, ms] of self) {
    const node = byId.get(id);
    const label = where(node.callFrame);
    byWhere.set(label, (byWhere.get(label) ?? 0) + ms);
    byPkg.set(pkg(label), (byPkg.get(pkg(label)) ?? 0) + ms);
    total += ms;
  }
  return { total, byWhere, byPkg, timeline };
}

/** The floor: an extension whose worker only answers every message with {} (`--times --control`). */
async function controlExtension() {
  const dir = await mkdtemp(join(tmpdir(), 'trailguide-wp-control-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'empty worker', version: '0.0.1', background: { service_worker: 'background.js' } }));
  await writeFile(join(dir, 'background.js'), 'globalThis.__tgT0=performance.now();\nchrome.runtime.onMessage.addListener((m, s, reply) => { reply({}); });\nglobalThis.__tgT1=performance.now();\n');
  await writeFile(join(dir, 'panel.html'), '<!doctype html><title>control</title>');
  return dir;
}

const control = process.argv.includes('--control');
const extDir = control ? await controlExtension() : timesMode ? await patchedCopy() : BUILD;
const browser = await launch(extDir);
const { cdp } = browser;
try {
  const sw = await extensionWorker(cdp);
  const extensionId = new URL(sw.url).host;
  const { targetId } = await cdp.send('Target.createTarget', { url: `chrome-extension://${extensionId}/panel.html` });
  const { sessionId: page } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
  await cdp.send('Runtime.enable', {}, page);
  await cdp.send('ServiceWorker.enable', {}, page);
  await sleep(2000);
  const evaluate = async (sessionId, expression) =>
    (await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId)).result.value;
  const stop = async () => {
    const stopped = cdp.waitFor((m) => m.method === 'ServiceWorker.workerVersionUpdated' && m.params.versions.some((v) => v.runningStatus === 'stopped'), 20_000, 'the worker to stop');
    await cdp.send('ServiceWorker.stopAllWorkers', {}, page);
    await stopped;
    await sleep(300);
  };
  // What a panel on the demo audit log sends first (with its adapter), or bare to a build that refuses the key.
  const withAdapter = { type: 'panel:init', adapter: 'acme-demo' };
  const takesAdapter = !control && (await evaluate(page, `chrome.runtime.sendMessage(${JSON.stringify(withAdapter)}).then((r) => !r?.error)`));
  const message = JSON.stringify(takesAdapter ? withAdapter : { type: 'panel:init' });
  const send = `(async () => { const s = performance.now(); const r = await chrome.runtime.sendMessage(${message}); const e = performance.now();
    return { ms: e - s, sendAt: performance.timeOrigin + s, replyAt: performance.timeOrigin + e, error: r?.error ?? null }; })()`;
  const rows = [];
  for (let i = 0; i < runs + 1; i += 1) {
    if (unkept) await evaluate(page, 'chrome.storage.session.clear().then(() => true)');
    await stop();
    if (timesMode) {
      const reply = await evaluate(page, send);
      const target = (await cdp.send('Target.getTargets')).targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(extensionId));
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: true });
      const w = await evaluate(sessionId, '({ origin: performance.timeOrigin, t0: globalThis.__tgT0, t1: globalThis.__tgT1 })');
      await cdp.send('Target.detachFromTarget', { sessionId });
      if (i === 0) continue;
      rows.push({
        total: reply.ms,
        untilWorker: w.origin - reply.sendAt,
        untilScript: w.t0,
        evaluate: w.t1 - w.t0,
        answer: reply.replyAt - (w.origin + w.t1),
      });
    } else {
      await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
      const attached = cdp.waitFor((m) => m.method === 'Target.attachedToTarget' && m.params.targetInfo.type === 'service_worker', 20_000, 'the new worker to attach');
      const replying = evaluate(page, send);
      const { sessionId } = (await attached).params;
      await cdp.send('Profiler.enable', {}, sessionId);
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 }, sessionId);
      await cdp.send('Profiler.start', {}, sessionId);
      await cdp.send('Runtime.runIfWaitingForDebugger', {}, sessionId);
      const reply = await replying;
      const { profile } = await cdp.send('Profiler.stop', {}, sessionId);
      await cdp.send('Target.setAutoAttach', { autoAttach: false, waitForDebuggerOnStart: false, flatten: true });
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      if (reply.error) throw new Error(reply.error);
      if (i === 0) continue;
      rows.push(await summarise(profile, join(BUILD, 'background.js.map')));
    }
  }
  if (timesMode) {
    const m = (k) => round(median(rows.map((r) => r[k])));
    console.log(JSON.stringify(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)])))));
    console.log(`message ${message}${unkept ? ' (session storage emptied before each start)' : ''}; median of ${runs}: total ${m('total')} ms = until the worker exists ${m('untilWorker')} + until its script runs ${m('untilScript')} + evaluating the bundle ${m('evaluate')} + the first answer ${m('answer')}`);
  } else {
    const merge = (key) => {
      const all = new Map();
      for (const r of rows) for (const [k, v] of r[key]) all.set(k, (all.get(k) ?? 0) + v / rows.length);
      return [...all].sort((a, b) => b[1] - a[1]);
    };
    console.log(`sampled ms per cold start (mean of ${runs}): ${round(rows.reduce((s, r) => s + r.total, 0) / rows.length)}`);
    console.log('timeline of the first run, per 10 ms: the three largest shares');
    rows[0].timeline.forEach((m, i) => m && console.log(`  ${String(i * 10).padStart(4)} ms  ${[...m].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${round(v)}`).join(', ')}`));
    console.log('by package/folder:');
    for (const [k, v] of merge('byPkg').slice(0, 25)) console.log(`  ${round(v).toString().padStart(7)}  ${k}`);
    console.log('by function:');
    for (const [k, v] of merge('byWhere').slice(0, 40)) console.log(`  ${round(v).toString().padStart(7)}  ${k}`);
  }
} finally {
  await browser.close();
  if (timesMode || control) await rm(extDir, { recursive: true, force: true });
}

// A diagnostic, not a budget: what the idle service worker's heap holds. Chromium over raw
// CDP (bench/lib/cdp.mjs; Playwright gives no session on a service worker): a fresh profile
// with the build, nothing opened, the worker awake after its start-up; then a session on the
// worker, a garbage collection and a heap snapshot, summed by what the objects are. The same
// for a control extension whose worker only listens for messages (the floor), side by side.
//
//   TRAILGUIDE_OUT_DIR=.output-x node bench/tools/worker-heap.mjs [--json]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionWorker, launch } from '../lib/cdp.mjs';
import { profileMemory } from '../lib/processes.mjs';
import { round } from '../lib/stats.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BUILD = resolve(ROOT, process.env.TRAILGUIDE_OUT_DIR || '.output-bench', 'chrome-mv3');
const MB = 1024 * 1024;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function controlExtension() {
  const dir = await mkdtemp(join(tmpdir(), 'trailguide-wh-control-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'empty worker', version: '0.0.1', background: { service_worker: 'background.js' } }));
  await writeFile(join(dir, 'background.js'), 'chrome.runtime.onMessage.addListener(() => undefined);\n');
  return dir;
}

/**
 * Self size by category of a V8 heap snapshot: node types (code, strings, closures, …) and,
 * for objects, the constructor's name. Returns the total and the largest groups.
 */
export function summariseSnapshot(snapshot) {
  const { node_fields: fields, node_types: [types] } = snapshot.snapshot.meta;
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const { nodes, strings } = snapshot;
  const byType = new Map();
  const byName = new Map();
  let total = 0;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]];
    const size = nodes[i + sizeAt];
    total += size;
    byType.set(type, (byType.get(type) ?? 0) + size);
    const label = type === 'object' ? strings[nodes[i + nameAt]] : type === 'code' || type === 'hidden' ? `(${type}) ${String(strings[nodes[i + nameAt]]).slice(0, 40)}` : `(${type})`;
    byName.set(label, (byName.get(label) ?? 0) + size);
  }
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => [k, round(v / MB)]);
  return { totalMb: round(total / MB), nodes: nodes.length / width, byType: top(byType, 20), byName: top(byName, 25) };
}

async function heapOf(extDir) {
  const browser = await launch(extDir);
  const { cdp } = browser;
  try {
    const sw = await extensionWorker(cdp);
    // As the bench's idle reading: the worker awake after start-up, no extension page opened.
    await sleep(3000);
    // The extension's process (PSS) as the bench reads it, then after a full garbage collection in the worker.
    const extensionMb = () => round((profileMemory(browser.userDataDir).byType.extension ?? 0) / MB);
    const pssBefore = extensionMb();
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: true });
    await cdp.send('HeapProfiler.enable', {}, sessionId);
    await cdp.send('HeapProfiler.collectGarbage', {}, sessionId);
    await sleep(1000);
    const pssAfterGc = extensionMb();
    const usage = await cdp.send('Runtime.getHeapUsage', {}, sessionId);
    let text = '';
    const collect = (m) => {
      if (m.method === 'HeapProfiler.addHeapSnapshotChunk' && m.sessionId === sessionId) text += m.params.chunk;
      return false;
    };
    cdp.listeners.push(collect);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false }, sessionId);
    cdp.listeners = cdp.listeners.filter((l) => l !== collect);
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return { pssBefore, pssAfterGc, usedMb: round(usage.usedSize / MB), heapMb: round(usage.totalSize / MB), snapshot: summariseSnapshot(JSON.parse(text)) };
  } finally {
    await browser.close();
  }
}

const controlDir = await controlExtension();
try {
  const ours = await heapOf(BUILD);
  const floor = await heapOf(controlDir);
  if (process.argv.includes('--json')) console.log(JSON.stringify({ ours, floor }));
  else {
    for (const [name, r] of [['ours', ours], ['empty-worker control', floor]]) {
      console.log(`${name}: extension process PSS ${r.pssBefore} MB idle, ${r.pssAfterGc} MB after a full GC in the worker; JS heap used ${r.usedMb} MB of ${r.heapMb} MB; snapshot ${r.snapshot.totalMb} MB in ${r.snapshot.nodes} objects`);
      console.log(`  by kind: ${r.snapshot.byType.map(([k, v]) => `${k} ${v}`).join(', ')}`);
      console.log(`  largest: ${r.snapshot.byName.slice(0, 15).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    }
  }
} finally {
  await rm(controlDir, { recursive: true, force: true });
}

// A diagnostic, not a budget: how much of the idle extension's memory (PSS) any MV3
// extension with a service worker pays, whatever its code. Three fresh profiles side by
// side, one blank tab each: the built extension, a control extension whose service
// worker only listens for messages, and no extension. Prints the median added PSS of
// each over N reads, by process type.
//
//   TRAILGUIDE_OUT_DIR=.output-x node bench/tools/idle-memory.mjs [reads]
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchProfile, sleep } from '../lib/browser.mjs';
import { profileMemory } from '../lib/processes.mjs';
import { median, round } from '../lib/stats.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const EXT = resolve(ROOT, process.env.TRAILGUIDE_OUT_DIR || '.output-bench', 'chrome-mv3');
const reads = Number(process.argv[2] || 5);
const MB = 1024 * 1024;

const controlDir = join(tmpdir(), `trailguide-empty-worker-${process.pid}`);
await mkdir(controlDir, { recursive: true });
await writeFile(
  join(controlDir, 'manifest.json'),
  JSON.stringify({ manifest_version: 3, name: 'empty worker', version: '0.0.1', background: { service_worker: 'bg.js' } }),
);
await writeFile(join(controlDir, 'bg.js'), 'chrome.runtime.onMessage.addListener(() => undefined);\n');

const ours = await launchProfile(EXT);
const control = await launchProfile(controlDir);
const base = await launchProfile(null);
try {
  for (const p of [ours, control, base]) if (!p.context.pages()[0]) await p.context.newPage();
  // The worker awake after start-up (launchProfile waited for it), no extension page opened (a panel page would
  // leave its own code and heap in the extension process), and the install's work over: fresh profiles settle
  // within 9–17 s (docs/performance.md, sixth pass); Chromium stops an idle worker at 30 s, so the reads end before.
  await sleep(15_000);
  const rows = { ours: [], control: [] };
  const parts = { ours: [], control: [] };
  for (let i = 0; i < reads; i += 1) {
    const [o, c, b] = [profileMemory(ours.userDataDir), profileMemory(control.userDataDir), profileMemory(base.userDataDir)];
    rows.ours.push((o.totalBytes - b.totalBytes) / MB);
    rows.control.push((c.totalBytes - b.totalBytes) / MB);
    parts.ours.push((o.byType.extension ?? 0) / MB);
    parts.control.push((c.byType.extension ?? 0) / MB);
    await sleep(500);
  }
  console.log(`added PSS, median of ${reads}: ours ${round(median(rows.ours))} MB (extension process ${round(median(parts.ours))} MB); ` +
    `empty-worker control ${round(median(rows.control))} MB (extension process ${round(median(parts.control))} MB)`);
  console.log(JSON.stringify({ ours: rows.ours.map(round), control: rows.control.map(round) }));
} finally {
  await ours.close();
  await control.close();
  await base.close();
}

// A diagnostic, not a budget: how much of "memory per console tab with the panel open" any
// extension pays that shows a page of its own in a frame beside the console, whatever that
// page's code. Three fresh profiles side by side: the built extension, a control extension
// (a worker that only listens, a content script that adds a 400 px frame of a static page of
// its own — 17 items of text, as the panel lists on the demo audit log — and no script in
// that page), and no extension. Each opens the demo audit log in three tabs one after another;
// prints, per tab, the memory each extension adds beyond the same tab without it (PSS of the
// whole browser), and the extension's process alone.
//
//   TRAILGUIDE_OUT_DIR=.output-x node bench/tools/panel-frame-memory.mjs [rounds]
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../../demo/server.mjs';
import { launchProfile, sleep } from '../lib/browser.mjs';
import { profileMemory } from '../lib/processes.mjs';
import { median, round } from '../lib/stats.mjs';
import { shown, tabCosts } from '../measures/memory.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const EXT = resolve(ROOT, process.env.TRAILGUIDE_OUT_DIR || '.output-bench', 'chrome-mv3');
const rounds = Number(process.argv[2] || 2);
const MB = 1024 * 1024;
const TABS = 3;

async function writeFrameControl(dir) {
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'frame control',
      version: '0.0.1',
      background: { service_worker: 'bg.js' },
      content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['content.js'], run_at: 'document_idle' }],
      web_accessible_resources: [{ resources: ['frame.html'], matches: ['http://127.0.0.1/*'] }],
    }),
  );
  await writeFile(join(dir, 'bg.js'), 'chrome.runtime.onMessage.addListener(() => undefined);\n');
  await writeFile(
    join(dir, 'content.js'),
    "if (location.pathname === '/audit') { const f = document.createElement('iframe'); f.src = chrome.runtime.getURL('frame.html'); " +
      "f.style.cssText = 'position:fixed;top:0;right:0;width:400px;height:100vh;border:0;z-index:2147483647'; document.documentElement.append(f); }\n",
  );
  const items = Array.from({ length: 17 }, (_, i) => `<li><button><b>A runbook title number ${i + 1}, about as long as ours</b><span>A summary of one or two lines that says what this runbook finds out and for whom, as the panel's do.</span></button></li>`);
  await writeFile(
    join(dir, 'frame.html'),
    '<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;font:14px system-ui,sans-serif;background:#fff}main{height:100vh;overflow-y:auto;padding:14px}' +
      'ul{list-style:none;padding:0;display:grid;gap:8px}button{display:grid;gap:4px;width:100%;text-align:left;padding:10px 12px;border:1px solid #ddd;border-radius:8px;background:#fff}' +
      `span{color:#666;font-size:.85rem}</style></head><body><main><h1>What do you need to find out?</h1><input type="search" data-ready><ul>${items.join('')}</ul></main></body></html>`,
  );
  return dir;
}

/** The extension's frame at `path` in `page`, once `ready` matches in it (evaluate, not a locator: memory.mjs's `shown`). */
const frameShown = (page, path, ready) =>
  shown(() => page.frames().find((f) => f.url().startsWith('chrome-extension://') && new URL(f.url()).pathname === path), ready, `no ${path} frame showing ${ready}`);

const controlDir = join(tmpdir(), `trailguide-frame-control-${process.pid}`);
await writeFrameControl(controlDir);
const demo = await startDemoServer({ port: 0 });
const results = { ours: [], control: [], oursProcess: [], controlProcess: [] };
try {
  for (let r = 0; r < rounds; r += 1) {
    const profiles = await Promise.all([launchProfile(EXT), launchProfile(controlDir), launchProfile(null)]);
    const [ours, control, base] = profiles;
    try {
      await Promise.all(profiles.map(async (p) => p.context.pages()[0] ?? (await p.context.newPage())));
      await sleep(8000); // past the install's work (docs/performance.md, sixth pass: settled by ≈ 10 s)
      const reads = { ours: [], control: [] };
      const processes = { ours: [], control: [] };
      const snap = () => {
        const [o, c, b] = [profileMemory(ours.userDataDir), profileMemory(control.userDataDir), profileMemory(base.userDataDir)];
        reads.ours.push({ ext: o.totalBytes, base: b.totalBytes });
        reads.control.push({ ext: c.totalBytes, base: b.totalBytes });
        processes.ours.push((o.byType.extension ?? 0) / MB);
        processes.control.push((c.byType.extension ?? 0) / MB);
      };
      snap();
      for (let t = 0; t < TABS; t += 1) {
        const pages = await Promise.all(profiles.map((p) => p.context.newPage()));
        await Promise.all(pages.map((p) => p.goto(`${demo.url}/audit`, { waitUntil: 'load' })));
        await Promise.all([frameShown(pages[0], '/panel.html', '[data-testid="runbook-item"]'), frameShown(pages[1], '/frame.html', '[data-ready]'), shown(() => pages[2].mainFrame(), 'table tbody tr', 'the demo audit log showed no rows')]);
        await sleep(1500);
        snap();
      }
      results.ours.push(tabCosts(reads.ours));
      results.control.push(tabCosts(reads.control));
      results.oursProcess.push(processes.ours.slice(1).map((v, i) => v - processes.ours[i]));
      results.controlProcess.push(processes.control.slice(1).map((v, i) => v - processes.control[i]));
    } finally {
      await Promise.all(profiles.map((p) => p.close()));
    }
  }
  const perTab = (rows) => Array.from({ length: TABS }, (_, t) => round(median(rows.map((row) => row[t]))));
  console.log(`added per tab (tab 1, 2, 3), whole browser vs no extension, median of ${rounds}: ours ${perTab(results.ours).join(' / ')} MB; frame control ${perTab(results.control).join(' / ')} MB`);
  console.log(`the extension's process alone, per tab: ours ${perTab(results.oursProcess).join(' / ')} MB; frame control ${perTab(results.controlProcess).join(' / ')} MB`);
  console.log(JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.map((row) => row.map(round))]))));
} finally {
  await demo.close?.();
  await rm(controlDir, { recursive: true, force: true });
}
process.exit(0);

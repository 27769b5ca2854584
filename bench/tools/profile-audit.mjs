// A diagnostic, not a budget: a V8 CPU profile of the demo audit log's page while it
// loads with the built extension, summed by function for the extension's content script
// (self time, and inclusive time of its top frames, which shows what our code called:
// querySelector, layout forced from script, …).
//
//   TRAILGUIDE_OUT_DIR=.output-x node bench/tools/profile-audit.mjs [runs] [path]
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../../demo/server.mjs';
import { launchProfile, sleep } from '../lib/browser.mjs';
import { round } from '../lib/stats.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const EXT = resolve(ROOT, process.env.TRAILGUIDE_OUT_DIR || '.output-bench', 'chrome-mv3');
const runs = Number(process.argv[2] || 5);
const path = process.argv[3] || '/audit';

const demo = await startDemoServer({ port: 0 });
const ext = await launchProfile(EXT);
const selfBy = {};
const inclBy = {};
try {
  for (let i = 0; i <= runs; i += 1) {
    const page = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(`${demo.url}${path}`, { waitUntil: 'load' });
    await sleep(500);
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    await page.close();
    if (i === 0) continue; // warm-up
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^chrome-extension:\/\/[^/]+/, 'ext:').replace(/^http:\/\/127\.0\.0\.1:\d+/, 'page:')}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    profile.samples.forEach((id, k) => {
      const us = profile.timeDeltas[k + 1] ?? 0;
      const leaf = byId.get(id);
      const chain = [];
      for (let cur = id; cur; cur = parent.get(cur)) chain.push(byId.get(cur));
      const ours = chain.filter((n) => n.callFrame.url.includes('/content-scripts/'));
      if (!ours.length) return;
      // Self: the leaf (a native like querySelectorAll shows under its own name), attributed to our outermost frame.
      const top = ours[ours.length - 1];
      const innermost = ours[0];
      selfBy[`${leaf.callFrame.functionName || '(anon)'} ← ${name(innermost)}`] = (selfBy[`${leaf.callFrame.functionName || '(anon)'} ← ${name(innermost)}`] ?? 0) + us / runs;
      inclBy[name(top)] = (inclBy[name(top)] ?? 0) + us / runs;
    });
  }
  const show = (o) => Object.entries(o).sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, us]) => `  ${round(us / 1000)} ms  ${k}`).join('\n');
  console.log(`per load, mean of ${runs}; content script's outermost frames (inclusive):\n${show(inclBy)}\n\nleaf ← our innermost frame:\n${show(selfBy)}`);
} finally {
  await ext.close();
  await demo.close?.();
}

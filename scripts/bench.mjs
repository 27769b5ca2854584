// npm run bench — measures every performance budget of DESIGN.md §4 against the
// built extension in headless Chromium, and prints one JSON document on stdout
// (a readable table goes to stderr). The same document is written to
// .bench/latest.json. Budgets are checked here, never by timed tests.
//
//   npm run bench              full run (~2–3 minutes on 2 cores)
//   npm run bench -- --quick   fewer runs, for trying the bench itself
//   npm run bench -- --update-docs   also rewrites the results table in docs/performance.md
//   npm run bench -- --only=panel,cpu   only the named groups (sizes, matching, pack, memory, worker,
//                              search, panel, cpu, audit-cpu, heavy, capture, fill, widgets, store); the build always runs
//   npm run bench -- --no-build   measure what is already built in the output folder
//   BENCH_KEEP_BUILD=1         keep .output-bench/ afterwards (removed by default so lint never sees it)
//   TRAILGUIDE_OUT_DIR=.output-x   build into (and measure) that folder instead of .output-bench/;
//                              a folder named this way is kept afterwards
//
// Tip: `npm run -s bench` keeps npm's own banner off stdout, leaving only the JSON.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../demo/server.mjs';
import { CHROME_PATH, launchProfile } from '../bench/lib/browser.mjs';
import { writeControlExtension } from '../bench/lib/control-extension.mjs';
import { describeMachine } from '../bench/lib/machine.mjs';
import { startFixtureServer } from '../bench/lib/servers.mjs';
import { failed } from '../bench/lib/stats.mjs';
import { measureCapture, measureFill } from '../bench/measures/engine.mjs';
import { measureMatching, measurePackImport } from '../bench/measures/node-bench.mjs';
import { measureHeavyPage, measurePageCpu, UNRECOGNISED_CPU_BUDGET_MS } from '../bench/measures/page-cpu.mjs';
import { IDLE_BUDGET_MB, measureMemory, PER_TAB_BUDGET_MB } from '../bench/measures/memory.mjs';
import { measurePanelVisible, PAINT_BUDGET_MS, SHIFT_BUDGET } from '../bench/measures/panel.mjs';
import { measureSearch, SEARCH_BUDGET_MS } from '../bench/measures/search.mjs';
import { measureWorkerStart, WORKER_BUDGET_MS } from '../bench/measures/worker.mjs';
import { measureWidgetLab } from '../bench/measures/widgets.mjs';
import { measureSizes } from '../bench/measures/size.mjs';
import { measureStore } from '../bench/measures/store.mjs';
import { formatTable } from '../bench/lib/report.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
// Several engineers build side by side: honour their output folder, and only remove our own default.
const OUT_DIR_NAME = process.env.TRAILGUIDE_OUT_DIR || '.output-bench';
const OWN_OUT_DIR = !process.env.TRAILGUIDE_OUT_DIR;
const EXTENSION_DIR = resolve(ROOT, OUT_DIR_NAME, 'chrome-mv3');
const BUILD_DIR = join(ROOT, '.bench', 'build');
const quick = process.argv.includes('--quick');
// CPU: many paired runs, the three profiles interleaved, so two runs of one build agree (docs/performance.md).
const RUNS = quick
  ? { cpu: 4, audit: 4, panel: 3, heavy: 2, engine: 3, store: 2, memory: 2, worker: 4, search: 1 }
  : { cpu: 15, audit: 11, panel: 7, heavy: 3, engine: 4, store: 3, memory: 3, worker: 9, search: 3 };
const HEAVY_WINDOW_MS = quick ? 800 : 1000;
const GROUPS = ['sizes', 'matching', 'pack', 'memory', 'worker', 'search', 'panel', 'cpu', 'audit-cpu', 'heavy', 'capture', 'fill', 'widgets', 'store'];
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',').filter(Boolean)) : null;
for (const name of only ?? []) if (!GROUPS.includes(name)) throw new Error(`--only: unknown group "${name}" (one of ${GROUPS.join(', ')})`);
/** Whether a group of measurements runs this time (all of them without --only). */
const wanted = (group) => !only || only.has(group);
const BROWSER_GROUPS = ['memory', 'worker', 'search', 'panel', 'cpu', 'audit-cpu', 'heavy', 'capture', 'fill', 'widgets', 'store'];

const log = (message) => process.stderr.write(`[bench] ${message}\n`);

function buildExtension() {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['wxt', 'build'], {
      cwd: ROOT,
      // The demo build: the bench measures the demo console and fixture pages on 127.0.0.1.
      env: { ...process.env, TRAILGUIDE_OUT_DIR: OUT_DIR_NAME, TRAILGUIDE_DEMO_HOSTS: '1' },
      // stdout belongs to the JSON document: the build's chatter goes to stderr.
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done(undefined) : fail(new Error(`wxt build failed (exit ${code}):\n${output.slice(-2000)}`))));
  });
}

/** Runs one measurement; if it throws, every result it would have produced becomes an "error" entry. */
async function attempt(label, expected, fn) {
  const start = Date.now();
  log(`${label}…`);
  try {
    const results = await fn();
    log(`${label}: done in ${((Date.now() - start) / 1000).toFixed(1)} s`);
    return results;
  } catch (error) {
    log(`${label}: FAILED — ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return expected.map((e) => failed({ ...e, error }));
  }
}

/** Runs a group of measurements if it was asked for (all of them without --only). */
async function group(name, label, expected, fn) {
  return wanted(name) ? attempt(label, expected, fn) : [];
}

/** The measurements that need Chromium: one profile with the extension, one without, one with the empty control. */
async function browserMeasures(nodeOptions) {
  const results = [];
  const demo = await startDemoServer({ port: 0 });
  const fixtures = await startFixtureServer();
  const controlDir = await writeControlExtension(EXTENSION_DIR, join(BUILD_DIR, 'control-extension'));
  const [ext, base, control] = await Promise.all([
    launchProfile(EXTENSION_DIR),
    launchProfile(null),
    launchProfile(controlDir, { waitForWorker: false }),
  ]);
  try {
    const browserOptions = {
      ...nodeOptions,
      withExt: ext.context,
      baseline: base.context,
      extensionId: ext.extensionId,
      demoUrl: demo.url,
      fixtureUrl: fixtures.url,
    };
    // Memory first, while both profiles are fresh (one blank tab each).
    results.push(
      ...(await group(
        'memory',
        'memory (PSS)',
        [
          { id: 'memory-idle-extension', name: 'Memory added by the idle extension', budget: IDLE_BUDGET_MB, unit: 'MB' },
          { id: 'memory-idle-fresh-install', name: 'Memory added by the extension just installed (settled)', unit: 'MB' },
          { id: 'memory-idle-3s', name: 'Memory added by the extension 3 s after a fresh profile started', unit: 'MB' },
          { id: 'memory-per-console-tab', name: 'Memory added by the first console tab with the panel open', budget: PER_TAB_BUDGET_MB, unit: 'MB' },
          { id: 'memory-per-further-console-tab', name: 'Memory added by each further console tab with its panel open', unit: 'MB' },
          { id: 'memory-runbook-opened', name: 'Memory added by opening a runbook in a panel', unit: 'MB' },
          { id: 'memory-after-panel-closed', name: 'Memory added after a panel was used and closed (not idle)', unit: 'MB' },
        ],
        // Every round launches (and relaunches) a new pair of profiles of its own (memory.mjs): idle is read before any panel.
        () => measureMemory({ ext, base, extensionDir: EXTENSION_DIR, demoUrl: demo.url, runs: RUNS.memory }),
      )),
    );
    results.push(
      ...(await group(
        'panel',
        'panel visible',
        [
          { id: 'panel-visible', name: 'Panel visible', budget: 300, unit: 'ms' },
          { id: 'panel-visible-after-markup', name: 'Console markup present → panel painted', budget: PAINT_BUDGET_MS, unit: 'ms' },
          { id: 'panel-layout-shift', name: 'Layout shift after the panel appears', budget: SHIFT_BUDGET, unit: 'layout-shift score' },
        ],
        () => measurePanelVisible({ ...browserOptions, runs: RUNS.panel }),
      )),
    );
    results.push(
      ...(await group('worker', 'service worker cold start', [{ id: 'worker-cold-start', name: 'Service worker cold start → first answer', budget: WORKER_BUDGET_MS, unit: 'ms' }], () =>
        measureWorkerStart({ ...browserOptions, runs: RUNS.worker }),
      )),
    );
    const cpuPages = [
      {
        id: 'cpu-unrelated-page',
        name: 'CPU added to an unrelated page on a matched host (/recipes)',
        url: `${fixtures.url}/recipes`,
        budget: UNRECOGNISED_CPU_BUDGET_MS,
        note: 'The content script runs (127.0.0.1 is a built-in host) but no adapter URL fits.',
      },
      {
        id: 'cpu-demo-users',
        name: 'CPU added to the demo console’s /users page (matched host, not an audit log)',
        url: `${demo.url}/users`,
        budget: UNRECOGNISED_CPU_BUDGET_MS,
        note: 'Same console, a page no adapter URL fits.',
      },
    ].map((p) => ({ ...p, metric: 'script' }));
    results.push(
      ...(await group('cpu', 'CPU on unrecognised pages', cpuPages, () =>
        measurePageCpu({ ...browserOptions, control: control.context, pages: cpuPages, runs: RUNS.cpu }),
      )),
    );
    const auditPage = [
      {
        id: 'cpu-demo-audit',
        name: 'CPU of our scripts on the demo audit log (recognised; panel shown; script time by URL), vs the empty content script’s',
        url: `${demo.url}/audit`,
        budget: null,
        metric: 'own-script',
        runs: quick ? RUNS.audit : 21,
        relativeToControl: 2,
        floorUrl: `${fixtures.url}/recipes`,
        note: 'Recognised: the panel host is added; the panel itself runs in its own (extension) process, not counted here.',
      },
    ];
    results.push(
      ...(await group('audit-cpu', 'CPU on the demo audit log', auditPage, () =>
        measurePageCpu({ ...browserOptions, control: control.context, pages: auditPage, runs: RUNS.audit }),
      )),
    );
    results.push(
      ...(await group('heavy', 'heavy page', [{ id: 'heavy-audit-url-unrecognised', name: 'Heavy page', unit: 'µs per batch' }], () =>
        measureHeavyPage({ ...browserOptions, runs: RUNS.heavy, windowMs: HEAVY_WINDOW_MS }),
      )),
    );
    results.push(
      ...(await group('capture', 'capture 10,000 rows', [{ id: 'capture-10k', name: 'Capture 10,000 rows', budget: 250, unit: 'ms' }], () =>
        measureCapture({ ...browserOptions, runs: RUNS.engine }),
      )),
    );
    results.push(
      ...(await group('fill', 'fill on the demo console', [{ id: 'fill-demo', name: 'Fill + results updated', unit: 'ms' }], () =>
        measureFill({ ...browserOptions, runs: RUNS.engine }),
      )),
    );
    // Report-only (issue 13): the whole widget lab page filled in one step, without the extension.
    results.push(
      ...(await group('widgets', 'fill the widget lab', [{ id: 'fill-widget-lab', name: 'Fill the whole widget lab page', unit: 'ms' }], () =>
        measureWidgetLab({ ...browserOptions, runs: RUNS.engine }),
      )),
    );
    results.push(
      ...(await group(
        'store',
        'store and query',
        [
          { id: 'store-10k', name: 'Store 10,000 captured rows', budget: 500, unit: 'ms' },
          { id: 'query-case', name: "Query a case's history", budget: 50, unit: 'ms' },
        ],
        () => measureStore({ ...browserOptions, runs: RUNS.store }),
      )),
    );
    // Last: it imports a pack of 1,000 runbooks into the profile, which the measures above must not see.
    results.push(
      ...(await group('search', 'search 1,000 runbooks', [{ id: 'search-1000-runbooks', name: 'Search 1,000 runbooks per keystroke', budget: SEARCH_BUDGET_MS, unit: 'ms' }], () =>
        measureSearch({ ...browserOptions, runs: RUNS.search }),
      )),
    );
  } finally {
    await Promise.allSettled([ext.close(), base.close(), control.close()]);
    await Promise.allSettled([demo.close(), fixtures.close()]);
  }
  return results;
}

async function main() {
  const startedAt = new Date();
  const machine = describeMachine(CHROME_PATH);
  const results = [];

  if (only && process.argv.includes('--update-docs')) throw new Error('--update-docs needs every figure: run it without --only');
  if (process.argv.includes('--no-build')) {
    log(`measuring the build already in ${OUT_DIR_NAME}/ (--no-build)`);
  } else {
    log(`building the extension into ${OUT_DIR_NAME}/ …`);
    const buildStart = Date.now();
    await buildExtension();
    log(`built in ${((Date.now() - buildStart) / 1000).toFixed(1)} s`);
  }

  results.push(...(await group('sizes', 'sizes', [{ id: 'content-script-size', name: 'Content script size', budget: 15_000, unit: 'bytes' }], () => measureSizes(EXTENSION_DIR))));
  const nodeOptions = { root: ROOT, buildDir: BUILD_DIR };
  results.push(...(await group('matching', 'matching', [{ id: 'match-runbooks', name: 'Match 1,000 runbooks and 100 adapters', budget: 2, unit: 'ms' }], () => measureMatching(nodeOptions))));
  results.push(...(await group('pack', 'pack import', [{ id: 'pack-import', name: 'Import a 2 MB pack', budget: 300, unit: 'ms' }], () => measurePackImport(nodeOptions))));

  if (BROWSER_GROUPS.some(wanted)) results.push(...(await browserMeasures(nodeOptions)));
  if (OWN_OUT_DIR && !process.env.BENCH_KEEP_BUILD) await rm(resolve(ROOT, OUT_DIR_NAME), { recursive: true, force: true });

  const budgets = results.filter((r) => r.budget !== null);
  const document = {
    tool: 'trailguide-bench',
    schemaVersion: 1,
    date: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
    quick,
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((v) => Math.round(v * 100) / 100) },
    summary: {
      budgets: budgets.length,
      passed: budgets.filter((r) => r.pass === true).length,
      failed: budgets.filter((r) => r.pass === false).length,
      notBuiltYet: results.filter((r) => r.status === 'not-built-yet').map((r) => r.id),
      errors: results.filter((r) => r.status === 'error').map((r) => r.id),
    },
    results,
  };
  await mkdir(join(ROOT, '.bench'), { recursive: true });
  const json = `${JSON.stringify(document, null, 2)}\n`;
  await writeFile(join(ROOT, '.bench', 'latest.json'), json);
  process.stderr.write(`\n${formatTable(document)}\n`);
  if (process.argv.includes('--update-docs')) await updateDocs(document);
  process.stdout.write(json);
}

const DOCS_START = '<!-- bench:results:start -->';
const DOCS_END = '<!-- bench:results:end -->';

/** Replaces the generated block of docs/performance.md; the prose around it is written by hand. */
async function updateDocs(document) {
  const file = join(ROOT, 'docs', 'performance.md');
  const text = await readFile(file, 'utf8');
  const start = text.indexOf(DOCS_START);
  const end = text.indexOf(DOCS_END);
  if (start < 0 || end < start) throw new Error(`docs/performance.md has no ${DOCS_START} … ${DOCS_END} block`);
  const block = `${DOCS_START}\n_Generated by \`npm run bench -- --update-docs\` on ${document.date.slice(0, 16).replace('T', ' ')} UTC._\n\n${formatTable(document)}\n`;
  await writeFile(file, text.slice(0, start) + block + text.slice(end));
  log('docs/performance.md updated');
}

main().catch((error) => {
  process.stderr.write(`[bench] the bench could not run: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

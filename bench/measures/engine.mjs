// Budgets 4 (fill + results updated) and 5 (capture 10,000 rows): the engine's own
// functions, bundled from utils/engine and run in the page the way the injected
// executor runs them — without the panel and messaging around them.
import { bundleEntry } from '../lib/bundle.mjs';
import { injectBundle, loadDemoAdapter, missingFiles, notBuiltReason } from '../lib/product.mjs';
import { measured, notBuiltYet } from '../lib/stats.mjs';

export const CAPTURE_BUDGET_MS = 250;
export const CAPTURE_ROWS = 10_000;

const CAPTURE = { id: 'capture-10k', name: 'Capture 10,000 result rows (captureRows)', budget: CAPTURE_BUDGET_MS, unit: 'ms' };
const FILL = { id: 'fill-demo', name: 'Fill the demo console’s filters, submit, results updated (planFill + executeFill)', budget: null, unit: 'ms' };

async function engineBundle({ root, buildDir }) {
  const { text } = await bundleEntry({
    root,
    outDir: buildDir,
    name: 'engine',
    platform: 'browser',
    contents:
      "import { captureRows } from './utils/engine/capture.ts';\n" +
      "import { planFill } from './utils/engine/plan.ts';\n" +
      "import { executeFill } from './utils/engine/fill.ts';\n" +
      'globalThis.__tgBench = { captureRows, planFill, executeFill };\n',
  });
  return text;
}

export async function measureCapture({ root, buildDir, baseline, fixtureUrl, runs }) {
  const missing = await missingFiles(root, ['utils/engine/capture.ts']);
  if (missing.length) return [notBuiltYet({ ...CAPTURE, reason: notBuiltReason(missing) })];
  const [text, adapter] = await Promise.all([engineBundle({ root, buildDir }), loadDemoAdapter({ root, buildDir })]);
  const page = await baseline.newPage();
  try {
    await page.goto(`${fixtureUrl}/audit-large`, { waitUntil: 'load' });
    await injectBundle(baseline, page, text);
    const samples = await page.evaluate(
      async ({ adapter, runs, limit }) => {
        const out = [];
        for (let i = 0; i < runs + 1; i += 1) {
          const start = performance.now();
          const result = await globalThis.__tgBench.captureRows(document, adapter, { limit });
          out.push({ ms: performance.now() - start, rows: result.rows.length, stop: result.stoppedBecause, warnings: result.warnings.length });
        }
        return out.slice(1); // the first is a warm-up (JIT)
      },
      { adapter, runs, limit: CAPTURE_ROWS },
    );
    // Diagnostic: what one row.querySelector costs per column selector on this page (no product code).
    const perColumnMs = await page.evaluate((columns) => {
      const rowElements = [...document.querySelectorAll('table.audit-table tbody tr[data-event-id]')];
      const out = {};
      for (const [name, spec] of Object.entries(columns)) {
        const start = performance.now();
        for (const row of rowElements) row.querySelector(spec.selectors[0]);
        out[`${name} (${spec.selectors[0]})`] = Math.round(performance.now() - start);
      }
      return out;
    }, adapter.results.columns);
    const rows = samples[0]?.rows ?? 0;
    if (rows !== CAPTURE_ROWS) throw new Error(`captureRows returned ${rows} rows instead of ${CAPTURE_ROWS} (stopped: ${samples[0]?.stop})`);
    return [
      measured({
        ...CAPTURE,
        values: samples.map((s) => s.ms),
        notes:
          `A static page with the demo console's table markup and ${CAPTURE_ROWS} rows, the demo adapter (6 columns), limit ${CAPTURE_ROWS}; ` +
          `run in headless Chromium without the extension, one warm-up run. Stopped because: ${samples[0]?.stop}; ${samples[0]?.warnings} warnings. ` +
          `One row.querySelector per row, per column, in ms for all ${CAPTURE_ROWS} rows: ` +
          Object.entries(perColumnMs)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ') +
          '.',
        details: { rows, stoppedBecause: samples[0]?.stop, querySelectorMsPerColumn: perColumnMs },
      }),
    ];
  } finally {
    await page.close();
  }
}

export async function measureFill({ root, buildDir, baseline, demoUrl, runs }) {
  const missing = await missingFiles(root, ['utils/engine/plan.ts', 'utils/engine/fill.ts', 'utils/engine/insert.ts']);
  if (missing.length) return [notBuiltYet({ ...FILL, reason: notBuiltReason(missing) })];
  const [text, adapter] = await Promise.all([engineBundle({ root, buildDir }), loadDemoAdapter({ root, buildDir })]);
  // Runbook 1's search on the demo's story: a customer's settings changed by an admin.
  // Dates arrive resolved (the panel turns "-14d" into ISO 8601 before asking the page).
  const now = Date.now();
  const values = {
    target: 'dana.whitfield@northwind.example',
    action: 'account.settings_changed',
    since: new Date(now - 14 * 86_400_000).toISOString(),
    until: new Date(now).toISOString(),
  };
  const samples = [];
  for (let i = 0; i < runs + 1; i += 1) {
    const page = await baseline.newPage();
    try {
      await page.goto(`${demoUrl}/audit`, { waitUntil: 'load' });
      await page.waitForSelector('table.audit-table tbody tr[data-event-id]');
      await injectBundle(baseline, page, text);
      const sample = await page.evaluate(
        async ({ adapter, values }) => {
          const api = globalThis.__tgBench;
          const start = performance.now();
          const plan = api.planFill(adapter, values, { submit: true });
          const report = await api.executeFill(document, plan);
          const ms = performance.now() - start;
          return { ms, ok: report.ok, messages: report.messages, rows: document.querySelectorAll('table.audit-table tbody tr[data-event-id]').length, url: location.search };
        },
        { adapter, values },
      );
      if (i > 0) samples.push(sample);
    } finally {
      await page.close();
    }
  }
  const failedRun = samples.find((s) => !s.ok);
  return [
    measured({
      ...FILL,
      values: samples.map((s) => s.ms),
      notes:
        `Demo /audit (API latency 0), filters target + event type (combobox) + from/to, submit by click, until the engine sees the results change. ` +
        `Ends with ${samples[0]?.rows} rows, query ${samples[0]?.url}. ` +
        (failedRun ? `A run reported problems: ${failedRun.messages.join(' ')}` : 'Every run reported success.') +
        ' No budget in DESIGN.md §4; fresh page per run, one warm-up run.',
      details: { allOk: !failedRun },
    }),
  ];
}

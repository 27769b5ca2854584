// Budget 6: store 10,000 captured rows and query a case's history, with the real
// repositories (utils/cases) on Dexie, in the extension's own origin (an extension
// page of the built extension), which is where IndexedDB lives (DESIGN.md §3.1).
import { bundleEntry } from '../lib/bundle.mjs';
import { evaluateInPage, injectBundle, missingFiles, notBuiltReason } from '../lib/product.mjs';
import { measured, median, notBuiltYet, round } from '../lib/stats.mjs';

export const STORE_BUDGET_MS = 500;
export const QUERY_BUDGET_MS = 50;
const ROWS = 10_000;

const STORE = { id: 'store-10k', name: 'Store 10,000 captured rows (addCapture)', budget: STORE_BUDGET_MS, unit: 'ms' };
const QUERY = { id: 'query-case', name: "Query a case's history (getCaseDetail: the case, its captures and escalations)", budget: QUERY_BUDGET_MS, unit: 'ms' };

export async function measureStore({ root, buildDir, withExt, extensionId, runs }) {
  const missing = await missingFiles(root, ['utils/cases/cases.ts', 'utils/cases/captures.ts', 'utils/db/database.ts']);
  if (missing.length) {
    const reason = notBuiltReason(missing);
    return [notBuiltYet({ ...STORE, reason }), notBuiltYet({ ...QUERY, reason })];
  }
  const { text } = await bundleEntry({
    root,
    outDir: buildDir,
    name: 'store',
    platform: 'browser',
    contents: "import { runStore } from './bench/pages/store-driver.mjs';\nglobalThis.__tgBench = { runStore };\n",
  });
  const page = await withExt.newPage();
  try {
    // Any page of the extension runs in its origin; the panel page is always built.
    await page.goto(`chrome-extension://${extensionId}/panel.html`, { waitUntil: 'load' });
    await injectBundle(withExt, page, text);
    const samples = await evaluateInPage(withExt, page, `globalThis.__tgBench.runStore(${Number(runs)}, ${ROWS})`);
    const first = samples[0];
    if (!first || first.stored !== ROWS || first.detailRows !== ROWS) {
      throw new Error(`the store round trip lost rows (stored ${first?.stored}, read back ${first?.detailRows})`);
    }
    const firstQueries = samples.map((s) => s.queries[0]);
    const repeatQueries = samples.flatMap((s) => s.queries.slice(1));
    const part = (key) => round(median(samples.map((s) => s[key])));
    return [
      measured({
        ...STORE,
        values: samples.map((s) => s.storeMs),
        notes:
          `In the built extension's origin (panel.html opened as a tab), a fresh database per run with 21 cases; ` +
          `one capture record with ${ROWS} rows: validation (zod), SHA-256 of the canonical rows, one read-write transaction. One warm-up run. ` +
          `Parts, measured separately: validation ${part('validateMs')} ms, hashing ${part('hashMs')} ms, a bare Dexie put of the same record ${part('rawPutMs')} ms.`,
        details: { validateMs: part('validateMs'), hashMs: part('hashMs'), rawPutMs: part('rawPutMs') },
      }),
      measured({
        ...QUERY,
        values: firstQueries,
        notes:
          `Right after storing: the case plus its one capture (all ${ROWS} rows are read back — the rows live inside the capture record). ` +
          `A bare Dexie get of that capture record takes ${part('rawGetMs')} ms. Repeated queries: median ${round(median(repeatQueries))} ms. Listing the 21 cases (listCases): median ${round(median(samples.map((s) => s.listMs)))} ms.`,
        details: { repeatQueries: repeatQueries.map(round), listCasesMs: samples.map((s) => round(s.listMs)) },
      }),
    ];
  } finally {
    await page.close();
  }
}

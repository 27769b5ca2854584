// Runs inside an extension page (bundled by bench/measures/store.mjs): stores
// 10,000 rows through the real case repositories and reads the case back.
// Extension pages forbid eval, so the bench cannot pass functions in; this
// module is the whole in-page side and reports plain numbers.
import { addCapture } from '../../utils/cases/captures.ts';
import { hashRows } from '../../utils/cases/canonical.ts';
import { createCase, getCaseDetail, listCases } from '../../utils/cases/cases.ts';
import { newCaptureInput } from '../../utils/cases/inputs.ts';
import { TrailguideDatabase, setDatabaseForTests } from '../../utils/db/database.ts';
import { generateCapturedRows } from '../lib/generate.mjs';

const caseInput = (n) => ({
  runbookId: 'settings-changed-without-permission',
  runbookTitle: 'A customer says their account settings were changed without their permission',
  packId: 'trailguide-essentials',
  adapterId: 'acme-demo',
  tool: 'Acme Admin',
  pageUrl: `http://127.0.0.1/audit?case=${n}`,
  inputs: { email: `customer${n}@example.test` },
});

export async function runStore(runs, rowCount) {
  const rows = generateCapturedRows(rowCount);
  const out = [];
  for (let i = 0; i < runs + 1; i += 1) {
    // A fresh database per run, holding 20 other cases so the case query really uses its index.
    const database = new TrailguideDatabase(`trailguide-bench-${i}`);
    setDatabaseForTests(database);
    for (let n = 0; n < 20; n += 1) await createCase(caseInput(n));
    const record = await createCase(caseInput(99));
    const capture = {
      stepIndex: 1,
      sourceUrl: 'http://127.0.0.1/audit?pageSize=10000',
      adapterId: 'acme-demo',
      filters: { target: 'customer99@example.test' },
      timeRange: { from: null, to: null },
      rows,
    };
    const storeStart = performance.now();
    const summary = await addCapture(record.id, capture);
    const storeMs = performance.now() - storeStart;
    const queries = [];
    let detailRows = 0;
    for (let q = 0; q < 3; q += 1) {
      const queryStart = performance.now();
      const detail = await getCaseDetail(record.id);
      queries.push(performance.now() - queryStart);
      detailRows = detail?.captures.reduce((sum, c) => sum + c.rows.length, 0) ?? 0;
    }
    // Where addCapture's time goes: validation, hashing, and the write itself.
    let t = performance.now();
    newCaptureInput.parse(capture);
    const validateMs = performance.now() - t;
    t = performance.now();
    await hashRows(rows);
    const hashMs = performance.now() - t;
    t = performance.now();
    await database.captures.put({ ...capture, id: `raw-${i}`, caseId: 'raw', capturedAt: Date.now(), rowCount: rows.length, hash: '' });
    const rawPutMs = performance.now() - t;
    t = performance.now();
    await database.captures.get(`raw-${i}`);
    const rawGetMs = performance.now() - t;
    const listStart = performance.now();
    const list = await listCases({});
    const listMs = performance.now() - listStart;
    out.push({ storeMs, queries, detailRows, stored: summary.rowCount, listMs, listed: list.length, validateMs, hashMs, rawPutMs, rawGetMs });
    database.close();
    await database.delete();
  }
  setDatabaseForTests(undefined);
  return out.slice(1); // the first run warms up Dexie, IndexedDB and the JIT
}

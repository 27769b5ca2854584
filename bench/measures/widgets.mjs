// Report-only (issue 13): fill every widget of the widget lab (test/widgets/) in one step —
// the engine's planFill + executeFill, bundled from utils/engine and run in the page the way
// the injected executor runs them, on a fresh page each run (a filled widget stays filled).
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';
import { bundleEntry } from '../lib/bundle.mjs';
import { injectBundle, missingFiles, notBuiltReason } from '../lib/product.mjs';
import { measured, notBuiltYet } from '../lib/stats.mjs';

const LAB = { id: 'fill-widget-lab', name: 'Fill the whole widget lab page (every widget, one fill step; report-only)', budget: null, unit: 'ms' };
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

async function serveLab(dist) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://lab').pathname.replace(/^\/lab\//, '/');
    const file = normalize(join(dist, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/lab/`, close: () => new Promise((done) => server.close(() => done())) };
}

/** `baseline`: a browser context without the extension (as the engine measures use). */
export async function measureWidgetLab({ root, buildDir, baseline, runs }) {
  const missing = await missingFiles(root, ['utils/engine/strategies/index.ts', 'test/widgets/vite.config.ts', 'test/widgets/lab-pack.ts']);
  if (missing.length) return [notBuiltYet({ ...LAB, reason: notBuiltReason(missing) })];
  const labRoot = join(root, 'test/widgets');
  await build({ configFile: join(labRoot, 'vite.config.ts'), logLevel: 'error' });
  const { text } = await bundleEntry({
    root,
    outDir: buildDir,
    name: 'widget-lab',
    platform: 'browser',
    contents:
      "import { planFill } from './utils/engine/plan.ts';\n" +
      "import { executeFill } from './utils/engine/fill.ts';\n" +
      "import { adapterSchema } from './utils/schema/adapter.ts';\n" +
      "import { LAB_ADAPTER, FILTERS } from './test/widgets/lab-pack.ts';\n" +
      'globalThis.__tgLab = { planFill, executeFill, adapter: adapterSchema.parse(LAB_ADAPTER), filters: FILTERS };\n',
  });
  const lab = await serveLab(join(labRoot, 'dist'));
  const samples = [];
  try {
    for (let i = 0; i < runs + 1; i += 1) {
      const page = await baseline.newPage();
      try {
        await page.goto(lab.url, { waitUntil: 'load' });
        await page.waitForSelector('output[data-state="codemirror"]');
        await injectBundle(baseline, page, text);
        samples.push(
          await page.evaluate(async () => {
            const { planFill, executeFill, adapter, filters } = globalThis.__tgLab;
            const start = performance.now();
            const report = await executeFill(document, planFill(adapter, filters));
            return { ms: performance.now() - start, ok: report.ok, fields: report.fields.length, notKept: report.fields.filter((f) => f.status !== 'kept').map((f) => f.field) };
          }),
        );
      } finally {
        await page.close();
      }
    }
  } finally {
    await lab.close();
  }
  const timed = samples.slice(1); // the first is a warm-up (JIT)
  const notKept = [...new Set(timed.flatMap((s) => s.notKept))];
  return [
    measured({
      ...LAB,
      values: timed.map((s) => s.ms),
      notes:
        `The widget lab page (${timed[0]?.fields ?? 0} fields over every widget in test/widgets/: antd, MUI X v7 and v9, MUI Autocomplete (with freeSolo), react-select, Downshift, Headless UI, React Aria, react-datepicker, flatpickr, Tom Select, Choices.js, Select2, Element Plus, Vuetify, CodeMirror 6, Monaco, native controls), ` +
        `a fresh page per run, headless Chromium without the extension, one warm-up run; includes each strategy's waits for lists to open and widgets to re-render. ` +
        (notKept.length ? `Fields not kept in some run: ${notKept.join(', ')}.` : 'Every field kept in every run.'),
      details: { fields: timed[0]?.fields ?? 0, allKept: notKept.length === 0 },
    }),
  ];
}

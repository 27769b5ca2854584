// Budgets measured in Node on the bundled product code: matching (7) and pack import (8).
// Node runs the same V8 as Chromium; these functions touch no DOM.
import { performance } from 'node:perf_hooks';
import { stringify as toYaml } from 'yaml';
import { bundleEntry, importBundle } from '../lib/bundle.mjs';
import { generateAdapters, generatePack, generateRunbooks, makeRandom } from '../lib/generate.mjs';
import { measured, round, summarise } from '../lib/stats.mjs';

export const MATCH_BUDGET_MS = 2;
export const PACK_BUDGET_MS = 300;
export const PACK_BYTES = 2 * 1024 * 1024;

/** Deterministic mix of URLs: the demo audit log, vendor consoles, and pages nothing matches. */
function matchUrls(count) {
  const random = makeRandom(11);
  return Array.from({ length: count }, (_, i) => {
    const vendor = `vendor${random.int(1, 120)}`;
    switch (i % 4) {
      case 0:
        return `http://127.0.0.1:${random.int(3000, 9000)}/audit?actor=person${i}%40acme.example&page=${random.int(1, 9)}`;
      case 1:
        return `https://${vendor}.example.com/org-${i}/audit?q=${random.int(1, 999)}`;
      case 2:
        return `https://app.${vendor}.example/org/${i}/events?since=-7d`;
      default:
        return `https://www.unrelated-${i}.example/blog/post-${random.int(1, 9999)}`;
    }
  });
}

export async function measureMatching({ root, buildDir }) {
  const { file } = await bundleEntry({
    root,
    outDir: buildDir,
    name: 'match',
    platform: 'node',
    contents: "export { rankRunbooks, buildMatchTable } from './utils/match.ts';\nexport { candidatesFor } from './utils/detect.ts';\n",
  });
  const adapters = generateAdapters(100);
  const runbooks = generateRunbooks(1000, 2, adapters.slice(0, 40).map((a) => a.id));
  const urls = matchUrls(200);

  const once = (lib, table, url, query) => {
    const start = performance.now();
    const candidates = lib.candidatesFor(table, url);
    const ranked = lib.rankRunbooks(runbooks, candidates[0]?.id ?? null, query);
    const elapsed = performance.now() - start;
    return { elapsed, count: ranked.length };
  };

  // Cold: a fresh module instance (empty pattern cache), first URL only — a new tab's first check.
  const cold = [];
  for (let i = 1; i <= 8; i += 1) {
    const lib = await importBundle(file, i);
    cold.push(once(lib, lib.buildMatchTable(adapters), urls[0], '').elapsed);
  }

  const lib = await importBundle(file);
  const table = lib.buildMatchTable(adapters);
  for (let i = 0; i < 300; i += 1) once(lib, table, urls[i % urls.length], ''); // warm-up (JIT, caches)
  const warm = [];
  let ranked = 0;
  for (let i = 0; i < 600; i += 1) {
    const r = once(lib, table, urls[i % urls.length], '');
    warm.push(r.elapsed);
    ranked += r.count;
  }
  const withQuery = [];
  for (let i = 0; i < 300; i += 1) withQuery.push(once(lib, table, urls[i % urls.length], 'settings changed admin').elapsed);

  return [
    measured({
      id: 'match-runbooks',
      name: 'Match 1,000 runbooks and 100 adapters to a URL (candidatesFor + rankRunbooks)',
      budget: MATCH_BUDGET_MS,
      unit: 'ms',
      values: warm,
      notes:
        `Node ${process.version}, bundled product code; ${warm.length} calls over ${urls.length} URLs after 300 warm-up calls; ` +
        `${Math.round(ranked / warm.length)} runbooks ranked per call on average. ` +
        `Cold first call (fresh module, empty pattern cache): median ${round(summarise(cold).median)} ms. ` +
        `With a 3-word search query: median ${summarise(withQuery).median} ms.`,
      details: { cold: summarise(cold), withQuery: summarise(withQuery) },
    }),
  ];
}

export async function measurePackImport({ root, buildDir }) {
  const { file } = await bundleEntry({
    root,
    outDir: buildDir,
    name: 'pack',
    platform: 'node',
    contents: "export { parsePackText, parsePackData, parseYamlSafely } from './utils/pack/parse.ts';\n",
  });
  const { parsePackText, parsePackData, parseYamlSafely } = await importBundle(file);
  const pack = generatePack({ targetBytes: PACK_BYTES });
  const json = `${JSON.stringify(pack, null, 2)}\n`;
  const yaml = toYaml(pack, { lineWidth: 0 });
  const check = parsePackText(json);
  if (!check.ok) throw new Error(`the generated pack is invalid: ${check.problem.field ?? ''} ${check.problem.message}`);

  const time = (text, runs, warmups) => {
    const values = [];
    for (let i = 0; i < warmups + runs; i += 1) {
      const start = performance.now();
      const result = parsePackText(text);
      const elapsed = performance.now() - start;
      if (!result.ok) throw new Error(`pack rejected: ${result.problem.message}`);
      if (i >= warmups) values.push(elapsed);
    }
    return values;
  };
  // Extension pages and the service worker forbid eval, so zod runs without its JIT there.
  // Measure that (the budget), and the JIT that Node allows, for comparison.
  const { z } = await import('zod');
  z.config({ jitless: false });
  const jitTimes = time(json, 3, 1);
  z.config({ jitless: true });
  const jsonTimes = time(json, 7, 2);
  // Where the time goes: syntax (JSON.parse / the yaml library) versus checks (forbidden keys + zod).
  const part = (fn, runs) => {
    const values = [];
    for (let i = 0; i < runs; i += 1) {
      const start = performance.now();
      fn();
      values.push(performance.now() - start);
    }
    return summarise(values).median;
  };
  const parsed = JSON.parse(json);
  const jsonParseMs = part(() => JSON.parse(json), 5);
  const validateMs = part(() => parsePackData(parsed), 5);
  // YAML is slow enough (seconds) that one timed run after no warm-up is all the run can afford.
  const yamlTimes = time(yaml, 1, 0);
  const yamlParseMs = part(() => parseYamlSafely(yaml), 1);
  z.config({ jitless: false });
  const counts = `${pack.runbooks.length} runbooks, ${pack.adapters.length} adapters, ${pack.glossary.length} glossary entries`;
  return [
    measured({
      id: 'pack-import',
      name: 'Import and validate a 2 MB pack (parsePackText, JSON)',
      budget: PACK_BUDGET_MS,
      unit: 'ms',
      values: jsonTimes,
      notes:
        `${Buffer.byteLength(json)} bytes of pretty JSON (as npm run pack writes it): ${counts}. Node, 2 warm-up runs. ` +
        `zod without its JIT, as in the extension (no eval). Of the median, JSON.parse takes ${jsonParseMs} ms and the checks (forbidden keys + zod) ${validateMs} ms. ` +
        `With zod's JIT (Node allows eval): median ${summarise(jitTimes).median} ms.`,
      details: {
        bytes: Buffer.byteLength(json),
        runbooks: pack.runbooks.length,
        adapters: pack.adapters.length,
        glossary: pack.glossary.length,
        jsonParseMs,
        validateMs,
        withZodJitMs: summarise(jitTimes).median,
      },
    }),
    measured({
      id: 'pack-import-yaml',
      name: 'Import and validate the same pack written as YAML',
      unit: 'ms',
      values: yamlTimes,
      notes: `${Buffer.byteLength(yaml)} bytes of YAML with the same content; one run (no warm-up). The yaml library's parse alone takes ${round(yamlParseMs)} ms.`,
      details: { bytes: Buffer.byteLength(yaml), yamlParseMs: round(yamlParseMs) },
    }),
  ];
}

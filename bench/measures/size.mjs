// Budget 1: the content script that runs on every matched page before recognition.
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measured } from '../lib/stats.mjs';

export const CONTENT_SCRIPT_BUDGET_BYTES = 15_000;

/**
 * Signatures that only appear when a UI framework (or a heavy library that has no
 * business running before recognition) is bundled. Each is a string or pattern
 * that survives minification.
 */
const SIGNATURES = [
  { what: 'Preact', framework: true, test: /\.__k\b[\s\S]*\.__v\b|__PREACT_DEVTOOLS__|preact\/(?:hooks|compat)/ },
  { what: '@preact/signals', framework: true, test: /Symbol\.for\(["'`]preact-signals["'`]\)/ },
  { what: 'React', framework: true, test: /react\.(?:transitional\.)?element|__SECRET_INTERNALS|__REACT_DEVTOOLS/ },
  { what: 'Vue', framework: true, test: /__v_isRef|__vccOpts|__VUE__/ },
  { what: 'Lit', framework: true, test: /\$lit\$|litHtmlVersions|lit-html/ },
  { what: 'zod', framework: false, test: /ZodError|\$ZodType/ },
  { what: 'Dexie', framework: false, test: /Dexie(?:Error)?\b[\s\S]*IndexedDB/ },
  { what: 'marked', framework: false, test: /marked\(\) call|Token with "\$\{|marked\.use/ },
  { what: 'DOMPurify', framework: false, test: /DOMPurify|ALLOWED_TAGS/ },
  { what: 'yaml', framework: false, test: /YAMLParseError|maxAliasCount/ },
];

export function findSignatures(code) {
  return SIGNATURES.filter((s) => s.test.test(code)).map((s) => ({ what: s.what, framework: s.framework }));
}

async function sizes(file) {
  const bytes = await readFile(file);
  return { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, text: bytes.toString('utf8') };
}

/** The JS a page loads: its module script and every chunk reachable through static imports. */
async function pageScripts(extensionDir, htmlName) {
  const html = await readFile(join(extensionDir, htmlName), 'utf8');
  const queue = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1].replace(/^\//, ''));
  const seen = new Set();
  while (queue.length > 0) {
    const rel = queue.shift();
    if (seen.has(rel)) continue;
    seen.add(rel);
    const code = await readFile(join(extensionDir, rel), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(posix.normalize(posix.join(dirname(rel), m[1])));
    }
  }
  return [...seen];
}

export async function measureSizes(extensionDir) {
  const content = await sizes(join(extensionDir, 'content-scripts', 'content.js'));
  const found = findSignatures(content.text);
  const frameworks = found.filter((f) => f.framework).map((f) => f.what);
  const libraries = found.filter((f) => !f.framework).map((f) => f.what);
  const contentResult = measured({
    id: 'content-script-size',
    name: 'Content script before recognition (content-scripts/content.js), minified',
    budget: CONTENT_SCRIPT_BUDGET_BYTES,
    unit: 'bytes',
    values: [content.bytes],
    notes:
      `${content.gzip} bytes gzipped (zlib level 9). ` +
      (frameworks.length ? `UI framework found: ${frameworks.join(', ')}. ` : 'No UI framework found. ') +
      (libraries.length ? `Heavy libraries found: ${libraries.join(', ')}.` : 'No heavy library (zod, Dexie, marked, DOMPurify, yaml) found.'),
    details: { gzipBytes: content.gzip, frameworks, libraries },
  });
  // "No UI framework in it" is part of the budget.
  if (frameworks.length > 0) contentResult.pass = false;

  const watcher = await sizes(join(extensionDir, 'navwatch.js')).catch(() => null);
  const results = [contentResult];
  if (watcher) {
    results.push(
      measured({
        id: 'navwatch-size',
        name: 'Navigation watcher on the rest of the built-in hosts (navwatch.js), minified',
        unit: 'bytes',
        values: [watcher.bytes],
        notes: `${watcher.gzip} bytes gzipped. It uses no extension API until the page navigates within itself.`,
      }),
    );
  }
  for (const [id, name, html] of [
    ['panel-js-size', 'Panel page JS (panel.html and its chunks)', 'panel.html'],
    ['options-js-size', 'Options page JS (options.html and its chunks)', 'options.html'],
  ]) {
    let files;
    try {
      files = await pageScripts(extensionDir, html);
    } catch {
      continue; // the page is not built yet; the panel always is
    }
    let bytes = 0;
    let gzip = 0;
    for (const file of files) {
      const s = await sizes(join(extensionDir, file));
      bytes += s.bytes;
      gzip += s.gzip;
    }
    results.push(
      measured({ id, name, unit: 'bytes', values: [bytes], notes: `${gzip} bytes gzipped; files: ${files.join(', ')}.`, details: { gzipBytes: gzip, files } }),
    );
  }
  const background = await sizes(join(extensionDir, 'background.js'));
  results.push(
    measured({ id: 'background-js-size', name: 'Background service worker JS', unit: 'bytes', values: [background.bytes], notes: `${background.gzip} bytes gzipped.`, details: { gzipBytes: background.gzip } }),
  );
  return results;
}

/** All .js files of the build, for the record. */
export async function listBuild(extensionDir) {
  const out = [];
  async function walk(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.js')) out.push(full.slice(extensionDir.length + 1));
    }
  }
  await walk(extensionDir);
  return out.sort();
}

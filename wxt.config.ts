import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { matchPatternsFor } from './utils/chrome-patterns';
import { builtinHostPatterns, demoHostsWanted, DEMO_HOST_PATTERNS, onHosts, OPTIONAL_HOST_PATTERNS } from './utils/hosts';

/**
 * Where the built-in adapters' addresses fit, as browser match patterns, within this
 * build's built-in hosts: the detector (entrypoints/content.ts) is listed for these only.
 * Adapters that packs add later are registered at run time (utils/background/detector-scripts.ts);
 * in a store build the demo adapter's addresses (this computer) are left out until the person
 * allows the site (Settings → Sites).
 */
function builtinDetectorMatches(hosts: readonly string[]): string[] {
  const dir = join(import.meta.dirname, 'runbooks/adapters');
  const includes = readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .flatMap((file) => (parse(readFileSync(join(dir, file), 'utf8')) as { match: { include: string[] } }).match.include);
  return matchPatternsFor(includes).filter((pattern) => onHosts(pattern, hosts));
}

let builtinPack: string | undefined;
/**
 * The built-in pack (runbooks/), parsed and validated at build time by the same code as
 * `npm run pack` (under vite-node, which understands the product's imports), as compact JSON.
 * A broken built-in pack fails the build. utils/pack/builtin.ts then only JSON.parses it:
 * parsing the YAML and Markdown and validating them was most of the service worker's
 * cold start (docs/performance.md).
 */
export function builtinPackJson(): string {
  if (builtinPack === undefined) {
    const bin = join(import.meta.dirname, 'node_modules/.bin/vite-node');
    const out = execFileSync(bin, ['scripts/pack.ts', '--', 'runbooks', '-'], { cwd: import.meta.dirname, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    builtinPack = JSON.stringify(JSON.parse(out));
  }
  return builtinPack;
}

/** The built-in pack's file in a build (utils/pack/builtin-file.ts). */
const BUILTIN_PACK_FILE = 'builtin-pack.json';

/** The built-in pack's id and a hash of its JSON: what a cold worker compares with the stored copy (utils/packs/store.ts). */
export function builtinPackStamp(): { id: string; stamp: string } {
  const json = builtinPackJson();
  return { id: (JSON.parse(json) as { id: string }).id, stamp: `sha256:${createHash('sha256').update(json).digest('hex')}` };
}

/** This build's built-in hosts: the store's, plus the demo's in development, demo and test builds. */
const builtInHosts = (command: string): string[] => builtinHostPatterns(demoHostsWanted(command, process.env));

/**
 * zod (with our schemas) goes into its own chunk in the extension pages' build, so the panel's first
 * paint (the runbook list) never waits for it; the views that validate load it on
 * demand. Single-file builds (background, content script) are left alone.
 */
function zodInItsOwnChunk(): Plugin {
  return {
    name: 'trailguide:zod-chunk',
    outputOptions(options) {
      const single = (options as { codeSplitting?: boolean }).codeSplitting === false || options.inlineDynamicImports;
      if (single) return null;
      // Our schemas travel with zod: several lazy chunks share them, and left alone the
      // bundler would hoist them (and so zod) into the panel's entry chunk.
      const validation = (id: string) =>
        id.includes('/node_modules/zod/') || id.includes('/utils/schema/') || /\/utils\/(packs\/)?messages\.ts$/.test(id);
      return { ...options, manualChunks: (id: string) => (validation(id) ? 'validation' : undefined) };
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  // A separate output folder lets several builds (tests, bench) run side by side.
  outDir: process.env.TRAILGUIDE_OUT_DIR || '.output',
  // No dev-server auto-open: `npm start` launches Debian's Chromium itself.
  webExt: { disabled: true },
  // `npm run zip` / `npm run zip:firefox`: the store archives, and for Firefox the sources
  // archive AMO reviewers rebuild from (README, "Publishing"). WXT already leaves out
  // node_modules, dot-folders (.output*, .wxt) and *.test/*.spec files; the rest of the tests,
  // the benchmarks and local run leftovers are not needed to build either.
  zip: {
    excludeSources: ['test/**', 'bench/**', 'test-results/**', 'playwright-report/**', 'tmp/**', '**/*.log'],
  },
  // The demo hosts (127.0.0.1, localhost) only in development, demo and test builds:
  // `TRAILGUIDE_DEMO_HOSTS=1` (npm start, npm test, npm run bench, npm run build:demo) or the
  // dev server. A plain `wxt build` / `wxt zip` is the store build (utils/hosts.ts).
  hooks: {
    // The built-in pack as validated at build time, a file the service worker reads only when it needs the pack.
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.command === 'build') files.push({ relativeDest: BUILTIN_PACK_FILE, contents: builtinPackJson() });
    },
    'build:manifestGenerated': (wxt) => {
      if (demoHostsWanted(wxt.config.command, process.env)) wxt.logger.info(`Demo build: ${DEMO_HOST_PATTERNS.join(', ')} built in.`);
      else wxt.logger.info('Store build: no demo hosts. For the demo console and the end-to-end tests build with TRAILGUIDE_DEMO_HOSTS=1 (npm run build:demo).');
    },
  },
  manifest: ({ browser, manifestVersion, command }) => ({
    name: 'Trailguide',
    description: 'Step-by-step runbooks on top of the audit-log consoles you already use.',
    // alarms: daily pack-subscription checks (utils/background/pack-handlers.ts).
    // activeTab: after a click on the toolbar button, the tab's address, so Trailguide can
    // offer to be allowed on that site (utils/background/core-handlers.ts togglePanelIn).
    // sidePanel (Chromium): the panel in the browser's own side panel, a setting (utils/background/side-panel.ts).
    permissions: ['storage', 'scripting', 'clipboardWrite', 'unlimitedStorage', 'alarms', 'activeTab', ...(browser === 'chrome' ? ['sidePanel'] : [])],
    host_permissions: builtInHosts(command),
    // Self-hosted consoles: asked for one site at a time (utils/background/sites.ts).
    // Firefox's Manifest V2 has no optional_host_permissions; there they are optional permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: [...OPTIONAL_HOST_PATTERNS] }
      : { optional_host_permissions: [...OPTIONAL_HOST_PATTERNS] }),
    // Only the panel page may be framed by pages: on the built-in hosts and on any site the
    // person allows later, which the manifest cannot list. Chrome gives it a new, unguessable
    // address each session (use_dynamic_url), so no page can probe for it (docs/security.md).
    web_accessible_resources: [
      {
        resources: ['panel.html'],
        matches: [...OPTIONAL_HOST_PATTERNS],
        ...(browser === 'chrome' ? { use_dynamic_url: true } : {}),
      },
    ],
    // The toolbar button shows or hides the panel like Alt+Shift+Y; on a page no adapter
    // knows it opens the panel to teach Trailguide the page (utils/background/core-handlers.ts).
    action: { default_title: 'Trailguide: show or hide the panel (Alt+Shift+Y)' },
    // The same panel page in the browser's side panel, per tab (enabled only where the person opens it).
    ...(browser === 'chrome' ? { side_panel: { default_path: 'panel.html' } } : {}),
    // Firefox: its sidebar, a setting too. Closed at install: the panel docked in the page stays
    // the default. Its default page sends it to the active tab's panel (entrypoints/sidebar/).
    ...(browser === 'firefox'
      ? { sidebar_action: { default_title: 'Trailguide', default_panel: 'sidebar.html', open_at_install: false } }
      : {}),
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: 'Show or hide the Trailguide panel',
      },
    },
    storage: { managed_schema: 'managed-schema.json' },
    // Two content scripts, both in the top frame at document_start (docs/performance.md):
    // the detector only where a built-in adapter's address fits, and on the rest of the
    // built-in hosts a navigation watcher that touches no extension API until the page
    // moves within itself (so pages no adapter knows pay next to nothing).
    // A page gets one or the other, never both.
    content_scripts: [
      {
        matches: builtinDetectorMatches(builtInHosts(command)),
        js: ['content-scripts/content.js'],
        run_at: 'document_start',
      },
      {
        matches: builtInHosts(command),
        exclude_matches: builtinDetectorMatches(builtInHosts(command)),
        js: ['navwatch.js'],
        run_at: 'document_start',
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'trailguide@example.org',
              strict_min_version: '128.0',
              // Nothing leaves the machine (DESIGN.md §3.7): say so to Firefox users too.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: ({ command }) => ({
    build: { target: 'es2022' },
    // utils/hosts.ts reads it: whether this build's built-in hosts include the demo's.
    define: {
      __TRAILGUIDE_DEMO_HOSTS__: JSON.stringify(demoHostsWanted(command, process.env)),
      // The dev server parses the runbooks' files at run time instead, so edits to them show.
      ...(command === 'build'
        ? {
            __TRAILGUIDE_BUILTIN_PACK__: JSON.stringify(builtinPackJson()),
            __TRAILGUIDE_BUILTIN_PACK_STAMP__: JSON.stringify(builtinPackStamp()),
            // The service worker reads the pack from this file (the build:publicAssets hook writes it), not from its own script (utils/pack/builtin-file.ts).
            __TRAILGUIDE_BUILTIN_PACK_FILE__: JSON.stringify(BUILTIN_PACK_FILE),
          }
        : {}),
    },
    plugins: [zodInItsOwnChunk()],
  }),
});

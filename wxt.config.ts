import { defineConfig } from 'wxt';
import { BUILTIN_HOST_PATTERNS, OPTIONAL_HOST_PATTERNS } from './utils/hosts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  // A separate output folder lets several builds (tests, bench) run side by side.
  outDir: process.env.TRAILGUIDE_OUT_DIR || '.output',
  // No dev-server auto-open: `npm start` launches Debian's Chromium itself.
  webExt: { disabled: true },
  manifest: ({ browser }) => ({
    name: 'Trailguide',
    description: 'Step-by-step runbooks on top of the audit-log consoles you already use.',
    // alarms: daily pack-subscription checks (utils/background/pack-handlers.ts).
    permissions: ['storage', 'scripting', 'clipboardWrite', 'unlimitedStorage', 'alarms'],
    host_permissions: [...BUILTIN_HOST_PATTERNS],
    optional_host_permissions: [...OPTIONAL_HOST_PATTERNS],
    // Only the panel page may be framed by pages, and only on the hosts we run on.
    web_accessible_resources: [
      {
        resources: ['panel.html'],
        matches: [...BUILTIN_HOST_PATTERNS],
        ...(browser === 'chrome' ? { use_dynamic_url: true } : {}),
      },
    ],
    // The toolbar button shows or hides the panel like Alt+Shift+Y; on a page no adapter
    // knows it opens the panel to teach Trailguide the page (utils/background/core-handlers.ts).
    action: { default_title: 'Trailguide: show or hide the panel (Alt+Shift+Y)' },
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: 'Show or hide the Trailguide panel',
      },
    },
    storage: { managed_schema: 'managed-schema.json' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'trailguide@example.org', strict_min_version: '128.0' } } }
      : {}),
  }),
  vite: () => ({
    build: { target: 'es2022' },
  }),
});

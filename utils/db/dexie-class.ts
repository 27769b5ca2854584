import Dexie from 'dexie';

/**
 * Dexie itself, asked for when the database is first made (utils/db/database.ts). In a build,
 * wxt.config.ts (lazyDexie) turns this module into a `require` that the bundler keeps lazy, so
 * Dexie's module body (≈ 100 KB of minified code, the largest part of the worker script's
 * evaluation) runs only when the worker first needs the database — not on a wake that the kept
 * `panel:init` reply answers (utils/background/panel-init-cache.ts). Here (tests, dev server)
 * it is the plain import.
 */
export function loadDexie(): typeof Dexie {
  return Dexie;
}

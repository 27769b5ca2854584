import { browser } from 'wxt/browser';
import type { Pack } from '../schema/pack';
import { loadBuiltinPack } from './builtin';

/**
 * In a build, the built-in pack (parsed and validated at build time, wxt.config.ts) is a file of
 * the extension, not a string inside the service worker's script: ≈ 200 KB that every cold start
 * had to load and compile, and that stayed in memory as part of the script, although a wake reads
 * the pack only when the stored copy is another build's (the stamp, utils/packs/store.ts) or the
 * database fails (docs/performance.md, worker cold start). Unit tests and the dev server have no
 * such file: they parse runbooks/ (loadBuiltinPack).
 */
declare const __TRAILGUIDE_BUILTIN_PACK_FILE__: string | undefined;

/** How the file's text is read: `fetch` of the extension's own file in a build (a parameter for tests). */
export type ReadText = (path: string) => Promise<string>;

async function fetchOwnFile(path: string): Promise<string> {
  const url = (browser.runtime.getURL as (path: string) => string)(`/${path}`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The built-in pack could not be read (${response.status}).`);
  return response.text();
}

let cached: Pack | undefined;
let loading: Promise<Pack> | undefined;

/**
 * The built-in pack: the same pack as `loadBuiltinPack()`. In a build it is read from its file
 * once per worker life and kept (the branch that parses runbooks/ is left out of the build).
 */
export function builtinPack(): Promise<Pack> {
  if (typeof __TRAILGUIDE_BUILTIN_PACK_FILE__ !== 'string') return Promise.resolve(loadBuiltinPack());
  return readBuiltinPackFile(__TRAILGUIDE_BUILTIN_PACK_FILE__);
}

/**
 * Reads the pack's file once and keeps it. Concurrent callers share one read; a failed read is
 * not kept, so the next call tries again. `readText` is for tests.
 */
export function readBuiltinPackFile(file: string, readText: ReadText = fetchOwnFile): Promise<Pack> {
  if (cached) return Promise.resolve(cached);
  loading ??= readText(file).then(
    (text) => {
      cached = JSON.parse(text) as Pack;
      loading = undefined;
      return cached;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** For tests: back to a worker that has not read the pack yet. */
export function forgetBuiltinPack(): void {
  cached = undefined;
  loading = undefined;
}

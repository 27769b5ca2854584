import type { Pack } from '../schema/pack';
import { packFromFiles } from './folder';
import { parsePackData } from './parse';

/** The built-in pack is the folder under runbooks/, bundled as text at build time. */
const sources = import.meta.glob<string>(['../../runbooks/**/*.md', '../../runbooks/**/*.yaml'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

export function builtinPackFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(sources)) {
    files[path.replace(/^.*?runbooks\//, '')] = text;
  }
  return files;
}

let cached: Pack | undefined;

/**
 * The same pack as built (wxt.config.ts): parsed and validated at build time, as JSON. Absent
 * where no WXT build bundled the code (unit tests) and in the dev server, which parse the files.
 */
declare const __TRAILGUIDE_BUILTIN_PACK__: string | undefined;

/**
 * What identifies this build's built-in pack without reading it: its id and a hash of its JSON,
 * computed at build time (wxt.config.ts). A cold service worker compares the stamp with the stored
 * copy's (utils/packs/store.ts) instead of parsing the ≈ 200 KB pack and writing it out again as
 * text to compare (docs/performance.md, worker cold start). Unit tests and the dev server, which
 * have no build stamp, derive one from the pack's JSON.
 */
declare const __TRAILGUIDE_BUILTIN_PACK_STAMP__: { id: string; stamp: string } | undefined;

export function builtinPackStamp(): { id: string; stamp: string } {
  if (typeof __TRAILGUIDE_BUILTIN_PACK_STAMP__ === 'object') return __TRAILGUIDE_BUILTIN_PACK_STAMP__;
  const pack = loadBuiltinPack();
  return { id: pack.id, stamp: `text:${textHash(JSON.stringify(pack))}` };
}

/** FNV-1a over the UTF-16 code units, with the length: enough to tell two versions of one pack apart. */
function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${text.length.toString(36)}-${hash.toString(36)}`;
}

/** Parsed and validated exactly like a pack a user imports; a broken built-in pack fails loudly (at build time in a build). */
export function loadBuiltinPack(): Pack {
  if (cached) return cached;
  if (typeof __TRAILGUIDE_BUILTIN_PACK__ === 'string') {
    // Pages that need the pack get it parsed: JSON.parse takes a few ms, the YAML, Markdown and zod hundreds.
    // The service worker reads it from its own file instead (builtin-file.ts), so its script stays small.
    cached = JSON.parse(__TRAILGUIDE_BUILTIN_PACK__) as Pack;
    return cached;
  }
  const result = parsePackData(packFromFiles(builtinPackFiles()));
  if (!result.ok) {
    throw new Error(`The built-in pack is invalid: ${result.problem.field ?? ''} ${result.problem.message}`);
  }
  cached = result.pack;
  return cached;
}

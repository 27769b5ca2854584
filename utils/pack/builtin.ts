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

/** Parsed and validated exactly like a pack a user imports; a broken built-in pack fails loudly (at build time in a build). */
export function loadBuiltinPack(): Pack {
  if (cached) return cached;
  if (typeof __TRAILGUIDE_BUILTIN_PACK__ === 'string') {
    // A cold service worker asks for this first: JSON.parse takes a few ms, the YAML, Markdown and zod hundreds.
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

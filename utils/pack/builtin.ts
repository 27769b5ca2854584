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

/** Parsed and validated exactly like a pack a user imports; a broken built-in pack fails loudly. */
export function loadBuiltinPack(): Pack {
  if (cached) return cached;
  const result = parsePackData(packFromFiles(builtinPackFiles()));
  if (!result.ok) {
    throw new Error(`The built-in pack is invalid: ${result.problem.field ?? ''} ${result.problem.message}`);
  }
  cached = result.pack;
  return cached;
}

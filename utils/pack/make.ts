import type { Adapter } from '../schema/adapter';
import type { Pack } from '../schema/pack';
import { buildPackFromFiles } from './build';
import { joinShownPath, packNoteSentence, packNotBuiltSentence } from './files';

/**
 * The options page's "Make a pack from a folder": the files a folder or zip gave
 * (utils/pack/files.ts, utils/pack/zip.ts), plus adapters taught with the builder,
 * built by the same code and worded in the same sentences as `npm run pack`.
 */
export type MadePack =
  | { ok: true; pack: Pack; text: string; fileName: string; notes: string[] }
  | { ok: false; problem: string };

/** Where a taught adapter sits among the folder's files: beside the folder's own adapters, marked as taught. */
export function taughtAdapterKey(adapter: Pick<Adapter, 'id'>): string {
  return `adapters/${adapter.id}.taught.yaml`;
}

export function makePackFromFiles(folder: string, files: Record<string, string>, taught: readonly Adapter[] = []): MadePack {
  const all: Record<string, string> = { ...files };
  // JSON is YAML: the adapter goes in exactly as the builder saved it.
  for (const adapter of taught) all[taughtAdapterKey(adapter)] = `${JSON.stringify(adapter, null, 2)}\n`;
  const result = buildPackFromFiles(all);
  if (!result.ok) return { ok: false, problem: packNotBuiltSentence({ ...result, file: joinShownPath(folder, result.file) }) };
  return {
    ok: true,
    pack: result.pack,
    text: result.text,
    // The name `npm run pack` gives the file when no name is given.
    fileName: `${result.pack.id}-${result.pack.version}.json`,
    notes: (result.warnings ?? []).map((w) => packNoteSentence({ ...w, file: joinShownPath(folder, w.file) })),
  };
}

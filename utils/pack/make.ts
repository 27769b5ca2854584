import type { Adapter } from '../schema/adapter';
import type { Pack } from '../schema/pack';
import { buildPackFromFiles } from './build';
import { parseYamlSafely } from './parse';
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

/** A taught adapter whose id a folder adapter already has: said in words, rather than as "two adapters share an id". */
function taughtClash(files: Record<string, string>, taught: readonly Adapter[]): { file: string; adapter: Adapter } | null {
  for (const [file, text] of Object.entries(files)) {
    if (!file.startsWith('adapters/')) continue;
    let id: unknown;
    try {
      id = (parseYamlSafely(text) as { id?: unknown } | null)?.id;
    } catch {
      continue; // the build names a file that isn't YAML
    }
    const adapter = taught.find((a) => a.id === id);
    if (adapter) return { file, adapter };
  }
  return null;
}

export function makePackFromFiles(folder: string, files: Record<string, string>, taught: readonly Adapter[] = []): MadePack {
  const clash = taughtClash(files, taught);
  if (clash) return { ok: false, problem: `The pack was not built. ${joinShownPath(folder, clash.file)} already has an adapter with the id "${clash.adapter.id}", and so does the page you taught as “${clash.adapter.name}”. Leave that page out of the pack, or change one of the two ids.` };
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

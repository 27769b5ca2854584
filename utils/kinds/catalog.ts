import { parse as parseYaml } from 'yaml';
import { kindsFile, type EventKind } from '../schema/kinds';

/**
 * The shared list of event kinds: runbooks/kinds.yaml, bundled as text at build time
 * (the same file the built-in pack carries as its `kinds`). Pack validation checks every
 * kind a runbook or adapter names against it (and the pack's own additions).
 */
const sources = import.meta.glob<string>('../../runbooks/kinds.yaml', { query: '?raw', import: 'default', eager: true });

let cached: EventKind[] | undefined;

/** A broken kinds file fails loudly, like a broken built-in pack. */
export function builtinKinds(): EventKind[] {
  if (cached) return cached;
  const text = Object.values(sources)[0];
  if (text === undefined) throw new Error('runbooks/kinds.yaml is missing from the build.');
  const result = kindsFile.safeParse(parseYaml(text, { maxAliasCount: 100, uniqueKeys: true }));
  if (!result.success) throw new Error(`runbooks/kinds.yaml is invalid: ${result.error.issues[0]?.path.join('.')} ${result.error.issues[0]?.message}`);
  cached = result.data.kinds;
  return cached;
}

import type { EventKind } from '../schema/kinds';
import type { Pack } from '../schema/pack';

/**
 * Every kind the packs in force know (the built-in pack carries the shared list), the first
 * definition of an id winning. Pack validation refuses a pack that redefines a shared kind,
 * so the order of packs can't change a kind's name or meaning.
 */
export function kindsOfPacks(packs: readonly Pick<Pack, 'kinds'>[]): EventKind[] {
  const seen = new Map<string, EventKind>();
  for (const pack of packs) for (const kind of pack.kinds ?? []) if (!seen.has(kind.id)) seen.set(kind.id, kind);
  return [...seen.values()];
}

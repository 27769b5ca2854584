import type { Adapter } from '../schema/adapter';
import type { EventKind } from '../schema/kinds';
import type { Runbook } from '../schema/runbook';
import { kindName, kindsIn } from './resolve';

/**
 * How well a runbook fits this tool, by the kinds of event its search steps ask for:
 * `full` (the tool records every one, or the runbook names no kinds), `partly` (some, or
 * kinds whose codes on this tool nobody has written down yet — a taught or self-hosted
 * adapter), `none` (the adapter says, with a reason, that the tool records none of them).
 * Only what the adapter states as unsupported folds a runbook away: "we don't know yet" is
 * not "this tool can't". The panel lists full first, then "Works partly here", and folds
 * "Doesn't work on this tool" away at the end.
 */
export interface KindFit {
  fit: 'full' | 'partly' | 'none';
  /** Kinds the runbook asks for that this tool records. */
  supported: string[];
  /** Kinds it asks for that this tool can't search for, by name, with the adapter's reason when it gave one. */
  missing: { kind: string; name: string; reason?: string }[];
}

export function kindFit(runbook: Pick<Runbook, 'steps'>, adapter: Pick<Adapter, 'kinds' | 'unsupported'> | null | undefined, kinds: readonly EventKind[]): KindFit {
  const asked = new Set<string>();
  for (const step of runbook.steps) {
    const action = step.action;
    if (action?.type === 'fill' || action?.type === 'navigate') for (const id of kindsIn(action.filters)) asked.add(id);
  }
  if (!adapter || asked.size === 0) return { fit: 'full', supported: [...asked], missing: [] };
  const supported = [...asked].filter((id) => Object.hasOwn(adapter.kinds, id));
  const missing = [...asked]
    .filter((id) => !Object.hasOwn(adapter.kinds, id))
    .map((id) => {
      const reason = adapter.unsupported[id];
      return { kind: id, name: kindName(id, kinds), ...(reason !== undefined ? { reason } : {}) };
    });
  const allStated = missing.every((m) => m.reason !== undefined);
  return { fit: missing.length === 0 ? 'full' : supported.length === 0 && allStated ? 'none' : 'partly', supported, missing };
}

const ORDER: Record<KindFit['fit'], number> = { full: 0, partly: 1, none: 2 };

/** The list in fit order, keeping the order it came in within each group (search relevance, "made for this log"). */
export function rankByKindFit<T extends { runbook: Pick<Runbook, 'steps'> }>(
  ranked: readonly T[],
  adapter: Pick<Adapter, 'kinds' | 'unsupported'> | null | undefined,
  kinds: readonly EventKind[],
): (T & { kindFit: KindFit })[] {
  return ranked
    .map((item, index) => ({ ...item, kindFit: kindFit(item.runbook, adapter, kinds), index }))
    .sort((a, b) => ORDER[a.kindFit.fit] - ORDER[b.kindFit.fit] || a.index - b.index)
    .map(({ index: _index, ...item }) => item as T & { kindFit: KindFit });
}

import { kindOfValue } from '../kinds/kind-prefix';
import type { EventKind } from '../schema/kinds';
import type { Pack } from '../schema/pack';
import type { PackProblem } from './errors';

/**
 * Every event kind a runbook or adapter names must be one Trailguide knows (the shared
 * list in runbooks/kinds.yaml, or one this pack adds); a pack may not redefine a shared
 * kind; an adapter's kind conditions (`where`) must name its own filters or result columns.
 */
export function findKindProblem(pack: Pack, shared: readonly EventKind[]): PackProblem | undefined {
  const sharedById = new Map(shared.map((k) => [k.id, k]));
  const known = new Set(sharedById.keys());
  const added = new Set<string>();
  for (const [index, kind] of (pack.kinds ?? []).entries()) {
    const builtin = sharedById.get(kind.id);
    if (builtin && JSON.stringify(builtin) !== JSON.stringify(kind)) {
      return { field: `kinds[${index}].id`, message: `"${kind.id}" is one of Trailguide's shared event kinds; give your kind another id, or leave it out and use the shared one.` };
    }
    if (added.has(kind.id)) return { field: `kinds[${index}].id`, message: `Two kinds in this pack share the id "${kind.id}".` };
    added.add(kind.id);
    known.add(kind.id);
  }
  const unknownKind = (id: string) =>
    `names the event kind "${id}", which Trailguide doesn't know. Check the spelling against the shared list (docs/packs.md, "Event kinds"), or add the kind to the pack's kinds.yaml.`;
  for (const [r, runbook] of pack.runbooks.entries()) {
    for (const [s, step] of runbook.steps.entries()) {
      const action = step.action;
      if (action?.type !== 'fill' && action?.type !== 'navigate') continue;
      for (const [field, value] of Object.entries(action.filters)) {
        const id = kindOfValue(value);
        if (id === undefined || known.has(id)) continue;
        return { field: `runbooks[${r}].steps[${s}].action.filters.${field}`, message: `Runbook "${runbook.id}", step ${s + 1} ("${step.title}") ${unknownKind(id)}` };
      }
    }
  }
  for (const [a, adapter] of pack.adapters.entries()) {
    for (const [key, ids] of [
      ['kinds', Object.keys(adapter.kinds)],
      ['unsupported', Object.keys(adapter.unsupported)],
    ] as const) {
      const id = ids.find((k) => !known.has(k));
      if (id !== undefined) return { field: `adapters[${a}].${key}.${id}`, message: `Adapter "${adapter.id}" ${unknownKind(id)}` };
    }
    const both = Object.keys(adapter.kinds).find((id) => Object.hasOwn(adapter.unsupported, id));
    if (both !== undefined) {
      return { field: `adapters[${a}].unsupported.${both}`, message: `Adapter "${adapter.id}" lists the event kind "${both}" both under kinds and under unsupported; keep only one.` };
    }
    const columns = new Set([...Object.keys(adapter.fields), ...Object.keys(adapter.results?.columns ?? {})]);
    for (const [id, mapping] of Object.entries(adapter.kinds)) {
      if (typeof mapping === 'string') continue;
      const key = Object.keys(mapping.where ?? {}).find((k) => !columns.has(k));
      if (key !== undefined) {
        return {
          field: `adapters[${a}].kinds.${id}.where.${key}`,
          message: `Adapter "${adapter.id}": the event kind "${id}" depends on "${key}", which is neither one of this adapter's filters nor one of its result columns. Add it to fields or results.columns, or correct the name.`,
        };
      }
    }
  }
  return undefined;
}

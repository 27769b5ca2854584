import type { AppliedFilter, AppliedSearch } from '../../utils/db/records';
import { resolveKinds, type KindResolution } from '../../utils/kinds/resolve';
import type { Adapter } from '../../utils/schema/adapter';
import type { FilterValues } from '../../utils/schema/common';
import type { EventKind } from '../../utils/schema/kinds';

/**
 * What a search step's event kinds mean on this tool, for the panel: said before the step
 * runs, turned into "not set" lines after it runs (so the step is never "Done" when a kind
 * was refused or the search is broader or narrower than asked), and recorded in the
 * capture's applied filters so the escalation says it too.
 */

/** The kinds of a step's filters on this tool; kind values are literal in a runbook, so no inputs are needed. */
export function kindPlan(filters: FilterValues, adapter: Adapter, kinds: readonly EventKind[], choose?: Record<string, string>): KindResolution {
  return resolveKinds(filters, adapter, kinds, choose ? { choose } : {});
}

/** One line per refused kind or partial search, in the shape describeFill takes as problems. */
export function kindProblems(resolution: KindResolution): { field: string; message: string }[] {
  return [
    ...resolution.refusals.map((r) => ({ field: r.field, message: r.message })),
    // Conditions the tool can't filter on (the search is broader); a narrower search is a note (narrowedNotes).
    ...resolution.notes.filter((n) => n.partial && n.value !== undefined).map((n) => ({ field: n.field, message: n.message })),
  ];
}

/** How a requested kind is written in a capture's requested filters: its name, never a code from another tool. */
export function requestedKindText(name: string): string {
  return `${name} (kind of event)`;
}

/**
 * The filters a capture records as asked for: the tool's codes for translated kinds, for a
 * refused kind its name (never a code from another tool), and a search narrower than the
 * kind says so beside its code — so the escalation tells what was wanted and what was searched.
 */
export function requestedFilters(searched: FilterValues, resolution: KindResolution | null): FilterValues {
  if (!resolution) return searched;
  const out = { ...searched };
  for (const refusal of resolution.refusals) out[refusal.field] = requestedKindText(refusal.name);
  for (const note of resolution.notes) {
    if (note.partial && note.value === undefined && out[note.field] !== undefined) out[note.field] = `${out[note.field]} — ${note.message}`;
  }
  return out;
}

/** The console's read-back, plus every refused kind and every condition the tool couldn't filter on, marked not applied with the reason. */
export function appliedWithKinds(applied: AppliedSearch | null, resolution: KindResolution | null): AppliedSearch | null {
  if (!applied || !resolution) return applied;
  const extra: AppliedFilter[] = [
    ...resolution.refusals.map((r) => ({ name: r.field, intended: requestedKindText(r.name), shown: null, status: 'not-applied' as const, reason: r.message })),
    ...resolution.notes
      .filter((n) => n.partial && n.value !== undefined)
      .map((n) => ({ name: n.field, intended: n.value!, shown: null, status: 'not-applied' as const, reason: n.message })),
  ];
  return extra.length === 0 ? applied : { ...applied, filters: [...applied.filters, ...extra] };
}

/** Searches narrower than the kind (one code of several), said beside the result; they keep a step from "Done". */
export function narrowedNotes(resolution: KindResolution): string[] {
  return resolution.notes.filter((n) => n.partial && n.value === undefined).map((n) => n.message);
}

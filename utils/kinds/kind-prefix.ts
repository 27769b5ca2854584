/**
 * How a runbook names an event kind in a filter value (`kind:sign-in-failed`). Kept apart
 * from the zod schemas in utils/schema/kinds.ts (which re-exports it): the panel's runbook
 * list reads kind names at first paint and must not load zod to do so (docs/performance.md).
 */
export const KIND_PREFIX = 'kind:';

/** The kind id a filter value names ("kind:sign-in-failed" → "sign-in-failed"), or undefined for a tool's own code. */
export function kindOfValue(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed.toLowerCase().startsWith(KIND_PREFIX) ? trimmed.slice(KIND_PREFIX.length).trim() : undefined;
}

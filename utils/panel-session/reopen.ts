/**
 * Which runbook to reopen when the panel is rebuilt in a tab: the stored one, if the
 * page is recognised by the same adapter and the runbook is still installed. Kept apart
 * from ./store.ts (which loads zod) because the panel asks before its first paint
 * (components/panel/PanelApp.tsx), so it checks the shape by hand; the runbook view
 * validates the whole state when it opens.
 */
export function runbookToReopen(raw: unknown, adapterId: string | null, installed: ReadonlySet<string>): string | null {
  if (!raw || typeof raw !== 'object' || adapterId === null) return null;
  const { runbookId, adapterId: storedAdapter, v } = raw as { runbookId?: unknown; adapterId?: unknown; v?: unknown };
  if (v !== 1 || typeof runbookId !== 'string' || storedAdapter !== adapterId) return null;
  return installed.has(runbookId) ? runbookId : null;
}

import { signal } from '@preact/signals';
import { sessionArea } from '../panel/session-area';
import { openBuilder } from './builder-open';

/**
 * "Check on a fresh page" reloads the tab, and the panel docked in the page reloads with
 * it. What the builder held (the draft, and what each taught element's ways found before)
 * is kept meanwhile in the browser's session storage — extension pages only, never the
 * page's storage — under this tab's key. The panel's start (PanelApp) calls
 * `resumeRecheck`: a check under way opens the builder again, and the builder
 * (./recheck-state.ts) finishes it. Kept small: the panel's first paint loads it.
 */
export interface StoredRecheck {
  /** The builder's draft, as builder-state holds it (picks, name, meanings). */
  draft: {
    picks: Record<string, unknown>;
    adapterName: string;
    meanings: Record<string, unknown>;
    /** Rows that are sentences: the rows read and the words selected (./sentence-state.ts), the pattern derived from them again. */
    sentence?: { rows: unknown; teachings: unknown[] };
  };
  /** What every way of finding each element found before the reload (utils/builder/recheck.ts). */
  before: unknown;
  elements: unknown;
  /** When the reload was asked for: a check older than a few minutes is not resumed. */
  at: number;
}

const MAX_AGE_MS = 5 * 60_000;
export const recheckKey = (tabId: number): string => `builder-recheck:${tabId}`;

/** The check the builder should finish once its code has loaded (consumed by ./recheck-state.ts). */
export const pendingRecheck = signal<StoredRecheck | null>(null);

export async function storeRecheck(tabId: number, stored: StoredRecheck): Promise<boolean> {
  const area = sessionArea();
  if (!area) return false;
  try {
    await area.set({ [recheckKey(tabId)]: stored });
    return true;
  } catch {
    return false;
  }
}

/** Takes a check under way for this tab out of storage (once: a second reload doesn't run it again) and opens the builder for it. */
export async function resumeRecheck(tabId: number | null): Promise<void> {
  const area = sessionArea();
  if (tabId === null || !area) return;
  const key = recheckKey(tabId);
  let stored: StoredRecheck | undefined;
  try {
    stored = (await area.get(key))[key] as StoredRecheck | undefined;
    if (stored) await area.remove(key);
  } catch {
    return;
  }
  if (!stored || typeof stored !== 'object' || typeof stored.at !== 'number' || Date.now() - stored.at > MAX_AGE_MS) return;
  pendingRecheck.value = stored;
  openBuilder();
}

import { browser } from 'wxt/browser';
import { panelCaseKey } from '../../utils/storage-keys';

/**
 * Which case this tab's panel adds to for one runbook, kept in the browser's
 * session storage (extension pages only, never the page's storage) so a reload —
 * or a console that reloads on every search — resumes the same case.
 * `undefined`: nothing remembered; `null`: the agent started afresh.
 */
export async function readCasePointer(tabId: number | null, runbookId: string): Promise<string | null | undefined> {
  const area = browser.storage.session;
  if (tabId === null || !area) return undefined;
  try {
    const key = panelCaseKey(tabId, runbookId);
    const stored = (await area.get(key))[key] as { caseId?: unknown } | undefined;
    if (!stored || typeof stored !== 'object') return undefined;
    return typeof stored.caseId === 'string' ? stored.caseId : stored.caseId === null ? null : undefined;
  } catch {
    return undefined;
  }
}

export async function writeCasePointer(tabId: number | null, runbookId: string, caseId: string | null): Promise<void> {
  const area = browser.storage.session;
  if (tabId === null || !area) return;
  try {
    await area.set({ [panelCaseKey(tabId, runbookId)]: { caseId } });
  } catch {
    /* remembering is a convenience: without it a reload resumes the newest open case */
  }
}

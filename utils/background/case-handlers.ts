import { addCapture } from '../cases/captures';
import { createCase, deleteCase, getCaseDetail, listCases, purgeDeletedCases, restoreCase, updateCase, UNDO_WINDOW_MS } from '../cases/cases';
import { saveEscalation, setEscalationStatus } from '../cases/escalations';
import { casesHistory } from '../cases/history';
import {
  captureAdd,
  caseCreate,
  caseDelete,
  caseGet,
  caseList,
  caseRestore,
  caseUpdate,
  escalationSave,
  escalationSetStatus,
  historyExport,
  historyList,
  retentionApply,
  retentionPreview,
  settingsGet,
  settingsSet,
} from '../cases/messages';
import { applyRetention, previewRetention } from '../cases/retention';
import { getSettings, setSettings } from '../cases/settings';
import { MissingRecordError } from '../db/errors';
import { requestPersistentStorage } from '../db/persist';
import { exportCase } from '../escalation/export';
import { registerHandler } from './router';
import { afterFirstAnswer } from './startup';

/**
 * Housekeeping when the service worker starts: purge deleted cases whose Undo
 * window closed and apply the retention setting. Failures are not fatal — the
 * next start tries again.
 */
export async function runCaseHousekeeping(now = Date.now()): Promise<void> {
  try {
    await purgeDeletedCases(now - UNDO_WINDOW_MS);
    const { retentionDays } = await getSettings();
    if (retentionDays !== null) await applyRetention(retentionDays, now);
  } catch {
    // Storage may be unavailable for a moment (browser starting); nothing is lost.
  }
}

/** Registers every case, capture, escalation, history and settings message (extension pages only). */
export function registerCaseHandlers(): void {
  // Absent in service workers (window-only API); extension pages ask too.
  void requestPersistentStorage();
  // After the first answer (startup.ts): it reads every case, which no first answer needs.
  afterFirstAnswer(() => runCaseHousekeeping());

  registerHandler('case:create', caseCreate, 'extension-page', (m) => createCase(m.case));
  registerHandler('case:update', caseUpdate, 'extension-page', (m) => updateCase(m.id, m.patch));
  registerHandler('case:get', caseGet, 'extension-page', async (m) => (await getCaseDetail(m.id)) ?? null);
  registerHandler('case:list', caseList, 'extension-page', (m) => listCases(m.filter));
  registerHandler('case:delete', caseDelete, 'extension-page', (m) => deleteCase(m.id));
  registerHandler('case:restore', caseRestore, 'extension-page', (m) => restoreCase(m.id));
  registerHandler('capture:add', captureAdd, 'extension-page', (m) => addCapture(m.caseId, m.capture));
  registerHandler('escalation:save', escalationSave, 'extension-page', (m) => saveEscalation(m.escalation));
  registerHandler('escalation:status', escalationSetStatus, 'extension-page', (m) => setEscalationStatus(m.id, m.status, m.target));
  registerHandler('history:list', historyList, 'extension-page', (m) => casesHistory(m.filter));
  registerHandler('history:export', historyExport, 'extension-page', async (m) => {
    const detail = await getCaseDetail(m.caseId);
    if (!detail) throw new MissingRecordError('This case no longer exists, so there is nothing to export.');
    return exportCase(detail.case, detail.captures, m.format);
  });
  registerHandler('retention:preview', retentionPreview, 'extension-page', (m) => previewRetention(m.days));
  registerHandler('retention:apply', retentionApply, 'extension-page', (m) => applyRetention(m.days));
  registerHandler('settings:get', settingsGet, 'extension-page', () => getSettings());
  registerHandler('settings:set', settingsSet, 'extension-page', (m) => setSettings(m.patch));
}

import { ask, BACKGROUND_UNREACHABLE } from '../runtime-client';
import type { CaptureSummary, CaseRecord, EscalationRecord, EscalationStatus } from '../db/records';
import { requestPersistentStorage } from '../db/persist';
import type { AuditExport } from '../escalation/export';
import type { CaseDetail, DeletedCase } from './cases';
import type { HistoryEntry } from './history';
import type { CaseListFilter, CasePatch, EscalationInput, NewCaptureInput, NewCaseInput } from './inputs';
import type { CaseMessage } from './messages';
import type { RetentionPreview, RetentionResult } from './retention';
import type { CaseSettings, CaseSettingsPatch } from './settings';

/**
 * The typed way for extension pages (panel, options) to reach the case store in
 * the background. Every function throws an Error whose message is plain
 * language, ready to show in a [role=alert].
 */
export { BACKGROUND_UNREACHABLE };

const send = <T>(message: CaseMessage): Promise<T> => ask<T>(message);

export function createCase(input: NewCaseInput): Promise<CaseRecord> {
  // Pages (unlike the service worker) can ask for persistent storage; once is enough.
  void requestPersistentStorage();
  return send({ type: 'case:create', case: input });
}
export const updateCase = (id: string, patch: CasePatch) => send<CaseRecord>({ type: 'case:update', id, patch });
export const getCase = (id: string) => send<CaseDetail | null>({ type: 'case:get', id });
export const listCases = (filter: CaseListFilter = {}) => send<CaseRecord[]>({ type: 'case:list', filter });
export const deleteCase = (id: string) => send<DeletedCase>({ type: 'case:delete', id });
export const restoreCase = (id: string) => send<CaseRecord>({ type: 'case:restore', id });
export const addCapture = (caseId: string, capture: NewCaptureInput) => send<CaptureSummary>({ type: 'capture:add', caseId, capture });
export const saveEscalation = (escalation: EscalationInput) => send<EscalationRecord>({ type: 'escalation:save', escalation });
export const setEscalationStatus = (id: string, status: EscalationStatus, target: string | null = null) =>
  send<EscalationRecord>({ type: 'escalation:status', id, status, target });
export const listHistory = (filter: CaseListFilter = {}) => send<HistoryEntry[]>({ type: 'history:list', filter });
export const exportCase = (caseId: string, format: 'csv' | 'json') => send<AuditExport>({ type: 'history:export', caseId, format });
export const previewRetention = (days: number) => send<RetentionPreview>({ type: 'retention:preview', days });
export const applyRetention = (days: number) => send<RetentionResult>({ type: 'retention:apply', days });
export const getSettings = () => send<CaseSettings>({ type: 'settings:get' });
export const setSettings = (patch: CaseSettingsPatch) => send<CaseSettings>({ type: 'settings:set', patch });

import { z } from 'zod';
import { caseListFilter, casePatch, escalationInput, newCaptureInput, newCaseInput } from './inputs';
import { caseSettingsPatch } from './settings';
import { escalationStatus, recordId } from '../db/records';
import { lazySchema } from '../schema/lazy';

/**
 * Messages for cases, captures, escalations, history and settings. Only
 * extension pages (panel, options) may send them (DESIGN.md §3.5).
 */
export const caseCreate = lazySchema(() => z.strictObject({ type: z.literal('case:create'), case: newCaseInput }));
export const caseUpdate = lazySchema(() => z.strictObject({ type: z.literal('case:update'), id: recordId, patch: casePatch }));
export const caseGet = lazySchema(() => z.strictObject({ type: z.literal('case:get'), id: recordId }));
export const caseList = lazySchema(() => z.strictObject({ type: z.literal('case:list'), filter: caseListFilter.default({}) }));
export const caseDelete = lazySchema(() => z.strictObject({ type: z.literal('case:delete'), id: recordId }));
export const caseRestore = lazySchema(() => z.strictObject({ type: z.literal('case:restore'), id: recordId }));
export const captureAdd = lazySchema(() => z.strictObject({ type: z.literal('capture:add'), caseId: recordId, capture: newCaptureInput }));
export const escalationSave = lazySchema(() => z.strictObject({ type: z.literal('escalation:save'), escalation: escalationInput }));
export const escalationSetStatus = lazySchema(() => z.strictObject({
  type: z.literal('escalation:status'),
  id: recordId,
  status: escalationStatus,
  target: z.string().max(40).nullable().default(null),
}));
export const historyList = lazySchema(() => z.strictObject({ type: z.literal('history:list'), filter: caseListFilter.default({}) }));
export const historyExport = lazySchema(() => z.strictObject({ type: z.literal('history:export'), caseId: recordId, format: z.enum(['csv', 'json']) }));
const retentionDays = lazySchema(() => z.number().int().min(1).max(3_650));
export const retentionPreview = lazySchema(() => z.strictObject({ type: z.literal('retention:preview'), days: retentionDays }));
export const retentionApply = lazySchema(() => z.strictObject({ type: z.literal('retention:apply'), days: retentionDays }));
export const settingsGet = lazySchema(() => z.strictObject({ type: z.literal('settings:get') }));
export const settingsSet = lazySchema(() => z.strictObject({ type: z.literal('settings:set'), patch: caseSettingsPatch }));

export type CaseMessage =
  | z.input<typeof caseCreate>
  | z.input<typeof caseUpdate>
  | z.input<typeof caseGet>
  | z.input<typeof caseList>
  | z.input<typeof caseDelete>
  | z.input<typeof caseRestore>
  | z.input<typeof captureAdd>
  | z.input<typeof escalationSave>
  | z.input<typeof escalationSetStatus>
  | z.input<typeof historyList>
  | z.input<typeof historyExport>
  | z.input<typeof retentionPreview>
  | z.input<typeof retentionApply>
  | z.input<typeof settingsGet>
  | z.input<typeof settingsSet>;

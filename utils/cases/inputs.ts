import { z } from 'zod';
import { filterValues } from '../schema/common';
import {
  LIMITS,
  appliedSearch,
  capturedRow,
  caseInputs,
  casePath,
  caseStatus,
  escalationFormat,
  escalationStatus,
  observedTimes,
  recordId,
  redactionChoice,
  stepState,
  timeRange,
} from '../db/records';
import { lazySchema } from '../schema/lazy';

/**
 * What callers hand to the repositories (and what messages carry). Optional ids
 * are client-supplied so a retried request (the service worker stopped halfway)
 * writes the same record again instead of a second one.
 */
export const newCaseInput = lazySchema(() => z.strictObject({
  id: recordId.optional(),
  runbookId: recordId,
  runbookTitle: z.string().max(LIMITS.titleChars),
  packId: recordId,
  adapterId: recordId.nullable(),
  tool: z.string().max(200),
  pageUrl: z.string().max(LIMITS.urlChars),
  inputs: caseInputs.default({}),
  steps: z.array(stepState).max(LIMITS.steps).default([]),
  currentStep: z.number().int().min(0).max(LIMITS.steps).default(0),
  notes: z.string().max(LIMITS.notesChars).default(''),
}));
export type NewCaseInput = z.input<typeof newCaseInput>;

export const casePatch = lazySchema(() => z.strictObject({
  inputs: caseInputs.optional(),
  steps: z.array(stepState).max(LIMITS.steps).optional(),
  currentStep: z.number().int().min(0).max(LIMITS.steps).optional(),
  notes: z.string().max(LIMITS.notesChars).optional(),
  status: caseStatus.optional(),
  pageUrl: z.string().max(LIMITS.urlChars).optional(),
  path: casePath.optional(),
}));
export type CasePatch = z.infer<typeof casePatch>;

export const newCaptureInput = lazySchema(() => z.strictObject({
  id: recordId.optional(),
  stepIndex: z.number().int().min(0).max(LIMITS.steps),
  sourceUrl: z.string().max(LIMITS.urlChars),
  adapterId: recordId,
  filters: filterValues.default({}),
  timeRange: timeRange.default({ from: null, to: null }),
  capturedAt: z.number().optional(),
  applied: appliedSearch.optional(),
  observed: observedTimes.optional(),
  rows: z.array(capturedRow).max(LIMITS.rowsPerCapture, `A capture may hold at most ${LIMITS.rowsPerCapture} rows.`),
}));
export type NewCaptureInput = z.input<typeof newCaptureInput>;

export const escalationInput = lazySchema(() => z.strictObject({
  id: recordId.optional(),
  caseId: recordId,
  status: escalationStatus.default('draft'),
  templateId: recordId.nullable().default(null),
  format: escalationFormat.default('markdown'),
  title: z.string().max(LIMITS.titleChars),
  body: z.string().max(LIMITS.bodyChars),
  target: z.string().max(40).nullable().default(null),
  /** What was hidden before sharing; a save without it keeps what an earlier save recorded. */
  redaction: redactionChoice.optional(),
}));
export type EscalationInput = z.input<typeof escalationInput>;

export const caseListFilter = lazySchema(() => z.strictObject({
  text: z.string().max(200).optional(),
  /** Epoch milliseconds, inclusive, on the case's creation time. */
  from: z.number().optional(),
  to: z.number().optional(),
  /** Matches the case's tool name or adapter id. */
  tool: z.string().max(200).optional(),
  runbookId: recordId.optional(),
  status: caseStatus.optional(),
  limit: z.number().int().min(1).max(5_000).optional(),
}));
export type CaseListFilter = z.infer<typeof caseListFilter>;

import { z } from 'zod';
import { filterValues } from '../schema/common';
import { FORBIDDEN_KEYS } from '../schema/safe';
import { lazySchema } from '../schema/lazy';

/**
 * The shapes of what the database stores. Types flow from these schemas
 * (z.infer) so a record and the message that carries it can never disagree.
 * The same schemas, with their limits, validate every message that writes.
 */
export const LIMITS = {
  rowsPerCapture: 10_000,
  cellChars: 4_000,
  rawColumns: 40,
  notesChars: 20_000,
  inputChars: 2_000,
  inputs: 40,
  steps: 50,
  urlChars: 8_000,
  idChars: 80,
  titleChars: 300,
  bodyChars: 2_000_000,
} as const;

/** Keys that arrive from pages or messages: never "__proto__" and friends. */
export const safeKey = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((key) => !FORBIDDEN_KEYS.has(key), 'This field name is not allowed.');

export const recordId = lazySchema(() => z.string().min(1).max(LIMITS.idChars));
const cell = lazySchema(() => z.string().max(LIMITS.cellChars));
const url = lazySchema(() => z.string().max(LIMITS.urlChars));

export const STEP_STATES = ['todo', 'done', 'failed'] as const;
export const stepState = lazySchema(() => z.enum(STEP_STATES));
export type StepState = z.infer<typeof stepState>;

export const CASE_STATUSES = ['open', 'escalated', 'closed'] as const;
export const caseStatus = lazySchema(() => z.enum(CASE_STATUSES));
export type CaseStatus = z.infer<typeof caseStatus>;

export const caseInputs = lazySchema(() => z
  .record(safeKey(40), z.string().max(LIMITS.inputChars))
  .refine((inputs) => Object.keys(inputs).length <= LIMITS.inputs, `At most ${LIMITS.inputs} inputs.`));

/**
 * One answer on a case's path: a branching step's question and the answer taken
 * — chosen by the agent, or decided from the captured rows (`because` says which
 * condition held). Not indexed, so no new database version (docs/architecture.md).
 */
export const pathAnswer = lazySchema(() => z.strictObject({
  /** The step that asked (index into the runbook's steps). */
  step: z.number().int().min(0).max(LIMITS.steps),
  stepTitle: z.string().max(LIMITS.titleChars),
  question: z.string().max(LIMITS.titleChars),
  /** Which answer (index into the branch's answers) and its words. */
  answer: z.number().int().min(0).max(20),
  answerText: z.string().max(LIMITS.titleChars),
  decidedBy: z.enum(['agent', 'rows']),
  because: z.string().max(1_200).optional(),
  at: z.number(),
}));
export type PathAnswer = z.infer<typeof pathAnswer>;

/** The way a branching runbook went for this case: the answers, the steps they led through, where it ended. */
export const casePath = lazySchema(() => z.strictObject({
  answers: z.array(pathAnswer).max(LIMITS.steps),
  /** Step indexes on the path, in order, as walked when the case was last saved. */
  steps: z.array(z.number().int().min(0).max(LIMITS.steps)).max(LIMITS.steps),
  /** The outcome the path ended with (its `when`), or null while it goes on or ended without one. */
  outcome: z.string().max(LIMITS.titleChars).nullable(),
}));
export type CasePath = z.infer<typeof casePath>;

export const caseRecord = lazySchema(() => z.strictObject({
  id: recordId,
  runbookId: recordId,
  runbookTitle: z.string().max(LIMITS.titleChars),
  packId: recordId,
  adapterId: recordId.nullable(),
  /** The tool's name as people say it ("Acme Admin audit log"). */
  tool: z.string().max(200),
  pageUrl: url,
  inputs: caseInputs,
  steps: z.array(stepState).max(LIMITS.steps),
  currentStep: z.number().int().min(0).max(LIMITS.steps),
  notes: z.string().max(LIMITS.notesChars),
  status: caseStatus,
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Kept up to date by addCapture so history lists never load the rows. */
  captureCount: z.number().int().min(0).optional(),
  rowCount: z.number().int().min(0).optional(),
  /** Branching runbooks only: the answers and the path taken. */
  path: casePath.optional(),
  /** Soft delete: set by deleteCase, cleared by restoreCase, purged later. */
  deletedAt: z.number().optional(),
}));
export type CaseRecord = z.infer<typeof caseRecord>;

export const capturedRow = lazySchema(() => z.strictObject({
  time: z.string().max(64).nullable(),
  actor: cell,
  action: cell,
  target: cell,
  ip: z.string().max(100),
  result: cell,
  /** Every cell's text as the page showed it, by column name. */
  raw: z
    .record(safeKey(80), cell)
    .refine((raw) => Object.keys(raw).length <= LIMITS.rawColumns, `At most ${LIMITS.rawColumns} columns per row.`),
}));
export type CapturedRow = z.infer<typeof capturedRow>;

export const timeRange = lazySchema(() => z.strictObject({
  from: z.string().max(64).nullable(),
  to: z.string().max(64).nullable(),
}));
export type TimeRange = z.infer<typeof timeRange>;

/**
 * What the console really did with one filter, read back from the page after
 * the fill (its address mapped back through the adapter, or the control's own
 * value). "applied": the console shows it; "not-applied": it does not (reason
 * says why); "unchecked": Trailguide could not read it back.
 */
export const FILTER_STATUSES = ['applied', 'not-applied', 'unchecked'] as const;
export const filterStatus = lazySchema(() => z.enum(FILTER_STATUSES));
export type FilterStatus = z.infer<typeof filterStatus>;

export const appliedFilter = lazySchema(() => z.strictObject({
  name: safeKey(40),
  /** What the runbook asked for. */
  intended: z.string().max(LIMITS.inputChars),
  /** What the console showed when read back; null when it could not be read. */
  shown: z.string().max(LIMITS.inputChars).nullable(),
  status: filterStatus,
  /** Plain-language reason, for "not-applied" and "unchecked". */
  reason: z.string().max(500).optional(),
}));
export type AppliedFilter = z.infer<typeof appliedFilter>;

export const appliedSearch = lazySchema(() => z.strictObject({
  /** Every filter the step asked for, and any the console showed that it did not ask for. */
  filters: z.array(appliedFilter).max(LIMITS.inputs),
  /** The time range the console applied (an end is null when the console did not limit it). */
  timeRange,
  /** Where the read-back came from. */
  readFrom: z.enum(['url', 'controls', 'url+controls', 'nothing']),
  checkedAt: z.number(),
}));
export type AppliedSearch = z.infer<typeof appliedSearch>;

/** The times the captured rows themselves show. */
export const observedTimes = lazySchema(() => z.strictObject({
  earliest: z.string().max(64).nullable(),
  latest: z.string().max(64).nullable(),
  /** Rows whose time text could not be read as a time. */
  unreadable: z.number().int().min(0),
}));
export type ObservedTimes = z.infer<typeof observedTimes>;

export const captureRecord = lazySchema(() => z.strictObject({
  id: recordId,
  caseId: recordId,
  stepIndex: z.number().int().min(0).max(LIMITS.steps),
  sourceUrl: url,
  adapterId: recordId,
  filters: filterValues,
  timeRange,
  capturedAt: z.number(),
  rows: z.array(capturedRow).max(LIMITS.rowsPerCapture, `A capture may hold at most ${LIMITS.rowsPerCapture} rows.`),
  rowCount: z.number().int().min(0),
  /** SHA-256 (hex) of the canonical JSON of the rows (utils/cases/canonical.ts). */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * What the console really applied when the rows were captured. Absent on
   * captures stored before read-back existed: treat every filter as unchecked.
   * `filters` and `timeRange` above stay what the runbook asked for.
   */
  applied: appliedSearch.optional(),
  observed: observedTimes.optional(),
}));
export type CaptureRecord = z.infer<typeof captureRecord>;
/** A capture without its rows: what lists and replies carry. */
export type CaptureSummary = Omit<CaptureRecord, 'rows'>;

export const ESCALATION_STATUSES = ['draft', 'copied', 'opened'] as const;
export const escalationStatus = lazySchema(() => z.enum(ESCALATION_STATUSES));
export type EscalationStatus = z.infer<typeof escalationStatus>;

export const ESCALATION_FORMATS = ['markdown', 'text', 'json'] as const;
export const escalationFormat = lazySchema(() => z.enum(ESCALATION_FORMATS));
export type EscalationFormat = z.infer<typeof escalationFormat>;

/**
 * What the agent chose to hide before sharing an escalation (utils/escalation/redact.ts),
 * kept with it so an audit report made later hides the same things (issue 15).
 */
export const redactionChoice = lazySchema(() => z.strictObject({
  emails: z.boolean(),
  ips: z.boolean(),
  columns: z.array(z.string().min(1).max(80)).max(200),
}));
export type RedactionChoice = z.infer<typeof redactionChoice>;

export const escalationRecord = lazySchema(() => z.strictObject({
  id: recordId,
  caseId: recordId,
  status: escalationStatus,
  templateId: recordId.nullable(),
  format: escalationFormat,
  title: z.string().max(LIMITS.titleChars),
  body: z.string().max(LIMITS.bodyChars),
  /** Where it went: "github", "jira", "linear", "email", or null (copied). */
  target: z.string().max(40).nullable(),
  /** Absent on escalations saved before Trailguide kept it. */
  redaction: redactionChoice.optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
}));
export type EscalationRecord = z.infer<typeof escalationRecord>;

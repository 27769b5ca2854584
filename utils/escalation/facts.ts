import type { CapturedRow, CaptureRecord, CasePath, CaseRecord, TimeRange } from '../db/records';
import type { Runbook } from '../schema/runbook';
import { CANONICALIZATION, HASH_ALGORITHM } from '../cases/canonical';
import type { EventKind } from '../schema/kinds';
import { redactRows, type RedactionOptions } from './redact';
import {
  appliedFacts,
  combinedAppliedRange,
  combinedSpan,
  requestedSearch,
  rowsSpan,
  type AppliedFacts,
  type RequestedSearch,
  type RowsSpan,
} from './applied';

export { orderedFilters, type FilterLine } from './applied';

/**
 * Everything an engineer asks for, gathered from the case and its captures.
 * This object is also the JSON format of an escalation (see build.ts), so its
 * key order is fixed here and documented there.
 */
export interface EscalationSource {
  case: CaseRecord;
  captures: readonly CaptureRecord[];
  runbook?: Pick<Runbook, 'id' | 'title' | 'steps' | 'inputs'>;
  adapterName?: string;
  /** The event kinds the packs know, to name a runbook's `kind:` filters in words (never as a code the tool received). */
  kinds?: readonly Pick<EventKind, 'id' | 'name'>[];
  /** Who escalates ("Li Chen, Support"); empty for "a Trailguide user". */
  who?: string;
  now?: number;
  /** At most this many rows are written out (the rest are counted). */
  rowLimit?: number;
  redaction?: RedactionOptions;
}

export interface CaptureFacts {
  number: number;
  id: string;
  step: number;
  sourceUrl: string;
  adapterId: string;
  capturedAt: string;
  /** What the runbook asked for — never presented as applied. */
  requested: RequestedSearch;
  /** What the console was seen to apply (`checked: false` for captures saved before read-back). */
  applied: AppliedFacts;
  rowsSpan: RowsSpan;
  rowCount: number;
  hash: string;
  rows: CapturedRow[];
  rowsOmitted: number;
}

export interface StepReached {
  /** The furthest step marked done (1-based), or null when none is done. */
  number: number | null;
  title: string | null;
}

/** A branching runbook's way through this case (absent for runbooks without branches). */
export interface PathFacts {
  /** The steps on the path, in order (1-based numbers as in the runbook). */
  steps: { number: number; title: string }[];
  answers: { step: number; question: string; answer: string; decidedBy: 'agent' | 'rows'; because: string | null }[];
  /** The outcome the path ended with (its "when"), or null. */
  outcome: string | null;
}

export interface EscalationFacts {
  preparedBy: string;
  preparedAt: string;
  runbook: { id: string; title: string; packId: string; stepReached: StepReached; stepsDone: number; stepsFailed: number[]; stepsTotal: number };
  case: { id: string; status: string; openedAt: string; inputs: { name: string; label: string; value: string }[]; notes: string };
  /** Only when the case has a path with at least one answer (a runbook with branches). */
  path?: PathFacts;
  page: { url: string; tool: string; adapterId: string | null; adapterName: string | null };
  search: {
    /** Event types the console was seen to apply (or, with no capture, those of fill steps marked done). */
    eventTypes: string[];
    /** Event types asked for whose filter the console did not apply or was not checked. */
    eventTypesUnconfirmed: string[];
    /** The widest time range the console applied; null unless every capture was checked. */
    timeRangeApplied: TimeRange | null;
    rowsSpan: RowsSpan | null;
  };
  results: { captureCount: number; rowCount: number; rowsShown: number; eventTypesFound: string[] };
  captures: CaptureFacts[];
  integrity: { algorithm: string; canonicalization: string; rowsRedacted: boolean; hashes: { capture: number; hash: string; rowCount: number }[] };
}

export const DEFAULT_ROW_LIMIT = 50;

export function isoMinute(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * A runbook's `kind:<id>` names a kind of event, not a code any console received: it is
 * written as the kind's name ("Failed sign-in (event kind)"), from the packs' kinds when
 * given, else from its id's words.
 */
export function eventTypeLabel(value: string, kinds: readonly Pick<EventKind, 'id' | 'name'>[] = []): string {
  if (!value.startsWith('kind:')) return value;
  const id = value.slice('kind:'.length);
  const name = kinds.find((k) => k.id === id)?.name ?? id.replace(/-/g, ' ');
  return `${name} (event kind)`;
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * Event types searched: the action filter of each capture as the console
 * showed it. An action filter the console did not apply, or that was never
 * checked, is only "asked for". With no capture, the fill steps marked done
 * (a fill is only marked done once the console was seen to show it).
 */
function eventTypes(source: EscalationSource, captures: readonly CaptureFacts[]): { confirmed: string[]; unconfirmed: string[] } {
  const confirmed = new Set<string>();
  const asked = new Set<string>();
  for (const capture of captures) {
    const shown = capture.applied.filters.find((f) => f.name === 'action');
    for (const type of splitList(shown?.value ?? '')) confirmed.add(type);
    for (const type of splitList(capture.requested.filters.find((f) => f.name === 'action')?.value ?? '')) asked.add(type);
  }
  if (captures.length === 0 && source.runbook) {
    source.runbook.steps.forEach((step, index) => {
      const action = step.action;
      if (source.case.steps[index] !== 'done') return;
      if ((action?.type === 'fill' || action?.type === 'navigate') && action.filters.action) {
        for (const type of splitList(action.filters.action)) if (!type.includes('{{')) confirmed.add(type);
      }
    });
  }
  const label = (type: string) => eventTypeLabel(type, source.kinds);
  return { confirmed: [...confirmed].map(label), unconfirmed: [...asked].filter((type) => !confirmed.has(type)).map(label) };
}

/** The furthest step done, not the step the panel happens to show. */
export function stepReached(states: readonly string[], titles: readonly (string | undefined)[]): StepReached {
  const index = states.lastIndexOf('done');
  return index < 0 ? { number: null, title: null } : { number: index + 1, title: titles[index] ?? null };
}

function pathFacts(path: CasePath, titles: readonly (string | undefined)[]): PathFacts {
  const asked = new Map(path.answers.map((a) => [a.step, a.stepTitle]));
  return {
    steps: path.steps.map((index) => ({ number: index + 1, title: titles[index] ?? asked.get(index) ?? '' })),
    answers: path.answers.map((a) => ({ step: a.step + 1, question: a.question, answer: a.answerText, decidedBy: a.decidedBy, because: a.because ?? null })),
    outcome: path.outcome,
  };
}

export function gatherFacts(source: EscalationSource): EscalationFacts {
  const { case: record, runbook } = source;
  const now = source.now ?? Date.now();
  const limit = source.rowLimit ?? DEFAULT_ROW_LIMIT;
  const columns = source.redaction?.columns ?? [];
  const captures = [...source.captures].sort((a, b) => a.capturedAt - b.capturedAt);

  let budget = limit;
  const captureFacts: CaptureFacts[] = captures.map((capture, index) => {
    const shown = capture.rows.slice(0, Math.max(0, budget));
    budget -= shown.length;
    return {
      number: index + 1,
      id: capture.id,
      step: capture.stepIndex + 1,
      sourceUrl: capture.sourceUrl,
      adapterId: capture.adapterId,
      capturedAt: new Date(capture.capturedAt).toISOString(),
      requested: requestedSearch(capture),
      applied: appliedFacts(capture),
      rowsSpan: rowsSpan(capture.observed, capture.rows),
      rowCount: capture.rowCount,
      hash: capture.hash,
      rows: redactRows(shown, columns),
      rowsOmitted: capture.rowCount - shown.length,
    };
  });

  const titles = runbook?.steps.map((step) => step.title) ?? [];
  const labels = new Map(runbook?.inputs.map((input) => [input.name, input.label]) ?? []);
  const found = new Set<string>();
  for (const capture of captures) for (const row of capture.rows) if (row.action) found.add(row.action);
  const types = eventTypes(source, captureFacts);

  return {
    preparedBy: source.who?.trim() || 'a Trailguide user',
    preparedAt: new Date(now).toISOString(),
    runbook: {
      id: record.runbookId,
      title: runbook?.title ?? record.runbookTitle,
      packId: record.packId,
      stepReached: stepReached(record.steps, titles),
      stepsDone: record.steps.filter((state) => state === 'done').length,
      stepsFailed: record.steps.flatMap((state, index) => (state === 'failed' ? [index + 1] : [])),
      stepsTotal: runbook?.steps.length ?? record.steps.length,
    },
    case: {
      id: record.id,
      status: record.status,
      openedAt: new Date(record.createdAt).toISOString(),
      inputs: Object.entries(record.inputs)
        .filter(([, value]) => value !== '')
        .map(([name, value]) => ({ name, label: labels.get(name) ?? name, value })),
      notes: record.notes,
    },
    // Once a question was answered: before that, "step reached" already says how far the case got.
    ...(record.path && record.path.answers.length > 0 ? { path: pathFacts(record.path, titles) } : {}),
    page: { url: record.pageUrl, tool: record.tool, adapterId: record.adapterId, adapterName: source.adapterName ?? null },
    search: {
      eventTypes: types.confirmed,
      eventTypesUnconfirmed: types.unconfirmed,
      timeRangeApplied: combinedAppliedRange(captureFacts.map((c) => c.applied)),
      rowsSpan: captureFacts.length > 0 ? combinedSpan(captureFacts.map((c) => c.rowsSpan)) : null,
    },
    results: {
      captureCount: captures.length,
      rowCount: captures.reduce((sum, c) => sum + c.rowCount, 0),
      rowsShown: captureFacts.reduce((sum, c) => sum + c.rows.length, 0),
      eventTypesFound: [...found].slice(0, 100),
    },
    captures: captureFacts,
    integrity: {
      algorithm: HASH_ALGORITHM,
      canonicalization: CANONICALIZATION,
      rowsRedacted: columns.length > 0,
      hashes: captureFacts.map((c) => ({ capture: c.number, hash: c.hash, rowCount: c.rowCount })),
    },
  };
}

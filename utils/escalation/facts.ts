import type { CapturedRow, CaptureRecord, CaseRecord, TimeRange } from '../db/records';
import { COMMON_FILTERS, type FilterValues } from '../schema/common';
import type { Runbook } from '../schema/runbook';
import { CANONICALIZATION, HASH_ALGORITHM } from '../cases/canonical';
import { redactRows, type RedactionOptions } from './redact';

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
  /** Who escalates ("Li Chen, Support"); empty for "a Trailguide user". */
  who?: string;
  now?: number;
  /** At most this many rows are written out (the rest are counted). */
  rowLimit?: number;
  redaction?: RedactionOptions;
}

export interface FilterLine {
  name: string;
  value: string;
}

export interface CaptureFacts {
  number: number;
  id: string;
  step: number;
  sourceUrl: string;
  adapterId: string;
  filters: FilterLine[];
  timeRange: TimeRange;
  capturedAt: string;
  rowCount: number;
  hash: string;
  rows: CapturedRow[];
  rowsOmitted: number;
}

export interface EscalationFacts {
  preparedBy: string;
  preparedAt: string;
  runbook: { id: string; title: string; packId: string; stepReached: { number: number; title: string | null }; stepsDone: number; stepsTotal: number };
  case: { id: string; status: string; openedAt: string; inputs: { name: string; label: string; value: string }[]; notes: string };
  page: { url: string; tool: string; adapterId: string | null; adapterName: string | null };
  search: { eventTypes: string[]; timeRange: TimeRange; filtersByCapture: { capture: number; filters: FilterLine[] }[] };
  results: { captureCount: number; rowCount: number; rowsShown: number; eventTypesFound: string[] };
  captures: CaptureFacts[];
  integrity: { algorithm: string; canonicalization: string; rowsRedacted: boolean; hashes: { capture: number; hash: string; rowCount: number }[] };
}

export const DEFAULT_ROW_LIMIT = 50;

export function isoMinute(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Common vocabulary first (actor, action, … text), then adapter extras alphabetically. */
export function orderedFilters(filters: FilterValues): FilterLine[] {
  const known = COMMON_FILTERS as readonly string[];
  return Object.entries(filters)
    .filter(([, value]) => value.trim() !== '')
    .sort(([a], [b]) => {
      const ia = known.indexOf(a);
      const ib = known.indexOf(b);
      if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
      return a.localeCompare(b);
    })
    .map(([name, value]) => ({ name, value }));
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

function compareTimes(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
  return a.localeCompare(b);
}

/** The widest range the captures covered; a side is null when any capture left it open. */
export function overallTimeRange(captures: readonly CaptureRecord[]): TimeRange {
  if (captures.length === 0) return { from: null, to: null };
  const froms = captures.map((c) => c.timeRange.from ?? c.filters.since ?? null);
  const tos = captures.map((c) => c.timeRange.to ?? c.filters.until ?? null);
  const from = froms.includes(null) ? null : [...(froms as string[])].sort(compareTimes)[0] ?? null;
  const to = tos.includes(null) ? null : [...(tos as string[])].sort(compareTimes).at(-1) ?? null;
  return { from, to };
}

/** Event types searched: the action filters of every capture, else of the runbook's steps so far. */
function eventTypesSearched(source: EscalationSource, captures: readonly CaptureRecord[]): string[] {
  const types = new Set<string>();
  for (const capture of captures) for (const type of splitList(capture.filters.action ?? '')) types.add(type);
  if (types.size === 0 && source.runbook) {
    source.runbook.steps.slice(0, source.case.currentStep + 1).forEach((step) => {
      const action = step.action;
      if ((action?.type === 'fill' || action?.type === 'navigate') && action.filters.action) {
        for (const type of splitList(action.filters.action)) if (!type.includes('{{')) types.add(type);
      }
    });
  }
  return [...types];
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
      filters: orderedFilters(capture.filters),
      timeRange: capture.timeRange,
      capturedAt: new Date(capture.capturedAt).toISOString(),
      rowCount: capture.rowCount,
      hash: capture.hash,
      rows: redactRows(shown, columns),
      rowsOmitted: capture.rowCount - shown.length,
    };
  });

  const stepIndex = Math.min(record.currentStep, Math.max(0, (runbook?.steps.length ?? record.steps.length) - 1));
  const labels = new Map(runbook?.inputs.map((input) => [input.name, input.label]) ?? []);
  const found = new Set<string>();
  for (const capture of captures) for (const row of capture.rows) if (row.action) found.add(row.action);

  return {
    preparedBy: source.who?.trim() || 'a Trailguide user',
    preparedAt: new Date(now).toISOString(),
    runbook: {
      id: record.runbookId,
      title: runbook?.title ?? record.runbookTitle,
      packId: record.packId,
      stepReached: { number: stepIndex + 1, title: runbook?.steps[stepIndex]?.title ?? null },
      stepsDone: record.steps.filter((state) => state === 'done').length,
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
    page: { url: record.pageUrl, tool: record.tool, adapterId: record.adapterId, adapterName: source.adapterName ?? null },
    search: {
      eventTypes: eventTypesSearched(source, captures),
      timeRange: overallTimeRange(captures),
      filtersByCapture: captureFacts.map((c) => ({ capture: c.number, filters: c.filters })),
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

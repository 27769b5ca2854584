import type { AppliedSearch, CapturedRow, CaptureRecord, ObservedTimes, TimeRange } from '../db/records';
import { COMMON_FILTERS, type FilterValues } from '../schema/common';

/**
 * What one capture can truthfully say about its search: the filters the
 * console showed (read back from the page), the ones it did not apply, the
 * ones Trailguide could not check, the time range the console applied and the
 * times the rows themselves span. Captures saved before read-back existed have
 * no `applied`: their filters are reported as not checked, never as applied.
 *
 * The escalation formats, the audit export and History all word these facts
 * with the labels below, so a reader sees the same sentence everywhere.
 */
export const LABELS = {
  applied: 'Filters applied',
  notApplied: 'Not applied',
  unchecked: 'Could not check',
  notChecked: 'Filters not checked',
  timeRange: 'Time range applied by the console',
  rowsSpan: 'Rows span',
} as const;

export interface FilterLine {
  name: string;
  value: string;
  /** Set on an applied filter the runbook did not ask for (e.g. left from an earlier search). */
  note?: string;
}

/** A filter the console did not apply, or that Trailguide could not read back. */
export interface FilterProblem {
  name: string;
  /** What the runbook asked for. */
  intended: string;
  /** What the console showed instead (null when it showed nothing or could not be read). */
  shown: string | null;
  reason: string;
}

/** What the runbook asked for (always kept, and only ever labelled as such). */
export interface RequestedSearch {
  filters: FilterLine[];
  timeRange: TimeRange;
}

/** What the console was seen to apply. */
export interface AppliedFacts {
  /** False when the capture carries no read-back (stored before it existed). */
  checked: boolean;
  readFrom: AppliedSearch['readFrom'] | null;
  checkedAt: string | null;
  /** The time range the console applied; null when it was not checked. */
  timeRange: TimeRange | null;
  /** Filters the console showed, valued as the console shows them. */
  filters: FilterLine[];
  notApplied: FilterProblem[];
  couldNotCheck: FilterProblem[];
}

export interface RowsSpan {
  earliest: string | null;
  latest: string | null;
  unreadable: number;
  /** "observed": measured at capture time; "rows": worked out from the stored rows (older captures). */
  source: 'observed' | 'rows';
}

function filterOrder(a: string, b: string): number {
  const known = COMMON_FILTERS as readonly string[];
  const ia = known.indexOf(a);
  const ib = known.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
  return a.localeCompare(b);
}

/** Common vocabulary first (actor, action, … text), then adapter extras alphabetically. */
export function orderedFilters(filters: FilterValues): FilterLine[] {
  return Object.entries(filters)
    .filter(([, value]) => value.trim() !== '')
    .sort(([a], [b]) => filterOrder(a, b))
    .map(([name, value]) => ({ name, value }));
}

const NO_REASON: Record<'not-applied' | 'unchecked', string> = {
  'not-applied': 'the console did not show it after the search',
  unchecked: 'Trailguide could not read it back from the console',
};

export function requestedSearch(capture: Pick<CaptureRecord, 'filters' | 'timeRange'>): RequestedSearch {
  return { filters: orderedFilters(capture.filters), timeRange: capture.timeRange };
}

export function appliedFacts(capture: Pick<CaptureRecord, 'applied'>): AppliedFacts {
  if (!capture.applied) return { checked: false, readFrom: null, checkedAt: null, timeRange: null, filters: [], notApplied: [], couldNotCheck: [] };
  const filters = [...capture.applied.filters].sort((a, b) => filterOrder(a.name, b.name));
  const problem = (status: 'not-applied' | 'unchecked') =>
    filters
      .filter((f) => f.status === status)
      .map((f) => ({ name: f.name, intended: f.intended, shown: f.shown, reason: f.reason?.trim() || NO_REASON[status] }));
  return {
    checked: true,
    readFrom: capture.applied.readFrom,
    checkedAt: new Date(capture.applied.checkedAt).toISOString(),
    timeRange: capture.applied.timeRange,
    filters: filters
      .filter((f) => f.status === 'applied')
      .map((f) => ({
        name: f.name,
        value: f.shown ?? f.intended,
        ...(f.intended.trim() === '' ? { note: f.reason?.trim() || 'the runbook did not ask for this filter' } : {}),
      })),
    notApplied: problem('not-applied'),
    couldNotCheck: problem('unchecked'),
  };
}

function compareTimes(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
  return a.localeCompare(b);
}

/** The rows' own times: from `observed`, or worked out from the rows for older captures. */
export function rowsSpan(observed: ObservedTimes | undefined, rows: readonly Pick<CapturedRow, 'time'>[]): RowsSpan {
  if (observed) return { ...observed, source: 'observed' };
  const times = rows.map((row) => row.time).filter((t): t is string => Boolean(t) && !Number.isNaN(Date.parse(t!)));
  const sorted = [...times].sort(compareTimes);
  return { earliest: sorted[0] ?? null, latest: sorted.at(-1) ?? null, unreadable: rows.length - times.length, source: 'rows' };
}

/** Several spans as one: the earliest and latest of them all, unreadable rows added up. */
export function combinedSpan(spans: readonly RowsSpan[]): RowsSpan {
  const earliest = spans.map((s) => s.earliest).filter((t): t is string => t !== null).sort(compareTimes)[0] ?? null;
  const latest = spans.map((s) => s.latest).filter((t): t is string => t !== null).sort(compareTimes).at(-1) ?? null;
  return {
    earliest,
    latest,
    unreadable: spans.reduce((sum, s) => sum + s.unreadable, 0),
    source: spans.every((s) => s.source === 'observed') ? 'observed' : 'rows',
  };
}

/** The widest of the applied ranges; null unless every capture was checked. A side is null when any capture left it open. */
export function combinedAppliedRange(facts: readonly AppliedFacts[]): TimeRange | null {
  if (facts.length === 0 || facts.some((f) => !f.timeRange)) return null;
  const ranges = facts.map((f) => f.timeRange!);
  const froms = ranges.map((r) => r.from);
  const tos = ranges.map((r) => r.to);
  return {
    from: froms.includes(null) ? null : [...(froms as string[])].sort(compareTimes)[0]!,
    to: tos.includes(null) ? null : [...(tos as string[])].sort(compareTimes).at(-1)!,
  };
}

export function rangeText(range: TimeRange): string {
  if (!range.from && !range.to) return 'not limited (all dates the log keeps)';
  return `${range.from ?? 'the start of the log'} → ${range.to ?? 'now'}`;
}

/** How a value is marked: `code` in Markdown, as it is in plain text and in History. */
export type Mark = (value: string) => string;
const plain: Mark = (value) => value;

function filterList(lines: readonly FilterLine[], mark: Mark): string {
  return lines.map((f) => `${mark(f.name)} = ${f.value}${f.note ? ` (${f.note.replace(/\.$/, '')})` : ''}`).join('; ');
}

function problemText(p: FilterProblem, mark: Mark): string {
  const shown = p.shown !== null && p.shown !== p.intended ? `, the console shows “${p.shown}”` : '';
  return `${mark(p.name)} (asked for ${p.intended}${shown}): ${p.reason}`;
}

export interface Statement {
  label: string;
  value: string;
  /** Which list the statement belongs to, for hooks and styling. */
  kind: 'applied' | 'not-applied' | 'unchecked' | 'not-checked' | 'time-range' | 'rows-span';
}

/** "Time range applied by the console: …" for one capture. */
export function timeRangeStatement(facts: AppliedFacts, requested: RequestedSearch): Statement {
  const value = facts.timeRange
    ? rangeText(facts.timeRange)
    : `not checked (the runbook asked for ${rangeText(requested.timeRange)})`;
  return { label: LABELS.timeRange, value, kind: 'time-range' };
}

/** The filter statements of one capture, in the order a reader needs them. */
export function filterStatements(facts: AppliedFacts, requested: RequestedSearch, mark: Mark = plain): Statement[] {
  if (!facts.checked) {
    const asked = requested.filters.length > 0 ? ` The runbook asked for: ${filterList(requested.filters, mark)}.` : ' The runbook asked for no filters.';
    return [
      {
        label: LABELS.notChecked,
        value: `Trailguide did not read this capture’s filters back from the console (it was saved before that check existed), so nobody confirmed which filters the console applied.${asked}`,
        kind: 'not-checked',
      },
    ];
  }
  const out: Statement[] = [
    {
      label: LABELS.applied,
      value: facts.filters.length > 0 ? filterList(facts.filters, mark) : 'none (the console showed no filters)',
      kind: 'applied',
    },
  ];
  if (facts.notApplied.length > 0) out.push({ label: LABELS.notApplied, value: facts.notApplied.map((p) => problemText(p, mark)).join('; '), kind: 'not-applied' });
  if (facts.couldNotCheck.length > 0) out.push({ label: LABELS.unchecked, value: facts.couldNotCheck.map((p) => problemText(p, mark)).join('; '), kind: 'unchecked' });
  return out;
}

export function rowsSpanStatement(span: RowsSpan, rowCount: number): Statement {
  const unreadable =
    span.unreadable > 0
      ? span.source === 'observed'
        ? `${span.unreadable} row${span.unreadable === 1 ? '' : 's'} had a time Trailguide couldn’t read`
        : `${span.unreadable} row${span.unreadable === 1 ? '' : 's'} had no time Trailguide could read`
      : '';
  let value: string;
  if (span.earliest || span.latest) value = `earliest ${span.earliest ?? 'unknown'}, latest ${span.latest ?? 'unknown'}${unreadable ? `; ${unreadable}` : ''}`;
  else if (rowCount === 0) value = 'no rows';
  else value = `unknown: no row had a time Trailguide could read${unreadable ? ` (${unreadable})` : ''}`;
  return { label: LABELS.rowsSpan, value, kind: 'rows-span' };
}

/** Everything one capture states about its search and its rows' times. */
export function captureStatements(capture: Pick<CaptureRecord, 'filters' | 'timeRange' | 'applied' | 'observed' | 'rows' | 'rowCount'>, mark: Mark = plain): Statement[] {
  const facts = appliedFacts(capture);
  const requested = requestedSearch(capture);
  return [timeRangeStatement(facts, requested), ...filterStatements(facts, requested, mark), rowsSpanStatement(rowsSpan(capture.observed, capture.rows), capture.rowCount)];
}

import { CANONICALIZATION, HASH_ALGORITHM } from '../cases/canonical';
import type { CapturedRow, CaptureRecord, CaseRecord } from '../db/records';
import { appliedFacts, captureStatements, orderedFilters, rangeText, rowsSpan } from './applied';

/**
 * The compliance "audit report": a case's captured rows with, for each capture,
 * where they came from (source, filters, time range), when, how many and their
 * SHA-256 — so an auditor can check nothing was edited (recompute the hash from
 * the JSON report's rows; see utils/cases/canonical.ts).
 *
 * JSON shape (keys in this order):
 * { format: "trailguide-audit-report", version: 2, generatedAt,
 *   case: { id, runbookId, runbookTitle, packId, tool, adapterId, pageUrl, inputs, status, createdAt },
 *   hashAlgorithm, canonicalization,
 *   captures: [{ id, step, source, adapterId,
 *                filters, timeRange: { from, to },      // what the runbook asked for, not what the console applied
 *                applied: { checked, readFrom, checkedAt, timeRange, filters, notApplied, couldNotCheck },  // as in the escalation JSON
 *                rowsSpan: { earliest, latest, unreadable, source },
 *                capturedAt, rowCount, hash, rows }] }
 * Version 2 added `applied` and `rowsSpan`; `applied.checked` is false for
 * captures saved before Trailguide read the console back.
 */
export const AUDIT_REPORT_FORMAT = 'trailguide-audit-report';
export const AUDIT_REPORT_VERSION = 2;

export interface AuditExport {
  filename: string;
  mimeType: string;
  text: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function auditReport(record: CaseRecord, captures: readonly CaptureRecord[], generatedAt = Date.now()) {
  return {
    format: AUDIT_REPORT_FORMAT,
    version: AUDIT_REPORT_VERSION,
    generatedAt: iso(generatedAt),
    case: {
      id: record.id,
      runbookId: record.runbookId,
      runbookTitle: record.runbookTitle,
      packId: record.packId,
      tool: record.tool,
      adapterId: record.adapterId,
      pageUrl: record.pageUrl,
      inputs: record.inputs,
      status: record.status,
      createdAt: iso(record.createdAt),
    },
    hashAlgorithm: HASH_ALGORITHM,
    canonicalization: CANONICALIZATION,
    captures: [...captures]
      .sort((a, b) => a.capturedAt - b.capturedAt)
      .map((capture) => ({
        id: capture.id,
        step: capture.stepIndex + 1,
        source: capture.sourceUrl,
        adapterId: capture.adapterId,
        filters: capture.filters,
        timeRange: capture.timeRange,
        applied: appliedFacts(capture),
        rowsSpan: rowsSpan(capture.observed, capture.rows),
        capturedAt: iso(capture.capturedAt),
        rowCount: capture.rowCount,
        hash: capture.hash,
        rows: capture.rows,
      })),
  };
}
export type AuditReport = ReturnType<typeof auditReport>;

export function auditReportJson(record: CaseRecord, captures: readonly CaptureRecord[], generatedAt = Date.now()): string {
  return `${JSON.stringify(auditReport(record, captures, generatedAt), null, 2)}\n`;
}

/**
 * One CSV cell. Cells a spreadsheet would run as a formula (starting with
 * = + - @, tab or carriage return) get a leading apostrophe (OWASP "CSV
 * injection"); cells with a quote, comma or line break are quoted, quotes doubled.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

const ROW_FIELDS = ['time', 'actor', 'action', 'target', 'ip', 'result'] as const;

function rawColumns(rows: readonly CapturedRow[]): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.raw)) names.add(key);
  return [...names];
}

function filtersText(filters: Record<string, string>): string {
  const lines = orderedFilters(filters);
  return lines.length === 0 ? 'none' : lines.map((f) => `${f.name}=${f.value}`).join('; ');
}

/**
 * CSV (RFC 4180, CRLF line ends): a report header, then per capture a block of
 * "field,value" lines (source, filters and time range asked for, then what the
 * console applied in the escalation's words, rows span, captured at, row count,
 * SHA-256), a blank line, the column header and the rows.
 */
export function auditReportCsv(record: CaseRecord, captures: readonly CaptureRecord[], generatedAt = Date.now()): string {
  const report = auditReport(record, captures, generatedAt);
  const lines: string[] = [
    csvLine(['Trailguide audit report']),
    csvLine(['Case', report.case.id]),
    csvLine(['Runbook', report.case.runbookTitle]),
    csvLine(['Tool', report.case.tool]),
    csvLine(['Page', report.case.pageUrl]),
    csvLine(['Generated at', report.generatedAt]),
    csvLine(['Captures', report.captures.length]),
    csvLine(['Hash', `${report.hashAlgorithm}: ${report.canonicalization}`]),
  ];
  report.captures.forEach((capture, index) => {
    const original = captures.find((c) => c.id === capture.id)!;
    const rows = original.rows;
    const raw = rawColumns(rows);
    lines.push(
      '',
      csvLine(['Capture', `${index + 1} of ${report.captures.length}`]),
      csvLine(['Source', capture.source]),
      csvLine(['Adapter', capture.adapterId]),
      csvLine(['Filters asked for', filtersText(capture.filters)]),
      csvLine(['Time range asked for', rangeText(capture.timeRange)]),
      ...captureStatements(original).map((statement) => csvLine([statement.label, statement.value])),
      csvLine(['Captured at', capture.capturedAt]),
      csvLine(['Row count', capture.rowCount]),
      csvLine(['SHA-256', capture.hash]),
      '',
      csvLine([...ROW_FIELDS, ...raw.map((name) => `raw: ${name}`)]),
      ...rows.map((row) => csvLine([...ROW_FIELDS.map((field) => row[field]), ...raw.map((name) => row.raw[name] ?? '')])),
    );
  });
  return `${lines.join('\r\n')}\r\n`;
}

function slugPart(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'case';
}

export function exportCase(record: CaseRecord, captures: readonly CaptureRecord[], format: 'csv' | 'json', generatedAt = Date.now()): AuditExport {
  const stem = `trailguide-audit-${slugPart(record.runbookId)}-${new Date(generatedAt).toISOString().slice(0, 10)}-${record.id.slice(0, 8)}`;
  return format === 'csv'
    ? { filename: `${stem}.csv`, mimeType: 'text/csv;charset=utf-8', text: auditReportCsv(record, captures, generatedAt) }
    : { filename: `${stem}.json`, mimeType: 'application/json', text: auditReportJson(record, captures, generatedAt) };
}

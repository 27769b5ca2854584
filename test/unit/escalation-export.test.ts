import { describe, expect, it } from 'vitest';
import { hashRows } from '../../utils/cases/canonical';
import type { CaptureRecord, CaseRecord } from '../../utils/db/records';
import { auditReportCsv, auditReportJson, csvCell, exportCase } from '../../utils/escalation/export';
import { sampleRows } from './cases-fixtures';
import { parseCsv } from '../csv';

const record: CaseRecord = {
  id: 'a1b2c3d4-0000-4000-8000-000000000000', runbookId: 'compliance-access-history', runbookTitle: 'Access history, Q1', packId: 'p',
  adapterId: 'acme-demo', tool: 'Acme Admin', pageUrl: 'https://acme.example/audit', inputs: { range: '2026-03-01..2026-03-31' },
  steps: [], currentStep: 0, notes: '', status: 'open', createdAt: Date.UTC(2026, 2, 1), updatedAt: Date.UTC(2026, 2, 1),
};

async function captureWith(rows = sampleRows(6)): Promise<CaptureRecord> {
  return { id: 'cap-1', caseId: record.id, stepIndex: 1, sourceUrl: 'https://acme.example/audit?action=user.login', adapterId: 'acme-demo', filters: { action: 'user.login', since: '2026-03-01' }, timeRange: { from: '2026-03-01', to: '2026-03-31' }, capturedAt: Date.UTC(2026, 2, 31, 12), rows, rowCount: rows.length, hash: await hashRows(rows) };
}

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('neutralises formula injection', () => {
    expect(csvCell('=HYPERLINK("https://evil.example","x")')).toBe(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('audit report', () => {
  it('CSV has the header block, then rows that read back exactly', async () => {
    const rows = sampleRows(6);
    rows[1] = { ...rows[1]!, actor: '=cmd|" /C calc"!A0', raw: { ...rows[1]!.raw, Details: 'a, "b"\nc' } };
    const capture = await captureWith(rows);
    const csv = auditReportCsv(record, [capture], Date.UTC(2026, 3, 1));
    expect(csv.includes('\r\n')).toBe(true);
    const table = parseCsv(csv);
    const field = (name: string) => table.find((r) => r[0] === name)?.[1];
    expect(field('Source')).toBe(capture.sourceUrl);
    // What the runbook asked for is labelled as such; this capture has no read-back, so its filters are "not checked".
    expect(field('Filters')).toBeUndefined();
    expect(field('Filters asked for')).toBe('action=user.login; since=2026-03-01');
    expect(field('Time range asked for')).toBe('2026-03-01 → 2026-03-31');
    expect(field('Filters applied')).toBeUndefined();
    expect(field('Filters not checked')).toMatch(/^Trailguide did not read this capture’s filters back/);
    expect(field('Time range applied by the console')).toBe('not checked (the runbook asked for 2026-03-01 → 2026-03-31)');
    expect(field('Captured at')).toBe('2026-03-31T12:00:00.000Z');
    expect(field('Row count')).toBe('6');
    expect(field('SHA-256')).toBe(capture.hash);
    const headerAt = table.findIndex((r) => r[0] === 'time');
    expect(table[headerAt]).toEqual(['time', 'actor', 'action', 'target', 'ip', 'result', 'raw: Time', 'raw: Actor', 'raw: Details']);
    const body = table.slice(headerAt + 1);
    expect(body).toHaveLength(6);
    expect(body[0]).toEqual([rows[0]!.time, rows[0]!.actor, rows[0]!.action, rows[0]!.target, rows[0]!.ip, rows[0]!.result, rows[0]!.raw.Time, rows[0]!.raw.Actor, rows[0]!.raw.Details]);
    expect(body[1]![1]).toBe(`'=cmd|" /C calc"!A0`);
    expect(body[1]![8]).toBe('a, "b"\nc');
  });

  it('JSON carries the rows and a hash that recomputes', async () => {
    const capture = await captureWith();
    const report = JSON.parse(auditReportJson(record, [capture], Date.UTC(2026, 3, 1)));
    // Version 2: captures carry `applied` and `rowsSpan` besides what was asked for.
    expect(report).toMatchObject({ format: 'trailguide-audit-report', version: 2, hashAlgorithm: 'SHA-256', generatedAt: '2026-04-01T00:00:00.000Z' });
    expect(report.captures[0]).toMatchObject({ source: capture.sourceUrl, rowCount: 6, hash: capture.hash, filters: capture.filters, timeRange: capture.timeRange });
    expect(report.captures[0].applied).toMatchObject({ checked: false, filters: [] });
    expect(await hashRows(report.captures[0].rows)).toBe(capture.hash);
  });

  it('CSV and JSON state what the console applied, in the escalation’s words', async () => {
    const capture: CaptureRecord = {
      ...(await captureWith()),
      applied: {
        filters: [
          { name: 'action', intended: 'user.login', shown: 'user.login', status: 'applied' },
          { name: 'since', intended: '2026-03-01', shown: null, status: 'not-applied', reason: 'The From box would not take a date.' },
        ],
        timeRange: { from: null, to: '2026-03-31' },
        readFrom: 'url',
        checkedAt: Date.UTC(2026, 2, 31, 12),
      },
      observed: { earliest: '2026-03-01T00:00:00.000Z', latest: '2026-03-01T00:05:00.000Z', unreadable: 1 },
    };
    const table = parseCsv(auditReportCsv(record, [capture], Date.UTC(2026, 3, 1)));
    const field = (name: string) => table.find((r) => r[0] === name)?.[1];
    expect(field('Filters applied')).toBe('action = user.login');
    expect(field('Not applied')).toBe('since (asked for 2026-03-01): The From box would not take a date.');
    expect(field('Time range applied by the console')).toBe('the start of the log → 2026-03-31');
    expect(field('Rows span')).toBe('earliest 2026-03-01T00:00:00.000Z, latest 2026-03-01T00:05:00.000Z; 1 row had a time Trailguide couldn’t read');
    const report = JSON.parse(auditReportJson(record, [capture], Date.UTC(2026, 3, 1)));
    expect(report.captures[0].applied).toMatchObject({ checked: true, filters: [{ name: 'action', value: 'user.login' }], notApplied: [{ name: 'since' }], timeRange: { from: null, to: '2026-03-31' } });
    expect(report.captures[0].rowsSpan).toMatchObject({ unreadable: 1, source: 'observed' });
  });

  it('names the file after the runbook, the date and the case', async () => {
    const out = exportCase(record, [await captureWith()], 'csv', Date.UTC(2026, 3, 1));
    expect(out.filename).toBe('trailguide-audit-compliance-access-history-2026-04-01-a1b2c3d4.csv');
    expect(out.mimeType).toMatch(/text\/csv/);
    expect(exportCase(record, [], 'json').mimeType).toBe('application/json');
  });
});

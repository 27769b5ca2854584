import { hashRows } from '../../utils/cases/canonical';
import type { CaseDetail } from '../../utils/cases/cases';
import type { CapturedRow, CaptureRecord, CaseRecord, EscalationRecord } from '../../utils/db/records';
import type { ReportCase } from '../../utils/report/render';
import { sampleCase, sampleRows } from './cases-fixtures';

export const NOW = Date.UTC(2026, 3, 2, 9, 30);

export function caseRecord(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const input = sampleCase();
  return {
    id: 'case-0001-aaaa',
    runbookId: input.runbookId,
    runbookTitle: input.runbookTitle,
    packId: input.packId,
    adapterId: input.adapterId ?? null,
    tool: input.tool,
    pageUrl: input.pageUrl,
    inputs: input.inputs ?? {},
    steps: ['done', 'done', 'todo', 'todo'],
    currentStep: 2,
    notes: 'Customer called twice.',
    status: 'escalated',
    createdAt: Date.UTC(2026, 2, 30, 14, 0),
    updatedAt: Date.UTC(2026, 2, 30, 15, 0),
    ...overrides,
  };
}

export async function captureRecord(caseId: string, rows: CapturedRow[], overrides: Partial<CaptureRecord> = {}): Promise<CaptureRecord> {
  return {
    id: `capture-${caseId}-${overrides.capturedAt ?? 0}`,
    caseId,
    stepIndex: 1,
    sourceUrl: 'https://acme.example/audit?actor=dana.whitfield%40northwind.example',
    adapterId: 'acme-demo',
    filters: { actor: 'dana.whitfield@northwind.example', action: 'account.settings_changed' },
    timeRange: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-31T23:59:59.000Z' },
    capturedAt: Date.UTC(2026, 2, 30, 14, 30),
    rows,
    rowCount: rows.length,
    hash: await hashRows(rows),
    applied: {
      filters: [
        { name: 'actor', intended: 'dana.whitfield@northwind.example', shown: 'dana.whitfield@northwind.example', status: 'applied' },
        { name: 'action', intended: 'account.settings_changed', shown: null, status: 'not-applied', reason: 'the console has no event filter' },
      ],
      timeRange: { from: '2026-03-01T00:00:00.000Z', to: null },
      readFrom: 'url',
      checkedAt: Date.UTC(2026, 2, 30, 14, 30),
    },
    ...overrides,
  };
}

export function escalation(caseId: string, overrides: Partial<EscalationRecord> = {}): EscalationRecord {
  return {
    id: `esc-${caseId}`,
    caseId,
    status: 'copied',
    templateId: null,
    format: 'markdown',
    title: 'Settings changed: dana.whitfield@northwind.example',
    body: '…',
    target: null,
    createdAt: Date.UTC(2026, 2, 30, 15, 0),
    updatedAt: Date.UTC(2026, 2, 30, 15, 0),
    ...overrides,
  };
}

export const RUNBOOK = {
  title: 'A customer says their account settings were changed without their permission',
  inputs: [
    { name: 'email', label: 'Customer’s e-mail', type: 'email', required: true },
    { name: 'range', label: 'When', type: 'text', required: false },
  ],
  steps: [{ title: 'Open the audit log' }, { title: 'Capture what the log shows' }, { title: 'Read the rows' }, { title: 'Escalate' }],
} as unknown as NonNullable<ReportCase['runbook']>;

export const GLOSSARY = new Map([
  ['account.settings_changed', { meaning: 'Changed the account’s settings.', summary: 'changed the account’s settings', risk: 'notable' as const }],
]);

/** One case with two captures (3 and 2 rows) and one copied escalation. */
export async function sampleReportCase(overrides: { case?: Partial<CaseRecord>; escalations?: EscalationRecord[]; rows?: CapturedRow[] } = {}): Promise<ReportCase> {
  const record = caseRecord(overrides.case);
  const first = await captureRecord(record.id, overrides.rows ?? sampleRows(3), { capturedAt: Date.UTC(2026, 2, 30, 14, 30) });
  const second = await captureRecord(record.id, sampleRows(2, 50), { capturedAt: Date.UTC(2026, 2, 30, 14, 40) });
  const detail: CaseDetail = { case: record, captures: [first, second], escalations: overrides.escalations ?? [escalation(record.id)] };
  return { detail, runbook: RUNBOOK, glossary: GLOSSARY, adapterName: 'Acme Admin audit log' };
}

/** The data block of a report, parsed. */
export function dataBlock(html: string): { captures: { hash: string; rows: CapturedRow[]; capturedHash?: string; redacted: boolean }[]; timeZone: string } {
  const match = /<script type="application\/json" id="trailguide-report-data">\n(.*)\n<\/script>/.exec(html);
  if (!match) throw new Error('no data block');
  return JSON.parse(match[1]!);
}

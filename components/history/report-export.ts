import * as client from '../../utils/cases/client';
import { DEFAULT_CASE_SETTINGS } from '../../utils/cases/settings';
import { glossaryMapFor } from '../../utils/engine/explain';
import { buildReport, type BuiltReport, type ReportCase } from '../../utils/report/render';
import type { Pack } from '../../utils/schema/pack';
import { ask } from '../../utils/runtime-client';
import type { CaseRecord } from '../../utils/db/records';

/**
 * Gathers what an audit report needs from the background — each case with its
 * captures and escalations, the packs in force (runbook steps, glossary,
 * the team template's cover and logo) and the settings (who prepares it, what
 * is hidden by default) — and builds the report (utils/report/render.ts).
 * Times are written in this browser's time zone and in UTC.
 */
export interface ReportScope {
  caseIds: readonly string[];
  /** The History filters in words, for a period report; null for one case. */
  period: { label: string; value: string }[] | null;
}

function contextFor(record: CaseRecord, packs: readonly Pack[]): Omit<ReportCase, 'detail'> {
  const pack = packs.find((p) => p.id === record.packId);
  const runbook = pack?.runbooks.find((r) => r.id === record.runbookId) ?? packs.flatMap((p) => p.runbooks).find((r) => r.id === record.runbookId) ?? null;
  const adapter = packs.flatMap((p) => p.adapters).find((a) => a.id === record.adapterId) ?? null;
  const templates = pack?.escalationTemplates ?? [];
  const template = templates.find((t) => t.id === runbook?.escalation?.template && t.report) ?? templates.find((t) => t.report);
  return {
    runbook,
    adapterName: adapter?.name ?? null,
    glossary: glossaryMapFor(adapter, packs.flatMap((p) => p.glossary)),
    branding: template?.report ?? null,
  };
}

export async function makeReport(scope: ReportScope, now = Date.now()): Promise<BuiltReport & { caseCount: number; captureCount: number }> {
  const [packs, settings] = await Promise.all([
    ask<{ packs: Pack[] }>({ type: 'panel:init' })
      .then((reply) => reply.packs)
      .catch(() => [] as Pack[]),
    client.getSettings().catch(() => DEFAULT_CASE_SETTINGS),
  ]);
  const cases: ReportCase[] = [];
  for (const id of scope.caseIds) {
    const detail = await client.getCase(id);
    // A case deleted meanwhile (another window) is left out; the report counts what it holds.
    if (detail) cases.push({ detail, ...contextFor(detail.case, packs) });
  }
  if (cases.length === 0) throw new Error('These cases no longer exist — they may have been deleted in another window.');
  const report = await buildReport({
    cases,
    period: scope.period,
    now,
    preparedBy: settings.agentName,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    defaultRedaction: { emails: settings.redactEmails, ips: settings.redactIps, columns: settings.redactColumns },
  });
  return { ...report, caseCount: cases.length, captureCount: report.data.captures.length };
}

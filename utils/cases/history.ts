import { db } from '../db/database';
import type { CaseRecord, EscalationRecord } from '../db/records';
import { listCases } from './cases';
import type { CaseListFilter } from './inputs';

/** An escalation as the history list shows it (without its long body). */
export type EscalationSummary = Omit<EscalationRecord, 'body'>;

export interface HistoryEntry {
  case: CaseRecord;
  escalations: EscalationSummary[];
}

/**
 * Cases for the history page, newest first, each with its escalations. Capture
 * and row counts come from the case record, so no captured rows are loaded.
 */
export async function casesHistory(filter: CaseListFilter = {}): Promise<HistoryEntry[]> {
  const cases = await listCases(filter);
  if (cases.length === 0) return [];
  const escalations = await db()
    .escalations.where('caseId')
    .anyOf(cases.map((c) => c.id))
    .toArray();
  const byCase = new Map<string, EscalationSummary[]>();
  for (const { body: _body, ...summary } of escalations.sort((a, b) => a.createdAt - b.createdAt)) {
    const list = byCase.get(summary.caseId) ?? [];
    list.push(summary);
    byCase.set(summary.caseId, list);
  }
  return cases.map((record) => ({ case: record, escalations: byCase.get(record.id) ?? [] }));
}

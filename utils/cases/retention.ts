import { db } from '../db/database';
import { purgeDeletedCases, removeCasesForGood, UNDO_WINDOW_MS } from './cases';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionPreviewItem {
  id: string;
  runbookTitle: string;
  tool: string;
  updatedAt: number;
  captureCount: number;
  rowCount: number;
}

export interface RetentionPreview {
  days: number;
  /** Cases last changed before this moment (epoch ms) would be deleted. */
  cutoff: number;
  cases: RetentionPreviewItem[];
  captureCount: number;
  rowCount: number;
  escalationCount: number;
}

/** What applyRetention(days) would delete, without deleting anything. */
export async function previewRetention(days: number, now = Date.now()): Promise<RetentionPreview> {
  const cutoff = now - days * DAY_MS;
  const cases = await db()
    .cases.where('updatedAt')
    .below(cutoff)
    .filter((record) => record.deletedAt === undefined)
    .toArray();
  const escalationCount = cases.length === 0 ? 0 : await db().escalations.where('caseId').anyOf(cases.map((c) => c.id)).count();
  const items = cases
    .sort((a, b) => a.updatedAt - b.updatedAt)
    .map((record) => ({
      id: record.id,
      runbookTitle: record.runbookTitle,
      tool: record.tool,
      updatedAt: record.updatedAt,
      captureCount: record.captureCount ?? 0,
      rowCount: record.rowCount ?? 0,
    }));
  return {
    days,
    cutoff,
    cases: items,
    captureCount: items.reduce((sum, item) => sum + item.captureCount, 0),
    rowCount: items.reduce((sum, item) => sum + item.rowCount, 0),
    escalationCount,
  };
}

export interface RetentionResult {
  cases: number;
  captures: number;
  escalations: number;
}

/** Deletes, for good, every case not changed in `days` days (and deleted cases past their Undo window). */
export async function applyRetention(days: number, now = Date.now()): Promise<RetentionResult> {
  const cutoff = now - days * DAY_MS;
  const ids = await db().cases.where('updatedAt').below(cutoff).primaryKeys();
  const removed = await removeCasesForGood(ids);
  await purgeDeletedCases(now - UNDO_WINDOW_MS);
  return removed;
}

import { db } from '../db/database';
import { guardWrite, MissingRecordError } from '../db/errors';
import type { CaptureRecord, CaseRecord, EscalationRecord } from '../db/records';
import { casePatch, caseListFilter, newCaseInput, type CaseListFilter, type CasePatch, type NewCaseInput } from './inputs';

export const CASE_GONE = 'This case no longer exists — it may have been deleted. Start the runbook again to open a new case.';

/** A case is created once per id; creating it again returns the stored one unchanged. */
export async function createCase(input: NewCaseInput, now = Date.now()): Promise<CaseRecord> {
  const valid = newCaseInput.parse(input);
  const record: CaseRecord = {
    ...valid,
    id: valid.id ?? crypto.randomUUID(),
    status: 'open',
    createdAt: now,
    updatedAt: now,
    captureCount: 0,
    rowCount: 0,
  };
  return guardWrite(() =>
    db().transaction('rw', db().cases, async () => {
      const existing = await db().cases.get(record.id);
      if (existing) return existing;
      await db().cases.add(record);
      return record;
    }),
  );
}

export async function updateCase(id: string, patch: CasePatch, now = Date.now()): Promise<CaseRecord> {
  const valid = casePatch.parse(patch);
  return guardWrite(() =>
    db().transaction('rw', db().cases, async () => {
      const existing = await db().cases.get(id);
      if (!existing || existing.deletedAt !== undefined) throw new MissingRecordError(CASE_GONE);
      const changes = Object.fromEntries(Object.entries(valid).filter(([, value]) => value !== undefined));
      const updated: CaseRecord = { ...existing, ...changes, updatedAt: now };
      await db().cases.put(updated);
      return updated;
    }),
  );
}

/** The case, unless it was deleted. */
export async function getCase(id: string): Promise<CaseRecord | undefined> {
  const record = await db().cases.get(id);
  return record && record.deletedAt === undefined ? record : undefined;
}

export interface CaseDetail {
  case: CaseRecord;
  captures: CaptureRecord[];
  escalations: EscalationRecord[];
}

/** One case with its evidence, oldest capture first: what the history's detail view shows. */
export async function getCaseDetail(id: string): Promise<CaseDetail | undefined> {
  return db().transaction('r', [db().cases, db().captures, db().escalations], async () => {
    const record = await db().cases.get(id);
    if (!record || record.deletedAt !== undefined) return undefined;
    const [captures, escalations] = await Promise.all([
      db().captures.where('caseId').equals(id).sortBy('capturedAt'),
      db().escalations.where('caseId').equals(id).sortBy('createdAt'),
    ]);
    return { case: record, captures, escalations };
  });
}

function caseText(record: CaseRecord): string {
  return [record.runbookTitle, record.runbookId, record.tool, record.pageUrl, record.notes, ...Object.values(record.inputs)]
    .join('\n')
    .toLowerCase();
}

/** Newest first. Dates use the creation-time index; the rest is a scan of (small) case records. */
export async function listCases(filter: CaseListFilter = {}): Promise<CaseRecord[]> {
  const { text, from, to, tool, runbookId, status, limit = 1_000 } = caseListFilter.parse(filter);
  const needle = text?.trim().toLowerCase();
  const toolNeedle = tool?.trim().toLowerCase();
  const range = db()
    .cases.where('createdAt')
    .between(from ?? -Infinity, to ?? Infinity, true, true)
    .reverse();
  return range
    .filter(
      (record) =>
        record.deletedAt === undefined &&
        (!status || record.status === status) &&
        (!runbookId || record.runbookId === runbookId) &&
        (!toolNeedle || record.tool.toLowerCase() === toolNeedle || record.adapterId?.toLowerCase() === toolNeedle) &&
        (!needle || caseText(record).includes(needle)),
    )
    .limit(limit)
    .toArray();
}

export interface DeletedCase {
  id: string;
  deletedAt: number;
}

/** How long a deleted case can still be restored (the Undo bar) before it is purged. */
export const UNDO_WINDOW_MS = 10 * 60 * 1000;

/**
 * Soft delete: the case disappears from every list at once, and restoreCase
 * brings it back whole. Captures and escalations stay with it until the purge,
 * so Undo survives the service worker stopping.
 */
export async function deleteCase(id: string, now = Date.now()): Promise<DeletedCase> {
  const deleted = await guardWrite(() =>
    db().transaction('rw', db().cases, async () => {
      const existing = await db().cases.get(id);
      if (!existing) throw new MissingRecordError(CASE_GONE);
      const deletedAt = existing.deletedAt ?? now;
      await db().cases.put({ ...existing, deletedAt });
      return { id, deletedAt };
    }),
  );
  await purgeDeletedCases(now - UNDO_WINDOW_MS);
  return deleted;
}

export async function restoreCase(id: string): Promise<CaseRecord> {
  return guardWrite(() =>
    db().transaction('rw', db().cases, async () => {
      const existing = await db().cases.get(id);
      if (!existing) throw new MissingRecordError('This case was already removed for good, so it cannot be brought back.');
      const { deletedAt: _deletedAt, ...restored } = existing;
      await db().cases.put(restored);
      return restored;
    }),
  );
}

/** Removes cases (with their captures and escalations) for good. */
export async function removeCasesForGood(ids: readonly string[]): Promise<{ cases: number; captures: number; escalations: number }> {
  if (ids.length === 0) return { cases: 0, captures: 0, escalations: 0 };
  return guardWrite(() =>
    db().transaction('rw', [db().cases, db().captures, db().escalations], async () => {
      const captures = await db().captures.where('caseId').anyOf(ids).delete();
      const escalations = await db().escalations.where('caseId').anyOf(ids).delete();
      await db().cases.bulkDelete([...ids]);
      return { cases: ids.length, captures, escalations };
    }),
  );
}

/** Purges soft-deleted cases whose Undo window closed before `before`. */
export async function purgeDeletedCases(before: number): Promise<number> {
  const ids = await db()
    .cases.filter((record) => record.deletedAt !== undefined && record.deletedAt < before)
    .primaryKeys();
  await removeCasesForGood(ids);
  return ids.length;
}

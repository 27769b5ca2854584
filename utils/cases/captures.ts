import { db } from '../db/database';
import { guardWrite, MissingRecordError } from '../db/errors';
import type { CaptureRecord, CaptureSummary } from '../db/records';
import { hashRows } from './canonical';
import { CASE_GONE } from './cases';
import { newCaptureInput, type NewCaptureInput } from './inputs';

export function summarizeCapture(record: CaptureRecord): CaptureSummary {
  const { rows: _rows, ...summary } = record;
  return summary;
}

/**
 * Stores captured rows as evidence. The rows live inside the capture record (one
 * write for 10,000 rows), with their SHA-256 computed before the transaction —
 * a transaction cannot wait on crypto.subtle. A capture is never overwritten:
 * writing the same id again returns the stored one, so a retry stores it once.
 */
export async function addCapture(caseId: string, input: NewCaptureInput, now = Date.now()): Promise<CaptureSummary> {
  const valid = newCaptureInput.parse(input);
  const hash = await hashRows(valid.rows);
  const record: CaptureRecord = {
    ...valid,
    id: valid.id ?? crypto.randomUUID(),
    caseId,
    capturedAt: valid.capturedAt ?? now,
    rowCount: valid.rows.length,
    hash,
  };
  const stored = await guardWrite(() =>
    db().transaction('rw', [db().cases, db().captures], async () => {
      const owner = await db().cases.get(caseId);
      if (!owner || owner.deletedAt !== undefined) throw new MissingRecordError(CASE_GONE);
      const existing = await db().captures.get(record.id);
      if (existing) {
        if (existing.caseId !== caseId) throw new MissingRecordError('This capture belongs to another case.');
        return existing;
      }
      await db().captures.add(record);
      await db().cases.put({
        ...owner,
        captureCount: (owner.captureCount ?? 0) + 1,
        rowCount: (owner.rowCount ?? 0) + record.rowCount,
        updatedAt: now,
      });
      return record;
    }),
  );
  return summarizeCapture(stored);
}

export function listCaptures(caseId: string): Promise<CaptureRecord[]> {
  return db().captures.where('caseId').equals(caseId).sortBy('capturedAt');
}

import { db } from '../db/database';
import { guardWrite, MissingRecordError } from '../db/errors';
import type { EscalationRecord, EscalationStatus } from '../db/records';
import { CASE_GONE } from './cases';
import { escalationInput, type EscalationInput } from './inputs';

/** A draft never overwrites an escalation that was already copied or opened. */
const RANK: Record<EscalationStatus, number> = { draft: 0, copied: 1, opened: 2 };

function laterStatus(a: EscalationStatus, b: EscalationStatus): EscalationStatus {
  return RANK[b] > RANK[a] ? b : a;
}

/**
 * Saves (creates or updates) an escalation. Same id → same record, so a retried
 * save is stored once. Copying or opening marks the case as escalated.
 */
export async function saveEscalation(input: EscalationInput, now = Date.now()): Promise<EscalationRecord> {
  const valid = escalationInput.parse(input);
  const id = valid.id ?? crypto.randomUUID();
  return guardWrite(() =>
    db().transaction('rw', [db().cases, db().escalations], async () => {
      const owner = await db().cases.get(valid.caseId);
      if (!owner || owner.deletedAt !== undefined) throw new MissingRecordError(CASE_GONE);
      const existing = await db().escalations.get(id);
      if (existing && existing.caseId !== valid.caseId) throw new MissingRecordError('This escalation belongs to another case.');
      const record: EscalationRecord = {
        ...valid,
        id,
        status: existing ? laterStatus(existing.status, valid.status) : valid.status,
        target: valid.target ?? existing?.target ?? null,
        ...(valid.redaction ?? existing?.redaction ? { redaction: valid.redaction ?? existing?.redaction } : {}),
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      await db().escalations.put(record);
      if (record.status !== 'draft' && owner.status === 'open') {
        await db().cases.put({ ...owner, status: 'escalated', updatedAt: now });
      }
      return record;
    }),
  );
}

export async function setEscalationStatus(
  id: string,
  status: EscalationStatus,
  target: string | null = null,
  now = Date.now(),
): Promise<EscalationRecord> {
  return guardWrite(() =>
    db().transaction('rw', [db().cases, db().escalations], async () => {
      const existing = await db().escalations.get(id);
      if (!existing) throw new MissingRecordError('This escalation no longer exists — it may have been deleted with its case.');
      const record: EscalationRecord = {
        ...existing,
        status: laterStatus(existing.status, status),
        target: target ?? existing.target,
        updatedAt: now,
      };
      await db().escalations.put(record);
      const owner = await db().cases.get(existing.caseId);
      if (owner && record.status !== 'draft' && owner.status === 'open') {
        await db().cases.put({ ...owner, status: 'escalated', updatedAt: now });
      }
      return record;
    }),
  );
}

export function listEscalations(caseId: string): Promise<EscalationRecord[]> {
  return db().escalations.where('caseId').equals(caseId).sortBy('createdAt');
}

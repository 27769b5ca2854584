import { db, type PackRecord, type PackRecordWithText } from './database';

/**
 * Packs are written with their text, in one transaction over both tables: the record
 * (what showing and matching read) in `packs`, the text (what export and update checks
 * read) in `packTexts`. Inside a transaction that already holds both, it joins it.
 */
export async function putPackRecords(records: readonly PackRecordWithText[]): Promise<void> {
  if (records.length === 0) return;
  const database = db();
  await database.transaction('rw', database.packs, database.packTexts, async () => {
    await database.packs.bulkPut(records.map(withoutText));
    await database.packTexts.bulkPut(records.map((r) => ({ id: r.id, raw: r.raw })));
  });
}

export function putPackRecord(record: PackRecordWithText): Promise<void> {
  return putPackRecords([record]);
}

/** Removes packs and their texts together. */
export async function deletePackRecords(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const database = db();
  await database.transaction('rw', database.packs, database.packTexts, async () => {
    await database.packs.bulkDelete([...ids]);
    await database.packTexts.bulkDelete([...ids]);
  });
}

/** The text a pack came as; '' when none is stored (never for a pack written by this code). */
export async function packTextOf(id: string): Promise<string> {
  return (await db().packTexts.get(id))?.raw ?? '';
}

/** The record with its text (a deleted pack's undo copy keeps both). */
export async function withText(record: PackRecord): Promise<PackRecordWithText> {
  return { ...record, raw: await packTextOf(record.id) };
}

/** The record alone, for the `packs` table (a record read back with a text keeps none). */
export function withoutText(record: PackRecord | PackRecordWithText): PackRecord {
  if (!('raw' in record)) return record;
  const { raw: _raw, ...rest } = record;
  return rest;
}

import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addCapture, listCaptures } from '../../utils/cases/captures';
import { createCase, getCase } from '../../utils/cases/cases';
import { saveEscalation } from '../../utils/cases/escalations';
import { setSettings } from '../../utils/cases/settings';
import { plainError } from '../../utils/background/router';
import { setDatabaseForTests, type TrailguideDatabase } from '../../utils/db/database';
import { guardWrite, isQuotaError, StorageFullError, StorageWriteError, STORAGE_FULL_MESSAGE, toStorageError } from '../../utils/db/errors';
import { requestPersistentStorage, resetPersistRequestForTests } from '../../utils/db/persist';
import { sampleCase, sampleRows, useFreshDatabase } from './cases-fixtures';

let database: TrailguideDatabase;
beforeEach(() => {
  database = useFreshDatabase();
});
afterEach(() => {
  database.close();
  setDatabaseForTests(undefined);
});

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('quota errors', () => {
  it('recognises a bare, a Dexie-wrapped and a bulk-wrapped quota error', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [quota()] })).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', new Error('other')))).toBe(false);
    expect(isQuotaError(new TypeError('x'))).toBe(false);
  });

  it('maps storage failures to typed errors with plain messages and leaves others alone', () => {
    expect(toStorageError(new Dexie.AbortError('aborted', quota()))).toBeInstanceOf(StorageFullError);
    expect(toStorageError(new Dexie.DatabaseClosedError())).toBeInstanceOf(StorageWriteError);
    const other = new RangeError('mine');
    expect(toStorageError(other)).toBe(other);
    expect(plainError(new StorageFullError())).toBe(STORAGE_FULL_MESSAGE);
    expect(STORAGE_FULL_MESSAGE).toMatch(/export .* delete old/i);
  });

  it('a capture that hits the quota fails plainly and loses nothing already stored', async () => {
    const record = await createCase(sampleCase());
    const first = await addCapture(record.id, { stepIndex: 1, sourceUrl: 'u', adapterId: 'a', rows: sampleRows(10) });
    vi.spyOn(database.captures, 'add').mockImplementation(() => {
      throw quota();
    });
    const failure = addCapture(record.id, { stepIndex: 2, sourceUrl: 'u', adapterId: 'a', rows: sampleRows(500) });
    await expect(failure).rejects.toBeInstanceOf(StorageFullError);
    await expect(failure).rejects.toThrow(/out of space/);
    const captures = await listCaptures(record.id);
    expect(captures.map((c) => c.id)).toEqual([first.id]);
    expect(captures[0]?.rows).toEqual(sampleRows(10));
    expect(await getCase(record.id)).toMatchObject({ captureCount: 1, rowCount: 10 });
  });

  it('a Dexie AbortError wrapping the quota error is mapped too', async () => {
    const record = await createCase(sampleCase());
    await saveEscalation({ caseId: record.id, title: 'kept', body: 'kept' });
    vi.spyOn(database.escalations, 'put').mockImplementation(() => Promise.reject(new Dexie.AbortError('Transaction aborted', quota())) as never);
    await expect(saveEscalation({ caseId: record.id, title: 'new', body: 'new' })).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect((await database.escalations.toArray()).map((e) => e.title)).toEqual(['kept']);
  });

  it('settings writes are guarded as well', async () => {
    vi.spyOn(database.settings, 'bulkPut').mockImplementation(() => Promise.reject(quota()) as never);
    await expect(setSettings({ redactEmails: true })).rejects.toBeInstanceOf(StorageFullError);
  });

  it('guardWrite passes results through', async () => {
    expect(await guardWrite(async () => 42)).toBe(42);
  });
});

describe('persistent storage', () => {
  afterEach(() => resetPersistRequestForTests());

  it('asks once and reports the answer', async () => {
    const persist = vi.fn(async () => true);
    const storage = { persisted: async () => false, persist };
    expect(await requestPersistentStorage(storage)).toBe('persisted');
    expect(await requestPersistentStorage(storage)).toBe('persisted');
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('copes with a browser (or service worker) without persist()', async () => {
    expect(await requestPersistentStorage({})).toBe('unsupported');
    resetPersistRequestForTests();
    expect(await requestPersistentStorage({ persist: async () => false })).toBe('denied');
    resetPersistRequestForTests();
    expect(await requestPersistentStorage({ persist: () => Promise.reject(new Error('no')) })).toBe('unsupported');
  });
});

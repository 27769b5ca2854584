/**
 * Storage failures in words a support agent can act on. Every write goes through
 * guardWrite: IndexedDB transactions are atomic, so a failed write changes
 * nothing that was already stored — the message can promise that.
 */
export const STORAGE_FULL_MESSAGE =
  'Your browser is out of space for Trailguide, so this was not saved. Nothing already saved was lost. ' +
  'Open Trailguide → History, export the cases you need to keep, delete old ones (or shorten how long cases are kept), then try again.';

export const STORAGE_FAILED_MESSAGE =
  'Trailguide could not save this because the browser refused to store it. Nothing already saved was lost. ' +
  'Try again; if it keeps happening, restart the browser.';

/** The browser has no room left for the extension's database. */
export class StorageFullError extends Error {
  constructor(override readonly cause?: unknown) {
    super(STORAGE_FULL_MESSAGE);
    this.name = 'StorageFullError';
  }
}

/** Any other refusal by IndexedDB (closed database, blocked upgrade, …). */
export class StorageWriteError extends Error {
  constructor(override readonly cause?: unknown) {
    super(STORAGE_FAILED_MESSAGE);
    this.name = 'StorageWriteError';
  }
}

/** A record the caller asked for is gone (deleted, or never existed). */
export class MissingRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingRecordError';
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const STORAGE_ERROR_NAMES = new Set([
  'AbortError',
  'DatabaseClosedError',
  'InvalidStateError',
  'OpenFailedError',
  'UnknownError',
  'VersionError',
  'TransactionInactiveError',
  'ReadOnlyError',
  'DataCloneError',
  'ConstraintError',
  'BulkError',
]);

/**
 * Dexie wraps the browser's error: an aborted transaction is an AbortError whose
 * `inner` is the QuotaExceededError; a bulk write reports per-item `failures`.
 * Walk those links (a few levels, no cycles) looking for the quota error.
 */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 20) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const value = current as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    if (typeof value.name === 'string' && QUOTA_NAMES.has(value.name)) return true;
    queue.push(value.inner, value.cause);
    if (Array.isArray(value.failures)) queue.push(...value.failures.slice(0, 5));
  }
  return false;
}

function isStorageError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' && (STORAGE_ERROR_NAMES.has(name) || (name.endsWith('Error') && 'inner' in (error as object)));
}

function isOwnError(error: unknown): error is Error {
  return error instanceof StorageFullError || error instanceof StorageWriteError || error instanceof MissingRecordError;
}

/** Maps a raw IndexedDB/Dexie failure to a typed error with a plain message. */
export function toStorageError(error: unknown): unknown {
  if (isOwnError(error)) return error;
  // Dexie wraps errors thrown inside a transaction whose name it knows; ours sit in `inner`.
  const inner = (error as { inner?: unknown } | null)?.inner;
  if (isOwnError(inner)) return inner;
  if (isQuotaError(error)) return new StorageFullError(error);
  if (isStorageError(error)) return new StorageWriteError(error);
  return error;
}

/** Runs a write; storage failures come out as StorageFullError / StorageWriteError. */
export async function guardWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw toStorageError(error);
  }
}

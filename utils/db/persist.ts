/**
 * Asks the browser not to evict Trailguide's data under storage pressure.
 * StorageManager.persist() exists only in window contexts (extension pages),
 * not in the service worker, and not in every browser — so absence is normal.
 * Asked once per page; the browser remembers the grant.
 */
export type PersistResult = 'persisted' | 'denied' | 'unsupported';

let asked: Promise<PersistResult> | undefined;

interface StorageLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

export function requestPersistentStorage(storage: StorageLike | undefined = globalThis.navigator?.storage): Promise<PersistResult> {
  asked ??= (async (): Promise<PersistResult> => {
    if (!storage || typeof storage.persist !== 'function') return 'unsupported';
    try {
      if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'persisted';
      return (await storage.persist()) ? 'persisted' : 'denied';
    } catch {
      return 'unsupported';
    }
  })();
  return asked;
}

/** For tests: forget that we asked. */
export function resetPersistRequestForTests(): void {
  asked = undefined;
}

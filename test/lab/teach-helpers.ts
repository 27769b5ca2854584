/**
 * What every lab teach spec does the same way: a browser with the built demo extension and no
 * pack (in the zone the console shows its times in — a taught adapter reads times in the
 * browser's zone), and the taught adapter read back raw from the extension's database.
 */
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { CHROME_PATH, chromiumArgs } from '../e2e/fixtures';

export function launchTeachBrowser(dir: string, timezoneId: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROME_PATH,
    headless: true,
    args: chromiumArgs(),
    viewport: { width: 1280, height: 800 },
    timezoneId,
  });
}

export interface SavedColumn {
  header?: string;
  selectors?: string[];
  attr?: string;
  pattern?: string;
  heading?: string[];
}

/** The taught adapter as saved in the local pack, read raw from the extension's database. */
export function savedAdapter(worker: Worker, id: string): Promise<{ results?: { columns: Record<string, SavedColumn> } } | undefined> {
  return worker.evaluate(
    (adapterId) =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('trailguide');
        request.onerror = () => reject(new Error(String(request.error)));
        request.onsuccess = () => {
          const all = request.result.transaction('packs', 'readonly').objectStore('packs').getAll();
          all.onsuccess = () => {
            request.result.close();
            const adapters = (all.result as { pack: { adapters: { id: string }[] } }[]).flatMap((p) => p.pack.adapters);
            resolve(adapters.find((a) => a.id === adapterId));
          };
        };
      }),
    id,
  ) as never;
}

import type { BrowserContext, ConsoleMessage, Frame, Page, Worker } from '@playwright/test';
import { expect, panelFrame } from './fixtures';

/** Shared by the security suites (test/e2e/security-*.spec.ts). */

export type TableCounts = Record<string, number>;

/**
 * Counts every record in Trailguide's database, read raw from the service worker
 * (the extension origin — the only place the database exists).
 */
export function dbCounts(worker: Worker): Promise<TableCounts> {
  return worker.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const request = indexedDB.open('trailguide');
        request.onerror = () => reject(new Error(String(request.error)));
        request.onsuccess = () => {
          const database = request.result;
          const names = [...database.objectStoreNames];
          const out: Record<string, number> = {};
          if (names.length === 0) {
            database.close();
            return resolve(out);
          }
          const tx = database.transaction(names, 'readonly');
          for (const name of names) {
            const count = tx.objectStore(name).count();
            count.onsuccess = () => (out[name] = count.result);
          }
          tx.oncomplete = () => {
            database.close();
            resolve(out);
          };
        };
      }),
  );
}

/** Every record of one store, for checks on what was saved. */
export function dbRecords<T = Record<string, unknown>>(worker: Worker, store: string): Promise<T[]> {
  return worker.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const request = indexedDB.open('trailguide');
        request.onerror = () => reject(new Error(String(request.error)));
        request.onsuccess = () => {
          const database = request.result;
          const all = database.transaction(name, 'readonly').objectStore(name).getAll();
          all.onsuccess = () => {
            database.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => reject(new Error(String(all.error)));
        };
      }),
    store,
  );
}

/** Errors the extension reports in the service worker's console or the page's (content script) console. */
export function collectErrors(context: BrowserContext, worker: Worker, page: Page): string[] {
  const errors: string[] = [];
  const keep = (where: string) => (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`${where}: ${message.text()}`);
  };
  worker.on('console', keep('service worker'));
  page.on('console', keep('page'));
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  context.on('weberror', (error) => errors.push(`web error: ${error.error().message}`));
  return errors;
}

/** What the panel shows: enough to tell whether anything changed it. */
export async function panelState(panel: Frame) {
  return {
    title: await panel.getByTestId('runbook-title').innerText(),
    email: await panel.getByTestId('input-email').inputValue(),
    steps: await panel.getByTestId('step').evaluateAll((steps) => steps.map((s) => s.getAttribute('data-state'))),
    captured: await panel.getByTestId('captured-row').count(),
    alerts: await panel.getByRole('alert').allInnerTexts(),
  };
}

/** Opens the settings runbook on the demo (or hostile) console and returns its panel. */
export async function openSettingsRunbook(page: Page, url: string): Promise<Frame> {
  await page.goto(url);
  const panel = await panelFrame(page);
  await panel.locator('[data-runbook-id="settings-changed-without-permission"]').click();
  await expect(panel.getByTestId('runbook-title')).toBeVisible();
  return panel;
}

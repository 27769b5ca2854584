import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerCaseHandlers } from '../../utils/background/case-handlers';
import { dispatch, resetRoutes, type SenderCheck } from '../../utils/background/router';
import type { SenderInfo } from '../../utils/messages';
import { setDatabaseForTests, TrailguideDatabase } from '../../utils/db/database';
import type { CapturedRow } from '../../utils/db/records';
import type { NewCaseInput } from '../../utils/cases/inputs';

/** A fresh, isolated database per test (its own fake IndexedDB). */
export function useFreshDatabase(name = 'trailguide'): TrailguideDatabase {
  const database = new TrailguideDatabase(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  setDatabaseForTests(database);
  return database;
}

/**
 * For suites that talk to the case handlers through the router: a fresh database
 * and freshly registered handlers for every test. Returns a getter for the database.
 */
export function useCaseHandlersPerTest(): () => TrailguideDatabase {
  let database: TrailguideDatabase;
  beforeEach(() => {
    database = useFreshDatabase();
    resetRoutes();
    registerCaseHandlers();
  });
  afterEach(() => {
    resetRoutes();
    database.close();
    setDatabaseForTests(undefined);
  });
  return () => database;
}

export function sampleCase(overrides: Partial<NewCaseInput> = {}): NewCaseInput {
  return {
    runbookId: 'settings-changed-without-permission',
    runbookTitle: 'A customer says their account settings were changed without their permission',
    packId: 'trailguide-essentials',
    adapterId: 'acme-demo',
    tool: 'Acme Admin',
    pageUrl: 'https://acme.example/audit?actor=dana.whitfield%40northwind.example',
    inputs: { email: 'dana.whitfield@northwind.example', range: '2026-03-01..2026-03-31' },
    steps: ['done', 'done', 'todo', 'todo'],
    currentStep: 2,
    notes: 'Customer called twice.',
    ...overrides,
  };
}

export function sampleRows(count: number, seed = 0): CapturedRow[] {
  return Array.from({ length: count }, (_, i) => ({
    time: new Date(Date.UTC(2026, 2, 1) + (i + seed) * 60_000).toISOString(),
    actor: i % 3 === 0 ? 'dana.whitfield@northwind.example' : `agent${i % 7}@acme.example`,
    action: i % 2 === 0 ? 'account.settings_changed' : 'user.login',
    target: 'dana.whitfield@northwind.example',
    ip: `203.0.113.${(i + seed) % 250}`,
    result: 'success',
    raw: { Time: `Mar 1, ${i}`, Actor: `row ${i + seed}`, Details: i % 5 === 0 ? 'said "hi", then\nleft' : 'ok' },
  }));
}

/**
 * Connects the page-side client (utils/cases/client.ts, via the fake browser's
 * runtime.sendMessage) to the real background handlers, as the panel would be.
 */
export function connectPagesToBackground(): void {
  resetRoutes();
  registerCaseHandlers();
  const check: SenderCheck = { extensionId: 'trailguide-id', extensionOrigin: 'chrome-extension://trailguide-id/' };
  const page: SenderInfo = { id: 'trailguide-id', url: 'chrome-extension://trailguide-id/panel.html', tab: { id: 1 } };
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => dispatch(message, page, check));
}

/** Lets effects, messages and IndexedDB settle until `check` passes (or fails after 15 s: a condition, not a sleep, so only a loaded CI machine waits that long). */
export async function waitFor(check: () => void | Promise<void>, { timeoutMs = 15_000 } = {}): Promise<void> {
  const started = Date.now();
  for (;;) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
    }
  }
}

/** Ends a UI test: unmounts what it rendered, drops the page-to-background routes and closes the test database. */
export function tearDownUi(container: HTMLElement, database: TrailguideDatabase): void {
  render(null, container);
  container.remove();
  resetRoutes();
  database.close();
  setDatabaseForTests(undefined);
}

import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerCaseHandlers, runCaseHousekeeping } from '../../utils/background/case-handlers';
import { resetRoutes } from '../../utils/background/router';
import { addCapture } from '../../utils/cases/captures';
import { createCase, deleteCase, UNDO_WINDOW_MS } from '../../utils/cases/cases';
import { saveEscalation } from '../../utils/cases/escalations';
import { applyRetention, previewRetention } from '../../utils/cases/retention';
import { setSettings } from '../../utils/cases/settings';
import { setDatabaseForTests, type TrailguideDatabase } from '../../utils/db/database';
import { sampleCase, sampleRows, useFreshDatabase } from './cases-fixtures';

/**
 * Retention (issue 19): the History page promises "Cases not changed for N days are
 * deleted automatically". The deletion runs as housekeeping each time the service
 * worker starts (registerCaseHandlers → runCaseHousekeeping), so these tests check
 * that the worker's start really deletes, and exactly the cases the promise names.
 */
const DAY = 24 * 60 * 60 * 1000;
let database: TrailguideDatabase;

beforeEach(() => {
  fakeBrowser.reset();
  database = useFreshDatabase();
});
afterEach(() => {
  resetRoutes();
  database.close();
  setDatabaseForTests(undefined);
});

async function caseIds(): Promise<string[]> {
  return (await database.cases.toArray()).map((record) => record.id).sort();
}

describe('automatic deletion is scheduled when the service worker starts', () => {
  it('the background entry point registers the case handlers, which start housekeeping', () => {
    const source = readFileSync(new URL('../../entrypoints/background.ts', import.meta.url), 'utf8');
    expect(source).toMatch(/^\s*registerCaseHandlers\(\);/m);
  });

  it('starting the worker with a 30-day setting deletes cases older than 30 days and keeps the rest', async () => {
    const now = Date.now();
    const old = await createCase(sampleCase(), now - 45 * DAY);
    await addCapture(old.id, { stepIndex: 1, sourceUrl: 'u', adapterId: 'a', rows: sampleRows(4) }, now - 45 * DAY);
    await saveEscalation({ caseId: old.id, title: 't', body: 'b' }, now - 45 * DAY);
    const recent = await createCase(sampleCase(), now - 5 * DAY);
    await setSettings({ retentionDays: 30 });

    resetRoutes();
    registerCaseHandlers(); // what the service worker does on every start
    await vi.waitFor(async () => expect(await caseIds()).toEqual([recent.id]), { timeout: 10_000, interval: 20 });
    expect(await database.captures.count()).toBe(0);
    expect(await database.escalations.count()).toBe(0);
  });

  it('"keep until I delete them" (no retention) deletes nothing, however old', async () => {
    const now = Date.now();
    const old = await createCase(sampleCase(), now - 4000 * DAY);
    await setSettings({ retentionDays: null });
    await runCaseHousekeeping(now);
    expect(await caseIds()).toEqual([old.id]);
  });

  it('housekeeping also purges cases deleted longer ago than the Undo window, and keeps ones still undoable', async () => {
    const now = 1000 * DAY;
    const gone = await createCase(sampleCase(), now - DAY);
    const undoable = await createCase(sampleCase(), now - DAY);
    await deleteCase(gone.id, now - UNDO_WINDOW_MS - 1);
    await deleteCase(undoable.id, now - UNDO_WINDOW_MS + 60_000);
    await runCaseHousekeeping(now);
    expect(await caseIds()).toEqual([undoable.id]);
  });

  it('a storage failure during housekeeping is swallowed (the next start tries again)', async () => {
    database.close();
    await expect(runCaseHousekeeping()).resolves.toBeUndefined();
  });
});

describe('applyRetention and previewRetention', () => {
  it('the cutoff is exactly N days before now: a case changed at the cutoff is kept, one a millisecond earlier is deleted', async () => {
    const now = 500 * DAY;
    const atCutoff = await createCase(sampleCase(), now - 30 * DAY);
    const justBefore = await createCase(sampleCase(), now - 30 * DAY - 1);
    const preview = await previewRetention(30, now);
    expect(preview.cutoff).toBe(now - 30 * DAY);
    expect(preview.days).toBe(30);
    expect(preview.cases.map((c) => c.id)).toEqual([justBefore.id]);
    expect(await applyRetention(30, now)).toEqual({ cases: 1, captures: 0, escalations: 0 });
    expect(await caseIds()).toEqual([atCutoff.id]);
  });

  it('the preview lists the oldest first with their counts, sums them, and leaves out cases already in the bin', async () => {
    const now = 500 * DAY;
    const older = await createCase(sampleCase({ runbookTitle: 'Older', tool: 'GitHub' }), now - 90 * DAY);
    const newer = await createCase(sampleCase({ runbookTitle: 'Newer', tool: 'Okta' }), now - 60 * DAY);
    const binned = await createCase(sampleCase(), now - 80 * DAY);
    await addCapture(newer.id, { stepIndex: 1, sourceUrl: 'u', adapterId: 'a', rows: sampleRows(3) }, now - 60 * DAY);
    await addCapture(newer.id, { stepIndex: 2, sourceUrl: 'u', adapterId: 'a', rows: sampleRows(2) }, now - 60 * DAY);
    await addCapture(older.id, { stepIndex: 1, sourceUrl: 'u', adapterId: 'a', rows: sampleRows(7) }, now - 90 * DAY);
    await saveEscalation({ caseId: older.id, title: 't', body: 'b' }, now - 90 * DAY);
    await saveEscalation({ caseId: newer.id, title: 't', body: 'b' }, now - 60 * DAY);
    await deleteCase(binned.id, now - 80 * DAY);

    const preview = await previewRetention(30, now);
    expect(preview.cases).toEqual([
      { id: older.id, runbookTitle: 'Older', tool: 'GitHub', updatedAt: now - 90 * DAY, captureCount: 1, rowCount: 7 },
      { id: newer.id, runbookTitle: 'Newer', tool: 'Okta', updatedAt: now - 60 * DAY, captureCount: 2, rowCount: 5 },
    ]);
    expect(preview).toMatchObject({ captureCount: 3, rowCount: 12, escalationCount: 2 });
    // The preview deleted nothing.
    expect((await caseIds()).length).toBe(3);
  });

  it('apply also empties the bin past its Undo window, but never a case that can still be undone', async () => {
    const now = 500 * DAY;
    const undoable = await createCase(sampleCase(), now - DAY);
    const expired = await createCase(sampleCase(), now - DAY);
    await deleteCase(undoable.id, now - 60_000);
    await deleteCase(expired.id, now - UNDO_WINDOW_MS - 1);
    await applyRetention(30, now);
    expect(await caseIds()).toEqual([undoable.id]);
  });

  it('a preview with nothing to delete reports zeros', async () => {
    await createCase(sampleCase(), 499 * DAY);
    expect(await previewRetention(30, 500 * DAY)).toEqual({ days: 30, cutoff: 470 * DAY, cases: [], captureCount: 0, rowCount: 0, escalationCount: 0 });
  });
});

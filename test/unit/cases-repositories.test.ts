import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCapture, listCaptures } from '../../utils/cases/captures';
import { canonicalJson, hashRows, sha256Hex } from '../../utils/cases/canonical';
import { createCase, deleteCase, getCase, getCaseDetail, listCases, purgeDeletedCases, restoreCase, updateCase } from '../../utils/cases/cases';
import { saveEscalation, setEscalationStatus } from '../../utils/cases/escalations';
import { casesHistory } from '../../utils/cases/history';
import { applyRetention, previewRetention } from '../../utils/cases/retention';
import { DEFAULT_CASE_SETTINGS, getSettings, setSettings } from '../../utils/cases/settings';
import { setDatabaseForTests, type TrailguideDatabase } from '../../utils/db/database';
import { sampleCase, sampleRows, useFreshDatabase } from './cases-fixtures';

const DAY = 24 * 60 * 60 * 1000;
let database: TrailguideDatabase;

beforeEach(() => {
  database = useFreshDatabase();
});
afterEach(() => {
  database.close();
  setDatabaseForTests(undefined);
});

describe('canonical JSON and hashing', () => {
  it('sorts keys, drops undefined and adds no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, undefined], c: undefined, 'é': 'x"y' })).toBe('{"a":[true,null,null],"b":1,"é":"x\\"y"}');
  });

  it('sorts index-like keys as text too ("10" before "9")', () => {
    expect(canonicalJson({ b: { 9: 'x', 10: 'y', a: null } })).toBe('{"b":{"10":"y","9":"x","a":null}}');
    expect(canonicalJson([{ z: 1, a: [{ y: 2, b: undefined }] }])).toBe('[{"a":[{"y":2}],"z":1}]');
  });

  it('gives the same hash whatever the key order', async () => {
    const a = await hashRows([{ actor: 'a', time: null, raw: { X: '1', A: '2' } }]);
    const b = await hashRows([{ raw: { A: '2', X: '1' }, time: null, actor: 'a' }]);
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is SHA-256 of the UTF-8 bytes', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('refuses values JSON cannot represent', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/not finite/);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(/cannot be hashed/);
  });
});

describe('cases', () => {
  it('creates, reads and updates a case', async () => {
    const created = await createCase(sampleCase(), 1_000);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.status).toBe('open');
    const updated = await updateCase(created.id, { notes: 'More detail', steps: ['done', 'done', 'done', 'todo'], currentStep: 3 }, 2_000);
    expect(updated).toMatchObject({ notes: 'More detail', currentStep: 3, updatedAt: 2_000, createdAt: 1_000 });
    expect(await getCase(created.id)).toEqual(updated);
  });

  it('creating the same id twice stores it once and keeps the first', async () => {
    const id = crypto.randomUUID();
    await createCase(sampleCase({ id, notes: 'first' }));
    const again = await createCase(sampleCase({ id, notes: 'second' }));
    expect(again.notes).toBe('first');
    expect(await database.cases.count()).toBe(1);
  });

  it('rejects bad input with a message naming the problem', async () => {
    await expect(createCase({ ...sampleCase(), inputs: JSON.parse('{"constructor":"x"}') })).rejects.toThrow(/not allowed/);
    await expect(updateCase('nope', { notes: 'x' })).rejects.toThrow(/no longer exists/);
  });

  it('lists by text, date, tool, runbook and status, newest first', async () => {
    const a = await createCase(sampleCase({ notes: 'alpha' }), 10 * DAY);
    const b = await createCase(sampleCase({ runbookId: 'compliance-access-history', tool: 'Okta', adapterId: 'okta', notes: 'beta' }), 20 * DAY);
    const c = await createCase(sampleCase({ notes: 'gamma' }), 30 * DAY);
    await updateCase(c.id, { status: 'closed' });
    expect((await listCases()).map((x) => x.id)).toEqual([c.id, b.id, a.id]);
    expect((await listCases({ text: 'BETA' })).map((x) => x.id)).toEqual([b.id]);
    expect((await listCases({ text: 'northwind' })).length).toBe(3);
    expect((await listCases({ from: 15 * DAY, to: 25 * DAY })).map((x) => x.id)).toEqual([b.id]);
    expect((await listCases({ tool: 'okta' })).map((x) => x.id)).toEqual([b.id]);
    expect((await listCases({ runbookId: 'settings-changed-without-permission' })).map((x) => x.id)).toEqual([c.id, a.id]);
    expect((await listCases({ status: 'closed' })).map((x) => x.id)).toEqual([c.id]);
  });

  it('deletes with undo, and purges after the undo window', async () => {
    const kept = await createCase(sampleCase());
    const gone = await createCase(sampleCase());
    await addCapture(gone.id, { stepIndex: 1, sourceUrl: 'https://acme.example/audit', adapterId: 'acme-demo', rows: sampleRows(3) });
    await saveEscalation({ caseId: gone.id, title: 't', body: 'b' });

    const deleted = await deleteCase(gone.id, 5_000);
    expect(deleted.deletedAt).toBe(5_000);
    expect(await getCase(gone.id)).toBeUndefined();
    expect((await listCases()).map((c) => c.id)).toEqual([kept.id]);

    const restored = await restoreCase(gone.id);
    expect(restored.deletedAt).toBeUndefined();
    const detail = await getCaseDetail(gone.id);
    expect(detail?.captures[0]?.rows).toHaveLength(3);
    expect(detail?.escalations).toHaveLength(1);

    await deleteCase(gone.id, 5_000);
    expect(await purgeDeletedCases(4_000)).toBe(0);
    expect(await purgeDeletedCases(6_000)).toBe(1);
    expect(await database.captures.count()).toBe(0);
    expect(await database.escalations.count()).toBe(0);
    await expect(restoreCase(gone.id)).rejects.toThrow(/removed for good/);
    expect(await getCase(kept.id)).toBeDefined();
  });
});

describe('captures', () => {
  it('stores rows with their hash and keeps counts on the case', async () => {
    const record = await createCase(sampleCase());
    const rows = sampleRows(25);
    const summary = await addCapture(record.id, {
      stepIndex: 1,
      sourceUrl: 'https://acme.example/audit?action=account.settings_changed',
      adapterId: 'acme-demo',
      filters: { action: 'account.settings_changed', since: '2026-03-01' },
      timeRange: { from: '2026-03-01', to: '2026-03-31' },
      rows,
    }, 7_000);
    expect(summary).not.toHaveProperty('rows');
    expect(summary.rowCount).toBe(25);
    expect(summary.hash).toBe(await hashRows(rows));
    expect(summary.capturedAt).toBe(7_000);
    const [stored] = await listCaptures(record.id);
    expect(stored?.rows).toEqual(rows);
    expect(await getCase(record.id)).toMatchObject({ captureCount: 1, rowCount: 25, updatedAt: 7_000 });
  });

  it('a capture sent twice with the same id is stored once', async () => {
    const record = await createCase(sampleCase());
    const id = crypto.randomUUID();
    const input = { id, stepIndex: 1, sourceUrl: 'https://acme.example/audit', adapterId: 'acme-demo', rows: sampleRows(4) };
    const first = await addCapture(record.id, input);
    const second = await addCapture(record.id, { ...input, rows: sampleRows(9) });
    expect(second).toEqual(first);
    expect(await database.captures.count()).toBe(1);
    expect(await getCase(record.id)).toMatchObject({ captureCount: 1, rowCount: 4 });
  });

  it('refuses captures for a missing case and more than 10,000 rows', async () => {
    await expect(addCapture('missing', { stepIndex: 0, sourceUrl: '', adapterId: 'a', rows: [] })).rejects.toThrow(/no longer exists/);
    const record = await createCase(sampleCase());
    const tooMany = new Array(10_001).fill(sampleRows(1)[0]);
    await expect(addCapture(record.id, { stepIndex: 0, sourceUrl: '', adapterId: 'a', rows: tooMany })).rejects.toThrow(/at most 10000 rows/);
  });
});

describe('escalations', () => {
  it('saves drafts idempotently and never downgrades a copied escalation', async () => {
    const record = await createCase(sampleCase());
    const id = crypto.randomUUID();
    await saveEscalation({ id, caseId: record.id, title: 'T', body: 'draft 1' }, 1_000);
    await saveEscalation({ id, caseId: record.id, title: 'T', body: 'draft 2' }, 2_000);
    expect(await database.escalations.count()).toBe(1);
    expect((await getCase(record.id))?.status).toBe('open');

    const copied = await setEscalationStatus(id, 'copied', null, 3_000);
    expect(copied).toMatchObject({ status: 'copied', body: 'draft 2', createdAt: 1_000 });
    expect((await getCase(record.id))?.status).toBe('escalated');

    const late = await saveEscalation({ id, caseId: record.id, status: 'draft', title: 'T', body: 'draft 3' });
    expect(late.status).toBe('copied');
    const opened = await setEscalationStatus(id, 'opened', 'github');
    expect(opened).toMatchObject({ status: 'opened', target: 'github' });
  });

  it('history lists cases with escalation summaries and no bodies', async () => {
    const record = await createCase(sampleCase());
    await saveEscalation({ caseId: record.id, title: 'Escalated', body: 'long body', status: 'copied' });
    const [entry] = await casesHistory();
    expect(entry?.case.id).toBe(record.id);
    expect(entry?.escalations[0]).toMatchObject({ title: 'Escalated', status: 'copied' });
    expect(entry?.escalations[0]).not.toHaveProperty('body');
  });
});

describe('retention', () => {
  it('previews exactly what apply deletes', async () => {
    const now = 100 * DAY;
    const old = await createCase(sampleCase(), 10 * DAY);
    await addCapture(old.id, { stepIndex: 1, sourceUrl: 'u', adapterId: 'a', rows: sampleRows(5) }, 10 * DAY);
    await saveEscalation({ caseId: old.id, title: 't', body: 'b' }, 10 * DAY);
    const recent = await createCase(sampleCase(), 95 * DAY);

    const preview = await previewRetention(30, now);
    expect(preview.cases.map((c) => c.id)).toEqual([old.id]);
    expect(preview).toMatchObject({ captureCount: 1, rowCount: 5, escalationCount: 1, cutoff: 70 * DAY });
    expect(await database.cases.count()).toBe(2);

    expect(await applyRetention(30, now)).toEqual({ cases: 1, captures: 1, escalations: 1 });
    expect((await listCases()).map((c) => c.id)).toEqual([recent.id]);
    expect(await database.captures.count()).toBe(0);
  });
});

describe('settings', () => {
  it('returns defaults, stores a patch and ignores values that no longer fit', async () => {
    expect(await getSettings()).toEqual(DEFAULT_CASE_SETTINGS);
    const saved = await setSettings({ retentionDays: 90, redactEmails: true, githubRepo: 'acme/support' });
    expect(saved).toMatchObject({ retentionDays: 90, redactEmails: true, githubRepo: 'acme/support', redactIps: false });
    await database.settings.put({ key: 'retentionDays', value: 'forever' });
    expect((await getSettings()).retentionDays).toBeNull();
    await expect(setSettings({ githubBaseUrl: 'http://evil.example' })).rejects.toThrow();
    expect((await setSettings({ githubBaseUrl: 'http://127.0.0.1:4321' })).githubBaseUrl).toBe('http://127.0.0.1:4321');
  });
});

import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashRows, sha256Hex } from '../../utils/cases/canonical';
import { TrailguideDatabase } from '../../utils/db/database';
import { captureRecord, caseRecord, escalationRecord } from '../../utils/db/records';
import { sampleRows } from './cases-fixtures';

/**
 * Issue 7 §8 — migrations at scale. A database written by each schema version
 * that ever shipped, seeded with 10,000 captured rows and 500 escalations, is
 * opened by today's code: every record is byte-identical (per-table SHA-256),
 * every capture's stored hash still matches its rows, and every record still
 * passes today's record schema. Each entry below is a frozen copy of a shipped
 * version and must never change; when database.ts gains version(n + 1), add the
 * frozen version(n) here (the last test fails until you do).
 */
const SHIPPED_VERSIONS: { version: number; stores: Record<string, string> }[] = [
  {
    version: 1,
    stores: {
      packs: 'id, source, enabled, updatedAt',
      cases: 'id, runbookId, adapterId, status, createdAt, updatedAt',
      captures: 'id, caseId, capturedAt',
      escalations: 'id, caseId, status, createdAt',
      settings: 'key',
    },
  },
  {
    // Version 2: each pack's text in its own table (docs/performance.md, worker cold start).
    version: 2,
    stores: {
      packs: 'id, source, enabled, updatedAt',
      packTexts: 'id',
      cases: 'id, runbookId, adapterId, status, createdAt, updatedAt',
      captures: 'id, caseId, capturedAt',
      escalations: 'id, caseId, status, createdAt',
      settings: 'key',
    },
  },
];

const CASES = 100;
const CAPTURES = 40;
const ROWS_PER_CAPTURE = 250; // 40 × 250 = 10,000 rows
const ESCALATIONS = 500;
const T0 = 1_760_000_000_000;

async function seed(version: number, stores: Record<string, string>, indexedDB: IDBFactory) {
  const old = new Dexie('trailguide', { indexedDB, IDBKeyRange });
  old.version(version).stores(stores);
  await old.open();
  const cases = Array.from({ length: CASES }, (_, i) => ({
    id: `case-${i}`,
    runbookId: i % 2 ? 'settings-changed-without-permission' : 'compliance-access-history',
    runbookTitle: `Runbook “${i}” — with ünïcode`,
    packId: 'trailguide-essentials',
    adapterId: i % 5 ? 'acme-demo' : null,
    tool: 'Acme Admin',
    pageUrl: `https://acme.example/audit?page=${i}&q=a%20b`,
    inputs: { email: `user${i}@northwind.example`, range: '-14d..now' },
    steps: ['done', 'done', 'todo', 'failed'],
    currentStep: 2,
    notes: i % 9 ? '' : `Line one\nline "two", tab\there ${i}`,
    status: (['open', 'escalated', 'closed'] as const)[i % 3],
    createdAt: T0 + i * 1_000,
    updatedAt: T0 + i * 2_000,
    captureCount: i < CAPTURES ? 1 : 0,
    rowCount: i < CAPTURES ? ROWS_PER_CAPTURE : 0,
    ...(i % 17 === 0 ? { deletedAt: T0 + 99_000 } : {}),
  }));
  const captures = await Promise.all(
    Array.from({ length: CAPTURES }, async (_, i) => {
      const rows = sampleRows(ROWS_PER_CAPTURE, i * ROWS_PER_CAPTURE);
      return {
        id: `capture-${i}`,
        caseId: `case-${i}`,
        stepIndex: 1,
        sourceUrl: 'https://acme.example/audit?action=user.login',
        adapterId: 'acme-demo',
        filters: { action: 'user.login', since: '2026-03-01' },
        timeRange: { from: '2026-03-01', to: i % 2 ? null : '2026-03-31' },
        capturedAt: T0 + 500_000 + i,
        rows,
        rowCount: rows.length,
        hash: await hashRows(rows),
      };
    }),
  );
  const escalations = Array.from({ length: ESCALATIONS }, (_, i) => ({
    id: `escalation-${i}`,
    caseId: `case-${i % CASES}`,
    status: (['draft', 'copied', 'opened'] as const)[i % 3],
    templateId: i % 2 ? 'engineering-escalation' : null,
    format: (['markdown', 'text', 'json'] as const)[i % 3],
    title: `Escalation ${i}`,
    body: `## What happened\n| time | actor |\n|---|---|\n| 2026-03-01 | dana |\n${'detail '.repeat(i % 50)}`,
    target: i % 3 === 2 ? 'github' : null,
    createdAt: T0 + 900_000 + i,
    updatedAt: T0 + 900_000 + i,
  }));
  await old.table('cases').bulkAdd(cases);
  await old.table('captures').bulkAdd(captures);
  await old.table('escalations').bulkAdd(escalations);
  const pack = { id: 'trailguide-essentials', source: 'builtin', enabled: true, locked: false, pack: { id: 'x' }, installedAt: 1, updatedAt: 2 };
  if ('packTexts' in stores) {
    await old.table('packs').bulkAdd([pack]);
    await old.table('packTexts').bulkAdd([{ id: pack.id, raw: 'id: x\n' }]);
  } else await old.table('packs').bulkAdd([{ ...pack, raw: 'id: x\n' }]);
  await old.table('settings').bulkAdd([{ key: 'retentionDays', value: 90 }, { key: 'redactEmails', value: true }]);
  const sums = await checksums(old, Object.keys(stores));
  old.close();
  return sums;
}

async function checksums(database: Dexie, tables: string[]): Promise<Record<string, { count: number; sha: string }>> {
  const out: Record<string, { count: number; sha: string }> = {};
  const texts = database.tables.some((t) => t.name === 'packTexts') ? new Map((await database.table('packTexts').toArray()).map((t) => [t.id, t.raw])) : null;
  for (const name of tables) {
    let records = await database.table(name).toArray();
    // From version 2 a pack's text is kept apart: the pack is its record with its text.
    if (name === 'packs' && texts) records = records.map((r) => ({ ...r, raw: r.raw ?? texts.get(r.id) }));
    out[name] = { count: records.length, sha: await sha256Hex(canonicalJson(records)) };
  }
  return out;
}

describe.each(SHIPPED_VERSIONS)('a database written by schema version $version', ({ version, stores }) => {
  it('opens in today’s code with 10,000 rows and 500 escalations intact', { timeout: 60_000 }, async () => {
    const indexedDB = new IDBFactory();
    const before = await seed(version, stores, indexedDB);
    expect(before.escalations?.count).toBe(ESCALATIONS);

    const current = new TrailguideDatabase('trailguide', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(version);
    expect(await checksums(current, Object.keys(stores))).toEqual(before);

    const captures = await current.captures.toArray();
    expect(captures.reduce((n, c) => n + c.rows.length, 0)).toBe(10_000);
    for (const capture of captures) {
      expect(await hashRows(capture.rows), capture.id).toBe(capture.hash);
      expect(captureRecord.safeParse(capture).success, capture.id).toBe(true);
    }
    for (const record of await current.cases.toArray()) expect(caseRecord.safeParse(record).error, record.id).toBeUndefined();
    for (const record of await current.escalations.toArray()) expect(escalationRecord.safeParse(record).error, record.id).toBeUndefined();
    // The indexes the repositories rely on still answer.
    expect(await current.escalations.where('caseId').equals('case-7').count()).toBe(ESCALATIONS / CASES);
    expect(await current.captures.where('caseId').equals('case-3').count()).toBe(1);
    expect(await current.cases.where('status').equals('open').count()).toBe(34);
    current.close();
  });

  it('is still fully declared by today’s code: every table and index of that version', () => {
    // Dexie opens a database whose indexes differ quietly, so an index dropped by editing
    // version(n) in place would go unnoticed on upgrade and missing on fresh installs.
    const current = new TrailguideDatabase('schema-check', { indexedDB: new IDBFactory(), IDBKeyRange });
    for (const [table, spec] of Object.entries(stores)) {
      const schema = current.tables.find((t) => t.name === table)?.schema;
      expect(schema, table).toBeDefined();
      const [primary, ...indexes] = spec.split(',').map((part) => part.trim());
      expect(schema!.primKey.name, table).toBe(primary);
      expect(schema!.indexes.map((i) => i.name), table).toEqual(expect.arrayContaining(indexes));
    }
  });
});

describe('the list of shipped versions', () => {
  it('includes the current version, so a new version(n + 1) cannot ship without a frozen copy of version n here', () => {
    const current = new TrailguideDatabase('version-check', { indexedDB: new IDBFactory(), IDBKeyRange });
    const versions = SHIPPED_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.at(-1)).toBe(current.verno);
  });
});

import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashRows, sha256Hex } from '../../utils/cases/canonical';
import { TrailguideDatabase } from '../../utils/db/database';
import { sampleRows } from './cases-fixtures';

/**
 * A frozen copy of schema version 1 as it shipped. It must never change: a
 * database written by v1 is opened by today's code and every record checked.
 * When version(2) is added, add a "v1 → v2" case below with its upgrade checks.
 */
const V1_STORES = {
  packs: 'id, source, enabled, updatedAt',
  cases: 'id, runbookId, adapterId, status, createdAt, updatedAt',
  captures: 'id, caseId, capturedAt',
  escalations: 'id, caseId, status, createdAt',
  settings: 'key',
};
const TABLES = Object.keys(V1_STORES);

async function seedV1(indexedDB: IDBFactory) {
  const v1 = new Dexie('trailguide', { indexedDB, IDBKeyRange });
  v1.version(1).stores(V1_STORES);
  await v1.open();
  const cases = Array.from({ length: 300 }, (_, i) => ({
    id: `case-${i}`,
    runbookId: i % 2 ? 'settings-changed-without-permission' : 'compliance-access-history',
    runbookTitle: `Runbook ${i}`,
    packId: 'trailguide-essentials',
    adapterId: i % 3 ? 'acme-demo' : null,
    tool: 'Acme Admin',
    pageUrl: `https://acme.example/audit?page=${i}`,
    inputs: { email: `user${i}@northwind.example` },
    steps: ['done', 'todo'],
    currentStep: 1,
    notes: i % 7 ? '' : `Note with "quotes", commas and\nnew lines ${i}`,
    status: (['open', 'escalated', 'closed'] as const)[i % 3],
    createdAt: 1_700_000_000_000 + i * 1_000,
    updatedAt: 1_700_000_000_000 + i * 2_000,
  }));
  const captures = await Promise.all(
    Array.from({ length: 60 }, async (_, i) => {
      const rows = sampleRows(50 + i, i);
      return {
        id: `capture-${i}`,
        caseId: `case-${i % 30}`,
        stepIndex: 1,
        sourceUrl: 'https://acme.example/audit?action=user.login',
        adapterId: 'acme-demo',
        filters: { action: 'user.login', since: '2026-03-01' },
        timeRange: { from: '2026-03-01', to: i % 2 ? null : '2026-03-31' },
        capturedAt: 1_700_000_100_000 + i,
        rows,
        rowCount: rows.length,
        hash: await hashRows(rows),
      };
    }),
  );
  const escalations = Array.from({ length: 40 }, (_, i) => ({
    id: `escalation-${i}`,
    caseId: `case-${i}`,
    status: (['draft', 'copied', 'opened'] as const)[i % 3],
    templateId: i % 2 ? 'engineering-escalation' : null,
    format: (['markdown', 'text', 'json'] as const)[i % 3],
    title: `Escalation ${i}`,
    body: `## Body ${i}\n| a | b |`,
    target: i % 3 === 2 ? 'github' : null,
    createdAt: 1_700_000_200_000 + i,
    updatedAt: 1_700_000_200_000 + i,
  }));
  const packs = [
    { id: 'trailguide-essentials', source: 'builtin', enabled: true, locked: false, pack: { id: 'x', runbooks: [] }, raw: 'id: x', installedAt: 1, updatedAt: 2 },
    { id: 'team-pack', source: 'url', enabled: false, locked: false, pack: { id: 'team-pack', runbooks: [] }, raw: 'id: team-pack\nname: "Team"\n', url: 'https://packs.example.org/t.yaml', etag: '"v1"', installedAt: 3, updatedAt: 4 },
  ];
  const settings = [{ key: 'retentionDays', value: 90 }, { key: 'redactEmails', value: true }];
  await v1.table('cases').bulkAdd(cases);
  await v1.table('captures').bulkAdd(captures);
  await v1.table('escalations').bulkAdd(escalations);
  await v1.table('packs').bulkAdd(packs);
  await v1.table('settings').bulkAdd(settings);
  const sums = await checksums(v1);
  v1.close();
  return sums;
}

/** One SHA-256 per table over every record, in primary-key order. */
async function checksums(database: Dexie): Promise<Record<string, { count: number; sha: string }>> {
  const out: Record<string, { count: number; sha: string }> = {};
  const texts = database.tables.some((t) => t.name === 'packTexts') ? new Map((await database.table('packTexts').toArray()).map((t) => [t.id, t.raw])) : null;
  for (const name of TABLES) {
    let records = await database.table(name).toArray();
    // From version 2 a pack's text is kept apart: the pack is its record with its text.
    if (name === 'packs' && texts) records = records.map((r) => ({ ...r, raw: r.raw ?? texts.get(r.id) }));
    out[name] = { count: records.length, sha: await sha256Hex(canonicalJson(records)) };
  }
  return out;
}

describe('database migrations', () => {
  it('v1 → current: every record is intact and every index still answers', async () => {
    const indexedDB = new IDBFactory();
    const before = await seedV1(indexedDB);
    expect(before.cases?.count).toBe(300);
    expect(before.captures?.count).toBe(60);

    const current = new TrailguideDatabase('trailguide', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(1);
    expect(await checksums(current)).toEqual(before);

    // The stored hashes still match the stored rows.
    for (const capture of await current.captures.toArray()) {
      expect(await hashRows(capture.rows)).toBe(capture.hash);
    }
    // Indexes used by the repositories.
    expect(await current.captures.where('caseId').equals('case-3').count()).toBe(2);
    expect(await current.cases.where('status').equals('closed').count()).toBe(100);
    expect(await current.escalations.where('caseId').equals('case-5').count()).toBe(1);
    expect(await current.cases.where('updatedAt').below(1_700_000_000_000 + 20_000).count()).toBe(10);
    current.close();
  });

  it('v1 → v2: each pack’s text moves to packTexts, byte for byte, and the pack record keeps everything else', async () => {
    const indexedDB = new IDBFactory();
    await seedV1(indexedDB);
    const current = new TrailguideDatabase('trailguide', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(2);
    const packs = await current.packs.orderBy('id').toArray();
    expect(packs.map((p) => p.id)).toEqual(['team-pack', 'trailguide-essentials']);
    for (const record of packs) expect(record).not.toHaveProperty('raw');
    expect(packs[0]).toMatchObject({ source: 'url', enabled: false, url: 'https://packs.example.org/t.yaml', etag: '"v1"', installedAt: 3, updatedAt: 4 });
    expect(await current.packTexts.orderBy('id').toArray()).toEqual([
      { id: 'team-pack', raw: 'id: team-pack\nname: "Team"\n' },
      { id: 'trailguide-essentials', raw: 'id: x' },
    ]);
    // The index the store filters by still answers.
    expect(await current.packs.where('source').equals('url').count()).toBe(1);
    current.close();
  });

  it('declares every table and index version 1 had', () => {
    const current = new TrailguideDatabase('schema-check', { indexedDB: new IDBFactory(), IDBKeyRange });
    for (const [table, spec] of Object.entries(V1_STORES)) {
      const schema = current.tables.find((t) => t.name === table)?.schema;
      expect(schema, table).toBeDefined();
      const indexes = spec.split(',').slice(1).map((part) => part.trim());
      expect(schema!.primKey.name).toBe(spec.split(',')[0]!.trim());
      expect(schema!.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(indexes));
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { PackRecord } from '../../utils/db/database';
import { packSchema } from '../../utils/schema/pack';
import { resolvePacks } from '../../utils/packs/resolve';
import { bumpPatch, compareVersions } from '../../utils/packs/semver';
import { packData } from './packs-helpers';

function record(id: string, source: PackRecord['source'], installedAt: number, runbookIds: string[], extra: Partial<PackRecord> = {}): PackRecord {
  const pack = packSchema.parse(
    packData({
      id,
      name: `Pack ${id}`,
      runbooks: runbookIds.map((r) => ({ id: r, title: `${r} from ${id}`, summary: 's', steps: [{ title: 't' }] })),
    }),
  );
  return { id, source, enabled: true, locked: false, pack, installedAt, updatedAt: installedAt, ...extra };
}

describe('resolvePacks', () => {
  it('keeps every runbook when ids do not clash', () => {
    const { packs, shadowed } = resolvePacks([record('aa', 'file', 1, ['one']), record('bb', 'file', 2, ['two'])]);
    expect(packs.flatMap((p) => p.runbooks.map((r) => r.id)).sort()).toEqual(['one', 'two']);
    expect(shadowed).toEqual([]);
  });

  it('lets the newest enabled pack win and reports the hidden copy', () => {
    const { packs, shadowed } = resolvePacks([record('old-pack', 'builtin', 0, ['same', 'other']), record('new-pack', 'file', 5, ['same'])]);
    const same = packs.flatMap((p) => p.runbooks).filter((r) => r.id === 'same');
    expect(same).toHaveLength(1);
    expect(same[0]!.title).toBe('same from new-pack');
    expect(shadowed).toEqual([
      expect.objectContaining({ kind: 'runbook', id: 'same', hiddenPackId: 'old-pack', winnerPackId: 'new-pack', title: 'same from old-pack' }),
    ]);
  });

  it('ignores disabled packs, so the older copy comes back', () => {
    const { packs, shadowed } = resolvePacks([record('old-pack', 'file', 1, ['same']), record('new-pack', 'file', 5, ['same'], { enabled: false })]);
    expect(packs.map((p) => p.id)).toEqual(['old-pack']);
    expect(packs[0]!.runbooks[0]!.title).toBe('same from old-pack');
    expect(shadowed).toEqual([]);
  });

  it('counts the local pack from its last save', () => {
    const local = record('my-runbooks', 'local', 1, ['same'], { updatedAt: 10 });
    const { packs } = resolvePacks([local, record('file-pack', 'file', 5, ['same'])]);
    expect(packs.flatMap((p) => p.runbooks).find((r) => r.id === 'same')!.title).toBe('same from my-runbooks');
  });

  it('shadows adapters the same way and never changes the stored packs', () => {
    const a = record('aa', 'file', 1, []);
    const b = record('bb', 'file', 2, []);
    const adapter = { id: 'acme', name: 'Acme', vendor: 'Acme', verified: { how: 'fixture', date: '2026-01-01' }, match: { include: ['*'], present: [['body']] } };
    const withAdapter = (r: PackRecord) => ({ ...r, pack: packSchema.parse({ ...JSON.parse(JSON.stringify(r.pack)), adapters: [adapter] }) });
    const first = withAdapter(a);
    const { packs, shadowed } = resolvePacks([first, withAdapter(b)]);
    expect(packs.flatMap((p) => p.adapters)).toHaveLength(1);
    expect(shadowed).toEqual([expect.objectContaining({ kind: 'adapter', id: 'acme', hiddenPackId: 'aa', winnerPackId: 'bb' })]);
    expect(first.pack.adapters).toHaveLength(1);
  });
});

describe('versions', () => {
  it('orders versions, pre-releases before releases', () => {
    expect(compareVersions('1.2.0', '1.10.0')).toBeLessThan(0);
    expect(compareVersions('2.0.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0-beta', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(bumpPatch('1.4.9')).toBe('1.4.10');
  });
});

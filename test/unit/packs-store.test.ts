import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../utils/db/database';
import { packTextOf } from '../../utils/db/pack-texts';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import {
  PackActionError,
  activePacksFromStore,
  deletePack,
  exportPack,
  importPackText,
  listPackSummaries,
  onPacksChanged,
  resetStoreForTests,
  restorePack,
  runbookSource,
  saveLocalRunbook,
  setPackEnabled,
} from '../../utils/packs/store';
import { parseRunbookSource } from '../../utils/packs/runbook-source';
import { freshDatabase, packText } from './packs-helpers';

const builtin = loadBuiltinPack();

beforeEach(() => {
  resetStoreForTests();
  freshDatabase();
});

describe('pack store', () => {
  it('seeds the built-in pack, which can be switched off but not deleted', async () => {
    const { packs } = await listPackSummaries();
    expect(packs).toHaveLength(1);
    expect(packs[0]).toMatchObject({ id: builtin.id, source: 'builtin', enabled: true, deletable: false });
    await setPackEnabled(builtin.id, false);
    expect(await activePacksFromStore()).toEqual([]);
    await expect(deletePack(builtin.id)).rejects.toThrow(/can't be deleted/);
  });

  it('imports a valid pack file and announces the change', async () => {
    let announced = 0;
    onPacksChanged(() => void announced++);
    const text = packText();
    const reply = await importPackText(text);
    expect(reply.status).toBe('installed');
    expect(await packTextOf('team-pack')).toBe(text);
    expect((await db().packs.get('team-pack'))!).not.toHaveProperty('raw');
    expect((await activePacksFromStore()).flatMap((p) => p.runbooks.map((r) => r.id))).toContain('team-runbook');
    await new Promise((r) => setTimeout(r, 0));
    expect(announced).toBe(1);
  });

  it('stores nothing from a broken pack and names the field', async () => {
    const broken = packText({ runbooks: [{ id: 'x-y', summary: 'no title', steps: [{ title: 't' }] } as never] });
    await expect(importPackText(broken)).rejects.toThrow(/"runbooks\[0\]\.title" is missing.*Nothing was added/);
    expect((await listPackSummaries()).packs.map((p) => p.id)).toEqual([builtin.id]);
  });

  it('replaces a file pack with the same id, refuses the built-in id, asks before replacing a local pack', async () => {
    await importPackText(packText());
    const again = await importPackText(packText({ version: '1.1.0' }));
    expect(again.status).toBe('replaced');
    expect((await db().packs.get('team-pack'))!.pack.version).toBe('1.1.0');

    await expect(importPackText(packText({ id: builtin.id }))).rejects.toBeInstanceOf(PackActionError);

    const saved = await saveLocalRunbook({ id: 'mine', title: 'Mine', summary: 's', steps: [{ title: 't' }] });
    const clash = await importPackText(packText({ id: saved.packId }));
    expect(clash.status).toBe('confirm');
    expect((await db().packs.get(saved.packId))!.source).toBe('local');
    const confirmed = await importPackText(packText({ id: saved.packId }), { replace: true });
    expect(confirmed.status).toBe('replaced');
    expect((await db().packs.get(saved.packId))!.source).toBe('file');
  });

  it('deletes with undo inside the grace period only', async () => {
    await importPackText(packText());
    const { undoUntil } = await deletePack('team-pack', 1_000);
    expect(undoUntil).toBe(11_000);
    expect(await db().packs.get('team-pack')).toBeUndefined();
    expect(await db().packTexts.get('team-pack')).toBeUndefined();
    await restorePack('team-pack', 5_000);
    expect((await db().packs.get('team-pack'))!.pack.name).toBe('Team pack');
    // Undo brings the text back too (kept in its own table): export gives the same bytes.
    expect((await exportPack('team-pack')).text).toBe(packText());
    expect(await db().packs.get('team-pack')).not.toHaveProperty('raw');

    await deletePack('team-pack', 100_000);
    await expect(restorePack('team-pack', 100_000 + 61_000)).rejects.toThrow(/too late/);
  });

  it('saves editor runbooks into "My runbooks", bumping its version, and the newest save wins', async () => {
    const original = builtin.runbooks[0]!;
    const source = await runbookSource(builtin.id, original.id);
    const parsed = parseRunbookSource(source.replace(/^title: .*$/m, 'title: Edited by the team lead'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const first = await saveLocalRunbook(parsed.runbook);
    expect(first).toMatchObject({ packName: 'My runbooks', version: '1.0.0', replaced: false });
    const second = await saveLocalRunbook(parsed.runbook);
    expect(second).toMatchObject({ version: '1.0.1', replaced: true });

    const active = (await activePacksFromStore()).flatMap((p) => p.runbooks).filter((r) => r.id === original.id);
    expect(active.map((r) => r.title)).toEqual(['Edited by the team lead']);
    const { shadowed } = await listPackSummaries();
    expect(shadowed).toEqual([expect.objectContaining({ id: original.id, hiddenPackId: builtin.id, winnerPackId: first.packId })]);
  });

  it('refuses an invalid runbook from the editor, naming the field', async () => {
    await expect(saveLocalRunbook({ id: 'mine', title: 'Mine', summary: 's', steps: [] })).rejects.toThrow(/"steps"/);
    await expect(saveLocalRunbook(JSON.parse('{"id":"mine","__proto__":{"x":1}}'))).rejects.toThrow(/__proto__/);
    expect((await listPackSummaries()).packs.map((p) => p.id)).toEqual([builtin.id]);
  });

  it('exports a pack byte for byte as it was imported', async () => {
    const yamlText = 'format: trailguide-pack\nformatVersion: 1\nid: yaml-pack\nname: YAML pack\nversion: 2.0.0\n';
    await importPackText(yamlText);
    expect(await exportPack('yaml-pack')).toEqual({ fileName: 'yaml-pack-2.0.0.trailguide.yaml', mimeType: 'application/yaml', text: yamlText });
  });
});

import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveLocalAdapter } from '../../utils/builder/save-local';
import { parsePackText } from '../../utils/pack/parse';
import { activePacksFromStore, exportPack, resetStoreForTests, saveLocalRunbook } from '../../utils/packs/store';
import { freshDatabase, taughtAdapter } from './packs-helpers';

beforeEach(() => {
  resetStoreForTests();
  freshDatabase();
});

describe('saving a taught adapter in the local pack', () => {
  it('adds it to "My runbooks" next to saved runbooks, replaces it by id, and exports a valid pack', async () => {
    await saveLocalRunbook({ id: 'mine', title: 'Mine', summary: 's', steps: [{ title: 't' }] });
    const first = await saveLocalAdapter(taughtAdapter());
    expect(first).toMatchObject({ packName: 'My runbooks', adapterId: 'helpdesk-activity', replaced: false });
    const again = await saveLocalAdapter({ ...taughtAdapter(), notes: 'Taught again.' });
    expect(again.replaced).toBe(true);
    expect(again.version).not.toBe(first.version);

    const local = (await activePacksFromStore()).find((p) => p.id === first.packId)!;
    expect(local.runbooks.map((r) => r.id)).toEqual(['mine']);
    expect(local.adapters.map((a) => [a.id, a.notes])).toEqual([['helpdesk-activity', 'Taught again.']]);

    const exported = await exportPack(first.packId);
    const parsed = parsePackText(exported.text);
    expect(parsed.ok && parsed.pack.adapters[0]?.verified).toEqual({ how: 'taught', date: '2026-04-02' });
  });

  it('refuses something that is not an adapter, saying so plainly', async () => {
    await expect(saveLocalAdapter({ ...taughtAdapter(), match: { include: [] } })).rejects.toThrow(/can't be saved: the part "match.include" isn't valid/);
    expect((await activePacksFromStore()).some((p) => p.adapters.some((a) => a.id === 'helpdesk-activity'))).toBe(false);
  });
});

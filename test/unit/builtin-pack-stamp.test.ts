import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from './packs-helpers';
import { builtinPackStamp, loadBuiltinPack } from '../../utils/pack/builtin';
import { seedBuiltinPack } from '../../utils/packs/store';
import type { TrailguideDatabase } from '../../utils/db/database';
import { packTextOf } from '../../utils/db/pack-texts';

/**
 * A cold service worker compares the built-in pack with the stored copy by the build's stamp
 * (id and hash), not by parsing the pack and writing it out as text (issue 17 §4).
 */
describe('the built-in pack, compared by its stamp', () => {
  let database: TrailguideDatabase;
  beforeEach(() => {
    database = freshDatabase();
  });

  it('stores the pack with its stamp, then leaves a copy with the same stamp untouched without serialising the pack', async () => {
    const stamp = builtinPackStamp();
    await seedBuiltinPack(1_000, stamp);
    const first = await database.packs.get(stamp.id);
    expect(first).toMatchObject({ source: 'builtin', builtinStamp: stamp.stamp, updatedAt: 1_000 });
    expect(first?.pack).toEqual(loadBuiltinPack());

    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      await seedBuiltinPack(2_000, stamp);
      expect(stringify).not.toHaveBeenCalled();
    } finally {
      stringify.mockRestore();
    }
    expect((await database.packs.get(stamp.id))?.updatedAt).toBe(1_000);
  });

  it('rewrites the copy another build stored (a different stamp), keeping the person’s on/off choice', async () => {
    const stamp = builtinPackStamp();
    await seedBuiltinPack(1_000, { id: stamp.id, stamp: 'sha256:an-older-build' });
    await database.packs.update(stamp.id, { enabled: false });
    await database.packTexts.put({ id: stamp.id, raw: '{"an":"older pack"}' });

    await seedBuiltinPack(2_000, stamp);
    const stored = await database.packs.get(stamp.id);
    expect(stored).toMatchObject({ builtinStamp: stamp.stamp, enabled: false, updatedAt: 2_000 });
    expect(await packTextOf(stamp.id)).toBe(JSON.stringify(loadBuiltinPack(), null, 2));
  });

  it('only adds the stamp to a copy stored before stamps were kept, when it is the same pack', async () => {
    const stamp = builtinPackStamp();
    await seedBuiltinPack(1_000, stamp);
    await database.packs.update(stamp.id, { builtinStamp: undefined });

    await seedBuiltinPack(2_000, stamp);
    expect(await database.packs.get(stamp.id)).toMatchObject({ builtinStamp: stamp.stamp, updatedAt: 1_000 });
  });

});

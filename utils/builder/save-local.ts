import { PackActionError, updateLocalPack, upsertById } from '../packs/store';
import { adapterSchema } from '../schema/adapter';
import type { AdapterSaveReply } from './messages';

/**
 * Saves (adds or replaces by id) a taught adapter in the local pack ("My
 * runbooks"), the same way the runbook editor saves runbooks, so it is exported
 * and shared with the pack. Background only (it owns the database).
 */
export async function saveLocalAdapter(data: unknown, now = Date.now()): Promise<AdapterSaveReply> {
  const checked = adapterSchema.safeParse(data);
  if (!checked.success) {
    const where = checked.error.issues[0]?.path.join('.') ?? 'adapter';
    throw new PackActionError(`This adapter can't be saved: the part "${where}" isn't valid. Point at the page again and retry.`);
  }
  const adapter = checked.data;
  let replaced = false;
  const pack = await updateLocalPack(
    (base) => {
      const next = upsertById(base.adapters, adapter);
      replaced = next.replaced;
      return { adapters: next.list };
    },
    'adapter',
    now,
  );
  return { packId: pack.id, packName: pack.name, version: pack.version, adapterId: adapter.id, name: adapter.name, replaced };
}

import { listPackRecords, PackActionError, updateLocalPack, upsertById } from '../packs/store';
import { resolvePacks } from '../packs/resolve';
import type { Adapter } from '../schema/adapter';
import { editMeanings, isTaught, meaningTaughtFor, taughtMeaning, whoCanTeach, type MeaningsWhere, type TeachMeaningsReply } from './meanings';

/**
 * Teaching meanings from the panel after a capture (issue 14 §5), background side: only an
 * adapter the person taught themselves — the copy in force, kept in the local pack ("My
 * runbooks") — takes them; a pack's adapter belongs to whoever made the pack.
 */
export async function meaningsWhere(adapterId: string): Promise<MeaningsWhere> {
  const records = await listPackRecords();
  const winner = resolvePacks(records).packs.find((pack) => pack.adapters.some((a) => a.id === adapterId));
  const record = winner && records.find((r) => r.id === winner.id);
  if (!winner || !record) return { editable: false, packName: null };
  if (record.source === 'local') return { editable: true, packName: winner.name };
  const owner = winner.adapters.find((a) => a.id === adapterId)?.owner;
  return { editable: false, packName: winner.name, builtin: record.source === 'builtin', ...(owner ? { owner } : {}) };
}

/**
 * Saves what the person taught for some codes into their taught adapter: for each code listed,
 * what they left in the form replaces what was there (cleared: taken away). Nothing else in the
 * adapter or the pack changes. A refusal (someone else's adapter, a meaning too long) or a full
 * disk rejects and stores nothing.
 */
export async function teachLocalMeanings(adapterId: string, raw: readonly Record<string, unknown>[], now = Date.now()): Promise<TeachMeaningsReply> {
  const meanings = raw.map((item) => {
    const parsed = taughtMeaning.safeParse(item);
    if (!parsed.success) throw new PackActionError(`What you wrote for “${String(item.code ?? '').slice(0, 60)}” can't be kept: ${parsed.error.issues[0]?.message ?? 'it is not valid'}.`);
    return parsed.data;
  });
  const where = await meaningsWhere(adapterId);
  if (!where.editable) throw new PackActionError(whoCanTeach(where));
  let saved: Adapter | undefined;
  let cleared = 0;
  await updateLocalPack(
    (base) => {
      const before = base.adapters.find((a) => a.id === adapterId);
      if (!before) throw new PackActionError(whoCanTeach({ editable: false, packName: null }));
      const result = editMeanings(before, meanings);
      if (!result.ok) throw new PackActionError(result.problems.join(' '));
      cleared = meanings.filter((m) => !isTaught(m) && meaningTaughtFor(before, m.code) !== undefined).length;
      saved = result.adapter;
      return { adapters: upsertById(base.adapters, result.adapter).list };
    },
    'adapter',
    now,
  );
  const adapter = saved!;
  return { taught: meanings.filter(isTaught).length, cleared, glossary: adapter.glossary, kinds: adapter.kinds };
}

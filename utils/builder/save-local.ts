import { db, type PackRecord } from '../db/database';
import { parsePackData } from '../pack/parse';
import {
  announcePacksChanged,
  ensureBuiltinPack,
  LOCAL_PACK_ID,
  LOCAL_PACK_NAME,
  PackActionError,
  problemSentence,
  withPackLock,
} from '../packs/store';
import { bumpPatch } from '../packs/semver';
import { adapterSchema } from '../schema/adapter';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack } from '../schema/pack';
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
  await ensureBuiltinPack();
  return withPackLock(async () => {
    const locals = (await db().packs.where('source').equals('local').toArray()).sort((a, b) => a.installedAt - b.installedAt);
    const existing = locals[0];
    const base: Pack = existing?.pack ?? {
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
      id: await freeLocalId(),
      name: LOCAL_PACK_NAME,
      version: '1.0.0',
      description: "Runbooks and adapters made in this browser with Trailguide's editor and builder.",
      runbooks: [],
      glossary: [],
      adapters: [],
      escalationTemplates: [],
    };
    const replaced = base.adapters.some((a) => a.id === adapter.id);
    const candidate = {
      ...base,
      version: existing ? bumpPatch(base.version) : base.version,
      adapters: replaced ? base.adapters.map((a) => (a.id === adapter.id ? adapter : a)) : [...base.adapters, adapter],
    };
    // The whole pack is checked again, so the local pack can always be exported and shared.
    const parsed = parsePackData(JSON.parse(JSON.stringify(candidate)));
    if (!parsed.ok) throw new PackActionError(`This adapter can't be saved: ${problemSentence(parsed.problem)}`);
    const record: PackRecord = {
      id: parsed.pack.id,
      source: 'local',
      enabled: true,
      locked: false,
      pack: parsed.pack,
      raw: JSON.stringify(parsed.pack, null, 2),
      installedAt: existing?.installedAt ?? now,
      updatedAt: now,
    };
    await db().packs.put(record);
    void announcePacksChanged();
    return { packId: record.id, packName: parsed.pack.name, version: parsed.pack.version, adapterId: adapter.id, name: adapter.name, replaced };
  });
}

async function freeLocalId(): Promise<string> {
  for (let n = 1; ; n++) {
    const id = n === 1 ? LOCAL_PACK_ID : `${LOCAL_PACK_ID}-${n}`;
    if (!(await db().packs.get(id))) return id;
  }
}

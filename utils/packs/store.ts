import { db, type PackRecord, type PackRecordWithText, type PackSource } from '../db/database';
import { packTextOf, putPackRecord, withText, withoutText } from '../db/pack-texts';
import { builtinPackStamp } from '../pack/builtin';
import { builtinPack } from '../pack/builtin-file';
import type { PackProblem } from '../pack/errors';
import { parsePackData, parsePackText } from '../pack/parse';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack } from '../schema/pack';
import type { ExportReply, ImportReply, PackSummary, SaveLocalReply } from './messages';
import { resolvePacks, type ResolvedPacks, type ShadowedItem } from './resolve';
import { runbookToSource, validateRunbookData } from './runbook-source';
import { bumpPatch } from './semver';
import { SOURCE_WORDS } from './words';
import { adapterSites } from '../sites';

/**
 * The pack store (background only: it owns the database, DESIGN.md §3.1).
 * Every write goes through one queue so a refresh, an import and a policy update
 * never interleave, and every change is announced to the listeners (the match
 * table and open panels).
 */

/** A refusal the user can act on; its message is shown as is. */
export class PackActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackActionError';
  }
}

export const LOCAL_PACK_ID = 'my-runbooks';
export const LOCAL_PACK_NAME = 'My runbooks';
/** The page offers Undo for 10 s; the copy is kept a little longer so a slow click still works. */
export const UNDO_WINDOW_MS = 10_000;
export const RESTORE_GRACE_MS = 60_000;
const TRASH_PREFIX = 'packTrash:';

// ── change notification ──────────────────────────────────────────────────────
type Listener = () => void | Promise<void>;
const listeners = new Set<Listener>();

export function onPacksChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function announcePacksChanged(): Promise<void> {
  for (const listener of [...listeners]) {
    try {
      await listener();
    } catch {
      // A listener (e.g. no panel open) must never undo a change that was stored.
    }
  }
}

// ── one writer at a time ─────────────────────────────────────────────────────
let queue: Promise<unknown> = Promise.resolve();

export function withPackLock<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

// ── the built-in pack ────────────────────────────────────────────────────────
const seeded = new WeakMap<object, Promise<void>>();

/** Puts (or updates) the built-in pack once per database; its on/off choice survives updates. */
export function ensureBuiltinPack(): Promise<void> {
  const database = db();
  let done = seeded.get(database);
  if (!done) {
    done = withPackLock(() => seedBuiltinPack());
    seeded.set(database, done);
    done.catch(() => seeded.delete(database));
  }
  return done;
}

/**
 * The stored copy is this build's when its stamp (id and hash, made at build time) is: then the
 * pack is neither parsed nor written out as text (a cold worker's first answer waits for this).
 * `stamp` is for tests: another build's.
 */
export async function seedBuiltinPack(now = Date.now(), stamp = builtinPackStamp()): Promise<void> {
  const existing = await db().packs.get(stamp.id);
  if (existing?.source === 'builtin' && existing.builtinStamp === stamp.stamp) return;
  const pack = await builtinPack();
  const raw = JSON.stringify(pack, null, 2);
  // Same pack, stored before stamps were kept: only the stamp is added.
  const same = existing?.source === 'builtin' && (await packTextOf(existing.id)) === raw;
  await putPackRecord({
    id: pack.id,
    source: 'builtin',
    enabled: existing?.source === 'builtin' ? existing.enabled : true,
    locked: false,
    pack,
    raw,
    builtinStamp: stamp.stamp,
    installedAt: existing?.source === 'builtin' ? existing.installedAt : 0,
    updatedAt: same && existing ? existing.updatedAt : now,
  });
}

// ── reading ──────────────────────────────────────────────────────────────────
export async function listPackRecords(): Promise<PackRecord[]> {
  await ensureBuiltinPack();
  return db().packs.toArray();
}

export async function resolvedPacks(): Promise<ResolvedPacks> {
  return resolvePacks(await listPackRecords());
}

/** What the panel and the match table use: enabled packs, shadowed copies removed. */
export async function activePacksFromStore(): Promise<Pack[]> {
  return (await resolvedPacks()).packs;
}

/** Callers seed first (ensureBuiltinPack); this runs inside the write queue, so it must not wait on it. */
export async function getPackRecord(id: string): Promise<PackRecord> {
  const record = await db().packs.get(id);
  if (!record) throw new PackActionError('This pack is no longer installed. Reload the page to see the current list.');
  return record;
}

export function summarizePack(record: PackRecord, shadowed: readonly ShadowedItem[] = []): PackSummary {
  const hidden = new Set(shadowed.filter((s) => s.kind === 'runbook' && s.hiddenPackId === record.id).map((s) => s.id));
  const { pack } = record;
  return {
    id: record.id,
    name: pack.name,
    version: pack.version,
    description: pack.description,
    author: pack.author ?? null,
    source: record.source,
    enabled: record.enabled,
    locked: record.locked,
    deletable: record.source !== 'builtin' && !record.locked,
    runbookCount: pack.runbooks.length,
    adapterCount: pack.adapters.length,
    sites: adapterSites(pack.adapters.flatMap((a) => a.match.include)),
    glossaryCount: pack.glossary.length,
    runbooks: pack.runbooks.map((r) => ({ id: r.id, title: r.title, ...reviewOf(r), shadowed: hidden.has(r.id) })),
    adapters: pack.adapters.map((a) => ({ id: a.id, name: a.name, ...reviewOf(a) })),
    installedAt: record.installedAt,
    updatedAt: record.updatedAt,
    url: record.url ?? null,
    lastCheckedAt: record.lastCheckedAt ?? null,
    nextCheckAt: record.nextCheckAt ?? null,
    lastError: record.lastError ?? null,
  };
}

/** Only the review fields a runbook or adapter has (absent ones stay absent in the message). */
function reviewOf(item: { owner?: string | undefined; reviewed?: string | undefined; reviewEvery?: string | undefined }) {
  return {
    ...(item.owner !== undefined ? { owner: item.owner } : {}),
    ...(item.reviewed !== undefined ? { reviewed: item.reviewed } : {}),
    ...(item.reviewEvery !== undefined ? { reviewEvery: item.reviewEvery } : {}),
  };
}

const SOURCE_ORDER: Record<PackSource, number> = { builtin: 0, managed: 1, url: 2, file: 2, local: 2 };

/** Built-in first, then your organisation's, then everything else newest first. */
export async function listPackSummaries(): Promise<{ packs: PackSummary[]; shadowed: ShadowedItem[] }> {
  const records = await listPackRecords();
  const { shadowed } = resolvePacks(records);
  records.sort((a, b) => SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || b.installedAt - a.installedAt || a.id.localeCompare(b.id));
  return { packs: records.map((r) => summarizePack(r, shadowed)), shadowed };
}

// ── conflicts between packs with the same id ─────────────────────────────────
export type Conflict = { kind: 'refuse'; message: string } | { kind: 'confirm'; message: string } | null;

/**
 * Same id, same kind of source: the new copy replaces the old (that is an update).
 * Built-in and organisation packs are never replaced by hand; any other clash asks first.
 */
export function conflictFor(existing: PackRecord | undefined, incoming: Pack, source: PackSource, sameOrigin: boolean, replace: boolean): Conflict {
  if (!existing) return null;
  if (existing.source === 'builtin') {
    return {
      kind: 'refuse',
      message: `This pack uses the id "${incoming.id}", which belongs to Trailguide's built-in pack. Give the pack another id and try again. Nothing was added.`,
    };
  }
  if (existing.source === 'managed') {
    return {
      kind: 'refuse',
      message: `Your organisation already installs a pack with the id "${incoming.id}" ("${existing.pack.name}"), so it can't be replaced here. Nothing was added.`,
    };
  }
  if (existing.source === source && sameOrigin) return null;
  if (replace) return null;
  const from = existing.url ? ` from ${existing.url}` : '';
  return {
    kind: 'confirm',
    message: `A pack with the id "${incoming.id}" is already installed (${SOURCE_WORDS[existing.source].toLowerCase()}${from}: "${existing.pack.name}" version ${existing.pack.version}). Replace it with "${incoming.name}" version ${incoming.version}?`,
  };
}

export function problemSentence(problem: PackProblem): string {
  const at = problem.field && !problem.message.includes(problem.field) ? ` (at "${problem.field}")` : '';
  return `${problem.message}${at}`;
}

function countWords(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// ── import from a file or pasted text ────────────────────────────────────────
export async function importPackText(text: string, options: { replace?: boolean; now?: number } = {}): Promise<ImportReply> {
  const parsed = parsePackText(text);
  if (!parsed.ok) throw new PackActionError(`This pack can't be imported: ${problemSentence(parsed.problem)} Nothing was added.`);
  const { pack } = parsed;
  await ensureBuiltinPack();
  return withPackLock(async () => {
    const now = options.now ?? Date.now();
    const existing = await db().packs.get(pack.id);
    const conflict = conflictFor(existing, pack, 'file', true, options.replace ?? false);
    if (conflict?.kind === 'refuse') throw new PackActionError(conflict.message);
    if (conflict?.kind === 'confirm') return { status: 'confirm', message: conflict.message };
    const record: PackRecordWithText = {
      id: pack.id,
      source: 'file',
      enabled: existing?.source === 'file' ? existing.enabled : true,
      locked: false,
      pack,
      raw: text,
      installedAt: now,
      updatedAt: now,
    };
    await putPackRecord(record);
    void announcePacksChanged();
    const message = existing
      ? `Replaced "${existing.pack.name}" ${existing.pack.version} with "${pack.name}" version ${pack.version} (${countWords(pack.runbooks.length, 'runbook')}).`
      : `Added "${pack.name}" version ${pack.version} with ${countWords(pack.runbooks.length, 'runbook')}.`;
    return { status: existing ? 'replaced' : 'installed', pack: summarizePack(record), message };
  });
}

// ── switch on/off, delete with undo ──────────────────────────────────────────
export async function setPackEnabled(id: string, enabled: boolean): Promise<PackSummary> {
  await ensureBuiltinPack();
  return withPackLock(async () => {
    const record = await getPackRecord(id);
    if (record.locked && !enabled) throw new PackActionError('Your organisation manages this pack, so it stays switched on.');
    const updated = { ...record, enabled };
    await db().packs.put(updated);
    void announcePacksChanged();
    return summarizePack(updated);
  });
}

const trashKey = (id: string) => `${TRASH_PREFIX}${id}`;
interface TrashEntry {
  record: PackRecordWithText;
  deletedAt: number;
}

export async function deletePack(id: string, now = Date.now()): Promise<{ pack: PackSummary; undoUntil: number }> {
  await ensureBuiltinPack();
  return withPackLock(async () => {
    const record = await getPackRecord(id);
    if (record.source === 'builtin') throw new PackActionError("The built-in pack can't be deleted, but you can switch it off.");
    if (record.locked) throw new PackActionError('Your organisation manages this pack, so it can\'t be deleted here.');
    const database = db();
    const copy = await withText(record);
    await database.transaction('rw', database.packs, database.packTexts, database.settings, async () => {
      const stale = await database.settings.where('key').startsWith(TRASH_PREFIX).toArray();
      const expired = stale.filter((s) => now - ((s.value as TrashEntry | undefined)?.deletedAt ?? 0) > RESTORE_GRACE_MS);
      await database.settings.bulkDelete(expired.map((s) => s.key));
      await database.packs.delete(id);
      await database.packTexts.delete(id);
      await database.settings.put({ key: trashKey(id), value: { record: copy, deletedAt: now } satisfies TrashEntry });
    });
    void announcePacksChanged();
    return { pack: summarizePack(record), undoUntil: now + UNDO_WINDOW_MS };
  });
}

export async function restorePack(id: string, now = Date.now()): Promise<PackSummary> {
  return withPackLock(async () => {
    const database = db();
    const entry = (await database.settings.get(trashKey(id)))?.value as TrashEntry | undefined;
    if (!entry || now - entry.deletedAt > RESTORE_GRACE_MS) {
      throw new PackActionError('It is too late to undo: the pack was deleted for good. Import it again to get it back.');
    }
    if (await database.packs.get(id)) {
      throw new PackActionError('A pack with the same id was installed again in the meantime, so the deleted copy was not brought back.');
    }
    await database.transaction('rw', database.packs, database.packTexts, database.settings, async () => {
      await putPackRecord(entry.record);
      await database.settings.delete(trashKey(id));
    });
    void announcePacksChanged();
    return summarizePack(withoutText(entry.record));
  });
}

// ── export ───────────────────────────────────────────────────────────────────
/** The pack file exactly as it was received (or, for built-in and local packs, as JSON). */
export async function exportPack(id: string): Promise<ExportReply> {
  await ensureBuiltinPack();
  const record = await getPackRecord(id);
  const raw = await packTextOf(id);
  const json = /^\s*[{[]/.test(raw);
  return {
    fileName: `${record.id}-${record.pack.version}.trailguide.${json ? 'json' : 'yaml'}`,
    mimeType: json ? 'application/json' : 'application/yaml',
    text: raw,
  };
}

export async function runbookSource(packId: string, runbookId: string): Promise<string> {
  await ensureBuiltinPack();
  const record = await getPackRecord(packId);
  const runbook = record.pack.runbooks.find((r) => r.id === runbookId);
  if (!runbook) throw new PackActionError('This runbook is no longer in that pack. Reload the page to see the current list.');
  return runbookToSource(runbook);
}

// ── the local pack ("My runbooks") ───────────────────────────────────────────
async function freeLocalId(): Promise<string> {
  for (let n = 1; ; n++) {
    const id = n === 1 ? LOCAL_PACK_ID : `${LOCAL_PACK_ID}-${n}`;
    if (!(await db().packs.get(id))) return id;
  }
}

/**
 * Applies one change to the local pack ("My runbooks"), creating it on first use,
 * checks the whole pack again (so it can always be exported and shared), bumps its
 * version and stores it. The editor's runbooks and the builder's adapters both go
 * through here. `what` names the thing in the error ("runbook", "adapter").
 */
export async function updateLocalPack(
  change: (base: Pack) => Pick<Pack, 'runbooks'> | Pick<Pack, 'adapters'>,
  what: string,
  now = Date.now(),
): Promise<Pack> {
  await ensureBuiltinPack();
  return withPackLock(async () => {
    const existing = (await db().packs.where('source').equals('local').toArray()).sort((a, b) => a.installedAt - b.installedAt)[0];
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
    const candidate = { ...base, version: existing ? bumpPatch(base.version) : base.version, ...change(base) };
    const parsed = parsePackData(JSON.parse(JSON.stringify(candidate)));
    if (!parsed.ok) throw new PackActionError(`This ${what} can't be saved: ${problemSentence(parsed.problem)}`);
    await putPackRecord({
      id: parsed.pack.id,
      source: 'local',
      enabled: true,
      locked: false,
      pack: parsed.pack,
      raw: JSON.stringify(parsed.pack, null, 2),
      installedAt: existing?.installedAt ?? now,
      updatedAt: now,
    });
    void announcePacksChanged();
    return parsed.pack;
  });
}

/** Adds `item` to a list, or replaces the entry with the same id. */
export function upsertById<T extends { id: string }>(list: readonly T[], item: T): { list: T[]; replaced: boolean } {
  const replaced = list.some((entry) => entry.id === item.id);
  return { list: replaced ? list.map((entry) => (entry.id === item.id ? item : entry)) : [...list, item], replaced };
}

/** Saves (adds or replaces by id) one runbook in the local pack, creating the pack on first use. */
export async function saveLocalRunbook(data: unknown, now = Date.now()): Promise<SaveLocalReply> {
  const checked = validateRunbookData(data);
  if (!checked.ok) throw new PackActionError(`This runbook can't be saved yet: ${problemSentence(checked.problem)}`);
  const runbook = checked.runbook;
  let replaced = false;
  const pack = await updateLocalPack(
    (base) => {
      const next = upsertById(base.runbooks, runbook);
      replaced = next.replaced;
      return { runbooks: next.list };
    },
    'runbook',
    now,
  );
  return { packId: pack.id, packName: pack.name, version: pack.version, runbookId: runbook.id, title: runbook.title, replaced };
}

/** Test helper: forget which databases were seeded. */
export function resetStoreForTests(): void {
  listeners.clear();
  queue = Promise.resolve();
}

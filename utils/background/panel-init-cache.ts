import { browser } from 'wxt/browser';
import { onPacksWritten } from '../db/database';
import { newId } from '../ids';
import { builtinPackStamp } from '../pack/builtin';
import type { Pack } from '../schema/pack';
import { panelPacks, type PanelInitReply } from './panel-init';

/**
 * The last `panel:init` packs per adapter, kept in the browser's session storage (in memory,
 * survives the worker stopping, gone when the browser closes or the extension is updated), so
 * a worker woken by a panel answers without opening the database (docs/performance.md, cold
 * start). It must never answer with packs that are no longer in force (DESIGN.md §1):
 *
 * - Every write to the `packs` table, whatever writes it, goes through the database's
 *   `packsWritten` hook (utils/db/database.ts, a Dexie middleware) and calls
 *   `forgetPanelInit()` at the moment the write is asked for, before it is committed: the
 *   generation key is removed, so no stored entry matches any more (entries carry the
 *   generation they were made under; a new one is drawn at random when the next reply is kept).
 * - A reply read from the database while a write was asked for in this worker is not kept
 *   (`writes` changed in between).
 * - Entries also carry the built-in pack's stamp of this build.
 * - Only a reply read from the database is kept; the fallback used when the database fails
 *   (the built-in pack alone) never is.
 * Where a browser has no session storage, or it refuses a write (its quota), the worker simply
 * reads the database as before.
 */
const GENERATION_KEY = 'panelInitGeneration';
const ENTRY_PREFIX = 'panelInit:';
/** The kept entries' keys, most recently kept first. */
const INDEX_KEY = 'panelInitKeys';
/**
 * Session storage is shared with the panels' working state (a capture across page loads keeps its
 * rows there) under one quota (10 MB in Chrome): this cache takes at most MAX_KEPT replies of at
 * most MAX_JSON characters each (the built-in pack's reply for one adapter is ≈ 109 KB); a larger
 * reply is simply not kept.
 */
export const MAX_KEPT = 4;
export const MAX_JSON = 512 * 1024;
/** `all`: no adapter named (the builder, reports); `one:<id>`: the packs narrowed to that adapter. */
export const panelInitKey = (adapter: string | undefined) => `${ENTRY_PREFIX}${adapter === undefined ? 'all' : `one:${adapter}`}`;

type CachedPacks = Pick<PanelInitReply, 'packs' | 'adaptersFor'>;
interface Entry {
  generation: string;
  builtin: string;
  /**
   * The reply as JSON text: the browser hands a stored string over whole, where a stored
   * object is rebuilt node by node (≈ 8 ms for the ≈ 100 KB reply, against ≈ 1 ms to parse).
   */
  json: string;
}

interface Area {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

function area(): Area | null {
  return ((browser.storage as { session?: Area } | undefined)?.session as Area | undefined) ?? null;
}

/** Writes to the packs table asked for in this worker's life. */
let writes = 0;
/** The generation this worker drew, while no write has been asked for since. */
let drawn: string | undefined;
/** The last removal of the generation key (a read waits for it: same order as the writes). */
let forgetting: Promise<unknown> = Promise.resolve();

/** Called at every write to the packs table (synchronously, before it is committed). */
export function forgetPanelInit(): void {
  writes += 1;
  drawn = undefined;
  const session = area();
  if (!session) return;
  forgetting = session.remove(GENERATION_KEY).catch(() => undefined);
}

onPacksWritten(forgetPanelInit);

function stampNow(): string {
  return builtinPackStamp().stamp;
}

async function readEntry(session: Area, key: string): Promise<{ generation: string | undefined; entry: Entry | undefined }> {
  await forgetting;
  const got = await session.get([GENERATION_KEY, key]);
  const generation = typeof got[GENERATION_KEY] === 'string' ? (got[GENERATION_KEY] as string) : undefined;
  return { generation, entry: got[key] as Entry | undefined };
}

/**
 * The packs for `panel:init` with `adapter`: from session storage when the kept entry is of the
 * current generation and this build, else from `load` (the database; it throws when the
 * database fails, and then nothing is kept), kept for the next wake once the reply has gone.
 */
export async function panelInitPacks(adapter: string | undefined, load: () => Promise<Pack[]>): Promise<CachedPacks> {
  const session = area();
  const key = panelInitKey(adapter);
  const writesBefore = writes;
  let generation: string | undefined;
  if (session) {
    try {
      const found = await readEntry(session, key);
      generation = found.generation;
      const { entry } = found;
      if (generation !== undefined && writes === writesBefore && entry?.generation === generation && entry.builtin === stampNow() && typeof entry.json === 'string') {
        return JSON.parse(entry.json) as CachedPacks;
      }
    } catch {
      // Session storage unreadable: the database answers.
    }
  }
  const reply = panelPacks(await load(), adapter);
  if (session && writes === writesBefore) {
    // After the reply is handed over: storing ≈ 100 KB takes the worker's thread for a moment.
    setTimeout(() => void keep(session, key, reply, writesBefore, generation), 0);
  }
  return reply;
}

async function keep(session: Area, key: string, reply: CachedPacks, writesBefore: number, generation: string | undefined): Promise<void> {
  // A write asked for since the database was read: this reply may already be out of date.
  if (writes !== writesBefore) return;
  const use = generation ?? (drawn ??= newId());
  const json = JSON.stringify(reply);
  if (json.length > MAX_JSON) return;
  const entry: Entry = { generation: use, builtin: stampNow(), json };
  try {
    const index = (await session.get([INDEX_KEY]))[INDEX_KEY];
    const keys = [key, ...(Array.isArray(index) ? index.filter((k): k is string => typeof k === 'string' && k !== key) : [])];
    const kept = { [key]: entry, [INDEX_KEY]: keys.slice(0, MAX_KEPT) };
    // Checked again after the read above: a write asked for meanwhile has already removed the
    // generation, and writing it back here would make this out-of-date reply current again.
    if (writes !== writesBefore) return;
    await session.set(generation === undefined ? { [GENERATION_KEY]: use, ...kept } : kept);
    if (keys.length > MAX_KEPT) await session.remove(keys.slice(MAX_KEPT));
  } catch {
    // Over the quota (or no session storage after all): the next wake reads the database.
    await session.remove(key).catch(() => undefined);
  }
}

/** For tests: a just-started worker (what a worker keeps in memory is gone; session storage is not). */
export function resetPanelInitCacheForTests(): void {
  writes = 0;
  drawn = undefined;
  forgetting = Promise.resolve();
}

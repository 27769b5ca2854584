import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { panelPacks } from '../../utils/background/panel-init';
import { MAX_JSON, MAX_KEPT, panelInitKey, panelInitPacks, resetPanelInitCacheForTests } from '../../utils/background/panel-init-cache';
import { db, onPacksWritten } from '../../utils/db/database';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { applyManagedPolicy } from '../../utils/packs/managed';
import {
  activePacksFromStore,
  deletePack,
  importPackText,
  resetStoreForTests,
  restorePack,
  saveLocalRunbook,
  setPackEnabled,
} from '../../utils/packs/store';
import { refreshPack, subscribe } from '../../utils/packs/subscriptions';
import type { Pack } from '../../utils/schema/pack';
import { freshDatabase, packData, packText } from './packs-helpers';

/**
 * A woken worker answers `panel:init` from the reply kept in session storage, without opening
 * the database — and never with packs that are no longer in force: every change to the packs
 * (import, update, switch off, delete, undo, a saved runbook, a subscription or the managed
 * policy, or any other write to the packs table) shows in the next `panel:init`, also in a
 * worker started afresh after the change.
 */
const builtin = loadBuiltinPack();
const ADAPTER = builtin.adapters[0]!.id;

/** The database read the handler falls back to, counted. */
const load = vi.fn(() => activePacksFromStore());

/** What a worker keeps in memory is gone; session storage and the database are not. */
function restartWorker(): void {
  resetPanelInitCacheForTests();
  resetStoreForTests();
}

/** The reply has gone and the entry was kept (it is written just after the reply). */
async function kept(key = panelInitKey(ADAPTER)): Promise<void> {
  await vi.waitFor(async () => {
    const got = await fakeBrowser.storage.session.get([key, 'panelInitGeneration']);
    expect(got.panelInitGeneration).toEqual(expect.any(String));
    expect((got[key] as { generation?: string } | undefined)?.generation).toBe(got.panelInitGeneration);
  });
}

/** panel:init as a freshly woken worker answers it, and what the database says now. */
async function wakeAndAsk(adapter: string | undefined = ADAPTER): Promise<{ answer: Pick<ReturnType<typeof panelPacks>, 'packs'>; truth: ReturnType<typeof panelPacks> }> {
  restartWorker();
  const answer = await panelInitPacks(adapter, load);
  const truth = panelPacks(await activePacksFromStore(), adapter);
  return { answer, truth };
}

const runbookIds = (packs: readonly Pack[]) => packs.flatMap((p) => p.runbooks.map((r) => `${p.id}/${r.id}`)).sort();

/** Before the change: the worker answers, and keeps, what is in force — with or without `runbook`. */
async function answeredAndKept(runbook: string, present: boolean): Promise<void> {
  expect(runbookIds((await panelInitPacks(ADAPTER, load)).packs).includes(runbook)).toBe(present);
  await kept();
  restartWorker();
  expect(runbookIds((await panelInitPacks(ADAPTER, load)).packs).includes(runbook)).toBe(present);
}

beforeEach(async () => {
  fakeBrowser.reset();
  restartWorker();
  freshDatabase();
  load.mockClear();
  // A worker that has seeded the built-in pack (a write: a reply read during it is not kept).
  await activePacksFromStore();
  // The first panel of the browser session: read from the database, then kept.
  await panelInitPacks(ADAPTER, load);
  await kept();
  load.mockClear();
});

describe('panel:init kept for the next wake', () => {
  it('a woken worker answers from session storage without reading the database, the same reply', async () => {
    const { answer, truth } = await wakeAndAsk();
    expect(load).not.toHaveBeenCalled();
    expect(answer).toEqual(truth);
    expect((answer as typeof truth).adaptersFor).toBe(ADAPTER);
    expect(answer.packs[0]!.adapters.map((a) => a.id)).toEqual([ADAPTER]);
  });

  it('keeps one entry per adapter, and one for "all adapters"', async () => {
    restartWorker();
    const all = await panelInitPacks(undefined, load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(all.adaptersFor).toBeNull();
    expect(all.packs[0]!.adapters).toHaveLength(builtin.adapters.length);
    await kept(panelInitKey(undefined));
    restartWorker();
    load.mockClear();
    expect(await panelInitPacks(undefined, load)).toEqual(all);
    expect(load).not.toHaveBeenCalled();
    expect((await panelInitPacks(ADAPTER, load)).packs[0]!.adapters).toHaveLength(1);
    expect(load).not.toHaveBeenCalled();
  });

  const changes: [string, () => Promise<unknown>, (packs: Pack[]) => void][] = [
    ['importing a pack', () => importPackText(packText()), (packs) => expect(runbookIds(packs)).toContain('team-pack/team-runbook')],
    ['switching the built-in pack off', () => setPackEnabled(builtin.id, false), (packs) => expect(packs).toEqual([])],
    [
      'replacing a pack with a new version',
      async () => {
        await importPackText(packText());
        await answeredAndKept('team-pack/team-runbook', true);
        await importPackText(packText({ version: '1.1.0', runbooks: [{ id: 'renamed', title: 'Renamed', summary: 'New.', steps: [{ title: 'Step' }] }] }), { replace: true });
      },
      (packs) => expect(runbookIds(packs)).toContain('team-pack/renamed'),
    ],
    [
      'deleting a pack',
      async () => {
        await importPackText(packText());
        await answeredAndKept('team-pack/team-runbook', true);
        await deletePack('team-pack');
      },
      (packs) => expect(runbookIds(packs).some((id) => id.startsWith('team-pack/'))).toBe(false),
    ],
    [
      'undoing a delete',
      async () => {
        await importPackText(packText());
        await deletePack('team-pack');
        await answeredAndKept('team-pack/team-runbook', false);
        await restorePack('team-pack');
      },
      (packs) => expect(runbookIds(packs)).toContain('team-pack/team-runbook'),
    ],
    [
      'saving a runbook of my own',
      () => saveLocalRunbook({ id: 'my-own', title: 'My own', summary: 'Mine.', steps: [{ title: 'Do it' }] }),
      (packs) => expect(runbookIds(packs)).toContain('my-runbooks/my-own'),
    ],
    [
      'subscribing to a pack, then its update',
      async () => {
        const url = 'https://packs.example.org/team.json';
        await subscribe(url, { fetch: async () => new Response(packText(), { status: 200 }) });
        await answeredAndKept('team-pack/team-runbook', true);
        const newer = JSON.stringify(packData({ version: '2.0.0', runbooks: [{ id: 'from-update', title: 'From the update', summary: 'New.', steps: [{ title: 'Step' }] }] }));
        const sub = (await db().packs.toArray()).find((r) => r.source === 'url')!;
        await refreshPack(sub.id, { fetch: async () => new Response(newer, { status: 200 }), now: Date.now() + 1 });
      },
      (packs) => expect(runbookIds(packs)).toContain('team-pack/from-update'),
    ],
    [
      "the organisation's policy adding a pack",
      () =>
        applyManagedPolicy({
          read: async () => ({ packUrls: ['https://packs.example.org/managed.json'] }),
          fetch: async () => new Response(packText({ id: 'managed-pack', runbooks: [{ id: 'managed-rb', title: 'Managed', summary: 'IT.', steps: [{ title: 'Step' }] }] }), { status: 200 }),
        }),
      (packs) => expect(runbookIds(packs)).toContain('managed-pack/managed-rb'),
    ],
    [
      'any other write to the packs table (not through the store)',
      async () => {
        const record = (await db().packs.get(builtin.id))!;
        await db().packs.put({ ...record, pack: { ...record.pack, runbooks: record.pack.runbooks.slice(1) } });
      },
      (packs) => expect(runbookIds(packs)).not.toContain(`${builtin.id}/${builtin.runbooks[0]!.id}`),
    ],
  ];

  for (const [what, change, check] of changes) {
    it(`${what}: the next panel:init says so, also from a worker woken after the change`, async () => {
      await change();
      // The same worker, then a worker started afresh.
      const sameWorker = await panelInitPacks(ADAPTER, load);
      expect(sameWorker).toEqual(panelPacks(await activePacksFromStore(), ADAPTER));
      check(sameWorker.packs);
      const { answer, truth } = await wakeAndAsk();
      expect(answer).toEqual(truth);
      check(answer.packs);
      // And that answer is kept in turn: the next wake has it without the database.
      await kept();
      load.mockClear();
      restartWorker();
      expect(await panelInitPacks(ADAPTER, load)).toEqual(truth);
      expect(load).not.toHaveBeenCalled();
    });
  }

  it('a reply read while a pack was being written is not kept', async () => {
    restartWorker();
    await fakeBrowser.storage.session.clear();
    let release: (() => void) | undefined;
    const before = await activePacksFromStore();
    const slowLoad = () => new Promise<Pack[]>((resolve) => (release = () => resolve(before)));
    const answer = panelInitPacks(ADAPTER, slowLoad);
    await vi.waitFor(() => expect(release).toBeDefined());
    await setPackEnabled(builtin.id, false);
    release!();
    expect((await answer).packs).toHaveLength(1); // what was read: the old packs, answered once…
    // …but not kept for the next wake (a later reply's entry is kept after it would have been)…
    await panelInitPacks(undefined, load);
    await kept(panelInitKey(undefined));
    // …which reads the database and sees the pack switched off.
    restartWorker();
    load.mockClear();
    expect((await panelInitPacks(ADAPTER, load)).packs).toEqual([]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a pack written while the reply was being kept (between its reads and its write) leaves nothing kept', async () => {
    restartWorker();
    await fakeBrowser.storage.session.clear();
    const session = fakeBrowser.storage.session;
    const realGet = session.get.bind(session);
    let writing: Promise<unknown> | undefined;
    const get = vi.spyOn(session, 'get').mockImplementation(((keys: unknown) => {
      // keep() reads the index of kept replies just before it writes its entry: a pack is switched off right then.
      if (Array.isArray(keys) && keys.includes('panelInitKeys') && !writing) {
        // The index is answered once the write has been asked for (the table told), not before.
        const asked = new Promise<void>((resolve) => {
          const stop = onPacksWritten(() => {
            stop();
            resolve();
          });
        });
        writing = setPackEnabled(builtin.id, false);
        return asked.then(() => realGet(keys as string[]));
      }
      return realGet(keys as string[]);
    }) as typeof session.get);
    await panelInitPacks(ADAPTER, load);
    await vi.waitFor(() => expect(writing).toBeDefined());
    await writing;
    get.mockRestore();
    const { answer, truth } = await wakeAndAsk();
    expect(truth.packs).toEqual([]);
    expect(answer.packs).toEqual(truth.packs);
  });

  it('an entry of another build of the built-in pack is not used', async () => {
    const key = panelInitKey(ADAPTER);
    const entry = (await fakeBrowser.storage.session.get(key))[key] as { builtin: string };
    await fakeBrowser.storage.session.set({ [key]: { ...entry, builtin: 'text:another-build' } });
    restartWorker();
    await panelInitPacks(ADAPTER, load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('when session storage refuses the entry (its quota), the worker answers from the database, nothing lost', async () => {
    await setPackEnabled(builtin.id, false);
    await setPackEnabled(builtin.id, true);
    const set = vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    restartWorker();
    expect((await panelInitPacks(ADAPTER, load)).packs).toHaveLength(1);
    await vi.waitFor(() => expect(set).toHaveBeenCalled());
    restartWorker();
    load.mockClear();
    expect((await panelInitPacks(ADAPTER, load)).packs).toHaveLength(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it(`keeps at most ${MAX_KEPT} replies (session storage is shared with the panels' state), the least recent dropped`, async () => {
    const others = Array.from({ length: MAX_KEPT }, (_, i) => `other-console-${i}`);
    for (const adapter of others) {
      await panelInitPacks(adapter, load);
      await kept(panelInitKey(adapter));
    }
    const keys = Object.keys(await fakeBrowser.storage.session.get(null)).filter((k) => k.startsWith('panelInit:'));
    expect(keys.sort()).toEqual(others.map(panelInitKey).sort());
    // The first kept (the beforeEach's) was dropped: a wake for it reads the database again.
    restartWorker();
    load.mockClear();
    await panelInitPacks(ADAPTER, load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it(`a reply over ${MAX_JSON / 1024} KB of text is not kept`, async () => {
    const huge = Array.from({ length: 8 }, (_, i) => ({ ...builtin, id: `copy-${i}` }));
    expect(JSON.stringify(panelPacks(huge, undefined)).length).toBeGreaterThan(MAX_JSON);
    await panelInitPacks(undefined, async () => huge);
    // A later reply's entry is kept after the huge one would have been.
    await panelInitPacks('another-console', load);
    await kept(panelInitKey('another-console'));
    expect((await fakeBrowser.storage.session.get(panelInitKey(undefined)))[panelInitKey(undefined)]).toBeUndefined();
  });

  it('a database that fails is not kept (the handler falls back to the built-in pack, uncached)', async () => {
    await fakeBrowser.storage.session.clear();
    restartWorker();
    await expect(panelInitPacks(ADAPTER, () => Promise.reject(new Error('database closed')))).rejects.toThrow('database closed');
    expect(await fakeBrowser.storage.session.get(panelInitKey(ADAPTER))).toEqual({});
  });
});

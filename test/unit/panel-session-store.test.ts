import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppliedSearch } from '../../utils/db/records';
import { captureInterrupted, verdictAfterReload } from '../../utils/panel-session/after-reload';
import { runbookToReopen } from '../../utils/panel-session/reopen';
import { createTabSessionStore, panelSessionKey, type PanelSession, type SessionArea } from '../../utils/panel-session/store';

/** A storage area like browser.storage.session, in memory, counting writes. */
function memoryArea(): SessionArea & { data: Map<string, unknown>; writes: number } {
  const data = new Map<string, unknown>();
  const area = {
    data,
    writes: 0,
    async get(key: string) {
      return data.has(key) ? { [key]: structuredClone(data.get(key)) } : {};
    },
    async set(items: Record<string, unknown>) {
      area.writes++;
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys: string | string[]) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
  return area;
}

const session = (over: Partial<PanelSession> = {}): PanelSession => ({
  v: 1,
  runbookId: 'settings-changed',
  adapterId: 'reload-console',
  caseId: 'case-1',
  values: { email: 'dana@northwind.example' },
  steps: ['done', 'todo', 'todo'],
  messages: { 0: { kind: 'ok', text: 'Done — every filter is set and checked, and the log shows the matching events.' } },
  path: [],
  running: null,
  capture: null,
  savedAt: 1,
  ...over,
});

afterEach(() => vi.useRealTimers());

describe('the tab session store', () => {
  it('writes after a quiet moment, only the last state, and reads it back after the panel is rebuilt', async () => {
    vi.useFakeTimers();
    const area = memoryArea();
    const store = createTabSessionStore(area, 7, { delayMs: 300 });
    store.save(session({ values: { email: 'd' } }));
    store.save(session({ values: { email: 'da' } }));
    store.save(session({ values: { email: 'dana@northwind.example' } }));
    expect(area.writes).toBe(0);
    await vi.advanceTimersByTimeAsync(300);
    expect(area.writes).toBe(1);
    vi.useRealTimers();
    // A new panel (after a reload) in the same tab: a new store over the same area.
    const restored = await createTabSessionStore(area, 7).load();
    expect(restored?.values).toEqual({ email: 'dana@northwind.example' });
    expect(restored?.steps).toEqual(['done', 'todo', 'todo']);
    expect(restored?.messages[0]?.text).toMatch(/^Done/);
    // Another tab has nothing.
    expect(await createTabSessionStore(area, 8).load()).toBeNull();
  });

  it('flush writes at once (before a step that may unload the page)', async () => {
    const area = memoryArea();
    const store = createTabSessionStore(area, 3, { delayMs: 60_000 });
    store.save(session({ running: { step: 0, type: 'fill', url: 'http://127.0.0.1/log', at: 5 } }));
    await store.flush();
    expect((area.data.get(panelSessionKey(3)) as PanelSession).running).toEqual({ step: 0, type: 'fill', url: 'http://127.0.0.1/log', at: 5 });
  });

  it('is dropped when the person closes the runbook, and a pending write does not bring it back', async () => {
    vi.useFakeTimers();
    const area = memoryArea();
    const store = createTabSessionStore(area, 4, { delayMs: 300 });
    store.save(session());
    await store.flush();
    store.save(session({ values: { email: 'x@y.example' } }));
    await store.drop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(area.data.has(panelSessionKey(4))).toBe(false);
    expect(await store.load()).toBeNull();
  });

  it('throws away a stored state that does not validate (another version, damaged)', async () => {
    const area = memoryArea();
    area.data.set(panelSessionKey(9), { ...session(), v: 2 });
    expect(await createTabSessionStore(area, 9).load()).toBeNull();
    expect(area.data.has(panelSessionKey(9))).toBe(false);
    // A step state that doesn't exist ("running" is never a state, whatever a page sent).
    area.data.set(panelSessionKey(9), { ...session(), steps: ['done', 'running'] });
    expect(await createTabSessionStore(area, 9).load()).toBeNull();
  });

  it('reopens the runbook only on a page the same adapter recognises, and only if it is still installed', () => {
    const installed = new Set(['settings-changed']);
    const raw = session();
    expect(runbookToReopen(raw, 'reload-console', installed)).toBe('settings-changed');
    expect(runbookToReopen(raw, 'acme-demo', installed)).toBeNull();
    expect(runbookToReopen(raw, null, installed)).toBeNull();
    expect(runbookToReopen(raw, 'reload-console', new Set())).toBeNull();
    expect(runbookToReopen({ ...raw, v: 2 }, 'reload-console', installed)).toBeNull();
    expect(runbookToReopen(undefined, 'reload-console', installed)).toBeNull();
  });
});

const applied = (filters: AppliedSearch['filters']): AppliedSearch => ({ filters, timeRange: { from: null, to: null }, readFrom: 'url+controls', checkedAt: 1 });
const label = (name: string) => ({ actor: 'Actor', action: 'Action', text: 'Search' })[name] ?? name;

describe('a search step that was running when the page reloaded', () => {
  it('is Done only when the new page applies every filter it asked for', () => {
    const verdict = verdictAfterReload(
      { type: 'fill' },
      applied([
        { name: 'actor', intended: 'dana@northwind.example', shown: 'dana@northwind.example', status: 'applied' },
        { name: 'action', intended: 'settings.update', shown: 'settings.update', status: 'applied' },
      ]),
      label,
    );
    expect(verdict.state).toBe('done');
    expect(verdict.message.text).toMatch(/^Done — the page reloaded when the search ran/);
    expect(verdict.message.fields.map((f) => f.status)).toEqual(['kept', 'kept']);
  });

  it('names each filter the console does not show, and is not Done', () => {
    const verdict = verdictAfterReload(
      { type: 'fill' },
      applied([
        { name: 'actor', intended: 'dana@northwind.example', shown: 'dana@northwind.example', status: 'applied' },
        { name: 'action', intended: 'settings.update', shown: null, status: 'not-applied', reason: 'The address has no action.' },
      ]),
      label,
    );
    expect(verdict.state).toBe('failed');
    expect(verdict.message.text).toMatch(/^Partly done/);
    expect(verdict.message.fields[1]).toMatchObject({ field: 'action', status: 'not-kept' });
    expect(verdict.message.fields[1]!.text).toContain('set it yourself: settings.update');
  });

  it('says what it could not check, and a filter the step did not ask for', () => {
    const verdict = verdictAfterReload(
      { type: 'fill' },
      applied([
        { name: 'actor', intended: 'dana@northwind.example', shown: null, status: 'unchecked' },
        { name: 'text', intended: '', shown: 'old search', status: 'applied' },
      ]),
      label,
    );
    expect(verdict.state).toBe('failed');
    expect(verdict.message.text).toMatch(/^Not done/);
    expect(verdict.message.fields[0]!.status).toBe('unchecked');
    expect(verdict.message.details.join(' ')).toContain('Search (old search)');
  });

  it("says plainly when nothing could be read back, and doesn't claim Done", () => {
    const verdict = verdictAfterReload({ type: 'fill' }, null, label);
    expect(verdict.state).toBe('failed');
    expect(verdict.message.text).toContain("couldn't read back what the console applies now");
    expect(verdict.message.text).not.toMatch(/^Done/);
  });

  it('a plain capture cut off by a reload says nothing was kept', () => {
    expect(captureInterrupted()).toMatchObject({ state: 'failed' });
    expect(captureInterrupted().message.text).toContain('no rows from that run were kept');
  });
});

describe('when the tab closes', () => {
  it("the worker drops that tab's session (session storage, and the storage.local fallback), and only that tab's", async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { registerTabSessionCleanup } = await import('../../utils/background/tab-sessions');
    fakeBrowser.reset();
    registerTabSessionCleanup();
    await fakeBrowser.storage.session.set({ [panelSessionKey(11)]: session(), [panelSessionKey(12)]: session() });
    await fakeBrowser.storage.local.set({ [panelSessionKey(11)]: session() });
    await fakeBrowser.tabs.onRemoved.trigger(11, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get(panelSessionKey(11))).toEqual({}));
    expect(await fakeBrowser.storage.local.get(panelSessionKey(11))).toEqual({});
    expect(Object.keys(await fakeBrowser.storage.session.get(panelSessionKey(12)))).toEqual([panelSessionKey(12)]);
  });
});

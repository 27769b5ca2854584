// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RunbookView } from '../../components/panel/RunbookView';
import * as session from '../../components/panel/session';
import { adapterId, packs, pageUrl, tabId } from '../../components/panel/state';
import { getCase } from '../../utils/cases/cases';
import type { TrailguideDatabase } from '../../utils/db/database';
import type { AppliedSearch, CapturedRow } from '../../utils/db/records';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { addPage, following, startPagedCapture } from '../../utils/panel-session/paged-capture';
import { panelSessionKey, type PanelSession } from '../../utils/panel-session/store';
import { runbookSchema } from '../../utils/schema/runbook';
import { connectPagesToBackground, tearDownUi, useFreshDatabase, waitFor } from './cases-fixtures';

/**
 * The panel rebuilt after the page reloaded: what the tab's session held comes back, a
 * search the reload cut off is checked by read-back (never "Done" from memory), and a
 * capture across page loads carries on with the rows kept so far.
 */
const builtin = loadBuiltinPack();
const DANA = 'dana.whitfield@northwind.example';
const TAB = 9;
const PAGE = (n: number) => `http://127.0.0.1:4173/audit?actor=${encodeURIComponent(DANA)}&page=${n}`;

const runbook = runbookSchema.parse({
  id: 'staff-check',
  title: 'What did they do?',
  summary: 'Search, then capture every page.',
  inputs: [
    { name: 'email', label: 'Email', type: 'email' },
    { name: 'ticket', label: 'Ticket', type: 'text', required: false },
  ],
  steps: [
    { title: 'Search', action: { type: 'fill', filters: { actor: '{{email}}' } } },
    { title: 'Capture', action: { type: 'capture', limit: 100 } },
  ],
});
const pack = { ...builtin, id: 'test-pack', runbooks: [runbook] };

function row(n: number): CapturedRow {
  const time = new Date(Date.UTC(2026, 10, 28, 17) - n * 60_000).toISOString();
  const raw = { time, actor: DANA, action: 'account.settings_changed', target: `acct-${n}` };
  return { time, actor: DANA, action: raw.action, target: raw.target, ip: '', result: '', raw };
}

let database: TrailguideDatabase;
let container: HTMLElement;
let applied: AppliedSearch | null = null;
let pageRows: CapturedRow[] = [];

const stored = (over: Partial<PanelSession>): PanelSession => ({
  v: 1,
  runbookId: runbook.id,
  adapterId: 'acme-demo',
  caseId: null,
  values: { email: DANA, ticket: 'T-4411' },
  steps: ['todo', 'todo'],
  messages: {},
  path: [],
  running: null,
  capture: null,
  savedAt: 1,
  ...over,
});

async function openPanelWith(state: PanelSession, url: string) {
  await fakeBrowser.storage.session.set({ [panelSessionKey(TAB)]: state });
  pageUrl.value = url;
  await act(() => {
    render(<RunbookView runbook={runbook} />, container);
  });
}

/** Holds the reads of session storage that `held` picks until `release()`, counting them. */
function heldReads(held: (keys: unknown) => boolean) {
  const area = fakeBrowser.storage.session;
  const realGet = area.get.bind(area);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let count = 0;
  vi.spyOn(area, 'get').mockImplementation((async (keys: never) => {
    if (held(keys)) {
      count++;
      await gate;
    }
    return realGet(keys);
  }) as never);
  return { realGet, release, reads: () => count };
}

const step = (i: number) => container.querySelector<HTMLElement>(`[data-testid="step"][data-step-index="${i}"]`)!;

beforeEach(() => {
  fakeBrowser.reset();
  database = useFreshDatabase();
  applied = null;
  pageRows = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { type, request } = message as { type?: string; request?: { type?: string } };
    if (type !== 'exec:run') return undefined;
    if (request?.type === 'exec:readback') return Promise.resolve({ type: 'exec:readback', applied });
    if (request?.type === 'exec:capture') return Promise.resolve({ type: 'exec:capture', result: { rows: pageRows, pages: 1, stoppedBecause: 'last-page', warnings: [] } });
    if (request?.type === 'exec:next-page') return Promise.resolve({ type: 'exec:next-page', found: false, href: null, clicked: false });
    return Promise.resolve({ error: 'Not part of this test.' });
  });
  connectPagesToBackground();
  packs.value = [builtin, pack];
  adapterId.value = 'acme-demo';
  tabId.value = TAB;
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(async () => {
  // No write of this test's panel may land in the next test's storage.
  // Its progress still waiting to be saved is written now, into this test's database.
  await session.closeRunbookSession();
  await waitFor(async () => expect(await fakeBrowser.storage.session.get(panelSessionKey(TAB))).toEqual({}));
  tearDownUi(container, database);
});

describe('the panel rebuilt after a page reload', () => {
  it('brings back the inputs, and checks a search the reload cut off by read-back: Done only when the console applies it', async () => {
    applied = { filters: [{ name: 'actor', intended: DANA, shown: DANA, status: 'applied' }], timeRange: { from: null, to: null }, readFrom: 'url', checkedAt: 1 };
    await openPanelWith(stored({ running: { step: 0, type: 'fill', url: 'http://127.0.0.1:4173/audit', at: 1 } }), PAGE(1));
    await waitFor(() => expect(step(0).dataset.state).toBe('done'));
    expect(step(0).textContent).toContain('Done — the page reloaded when the search ran');
    expect(container.querySelector<HTMLInputElement>('[data-testid="input-ticket"]')!.value).toBe('T-4411');
    expect(session.values.value.email).toBe(DANA);
    // Checked once: the stored state no longer says a step is running.
    await waitFor(async () => expect(((await fakeBrowser.storage.session.get(panelSessionKey(TAB)))[panelSessionKey(TAB)] as PanelSession).running).toBeNull());
  });

  it('says which filter the new page does not show, and is not Done', async () => {
    applied = { filters: [{ name: 'actor', intended: DANA, shown: null, status: 'not-applied', reason: 'The box is empty.' }], timeRange: { from: null, to: null }, readFrom: 'controls', checkedAt: 1 };
    await openPanelWith(stored({ running: { step: 0, type: 'fill', url: 'http://127.0.0.1:4173/audit', at: 1 } }), PAGE(1));
    await waitFor(() => expect(step(0).dataset.state).toBe('failed'));
    expect(step(0).textContent).toContain('Not done — the page reloaded when the search ran');
    expect(step(0).querySelector('[data-testid="fill-field"][data-field="actor"]')?.getAttribute('data-status')).toBe('not-kept');
  });

  it('a capture across page loads carries on on the next page and stores every row once in the case', async () => {
    let capture = startPagedCapture({ step: 1, limit: 100, applied: null });
    capture = addPage(capture, PAGE(1), Array.from({ length: 10 }, (_, i) => row(i)), []).state;
    capture = following(capture, PAGE(2));
    // Page 2 repeats page 1's last row (a new event arrived) and ends the results.
    pageRows = Array.from({ length: 10 }, (_, i) => row(i + 9));
    await openPanelWith(stored({ steps: ['done', 'todo'], capture }), PAGE(2));
    await waitFor(() => expect(step(1).dataset.state).toBe('done'));
    expect(step(1).textContent).toContain('Captured 19 rows from 2 pages.');
    expect(step(1).textContent).toContain('1 row showed up again on a later page');
    expect(step(1).textContent).toContain('now shows page 2');
    expect(await getCase(session.caseId.value!)).not.toBeNull();
    expect(session.captures.value).toHaveLength(1);
    // The capture's rows are in the case; the session no longer holds them.
    expect(session.captures.value[0]!.rows.map((r) => r.target)).toEqual(Array.from({ length: 19 }, (_, i) => `acct-${i}`));
    await waitFor(async () => expect(((await fakeBrowser.storage.session.get(panelSessionKey(TAB)))[panelSessionKey(TAB)] as PanelSession).capture).toBeNull());
  });

  it('a runbook closed while its session is still being read back is not saved again', async () => {
    adapterId.value = 'github-audit-log';
    await fakeBrowser.storage.session.set({ [panelSessionKey(TAB)]: stored({}) });
    const area = fakeBrowser.storage.session;
    const { realGet, release, reads } = heldReads(() => true);
    const writes = vi.spyOn(area, 'set');
    pageUrl.value = PAGE(1);
    await act(() => {
      render(<RunbookView runbook={runbook} />, container);
    });
    await waitFor(() => expect(reads()).toBeGreaterThan(0));
    // The person goes back to the list before the stored session has been read.
    void session.closeRunbookSession();
    await act(async () => {
      release();
      for (let i = 0; i < 50; i++) await Promise.resolve();
    });
    await waitFor(async () => expect(await realGet(panelSessionKey(TAB))).toEqual({}));
    expect(writes.mock.calls.filter(([items]) => panelSessionKey(TAB) in (items as object))).toEqual([]);
  });

  it('a step clicked while the runbook is still opening waits for it: a link that loads a new page leaves the runbook open in the tab', async () => {
    const byLink = runbookSchema.parse({
      id: 'by-link',
      title: 'Open the log by link',
      summary: 'Opens the audit log with the filters in its address.',
      steps: [
        { title: 'Open the log', action: { type: 'navigate', filters: { actor: DANA } } },
        { title: 'Capture', action: { type: 'capture', limit: 50 } },
      ],
    });
    packs.value = [builtin, { ...pack, runbooks: [runbook, byLink] }];
    // Only the read of the tab's session is slow (a loaded machine); everything else answers at once.
    const { realGet, release, reads } = heldReads((keys) => JSON.stringify(keys).includes(panelSessionKey(TAB)));
    // What the tab's session holds at the moment the link replaces the page.
    const atNavigation: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, 'update').mockImplementation((async (_tab: number, change: { url?: string }) => {
      atNavigation.push({ url: change.url, session: (await realGet(panelSessionKey(TAB)))[panelSessionKey(TAB)] });
      return {};
    }) as never);
    pageUrl.value = 'http://127.0.0.1:4173/audit';
    await act(() => {
      render(<RunbookView runbook={byLink} />, container);
    });
    await waitFor(() => expect(reads()).toBeGreaterThan(0));
    // The agent clicks the step before the stored session has been read.
    const run = session.runStep(byLink, 0);
    // Turns of the event loop (not time) enough for a step that didn't wait to reach the link:
    // it takes about 30 (the case written to the database, the link built).
    for (let turn = 0; turn < 300 && atNavigation.length === 0; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reads()).toBe(1);
    await act(async () => {
      release();
      await run;
    });
    expect(atNavigation).toHaveLength(1);
    expect(atNavigation[0]).toMatchObject({
      url: expect.stringContaining(`actor=${encodeURIComponent(DANA)}`),
      session: { runbookId: 'by-link', adapterId: 'acme-demo', running: { step: 0, type: 'navigate' } },
    });
    // Not Done before the new page has shown what the link applied.
    expect((atNavigation[0] as { session: PanelSession }).session.steps[0]).toBe('todo');
    expect(step(0).dataset.state).toBe('todo');
    expect(step(0).textContent).toContain('Trailguide checks each filter once the page has loaded');
  });

  it('another runbook, or a page another adapter recognised, starts afresh', async () => {
    adapterId.value = 'github-audit-log';
    await openPanelWith(stored({ running: { step: 0, type: 'fill', url: 'x', at: 1 } }), PAGE(1));
    await waitFor(() => expect(session.stepStates.value).toEqual(['todo', 'todo']));
    expect(session.values.value.ticket ?? '').toBe('');
  });
});

import { computed } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '../../utils/runtime-client';
import { panelOpenKey, panelSessionKey } from '../../utils/storage-keys';
import { runbookToReopen } from '../../utils/panel-session/reopen';
import type { PanelInitReply } from '../../utils/background/panel-init';
import { builderOpen } from '../builder/builder-open';
import { LazyBuilderView as BuilderView } from '../builder/LazyBuilderView';
import { TeachIntro, TeachLink } from '../builder/TeachEntry';
import { resumeRecheck } from '../builder/recheck-resume';
import { RunbookList } from './RunbookList';
// The list paints first; the heavier views (and zod, the engines, the escalation
// builder) load in a separate chunk, fetched on the first sign the person may open a runbook.
import { RunbookView } from './lazy-runbook-view';
import { mayBePanelMessage } from './panel-message-types';
const messageSchemas = () => import('./message-schemas');
import { adapter, adapterId, loadError, loading, openRunbook, openRunbookId, packs, pageUrl, panelOpen, runbooks, tabId } from './state';
import { packsForCurrent } from './packs-for';
import { sessionArea } from './session-area';

type PanelInit = PanelInitReply;

function originOf(url: string | null): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

/** The per-site key that remembers whether the panel is open on this page's site. */
const openKey = computed(() => {
  const origin = originOf(pageUrl.value);
  return origin ? panelOpenKey(origin) : null;
});

/**
 * The packs, with only this page's adapter (the panel shows no other; the reply is half as
 * big). `adaptersFor` remembers which one came, so a page that moves to another console asks again.
 */
let adaptersFor: string | null = null;
const loadPacks = async () => {
  const reply = await packsForCurrent((adapter) => ask<PanelInit>(adapter ? { type: 'panel:init', adapter } : { type: 'panel:init' }), () => adapterId.value);
  adaptersFor = reply.adaptersFor ?? null;
  return reply;
};

/**
 * Where this page is shown: in the frame docked beside the console, or as the browser's
 * own side panel (a top-level page). Tests read it from the `panel-dock` hook.
 */
const dockMode = window.top === window.self ? 'browser' : 'docked';

/**
 * In the browser's side panel there is no sender tab: the tab is in the page's address
 * (utils/background/side-panel.ts), and its detector says which adapter recognised it.
 */
let inSidePanel = false;

async function sidePanelTab(): Promise<{ tabId: number; pageUrl: string | null; adapterId: string | null } | null> {
  const raw = new URLSearchParams(location.hash.slice(1)).get('tab') ?? '';
  const tab = Number(raw);
  if (dockMode !== 'browser' || !/^\d{1,10}$/.test(raw)) return null;
  const [info, shown] = await Promise.all([browser.tabs.get(tab).catch(() => undefined), pageAdapter(tab)]);
  return { tabId: tab, pageUrl: info?.url ?? null, adapterId: shown };
}

/** The adapter the page in `tab` shows now, as its detector says (null: none, or no answer). */
async function pageAdapter(tab: number): Promise<string | null> {
  const which = (await browser.tabs.sendMessage(tab, { type: 'host:which' }).catch(() => undefined)) as { adapterId?: unknown } | undefined;
  return typeof which?.adapterId === 'string' ? which.adapterId : null;
}

/** The page shows another adapter (or none): follow it, asking for its packs when the first reply did not carry them. */
function followAdapter(id: string | null) {
  adapterId.value = id;
  if (adaptersFor !== null && id !== null && id !== adaptersFor) void refreshPacks();
}

async function init() {
  adapterId.value = new URLSearchParams(location.hash.slice(1)).get('adapter');
  try {
    const [reply, side] = await Promise.all([loadPacks(), sidePanelTab()]);
    packs.value = reply.packs;
    tabId.value = side?.tabId ?? reply.tabId;
    pageUrl.value = side ? side.pageUrl : reply.pageUrl;
    if (side) adapterId.value = side.adapterId;
    inSidePanel = side !== null;
    const key = openKey.value;
    // The side panel is open while it is shown; folding is for the panel docked in the page.
    const [open, reopen] = await Promise.all([key && !side ? browser.storage.local.get(key).then((got) => got[key] !== false) : null, storedRunbook()]);
    if (open !== null) panelOpen.value = open;
    // The page reloaded (a search, a "next" link) with a runbook open in this tab: open it again.
    if (reopen) openRunbookId.value = reopen;
    // The builder reloaded the page to check what was taught ("Check on a fresh page"): it opens again and finishes.
    void resumeRecheck(tabId.value);
    // The page may have moved up to a better-fitting adapter (a taught one) while this panel started: that
    // news (page:changed) came before the panel knew its tab, or before it listened. Ask the page now.
    if (!side && tabId.value !== null) void catchUpWithPage(tabId.value);
  } catch {
    loadError.value = 'Trailguide could not load its runbooks. Reload the page; if this keeps happening, reinstall the extension.';
  } finally {
    loading.value = false;
  }
}

/** The adapter the page shows now, if it is another than the one this panel was started for. */
async function catchUpWithPage(tab: number) {
  const now = await pageAdapter(tab);
  if (now !== null && now !== adapterId.value) followAdapter(now);
}

/** The runbook this tab's panel had open before the page reloaded (utils/panel-session). */
async function storedRunbook(): Promise<string | null> {
  const area = sessionArea();
  if (tabId.value === null || !area) return null;
  const key = panelSessionKey(tabId.value);
  const raw = await area.get(key).then((got) => got[key], () => undefined);
  return runbookToReopen(raw, adapterId.value, new Set(runbooks.value.map((r) => r.id)));
}

async function refreshPacks() {
  try {
    packs.value = (await loadPacks()).packs;
  } catch {
    /* keep showing what we have; the next reload will pick the change up */
  }
}

function setOpen(open: boolean) {
  // The browser's side panel closes (Firefox's sidebar only by its own API; a click allows it).
  const sidebar = (browser as unknown as { sidebarAction?: { close(): Promise<void> } }).sidebarAction;
  if (inSidePanel && !open) return sidebar ? void sidebar.close().catch(() => undefined) : window.close();
  panelOpen.value = open;
  const key = openKey.value;
  if (key) void browser.storage.local.set({ [key]: open });
}

/**
 * Asked for as soon as this module runs, not in an effect after the first render:
 * the reply is the longest wait before the list can paint, and an effect would
 * start it only after a frame.
 */
let started: Promise<void> | undefined;
export function startPanel(): Promise<void> {
  started ??= init();
  return started;
}

export function PanelApp() {
  useEffect(() => {
    void startPanel();
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const key = openKey.value;
      if (area === 'local' && key && key in changes && !inSidePanel) panelOpen.value = changes[key]?.newValue !== false;
    };
    const onMessage = (raw: unknown, sender: { id?: string; tab?: { id?: number } }) => {
      if (sender.id !== browser.runtime.id) return;
      // Every content script's messages to the worker reach this page too: only the two this
      // panel listens for load the schemas (zod), so a panel that is only shown never loads them.
      if (!mayBePanelMessage(raw, sender.tab?.id, tabId.value)) return;
      void messageSchemas().then(({ readPanelMessage }) => {
        const message = readPanelMessage(raw);
        // A pack was imported, edited or switched off: reload what the panel shows.
        if (message?.type === 'packs:changed') return void refreshPacks();
        if (message?.type !== 'page:changed' || sender.tab?.id !== tabId.value) return;
        pageUrl.value = message.url;
        // Another console in the same tab: its adapter may not have been in the first reply.
        followAdapter(message.adapterId);
      });
    };
    browser.storage.onChanged.addListener(onStorage);
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      browser.storage.onChanged.removeListener(onStorage);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, []);

  if (!panelOpen.value) {
    return (
      <button class="launcher" data-testid="panel-toggle" aria-expanded="false" title="Show Trailguide (Alt+Shift+Y)" onClick={() => setOpen(true)}>
        <span class="launcher-mark" aria-hidden="true">T</span>
        <span class="launcher-label">Trailguide</span>
      </button>
    );
  }

  return (
    <div class="panel" data-testid="panel-dock" data-mode={dockMode}>
      <header class="panel-header">
        <div class="brand">
          <span class="brand-mark" aria-hidden="true">T</span>
          <div>
            <div class="brand-name">Trailguide</div>
            <div class="brand-tool" data-testid="panel-tool">{adapter.value?.name ?? 'Audit log'}</div>
          </div>
        </div>
        <button class="icon-button" data-testid="panel-toggle" aria-expanded="true" title="Hide Trailguide (Alt+Shift+Y)" aria-label="Hide Trailguide" onClick={() => setOpen(false)}>
          <span aria-hidden="true">⟩</span>
        </button>
      </header>
      <main class="panel-body">
        {loading.value ? (
          <p role="status" class="muted">Loading runbooks…</p>
        ) : loadError.value ? (
          <p role="alert" class="error">{loadError.value}</p>
        ) : !adapterId.value ? (
          <TeachIntro />
        ) : builderOpen.value ? (
          <BuilderView />
        ) : openRunbook.value ? (
          <RunbookView runbook={openRunbook.value} />
        ) : (
          <>
            <RunbookList />
            <TeachLink />
          </>
        )}
      </main>
    </div>
  );
}

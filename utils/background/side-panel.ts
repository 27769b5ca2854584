import { browser } from 'wxt/browser';
import { PANEL_PLACE_KEY, type PanelPlace } from '../storage-keys';

/**
 * The browser's own side panel, when the person chose it in Settings instead of the
 * panel docked in the page: Chromium's `chrome.sidePanel`, Firefox's `sidebar_action`.
 * The same panel page is shown at `panel.html#tab=<id>`: the page learns its tab from
 * its address (a side panel has no `sender.tab`) and asks that tab's detector which
 * adapter recognised the page (`host:which`, in entrypoints/content.ts).
 *
 * Chromium's side panel is per tab: it is enabled only in the tab the person opened it
 * in. Firefox's sidebar is one per window and follows the window's active tab: each tab
 * gets its own panel address (`sidebarAction.setPanel`) when it becomes active, and the
 * manifest's default panel (`sidebar.html`, entrypoints/sidebar/) sends the sidebar to the
 * active tab's panel when nothing was set for that tab yet.
 */
interface SidePanelApi {
  setOptions(options: { tabId?: number; path?: string; enabled?: boolean }): Promise<void>;
  open(options: { tabId: number }): Promise<void>;
}

interface SidebarActionApi {
  setPanel(details: { tabId?: number; panel: string | null }): Promise<void>;
  open(): Promise<void>;
  toggle?(): Promise<void>;
}

const api = () => (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
const sidebarApi = () => (browser as unknown as { sidebarAction?: SidebarActionApi }).sidebarAction;

let place: PanelPlace = 'docked';

/** True where this browser has a side panel at all (the setting is offered only there). */
export const sidePanelAvailable = () => api() !== undefined || sidebarApi() !== undefined;

export const sidePanelPath = (tabId: number) => `panel.html#tab=${tabId}`;

/** Follows the setting; a side panel is never shown for a tab the person did not open it in. */
export function registerSidePanel(): void {
  const sidePanel = api();
  const sidebar = sidebarApi();
  if (!sidePanel && !sidebar) return;
  if (sidePanel) void sidePanel.setOptions({ enabled: false }).catch(() => undefined);
  const apply = (value: unknown) => (place = value === 'browser' ? 'browser' : 'docked');
  void browser.storage.local.get(PANEL_PLACE_KEY).then((stored) => apply(stored[PANEL_PLACE_KEY]));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && PANEL_PLACE_KEY in changes) apply(changes[PANEL_PLACE_KEY]?.newValue);
  });
  // Firefox: the window's sidebar shows the panel of the tab in front.
  if (sidebar) {
    browser.tabs.onActivated.addListener(({ tabId }) => {
      if (place === 'browser') void sidebar.setPanel({ tabId, panel: sidePanelPath(tabId) }).catch(() => undefined);
    });
  }
}

/**
 * The toolbar button or the shortcut, in side-panel mode: opens (in Firefox: shows or
 * hides) the side panel for this tab. Synchronous on purpose — the browser opens a side
 * panel only while the click or key press is being handled, so nothing may be awaited
 * before `open`. False: not in that mode.
 */
export function openSidePanel(tabId: number): boolean {
  if (place !== 'browser') return false;
  const sidePanel = api();
  if (sidePanel) {
    void sidePanel.setOptions({ tabId, path: sidePanelPath(tabId), enabled: true }).catch(() => undefined);
    void sidePanel.open({ tabId }).catch(() => undefined);
    return true;
  }
  const sidebar = sidebarApi();
  if (!sidebar) return false;
  void sidebar.setPanel({ tabId, panel: sidePanelPath(tabId) }).catch(() => undefined);
  void (sidebar.toggle ? sidebar.toggle() : sidebar.open()).catch(() => undefined);
  return true;
}

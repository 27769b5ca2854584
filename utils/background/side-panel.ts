import { browser } from 'wxt/browser';
import { PANEL_PLACE_KEY, type PanelPlace } from '../storage-keys';

/**
 * The browser's own side panel (Chromium's `chrome.sidePanel`), when the person chose it
 * in Settings instead of the panel docked in the page. The same panel page is shown,
 * one per tab, at `panel.html#tab=<id>`: the page learns its tab from its address (a
 * side panel has no `sender.tab`) and asks that tab's detector which adapter recognised
 * the page (`host:which`, in entrypoints/content.ts).
 *
 * Firefox's `sidebar_action` is not wired: it is one sidebar per window, not per tab.
 */
interface SidePanelApi {
  setOptions(options: { tabId?: number; path?: string; enabled?: boolean }): Promise<void>;
  open(options: { tabId: number }): Promise<void>;
}

const api = () => (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;

let place: PanelPlace = 'docked';

/** True where this browser has a side panel at all (the setting is offered only there). */
export const sidePanelAvailable = () => api() !== undefined;

export const sidePanelPath = (tabId: number) => `panel.html#tab=${tabId}`;

/** Follows the setting; a side panel is never shown for a tab the person did not open it in. */
export function registerSidePanel(): void {
  const sidePanel = api();
  if (!sidePanel) return;
  void sidePanel.setOptions({ enabled: false }).catch(() => undefined);
  const apply = (value: unknown) => (place = value === 'browser' ? 'browser' : 'docked');
  void browser.storage.local.get(PANEL_PLACE_KEY).then((stored) => apply(stored[PANEL_PLACE_KEY]));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && PANEL_PLACE_KEY in changes) apply(changes[PANEL_PLACE_KEY]?.newValue);
  });
}

/**
 * The toolbar button or the shortcut, in side-panel mode: opens this tab's side panel.
 * Synchronous on purpose — the browser opens a side panel only while the click or key
 * press is being handled, so nothing may be awaited before `open`. False: not in that mode.
 */
export function openSidePanel(tabId: number): boolean {
  const sidePanel = api();
  if (place !== 'browser' || !sidePanel) return false;
  void sidePanel.setOptions({ tabId, path: sidePanelPath(tabId), enabled: true }).catch(() => undefined);
  void sidePanel.open({ tabId }).catch(() => undefined);
  return true;
}

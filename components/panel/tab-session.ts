import { browser } from 'wxt/browser';
import { createTabSessionStore, type TabSessionStore } from '../../utils/panel-session/store';
import { sessionArea } from './session-area';

/**
 * The panel's per-tab session store (utils/panel-session/store.ts) over the browser's
 * session storage (./session-area.ts).
 */
export { sessionArea };

let current: { tabId: number; store: TabSessionStore } | null = null;

/** The store of the tab this panel belongs to (null: no tab, or no storage at all). */
export function tabSessionStore(tabId: number | null): TabSessionStore | null {
  if (tabId === null) return null;
  if (current?.tabId === tabId) return current.store;
  const area = sessionArea();
  if (!area) return null;
  current = { tabId, store: createTabSessionStore(area, tabId) };
  return current.store;
}

/**
 * Resolves with the tab's address once it has loaded a new page, or null after
 * `timeoutMs`. In the panel docked in the page this panel goes away with the page
 * first; in the browser's side panel it lives on and carries on from here.
 */
export function nextPageLoaded(tabId: number, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    let sawLoading = false;
    const done = (url: string | null) => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(listener);
      resolve(url);
    };
    const listener = (id: number, change: { status?: string }, tab: { url?: string }) => {
      if (id !== tabId) return;
      if (change.status === 'loading') sawLoading = true;
      else if (change.status === 'complete' && sawLoading) done(tab.url ?? null);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    browser.tabs.onUpdated.addListener(listener);
  });
}

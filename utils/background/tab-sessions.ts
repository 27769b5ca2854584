import { browser } from 'wxt/browser';
import { PANEL_SESSION_PREFIX, panelSessionKey } from '../storage-keys';

/**
 * The panel keeps its working state per tab (utils/panel-session/store.ts) in the
 * browser's session storage, which the browser empties when it closes. A closed tab's
 * state goes at once; where a browser has no session storage the panel falls back to
 * storage.local, so that copy goes too, and whatever a crash left there goes at start-up
 * (tab ids start again from scratch in a new browser session).
 */
export function registerTabSessionCleanup(): void {
  browser.tabs.onRemoved.addListener((tabId) => void forgetTabSession(tabId));
  browser.runtime.onStartup.addListener(() => void forgetLeftoverSessions());
}

export async function forgetTabSession(tabId: number): Promise<void> {
  const key = panelSessionKey(tabId);
  const session = (browser.storage as { session?: typeof browser.storage.local }).session;
  await Promise.all([session?.remove(key), browser.storage.local.remove(key)].map((p) => Promise.resolve(p).catch(() => undefined)));
}

async function forgetLeftoverSessions(): Promise<void> {
  const all = await browser.storage.local.get(null).catch(() => ({}) as Record<string, unknown>);
  const stale = Object.keys(all).filter((key) => key.startsWith(PANEL_SESSION_PREFIX));
  if (stale.length > 0) await browser.storage.local.remove(stale).catch(() => undefined);
}

import { browser } from 'wxt/browser';
import type { SessionArea } from '../../utils/panel-session/store';

/**
 * The browser's session storage — in memory, extension pages only, gone when the browser
 * closes — or, where a browser has none, storage.local, which the worker empties for a
 * tab when it closes (utils/background/tab-sessions.ts). A module of its own, free of the
 * session store's schemas, so the panel's first paint can read it (builder/recheck-resume.ts).
 */
export function sessionArea(): SessionArea | null {
  const area = (browser.storage as { session?: SessionArea }).session ?? (browser.storage.local as unknown as SessionArea | undefined);
  return area ?? null;
}

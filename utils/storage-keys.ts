/** Keys in browser.storage.local. Only non-sensitive data lives there; cases live in IndexedDB. */
export const MATCH_TABLE_KEY = 'matchTable';
/** Per-site panel state: `panelOpen:<origin>` → boolean. */
export const panelOpenKey = (origin: string) => `panelOpen:${origin}`;
/** Where the panel opens: `docked` in the page (the default) or in the browser's own side panel. */
export const PANEL_PLACE_KEY = 'panelPlace';
export type PanelPlace = 'docked' | 'browser';
/** Per-site width of the docked panel: `panelWidth:<origin>` → px (280–600). */
export const panelWidthKey = (origin: string) => `panelWidth:${origin}`;
/** Sites the person allowed Trailguide on (self-hosted consoles): `{ origin, addedAt }[]`. */
export const CONSOLE_SITES_KEY = 'consoleSites';
/**
 * In browser.storage.session (extension pages only; cleared when the browser closes):
 * `panelCase:<tabId>:<runbookId>` → `{ caseId: string | null }`, the case the panel in
 * that tab adds to for that runbook (null: the agent started afresh), so a reload
 * resumes the same case rather than whichever case is newest.
 */
export const panelCaseKey = (tabId: number, runbookId: string) => `panelCase:${tabId}:${runbookId}`;
/**
 * In browser.storage.session (or, where a browser has none, storage.local, removed when the
 * tab closes): `panelSession:<tabId>` → the panel's working state in that tab — open runbook,
 * inputs, step states and messages, a running step, a capture across page loads
 * (utils/panel-session/store.ts).
 */
export const PANEL_SESSION_PREFIX = 'panelSession:';
export const panelSessionKey = (tabId: number) => `${PANEL_SESSION_PREFIX}${tabId}`;
/** How each adapter part worked on its last tries, counted locally, never sent (utils/review/failures.ts). */
export const ADAPTER_HEALTH_KEY = 'adapterHealth';

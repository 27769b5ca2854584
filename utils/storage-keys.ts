/** Keys in browser.storage.local. Only non-sensitive data lives there; cases live in IndexedDB. */
export const MATCH_TABLE_KEY = 'matchTable';
/** Per-site panel state: `panelOpen:<origin>` → boolean. */
export const panelOpenKey = (origin: string) => `panelOpen:${origin}`;

/** Keys in browser.storage.local. Only non-sensitive data lives there; cases live in IndexedDB. */
export const MATCH_TABLE_KEY = 'matchTable';
/** Per-site panel state: `panelOpen:<origin>` → boolean. */
export const panelOpenKey = (origin: string) => `panelOpen:${origin}`;
/** Sites the person allowed Trailguide on (self-hosted consoles): `{ origin, addedAt }[]`. */
export const CONSOLE_SITES_KEY = 'consoleSites';

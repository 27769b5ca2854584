// The types as literals: utils/packs/messages and utils/messages pull in zod, which the first
// paint does not load (test/unit/panel-message-types.test.ts checks they agree with the schemas).
const PACKS_CHANGED = 'packs:changed';
const PAGE_CHANGED = 'page:changed';

/**
 * Whether `raw` may be one of the messages the panel listens for (a pack changed; this panel's
 * page changed), judged by its `type` and sender tab only, without the schemas: every message a
 * content script sends the worker reaches every extension page, and loading zod to read another
 * tab's message would cost each panel its code and heap. What passes is then read with the
 * schemas (message-schemas.ts), as before.
 */
export function mayBePanelMessage(raw: unknown, senderTab: number | undefined, ownTab: number | null): boolean {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (type === PACKS_CHANGED) return true;
  return type === PAGE_CHANGED && senderTab !== undefined && senderTab === ownTab;
}

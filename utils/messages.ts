import { z } from 'zod';
import { lazySchema } from './schema/lazy';

/**
 * Every message between the extension's parts, validated on arrival
 * (DESIGN.md §3.5). A message that does not fit is dropped with an error reply.
 */
/** `adapter`: the panel's page's adapter; the reply then carries only that one (utils/background/panel-init.ts). */
export const panelInitRequest = lazySchema(() => z.strictObject({ type: z.literal('panel:init'), adapter: z.string().min(1).max(80).optional() }));
export const matchTableRequest = lazySchema(() => z.strictObject({ type: z.literal('detect:table') }));
/** From entrypoints/navwatch.ts: the page moved within itself (the address comes from the sender). */
export const pageNavigated = lazySchema(() => z.strictObject({ type: z.literal('page:navigated') }));
export const pageChanged = lazySchema(() => z.strictObject({
  type: z.literal('page:changed'),
  url: z.string().max(8_000),
  adapterId: z.string().max(80).nullable(),
}));

/** Self-hosted consoles the person allows Trailguide on (utils/background/sites.ts). */
const siteOrigin = lazySchema(() => z.string().max(300).regex(/^https?:\/\/[^/:*?#\s]+$/, 'A site is written like https://audit.example.com.'));
export const sitesListRequest = lazySchema(() => z.strictObject({ type: z.literal('sites:list') }));
export const siteAddRequest = lazySchema(() => z.strictObject({ type: z.literal('sites:add'), origin: siteOrigin }));
export const siteRemoveRequest = lazySchema(() => z.strictObject({ type: z.literal('sites:remove'), origin: siteOrigin }));

/** Who sent a message, as the browser reports it. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

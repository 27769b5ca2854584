import { pageChanged } from '../../utils/messages';
import { packsChangedNotice } from '../../utils/packs/messages';

/**
 * The messages the panel listens for, in one module loaded after the first paint (they pull
 * in zod). It reads the message here rather than re-exporting the schemas: a module of bare
 * re-exports was folded into the panel's entry by the bundler, and zod with it.
 */
export function readPanelMessage(raw: unknown): { type: 'packs:changed' } | { type: 'page:changed'; url: string; adapterId: string | null } | null {
  if (packsChangedNotice.safeParse(raw).success) return { type: 'packs:changed' };
  const parsed = pageChanged.safeParse(raw);
  return parsed.success ? { type: 'page:changed', url: parsed.data.url, adapterId: parsed.data.adapterId } : null;
}

import type { Pack } from '../schema/pack';

/**
 * What a panel's first paint needs from the packs in force: every runbook, glossary term,
 * kind and escalation template, but of the adapters only the one that recognised its page
 * (about half of the built-in pack is adapters for other consoles). `adapter` absent: all
 * of them (the builder, the report, the browser's side panel, which learns its adapter
 * later). The reply says which adapters it carries, so a panel whose page moves to another
 * console asks again (components/panel/PanelApp.tsx).
 */
export interface PanelInitReply {
  tabId: number | null;
  pageUrl: string | null;
  packs: Pack[];
  /** The adapter the packs' `adapters` were narrowed to, or null when they are all there. */
  adaptersFor: string | null;
}

export function panelPacks(packs: readonly Pack[], adapter: string | undefined): Pick<PanelInitReply, 'packs' | 'adaptersFor'> {
  if (adapter === undefined) return { packs: [...packs], adaptersFor: null };
  return {
    packs: packs.map((pack) => ({ ...pack, adapters: pack.adapters.filter((a) => a.id === adapter) })),
    adaptersFor: adapter,
  };
}

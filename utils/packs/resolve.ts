import type { PackRecord } from '../db/database';
import type { Pack } from '../schema/pack';

/**
 * When two enabled packs hold the same runbook (or adapter) id, exactly one copy
 * may be in force. The newest pack wins and the other copy is reported as
 * shadowed, so the options page can say so — never a silent choice.
 */
export type ResolvableRecord = Pick<PackRecord, 'id' | 'source' | 'enabled' | 'pack' | 'installedAt' | 'updatedAt'>;

export interface ShadowedItem {
  kind: 'runbook' | 'adapter';
  id: string;
  /** The hidden copy's title (runbook) or name (adapter). */
  title: string;
  hiddenPackId: string;
  hiddenPackName: string;
  winnerPackId: string;
  winnerPackName: string;
}

export interface ResolvedPacks {
  /** Enabled packs, winners first, each holding only the items in force. */
  packs: Pack[];
  shadowed: ShadowedItem[];
}

/**
 * "Newest" means installed most recently. The local pack counts from its last
 * save instead: saving a runbook in the editor is a deliberate "use this version".
 * Subscription refreshes do not count, so a daily update never flips a winner.
 */
export function precedenceTime(record: ResolvableRecord): number {
  return record.source === 'local' ? Math.max(record.updatedAt, record.installedAt) : record.installedAt;
}

export function byPrecedence(a: ResolvableRecord, b: ResolvableRecord): number {
  return precedenceTime(b) - precedenceTime(a) || a.id.localeCompare(b.id);
}

export function resolvePacks(records: readonly ResolvableRecord[]): ResolvedPacks {
  const enabled = records.filter((r) => r.enabled).sort(byPrecedence);
  const runbookOwner = new Map<string, ResolvableRecord>();
  const adapterOwner = new Map<string, ResolvableRecord>();
  const shadowed: ShadowedItem[] = [];

  const packs = enabled.map((record) => {
    const { pack } = record;
    const shadow = (kind: ShadowedItem['kind'], id: string, title: string, winner: ResolvableRecord) =>
      shadowed.push({
        kind,
        id,
        title,
        hiddenPackId: pack.id,
        hiddenPackName: pack.name,
        winnerPackId: winner.pack.id,
        winnerPackName: winner.pack.name,
      });
    const runbooks = pack.runbooks.filter((runbook) => {
      const winner = runbookOwner.get(runbook.id);
      if (winner) {
        shadow('runbook', runbook.id, runbook.title, winner);
        return false;
      }
      runbookOwner.set(runbook.id, record);
      return true;
    });
    const adapters = pack.adapters.filter((adapter) => {
      const winner = adapterOwner.get(adapter.id);
      if (winner) {
        shadow('adapter', adapter.id, adapter.name, winner);
        return false;
      }
      adapterOwner.set(adapter.id, record);
      return true;
    });
    return { ...pack, runbooks, adapters };
  });
  return { packs, shadowed };
}

import Dexie, { type DBCore, type DexieOptions, type EntityTable } from 'dexie';
import type { Pack } from '../schema/pack';
import type { CaptureRecord, CaseRecord, EscalationRecord } from './records';

/**
 * The one database (DESIGN.md §3.1): opened only in the extension origin, by the
 * background. Never edit an old version(); add version(n + 1) with an upgrade and
 * a migration test (test/unit/db-migrations.test.ts).
 */
export type PackSource = 'builtin' | 'file' | 'url' | 'managed' | 'local';

/**
 * A pack as the `packs` table holds it: everything but the text it came as. That text
 * (often ≈ 300 KB, never needed to show or match runbooks) lives in `packTexts` since
 * version 2, so reading the packs in force does not read it (docs/performance.md).
 */
export interface PackRecord {
  id: string;
  source: PackSource;
  enabled: boolean;
  /** Locked packs (managed by IT) cannot be disabled or deleted in the UI. */
  locked: boolean;
  pack: Pack;
  /** The built-in pack only: the build's stamp of it (utils/pack/builtin.ts builtinPackStamp). */
  builtinStamp?: string;
  installedAt: number;
  updatedAt: number;
  /** Subscriptions: where it comes from and how the last check went. */
  url?: string;
  etag?: string;
  lastModified?: string;
  lastCheckedAt?: number;
  nextCheckAt?: number;
  failures?: number;
  lastError?: string;
}

/** A pack record with its text: what is written (utils/db/pack-texts.ts putPackRecords). */
export interface PackRecordWithText extends PackRecord {
  /** The last good copy, byte for byte, as it was received. */
  raw: string;
}

/** The text of a pack, by the pack's id (table `packTexts`). */
export interface PackTextRecord {
  id: string;
  raw: string;
}

// Case, capture and escalation shapes come from their zod schemas (records.ts).
export type {
  CapturedRow,
  CaptureRecord,
  CaseRecord,
  EscalationRecord,
  StepState,
} from './records';

export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * Told of every write to the `packs` table, whoever asks for it, at the moment it is asked for
 * (before it is committed): the worker's kept `panel:init` replies are forgotten then
 * (utils/background/panel-init-cache.ts). Listeners must be synchronous and must not throw.
 */
const packsWriteListeners = new Set<() => void>();

export function onPacksWritten(listener: () => void): () => void {
  packsWriteListeners.add(listener);
  return () => packsWriteListeners.delete(listener);
}

function notePacksWrite(): void {
  for (const listener of packsWriteListeners) {
    try {
      listener();
    } catch {
      // A listener never stops a write.
    }
  }
}

/** A Dexie middleware: every add, put or delete on `packs` (upgrades included) goes through `mutate`. */
function packsWriteWatch(down: DBCore): DBCore {
  return {
    ...down,
    table(name) {
      const table = down.table(name);
      if (name !== 'packs') return table;
      return {
        ...table,
        mutate(request) {
          notePacksWrite();
          return table.mutate(request);
        },
      };
    },
  };
}

export class TrailguideDatabase extends Dexie {
  packs!: EntityTable<PackRecord, 'id'>;
  packTexts!: EntityTable<PackTextRecord, 'id'>;
  cases!: EntityTable<CaseRecord, 'id'>;
  captures!: EntityTable<CaptureRecord, 'id'>;
  escalations!: EntityTable<EscalationRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;

  /** options: tests pass their own indexedDB (fake-indexeddb) for isolation. */
  constructor(name = 'trailguide', options?: DexieOptions) {
    super(name, options);
    this.use({ stack: 'dbcore', name: 'packs-write-watch', create: packsWriteWatch });
    this.version(1).stores({
      packs: 'id, source, enabled, updatedAt',
      cases: 'id, runbookId, adapterId, status, createdAt, updatedAt',
      captures: 'id, caseId, capturedAt',
      escalations: 'id, caseId, status, createdAt',
      settings: 'key',
    });
    // Version 2: each pack's text moves to its own table; the packs table keeps the rest.
    this.version(2)
      .stores({ packTexts: 'id' })
      .upgrade(async (tx) => {
        const texts: PackTextRecord[] = [];
        await tx
          .table('packs')
          .toCollection()
          .modify((record: Partial<PackRecordWithText>) => {
            if (typeof record.raw === 'string' && typeof record.id === 'string') texts.push({ id: record.id, raw: record.raw });
            delete record.raw;
          });
        await tx.table('packTexts').bulkPut(texts);
      });
  }
}

let instance: TrailguideDatabase | undefined;

/** The shared database; tests pass their own name to get a fresh one. */
export function db(): TrailguideDatabase {
  instance ??= new TrailguideDatabase();
  return instance;
}

export function setDatabaseForTests(database: TrailguideDatabase | undefined): void {
  instance = database;
}

import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Pack } from '../schema/pack';
import type { CaptureRecord, CaseRecord, EscalationRecord } from './records';

/**
 * The one database (DESIGN.md §3.1): opened only in the extension origin, by the
 * background. Never edit an old version(); add version(n + 1) with an upgrade and
 * a migration test (test/unit/db-migrations.test.ts).
 */
export type PackSource = 'builtin' | 'file' | 'url' | 'managed' | 'local';

export interface PackRecord {
  id: string;
  source: PackSource;
  enabled: boolean;
  /** Locked packs (managed by IT) cannot be disabled or deleted in the UI. */
  locked: boolean;
  pack: Pack;
  /** The last good copy, byte for byte, as it was received. */
  raw: string;
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

export class TrailguideDatabase extends Dexie {
  packs!: EntityTable<PackRecord, 'id'>;
  cases!: EntityTable<CaseRecord, 'id'>;
  captures!: EntityTable<CaptureRecord, 'id'>;
  escalations!: EntityTable<EscalationRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;

  /** options: tests pass their own indexedDB (fake-indexeddb) for isolation. */
  constructor(name = 'trailguide', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      packs: 'id, source, enabled, updatedAt',
      cases: 'id, runbookId, adapterId, status, createdAt, updatedAt',
      captures: 'id, caseId, capturedAt',
      escalations: 'id, caseId, status, createdAt',
      settings: 'key',
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

import Dexie, { type EntityTable } from 'dexie';
import type { FilterValues } from '../schema/common';
import type { Pack } from '../schema/pack';

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

export type StepState = 'todo' | 'done' | 'failed';

export interface CaseRecord {
  id: string;
  runbookId: string;
  runbookTitle: string;
  packId: string;
  adapterId: string | null;
  tool: string;
  pageUrl: string;
  inputs: Record<string, string>;
  steps: StepState[];
  currentStep: number;
  notes: string;
  status: 'open' | 'escalated' | 'closed';
  createdAt: number;
  updatedAt: number;
}

export interface CapturedRow {
  time: string | null;
  actor: string;
  action: string;
  target: string;
  ip: string;
  result: string;
  /** Every cell's text as the page showed it. */
  raw: Record<string, string>;
}

export interface CaptureRecord {
  id: string;
  caseId: string;
  stepIndex: number;
  sourceUrl: string;
  adapterId: string;
  filters: FilterValues;
  timeRange: { from: string | null; to: string | null };
  capturedAt: number;
  rows: CapturedRow[];
  rowCount: number;
  /** SHA-256 (hex) of the canonical JSON of the rows. */
  hash: string;
}

export interface EscalationRecord {
  id: string;
  caseId: string;
  status: 'draft' | 'copied' | 'opened';
  templateId: string | null;
  format: 'markdown' | 'text' | 'json';
  title: string;
  body: string;
  target: string | null;
  createdAt: number;
  updatedAt: number;
}

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

  constructor(name = 'trailguide') {
    super(name);
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

import 'fake-indexeddb/auto';
import { TrailguideDatabase, setDatabaseForTests } from '../../utils/db/database';
import type { PackInput } from '../../utils/schema/pack';

/** A fresh database per test, so tests never see each other's packs. */
export function freshDatabase(): TrailguideDatabase {
  const database = new TrailguideDatabase(`packs-test-${Math.random().toString(36).slice(2)}`);
  setDatabaseForTests(database);
  return database;
}

export function packData(overrides: Partial<PackInput> = {}): PackInput {
  return {
    format: 'trailguide-pack',
    formatVersion: 1,
    id: 'team-pack',
    name: 'Team pack',
    version: '1.0.0',
    runbooks: [{ id: 'team-runbook', title: 'Team runbook', summary: 'Used by the team.', steps: [{ title: 'Look at the log' }] }],
    ...overrides,
  };
}

export function packText(overrides: Partial<PackInput> = {}): string {
  return JSON.stringify(packData(overrides), null, 2);
}

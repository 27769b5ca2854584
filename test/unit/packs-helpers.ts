import 'fake-indexeddb/auto';
import { assembleAdapter } from '../../utils/builder/assemble';
import { TrailguideDatabase, setDatabaseForTests } from '../../utils/db/database';
import type { Adapter } from '../../utils/schema/adapter';
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

/** The helpdesk console as the builder assembles it from a person's picks (a taught adapter). */
export function taughtAdapter(name = 'Helpdesk activity'): Adapter {
  const result = assembleAdapter({
    name,
    pageUrl: 'http://127.0.0.1:4174/admin/activity',
    today: '2026-04-02',
    picks: {
      search: { selectors: ['input[aria-label="Search activity"]'], field: { kind: 'text', format: 'plain' } },
      row: { selectors: ['[role="grid"] [role="row"][data-key]'], container: ['[role="grid"]'] },
      'col-time': { selectors: [':scope > div:nth-child(1)'], attr: 'title' },
      'col-actor': { selectors: [':scope > div:nth-child(2)'] },
      'col-action': { selectors: ['code'] },
    },
  });
  if (!result.ok) throw new Error(result.problems.join(' '));
  return result.adapter;
}

import { describe, expect, it } from 'vitest';
import { candidatesFor, fingerprintMatches } from '../../utils/detect';
import { betterMatch } from '../../utils/detect-rank';
import { buildMatchTable } from '../../utils/match';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { resolvePacks, type ResolvableRecord } from '../../utils/packs/resolve';
import { adapterSchema } from '../../utils/schema/adapter';
import { packSchema } from '../../utils/schema/pack';
import { packData } from './packs-helpers';

// @vitest-environment happy-dom

/**
 * The demo console taught again by a person (test/e2e/builder-demo.spec.ts): the taught
 * adapter needs the results table, which the console renders after its search form — the
 * form alone is what the built-in adapter needs. The page must end up read by the taught one.
 */
const taught = adapterSchema.parse({
  id: 'acme-taught',
  name: 'Acme taught',
  vendor: 'In-house console at 127.0.0.1:4173',
  verified: { how: 'taught', date: '2026-12-02' },
  match: { include: ['http://127.0.0.1:*/audit*'], present: [['input[name="q"]'], ['table.audit-table']] },
  fields: { text: { label: 'Search', dom: { selectors: ['input[name="q"]'], kind: 'text' } } },
  results: { row: ['tr[data-event-id]'], columns: { time: { selectors: ['time'], attr: 'datetime' }, actor: { selectors: ['td.col-actor'] }, action: { selectors: ['code'] } } },
});

function records(): ResolvableRecord[] {
  const builtin = loadBuiltinPack();
  const local = packSchema.parse(packData({ id: 'my-runbooks', name: 'My runbooks', adapters: [taught] }));
  return [
    { id: builtin.id, source: 'builtin', enabled: true, pack: builtin, installedAt: 0, updatedAt: 0 },
    { id: 'my-runbooks', source: 'local', enabled: true, pack: local, installedAt: 1_000, updatedAt: 2_000 },
  ];
}

const url = 'http://127.0.0.1:4173/audit';
const form = '<section id="audit-log" data-page="audit-log"><form role="search"><input name="q"></form><div id="audit-results"></div></section>';

describe('betterMatch: the adapter in force wins even when its markup comes later', () => {
  it('shows the built-in adapter while only the form is there, then moves up to the taught one when the table comes', () => {
    const adapters = resolvePacks(records()).packs.flatMap((p) => p.adapters);
    const candidates = candidatesFor(buildMatchTable(adapters), url);
    expect(candidates.map((c) => c.id)).toEqual(['acme-taught', 'acme-demo']);
    const matches = (entry: (typeof candidates)[number]) => fingerprintMatches(entry, document);

    document.body.innerHTML = form;
    const first = betterMatch(candidates, candidates.length, matches);
    expect(candidates[first]?.id).toBe('acme-demo');
    // Nothing better yet: the one shown stays.
    expect(betterMatch(candidates, first, matches)).toBe(-1);

    document.querySelector('#audit-results')!.innerHTML = '<table class="audit-table"><tbody><tr data-event-id="e1"></tr></tbody></table>';
    const next = betterMatch(candidates, first, matches);
    expect(candidates[next]?.id).toBe('acme-taught');
    // At the top: nothing ranks above it.
    expect(betterMatch(candidates, next, matches)).toBe(-1);
  });

  it('never moves down: with the taught adapter shown, the built-in one matching is no reason to switch', () => {
    const candidates = ['taught', 'builtin'];
    expect(betterMatch(candidates, 0, () => true)).toBe(-1);
    expect(betterMatch(candidates, 2, (c) => c === 'builtin')).toBe(1);
    expect(betterMatch(candidates, 2, () => false)).toBe(-1);
    expect(betterMatch([], 0, () => true)).toBe(-1);
  });
});

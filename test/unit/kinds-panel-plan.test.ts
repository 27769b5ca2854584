import { describe, expect, it } from 'vitest';
import { appliedWithKinds, kindPlan, kindProblems, narrowedNotes, requestedFilters } from '../../components/panel/kind-plan';
import { appliedFacts, filterStatements, requestedSearch } from '../../utils/escalation/applied';
import type { AppliedSearch } from '../../utils/db/records';
import { adapterSchema } from '../../utils/schema/adapter';
import type { EventKind } from '../../utils/schema/kinds';

const KINDS: EventKind[] = [
  { id: 'sign-in-failed', name: 'Failed sign-in', meaning: 'x', risk: 'notable' },
  { id: 'mfa-removed', name: 'MFA removed', meaning: 'x', risk: 'sensitive' },
  { id: 'role-granted', name: 'Role granted', meaning: 'x', risk: 'sensitive' },
];
const tool = adapterSchema.parse({
  id: 'tool',
  name: 'Toolo',
  vendor: 'Toolo',
  verified: { how: 'fixture', date: '2026-12-01' },
  match: { include: ['https://toolo.example/*'], present: [['main']] },
  fields: { actor: { url: { param: 'actor' } }, action: { url: { param: 'event' } } },
  results: { row: ['tr'], columns: { outcome: { selectors: ['td'] } } },
  kinds: { 'sign-in-failed': { codes: ['session.start'], where: { outcome: 'FAILURE' } }, 'role-granted': { codes: ['role.add', 'admin.grant'] } },
  unsupported: { 'mfa-removed': 'Toolo keeps no two-step log.' },
});
const readBack: AppliedSearch = {
  filters: [{ name: 'actor', intended: 'a@b.example', shown: 'a@b.example', status: 'applied' }],
  timeRange: { from: null, to: null },
  readFrom: 'url',
  checkedAt: 0,
};

describe('the panel’s record of kinds', () => {
  it('a refused kind: not in the search, a "not set" line, and "Not applied" with the reason in the escalation', () => {
    const plan = kindPlan({ actor: 'a@b.example', action: 'kind:mfa-removed' }, tool, KINDS);
    expect(plan.filters).toEqual({ actor: 'a@b.example' });
    expect(kindProblems(plan)).toEqual([{ field: 'action', message: "Toolo can't search for MFA removed here: Toolo keeps no two-step log." }]);
    const capture = { filters: requestedFilters(plan.filters, plan), timeRange: { from: null, to: null }, applied: appliedWithKinds(readBack, plan)! };
    expect(capture.filters).toEqual({ actor: 'a@b.example', action: 'MFA removed (kind of event)' });
    const statements = filterStatements(appliedFacts(capture), requestedSearch(capture)).map((s) => `${s.label}: ${s.value}`);
    expect(statements.join('\n')).toContain("action (asked for MFA removed (kind of event)): Toolo can't search for MFA removed here: Toolo keeps no two-step log.");
    expect(statements.join('\n')).not.toContain('kind:');
  });

  it('a condition the tool can’t filter on is recorded as not applied; one code of several is said beside the code', () => {
    const broader = kindPlan({ action: 'kind:sign-in-failed' }, tool, KINDS);
    expect(appliedWithKinds(readBack, broader)?.filters.at(-1)).toMatchObject({ name: 'outcome', intended: 'FAILURE', status: 'not-applied' });
    const chosen = kindPlan({ action: 'kind:role-granted' }, tool, KINDS, { action: 'role.add' });
    expect(kindProblems(chosen)).toEqual([]);
    expect(narrowedNotes(chosen)).toEqual(['This search shows only role.add. Toolo also records role granted as admin.grant, which this search leaves out.']);
    expect(requestedFilters(chosen.filters, chosen).action).toBe('role.add — This search shows only role.add. Toolo also records role granted as admin.grant, which this search leaves out.');
  });
});

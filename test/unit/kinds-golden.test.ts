import { describe, expect, it } from 'vitest';
import { buildDeepLink } from '../../utils/engine/deep-link';
import { planFill } from '../../utils/engine/plan';
import { resolveFilters } from '../../utils/engine/values';
import { builtinKinds } from '../../utils/kinds/catalog';
import { codesOf, resolveKinds } from '../../utils/kinds/resolve';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import type { Adapter } from '../../utils/schema/adapter';
import type { FilterValues } from '../../utils/schema/common';
import { kindOfValue } from '../../utils/kinds/kind-prefix';
import type { Runbook } from '../../utils/schema/runbook';
import { EVENT_SEARCH, FULL_SEARCH, PAGES, RUNBOOK_STEP_KINDS, type EventSearch } from './kinds-golden.table';

/**
 * Golden table for issue 16: every built-in runbook × every built-in adapter → what the tool
 * receives for each step that names a kind of event (kinds-golden.table.ts, written by hand
 * and reviewed against the vendors' docs), and no search anywhere carries another tool's code.
 *
 * The pipeline is the one a step goes through: the runbook's filters with the agent's inputs
 * (resolveFilters), kinds → the tool's codes or a refusal (resolveKinds), then the tool's own
 * link (buildDeepLink) and the boxes typed on the page (planFill).
 */
const pack = loadBuiltinPack();
const kinds = builtinKinds();
const NOW = new Date('2026-03-20T12:00:00Z');

function adapterById(id: string): Adapter {
  const found = pack.adapters.find((a) => a.id === id);
  if (!found) throw new Error(`no built-in adapter ${id}`);
  return found;
}

function runbookById(id: string): Runbook {
  const found = pack.runbooks.find((r) => r.id === id);
  if (!found) throw new Error(`no built-in runbook ${id}`);
  return found;
}

/** Steps that search (fill or navigate), numbered from 1 as the panel numbers them. */
function searchSteps(runbook: Runbook): { number: number; filters: FilterValues }[] {
  return runbook.steps.flatMap((step, index) => {
    const action = step.action;
    return action && (action.type === 'fill' || action.type === 'navigate') ? [{ number: index + 1, filters: action.filters }] : [];
  });
}

/** What the tool receives for the event filter of one kind alone. */
function eventSearch(adapter: Adapter, kind: string): EventSearch | { unknown: string } {
  const resolved = resolveKinds({ action: `kind:${kind}` }, adapter, kinds);
  const refusal = resolved.refusals[0];
  if (refusal) {
    if (refusal.reason === 'unsupported') return 'unsupported';
    if (refusal.reason === 'several-codes') return { several: refusal.choices ?? [] };
    return { unknown: refusal.message };
  }
  const link = buildDeepLink(adapter, PAGES[adapter.id]!, resolved.filters);
  if (link) {
    expect(link.unused, `${adapter.id} ${kind}: everything the kind asks for travels in the link`).toEqual([]);
    const checks = resolved.notes.filter((n) => n.value !== undefined).map((n) => `${n.field} ${n.value}`);
    return checks.length > 0 ? { url: link.url, check: checks.join('; ') } : { url: link.url };
  }
  const plan = planFill(adapter, resolved.filters);
  expect(plan.unfillable.map((u) => u.message), `${adapter.id} ${kind}`).toEqual([]);
  return { boxes: plan.steps.map((s) => [s.label, s.value] as [string, string]) };
}

describe('the golden table covers every built-in runbook and adapter', () => {
  it('lists every runbook, and for each step exactly the kinds it asks for', () => {
    const actual: Record<string, Record<number, string>> = {};
    for (const runbook of pack.runbooks) {
      actual[runbook.id] = {};
      for (const step of searchSteps(runbook)) {
        const named = Object.values(step.filters).map(kindOfValue).filter((k): k is string => k !== undefined);
        expect(named.length, `${runbook.id} step ${step.number} names at most one kind`).toBeLessThanOrEqual(1);
        if (named[0]) actual[runbook.id]![step.number] = named[0];
      }
    }
    expect(actual).toEqual(RUNBOOK_STEP_KINDS);
  });

  it('has a row for every built-in adapter and every kind the runbooks ask for', () => {
    const used = [...new Set(Object.values(RUNBOOK_STEP_KINDS).flatMap((steps) => Object.values(steps)))].sort();
    const adapters = pack.adapters.map((a) => a.id);
    expect(Object.keys(EVENT_SEARCH).sort()).toEqual([...adapters].sort());
    for (const id of adapters) expect(Object.keys(EVENT_SEARCH[id]!).sort(), id).toEqual(used);
  });

  it('names only kinds that exist in runbooks/kinds.yaml', () => {
    const known = new Set(kinds.map((k) => k.id));
    for (const steps of Object.values(RUNBOOK_STEP_KINDS)) for (const kind of Object.values(steps)) expect(known.has(kind), kind).toBe(true);
  });
});

describe.each(Object.entries(RUNBOOK_STEP_KINDS).filter(([, steps]) => Object.keys(steps).length > 0))('%s', (runbookId, steps) => {
  it.each(Object.keys(EVENT_SEARCH))('on %s, each step searches as the table says', (adapterId) => {
    runbookById(runbookId);
    const adapter = adapterById(adapterId);
    for (const [number, kind] of Object.entries(steps)) {
      expect(eventSearch(adapter, kind), `${runbookId} step ${number} (${kind})`).toEqual(EVENT_SEARCH[adapterId]![kind]);
    }
  });
});

describe('the failed sign-in runbook, step 1, searched in full', () => {
  const runbook = runbookById('failed-sign-in-burst');
  const step = searchSteps(runbook)[0]!;
  const inputs = { email: 'omar.haddad@globex.example', range: '2026-03-10..2026-03-17' };

  it.each(Object.keys(FULL_SEARCH))('on %s', (adapterId) => {
    const adapter = adapterById(adapterId);
    const values = resolveFilters(step.filters, inputs, { now: NOW });
    expect(values.problems).toEqual([]);
    const resolved = resolveKinds(values.values, adapter, kinds);
    const link = buildDeepLink(adapter, PAGES[adapterId]!, resolved.filters);
    const expected = FULL_SEARCH[adapterId]!;
    expect(link?.url).toBe(expected.url);
    expect(link?.unused).toEqual(expected.unused ?? []);
    expect(resolved.refusals.map((r) => r.message)).toEqual(expected.refusal ? [expected.refusal] : []);
    if (expected.notes) expect(resolved.notes.map((n) => n.message)).toEqual(expected.notes);
  });
});

// --- No foreign code anywhere --------------------------------------------------------

function ownCodes(adapter: Adapter): Set<string> {
  return new Set(Object.values(adapter.kinds).flatMap((mapping) => codesOf(mapping).codes));
}

/** Codes other adapters record kinds with, that this adapter doesn't use itself. */
function foreignCodes(adapter: Adapter): string[] {
  const own = ownCodes(adapter);
  const others = pack.adapters.filter((a) => a.id !== adapter.id).flatMap((a) => [...ownCodes(a)]);
  return [...new Set(others)].filter((code) => !own.has(code));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A code as a whole word: not part of a longer name such as "user.session.start.x" or "fp" inside "fpx". */
function containsCode(text: string, code: string): boolean {
  return new RegExp(`(?<![A-Za-z0-9_.-])${escapeRegExp(code)}(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`).test(text);
}

function decoded(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    return url;
  }
}

/** Example inputs a runbook documents, as an agent would type them. */
function exampleInputs(runbook: Runbook): Record<string, string> {
  return Object.fromEntries(runbook.inputs.map((input) => [input.name, String(input.example ?? input.default ?? '')]));
}

/** Every text a step sends to one tool: its link and the boxes it types, for each code the agent may pick. */
function searchesOf(adapter: Adapter, filters: FilterValues, inputs: Record<string, string>): string[] {
  const values = resolveFilters(filters, inputs, { now: NOW }).values;
  const first = resolveKinds(values, adapter, kinds);
  const variants = [first];
  for (const refusal of first.refusals) {
    for (const choice of refusal.choices ?? []) variants.push(resolveKinds(values, adapter, kinds, { choose: { [refusal.field]: choice } }));
  }
  const texts: string[] = [];
  for (const variant of variants) {
    const link = PAGES[adapter.id] ? buildDeepLink(adapter, PAGES[adapter.id]!, variant.filters) : null;
    if (link) texts.push(decoded(link.url));
    const plan = planFill(adapter, variant.filters, { deepLink: link });
    texts.push(...plan.steps.map((s) => s.value), ...plan.unfillable.map((u) => u.value));
  }
  return texts;
}

describe('no foreign code anywhere', () => {
  const stepsByRunbook = pack.runbooks.map((runbook) => ({ runbook, steps: searchSteps(runbook) }));

  it('the check itself finds a foreign code when one is there', () => {
    const okta = adapterById('okta-system-log');
    expect(foreignCodes(okta)).toContain('f');
    expect(containsCode('type:"f"', 'f')).toBe(true);
    expect(containsCode('eventType eq "user.session.start"', 'f')).toBe(false);
    expect(containsCode('action:org.remove_member', 'org.remove_member')).toBe(true);
    expect(containsCode('action:org.remove_members', 'org.remove_member')).toBe(false);
    // A demo-console code typed into GitHub's search, the failure issue 16 reports.
    expect(foreignCodes(adapterById('github-audit-log'))).toContain('user.login_failed');
    expect(containsCode(decoded(`${PAGES['github-audit-log']}?q=actor%3Aa+action%3Auser.login_failed`), 'user.login_failed')).toBe(true);
  });

  it.each(pack.adapters.map((a) => a.id))('%s: no built-in step sends another tool’s code or a kind name', (adapterId) => {
    const adapter = adapterById(adapterId);
    const foreign = foreignCodes(adapter);
    let searched = 0;
    for (const { runbook, steps } of stepsByRunbook) {
      const inputs = exampleInputs(runbook);
      for (const step of steps) {
        for (const text of searchesOf(adapter, step.filters, inputs)) {
          searched += 1;
          expect(text, `${runbook.id} step ${step.number}`).not.toMatch(/kind:/i);
          const found = foreign.filter((code) => containsCode(text, code));
          expect(found, `${runbook.id} step ${step.number} on ${adapterId}: ${text}`).toEqual([]);
        }
      }
    }
    expect(searched).toBeGreaterThan(0);
  });
});

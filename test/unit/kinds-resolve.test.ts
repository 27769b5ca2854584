import { describe, expect, it } from 'vitest';
import { kindsIn, mapRowToKind, resolveKinds } from '../../utils/kinds/resolve';
import { findKindProblem } from '../../utils/pack/kinds-check';
import { buildPackFromFiles } from '../../utils/pack/build';
import { adapterSchema, type Adapter } from '../../utils/schema/adapter';
import { kindOfValue } from '../../utils/kinds/kind-prefix';
import type { EventKind } from '../../utils/schema/kinds';

const KINDS: EventKind[] = [
  { id: 'sign-in-failed', name: 'Failed sign-in', meaning: 'Someone tried to sign in and failed.', risk: 'notable' },
  { id: 'sign-in-succeeded', name: 'Signed in', meaning: 'Someone signed in.', risk: 'routine' },
  { id: 'role-granted', name: 'Role granted', meaning: 'Someone was given a role.', risk: 'sensitive' },
  { id: 'mfa-removed', name: 'MFA removed', meaning: 'Two-step verification was removed.', risk: 'sensitive' },
];

/** A made-up tool that shows every shape of mapping. */
function tool(extra: Record<string, unknown> = {}): Adapter {
  return adapterSchema.parse({
    id: 'tool',
    name: 'Toolo',
    vendor: 'Toolo Inc.',
    verified: { how: 'fixture', date: '2026-12-01' },
    match: { include: ['https://toolo.example/*'], present: [['main']] },
    fields: {
      actor: { url: { param: 'actor' } },
      action: { url: { param: 'event' } },
      outcome: { url: { param: 'outcome' } },
    },
    results: { row: ['tr'], columns: { action: { selectors: ['td.a'] }, outcome: { selectors: ['td.o'] }, result: { selectors: ['td.r'] } } },
    kinds: {
      'sign-in-failed': { codes: ['session.start'], where: { outcome: 'FAILURE' } },
      'sign-in-succeeded': { codes: ['session.start'], where: { outcome: 'SUCCESS' } },
      'role-granted': { codes: ['role.add', 'admin.grant'] },
    },
    unsupported: { 'mfa-removed': "Toolo's log doesn't record two-step changes; they are in the identity provider's log." },
    ...extra,
  });
}

describe('kindOfValue', () => {
  it('reads the kind after the prefix and nothing else', () => {
    expect(kindOfValue('kind:sign-in-failed')).toBe('sign-in-failed');
    expect(kindOfValue('  Kind: mfa-removed ')).toBe('mfa-removed');
    expect(kindOfValue('user.login_failed')).toBeUndefined();
    expect(kindOfValue('mykind:x')).toBeUndefined();
  });
});

describe('resolveKinds', () => {
  it('turns a kind into the tool code and fills its condition where the tool can filter on it', () => {
    const result = resolveKinds({ actor: 'a@b.example', action: 'kind:sign-in-failed' }, tool(), KINDS);
    expect(result.filters).toEqual({ actor: 'a@b.example', action: 'session.start', outcome: 'FAILURE' });
    expect(result.refusals).toEqual([]);
    expect(result.notes).toEqual([
      { field: 'action', kind: 'sign-in-failed', name: 'Failed sign-in', partial: false, message: 'Toolo records failed sign-in as session.start with outcome FAILURE.' },
    ]);
  });

  it('takes the one-code shorthand', () => {
    const result = resolveKinds({ action: 'kind:sign-in-failed' }, tool({ kinds: { 'sign-in-failed': 'f' } }), KINDS);
    expect(result.filters).toEqual({ action: 'f' });
    expect(result.notes[0]?.message).toBe('Toolo records failed sign-in as f.');
  });

  it('says when the tool cannot filter on a condition: the search is broader, and marked partial', () => {
    const noOutcome = tool({ fields: { actor: { url: { param: 'actor' } }, action: { url: { param: 'event' } } } });
    const result = resolveKinds({ action: 'kind:sign-in-failed' }, noOutcome, KINDS);
    expect(result.filters).toEqual({ action: 'session.start' });
    expect(result.notes.find((n) => n.partial)?.value).toBe('FAILURE');
    expect(result.notes.find((n) => n.partial)?.message).toBe(
      "Toolo can't filter on outcome here, so this search also shows session.start events whose outcome isn't FAILURE. Check each row's outcome: only FAILURE is failed sign-in.",
    );
  });

  it('refuses a kind the adapter lists as unsupported, with its reason, and leaves the filter out', () => {
    const result = resolveKinds({ actor: 'x', action: 'kind:mfa-removed' }, tool(), KINDS);
    expect(result.filters).toEqual({ actor: 'x' });
    expect(result.refusals).toEqual([
      {
        field: 'action',
        kind: 'mfa-removed',
        name: 'MFA removed',
        reason: 'unsupported',
        message: "Toolo can't search for MFA removed here: Toolo's log doesn't record two-step changes; they are in the identity provider's log.",
      },
    ]);
  });

  it('refuses a kind the adapter does not mention, in plain words, never passing it through', () => {
    const bare = tool({ kinds: {}, unsupported: {} });
    const result = resolveKinds({ action: 'kind:sign-in-failed', text: 'kind:role-granted' }, bare, KINDS);
    expect(result.filters).toEqual({});
    expect(result.refusals.map((r) => r.message)).toEqual([
      "Trailguide doesn't know how Toolo records failed sign-in yet, so this search leaves it out.",
      "Trailguide doesn't know how Toolo records role granted yet, so this search leaves it out.",
    ]);
    expect(Object.values(result.filters).some((v) => v.includes('kind:'))).toBe(false);
  });

  it('offers one code at a time when a kind has several codes, and says what a chosen search leaves out', () => {
    const asked = resolveKinds({ action: 'kind:role-granted' }, tool(), KINDS);
    expect(asked.filters).toEqual({});
    expect(asked.refusals[0]).toMatchObject({ reason: 'several-codes', choices: ['role.add', 'admin.grant'] });
    expect(asked.refusals[0]?.message).toBe(
      "Toolo records role granted as 2 kinds of event (role.add and admin.grant) and can't search for them all at once. Search for one at a time.",
    );
    const chosen = resolveKinds({ action: 'kind:role-granted' }, tool(), KINDS, { choose: { action: 'admin.grant' } });
    expect(chosen.filters).toEqual({ action: 'admin.grant' });
    expect(chosen.refusals).toEqual([]);
    expect(chosen.notes).toEqual([
      expect.objectContaining({ partial: true, message: 'This search shows only admin.grant. Toolo also records role granted as role.add, which this search leaves out.' }),
    ]);
  });

  it('ignores a choice that is not one of the codes', () => {
    const result = resolveKinds({ action: 'kind:role-granted' }, tool(), KINDS, { choose: { action: 'user.login_failed' } });
    expect(result.filters).toEqual({});
    expect(result.refusals[0]?.reason).toBe('several-codes');
  });

  it('leaves tool-specific codes and other filters as they are', () => {
    const result = resolveKinds({ action: 'role.add', since: '2026-11-01T00:00:00.000Z' }, tool(), KINDS);
    expect(result).toEqual({ filters: { action: 'role.add', since: '2026-11-01T00:00:00.000Z' }, notes: [], refusals: [] });
  });

  it('lists the kinds a step asks for', () => {
    expect(kindsIn({ action: 'kind:sign-in-failed', actor: 'x', text: 'kind:mfa-removed' })).toEqual(['sign-in-failed', 'mfa-removed']);
  });
});

describe('mapRowToKind', () => {
  const row = (action: string, raw: Record<string, string> = {}) => ({ action, raw: { action, ...raw } });

  it('maps a code and its condition back to the kind', () => {
    expect(mapRowToKind(row('session.start', { outcome: 'FAILURE' }), tool())).toBe('sign-in-failed');
    expect(mapRowToKind(row('session.start', { outcome: 'success' }), tool())).toBe('sign-in-succeeded');
    expect(mapRowToKind(row('ADMIN.GRANT'), tool())).toBe('role-granted');
  });

  it('gives no kind rather than a guess when the row cannot show the condition, or the code is unknown', () => {
    expect(mapRowToKind(row('session.start'), tool())).toBeUndefined();
    expect(mapRowToKind(row('session.end'), tool())).toBeUndefined();
    expect(mapRowToKind(row(''), tool())).toBeUndefined();
  });

  it('prefers the kind whose conditions the row meets over a bare code, and refuses a tie', () => {
    const both = tool({ kinds: { 'sign-in-succeeded': 'session.start', 'sign-in-failed': { codes: ['session.start'], where: { outcome: 'FAILURE' } } } });
    expect(mapRowToKind(row('session.start', { outcome: 'FAILURE' }), both)).toBe('sign-in-failed');
    const tie = tool({ kinds: { 'sign-in-succeeded': 'session.start', 'sign-in-failed': 'session.start' } });
    expect(mapRowToKind(row('session.start'), tie)).toBeUndefined();
  });
});

describe('pack validation of kinds', () => {
  const pack = (runbookFilters: Record<string, string>, adapterExtra = '') => ({
    'pack.yaml': 'id: test-pack\nname: Test\nversion: 1.0.0\n',
    'check.md': `---\nid: check\ntitle: Check\nsummary: A check.\nsteps:\n  - title: Look\n    action:\n      type: fill\n      filters: ${JSON.stringify(runbookFilters)}\n---\n`,
    'adapters/tool.yaml': `id: tool\nname: Toolo\nvendor: Toolo\nverified: { how: fixture, date: 2026-12-01 }\nmatch: { include: ["https://toolo.example/*"], present: [["main"]] }\nfields: { action: { url: { param: event } } }\n${adapterExtra}`,
  });

  it('accepts known kinds in runbooks and adapters', () => {
    const result = buildPackFromFiles(pack({ action: 'kind:sign-in-failed' }, 'kinds: { sign-in-failed: f }\nunsupported: { mfa-removed: "Not recorded." }\npeople: [username, email]\n'));
    expect(result.ok).toBe(true);
  });

  it('refuses a runbook naming an unknown kind, saying which runbook and step', () => {
    const result = buildPackFromFiles(pack({ action: 'kind:sign-in-faild' }));
    expect(result).toMatchObject({ ok: false, file: 'check.md', field: 'steps[0].action.filters.action' });
    expect(!result.ok && result.message).toContain('Runbook "check", step 1 ("Look") names the event kind "sign-in-faild", which Trailguide doesn\'t know.');
  });

  it('refuses an adapter mapping or excusing an unknown kind, naming the adapter', () => {
    const mapped = buildPackFromFiles(pack({}, 'kinds: { log-in-failed: f }\n'));
    expect(mapped).toMatchObject({ ok: false, file: 'adapters/tool.yaml', field: 'kinds.log-in-failed' });
    expect(!mapped.ok && mapped.message).toContain('Adapter "tool" names the event kind "log-in-failed"');
    const excused = buildPackFromFiles(pack({}, 'unsupported: { mfa-gone: "No." }\n'));
    expect(excused).toMatchObject({ ok: false, field: 'unsupported.mfa-gone' });
  });

  it('refuses a kind both mapped and unsupported, and a condition on a field the adapter lacks', () => {
    const both = buildPackFromFiles(pack({}, 'kinds: { sign-in-failed: f }\nunsupported: { sign-in-failed: "No." }\n'));
    expect(!both.ok && both.message).toContain('both under kinds and under unsupported');
    const where = buildPackFromFiles(pack({}, 'kinds: { sign-in-failed: { codes: [s], where: { outcome: FAILURE } } }\n'));
    expect(where).toMatchObject({ ok: false, field: 'kinds.sign-in-failed.where.outcome' });
  });

  it("lets a pack add its own kinds in kinds.yaml, but not redefine a shared one", () => {
    const files = { ...pack({ action: 'kind:refund-issued' }), 'kinds.yaml': 'version: 1\nkinds:\n  - { id: refund-issued, name: Refund issued, meaning: A refund was sent. }\n' };
    expect(buildPackFromFiles(files).ok).toBe(true);
    const clash = { ...pack({}), 'kinds.yaml': 'version: 1\nkinds:\n  - { id: sign-in-failed, name: Oops, meaning: Not the shared meaning. }\n' };
    expect(buildPackFromFiles(clash)).toMatchObject({ ok: false, file: 'kinds.yaml', field: 'kinds[0].id' });
    const badVersion = { ...pack({}), 'kinds.yaml': 'version: 2\nkinds: []\n' };
    expect(buildPackFromFiles(badVersion)).toMatchObject({ ok: false, file: 'kinds.yaml' });
  });

  it('finds nothing wrong with a pack that names no kinds', () => {
    const result = buildPackFromFiles(pack({ action: 'role.add' }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(findKindProblem(result.pack, KINDS)).toBeUndefined();
  });
});

describe('a kind that was not translated is never written', () => {
  it('planFill refuses to type it and says so', async () => {
    const { planFill } = await import('../../utils/engine/plan');
    const withBox = tool({ fields: { action: { label: 'Event', dom: { selectors: ['#event'] } } } });
    const plan = planFill(withBox, { action: 'kind:sign-in-failed' });
    expect(plan.steps).toEqual([]);
    expect(plan.unfillable).toEqual([
      expect.objectContaining({ field: 'action', reason: 'kind', message: expect.stringContaining("wasn't translated into Toolo's own event name, so Trailguide didn't type it") }),
    ]);
  });

  it('buildDeepLink leaves it out of the link and reports it unused', async () => {
    const { buildDeepLink } = await import('../../utils/engine/deep-link');
    const link = buildDeepLink(tool({ deepLink: {} }), 'https://toolo.example/log', { actor: 'a', action: 'kind:sign-in-failed' });
    expect(link).toEqual({ url: 'https://toolo.example/log?actor=a', unused: ['action'] });
  });
});

describe('captured rows speak kinds', () => {
  it('a row the glossary has no word for reads as its kind, on any tool', async () => {
    const { explainRow, kindOfRowFor } = await import('../../utils/engine/explain');
    const row = { time: null, actor: 'omar@globex.example', action: 'session.start', target: '', ip: '203.0.113.9', result: 'FAILURE', raw: { action: 'session.start', outcome: 'FAILURE' } };
    const kindOfRow = kindOfRowFor(tool(), KINDS);
    expect(explainRow(row, new Map(), kindOfRow)).toBe('Failed sign-in (session.start) — by omar@globex.example, from 203.0.113.9.');
    // The glossary's own word still wins; without a kind the row says the code isn't known.
    expect(explainRow(row, new Map([['session.start', { meaning: 'Started a session.', risk: 'routine' as const }]]), kindOfRow)).toContain('started a session');
    expect(explainRow({ ...row, action: 'x.y', raw: { action: 'x.y' } }, new Map(), kindOfRow)).toContain('not in the glossary yet');
  });
});

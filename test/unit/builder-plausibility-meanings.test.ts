import { describe, expect, it } from 'vitest';
import { assembleAdapter, type Picks } from '../../utils/builder/assemble';
import { applyMeanings, codesSeen, knownCodesOf } from '../../utils/builder/meanings';
import { judgeColumns } from '../../utils/builder/plausibility';
import type { CapturedRow } from '../../utils/db/records';
import { explainRow, glossaryMapFor, kindOfRowFor } from '../../utils/engine/explain';
import { builtinKinds } from '../../utils/kinds/catalog';
import type { Adapter } from '../../utils/schema/adapter';

const picks: Picks = {
  search: { selectors: ['input[aria-label="Search activity"]'], field: { kind: 'text', format: 'plain' } },
  row: { selectors: ['div[role="row"][data-key]'], container: ['[role="grid"]'] },
  'col-time': { selectors: [':scope > div:nth-child(1)'], attr: 'title' },
  'col-actor': { selectors: [':scope > div:nth-child(2) > span'] },
  'col-action': { selectors: ['code'] },
};

function taughtAdapter(): Adapter {
  const result = assembleAdapter({ name: 'Helpdesk activity', pageUrl: 'http://127.0.0.1:4100/admin/activity', picks, today: '2026-04-02' });
  if (!result.ok) throw new Error(result.problems.join(' '));
  return result.adapter;
}

function row(action: string, actor = 'alice.moreau@northwind.example'): CapturedRow {
  return { time: '2026-03-31T22:40:00.000Z', actor, action, target: '', ip: '', result: '', raw: { action, actor } };
}

describe('teaching what event codes mean', () => {
  it('lists the codes the rows show, most frequent first, without blanks', () => {
    const rows = ['user.login', 'ticket.viewed', 'user.login', '', '  ticket.viewed ', 'macro.edited', 'user.login'].map((a) => row(a));
    expect(codesSeen(rows)).toEqual([
      { code: 'user.login', count: 3 },
      { code: 'ticket.viewed', count: 2 },
      { code: 'macro.edited', count: 1 },
    ]);
    expect(codesSeen(rows, 1)).toHaveLength(1);
  });

  it('puts meanings in the glossary and kinds in the kinds map; rows then read in the person’s words', () => {
    const base = taughtAdapter();
    expect(explainRow(row('ticket.exported'), glossaryMapFor(base))).toContain('not in the glossary yet');
    const result = applyMeanings(base, [
      { code: 'ticket.exported', meaning: 'Downloaded a copy of tickets', risk: 'notable' },
      { code: 'user.login_failed', meaning: '', risk: 'routine', kind: 'sign-in-failed' },
      { code: 'ticket.viewed', meaning: '', risk: 'routine' },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.taught).toBe(2);
    expect(result.adapter.glossary).toEqual([{ term: 'ticket.exported', meaning: 'Downloaded a copy of tickets', risk: 'notable' }]);
    expect(result.adapter.kinds).toEqual({ 'sign-in-failed': 'user.login_failed' });
    expect(knownCodesOf(result.adapter).sort()).toEqual(['ticket.exported', 'user.login_failed']);

    const glossary = glossaryMapFor(result.adapter);
    const kindOfRow = kindOfRowFor(result.adapter, builtinKinds());
    expect(explainRow(row('ticket.exported'), glossary, kindOfRow)).toBe('alice.moreau@northwind.example downloaded a copy of tickets (ticket.exported).');
    expect(explainRow(row('user.login_failed'), glossary, kindOfRow)).toBe('Failed sign-in (user.login_failed) — by alice.moreau@northwind.example.');
    expect(explainRow(row('ticket.viewed'), glossary, kindOfRow)).toContain('not in the glossary yet');
  });

  it('a code taught again replaces its meaning; a kind recorded by two codes keeps both', () => {
    const first = applyMeanings(taughtAdapter(), [{ code: 'user.login', meaning: 'Signed in', risk: 'routine', kind: 'sign-in-succeeded' }]);
    if (!first.ok) throw new Error(first.problems.join(' '));
    const again = applyMeanings(first.adapter, [
      { code: 'USER.LOGIN', meaning: 'Signed in to the helpdesk', risk: 'routine' },
      { code: 'user.sso_login', meaning: '', risk: 'routine', kind: 'sign-in-succeeded' },
    ]);
    if (!again.ok) throw new Error(again.problems.join(' '));
    expect(again.adapter.glossary).toEqual([{ term: 'USER.LOGIN', meaning: 'Signed in to the helpdesk', risk: 'routine' }]);
    expect(again.adapter.kinds['sign-in-succeeded']).toEqual({ codes: ['user.login', 'user.sso_login'] });
  });

  it('a kind the adapter said its tool lacks is no longer called missing once mapped', () => {
    const base = { ...taughtAdapter(), unsupported: { 'mfa-removed': 'Not recorded here.' } };
    const result = applyMeanings(base, [{ code: '2fa.off', meaning: '', risk: 'routine', kind: 'mfa-removed' }]);
    expect(result.ok && result.adapter.unsupported).toEqual({});
  });

  it('refuses what the schema refuses, naming the code', () => {
    const tooLong = applyMeanings(taughtAdapter(), [{ code: 'x.y', meaning: 'a'.repeat(1_001), risk: 'routine' }]);
    expect(tooLong.ok).toBe(false);
    expect(!tooLong.ok && tooLong.problems[0]).toContain('“x.y”');
    const badKind = applyMeanings(taughtAdapter(), [{ code: 'x.y', meaning: '', risk: 'routine', kind: 'Not A Kind' }]);
    expect(badKind.ok).toBe(false);
  });

  it('taught codes count as known to the live test: a page of rare codes then works', () => {
    const codes = Array.from({ length: 10 }, (_, i) => `code.${i}`);
    const rows = codes.map((c) => ({ time: '2026-03-31T22:40:00.000Z', raw: { action: c } }));
    expect(judgeColumns({ rows, columns: ['action'], now: new Date('2026-04-02T00:00:00Z') })[0]!.verdict).toBe('wrong');
    const taught = applyMeanings(taughtAdapter(), codes.map((code) => ({ code, meaning: `Means ${code}`, risk: 'routine' as const })));
    if (!taught.ok) throw new Error(taught.problems.join(' '));
    expect(judgeColumns({ rows, columns: ['action'], knownCodes: knownCodesOf(taught.adapter), now: new Date('2026-04-02T00:00:00Z') })[0]!.verdict).toBe('works');
  });
});

import { describe, expect, it } from 'vitest';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { inputsForTool, personHint } from '../../utils/kinds/people';
import { kindFit, rankByKindFit } from '../../utils/kinds/rank';
import { runbookSchema } from '../../utils/schema/runbook';
import type { EventKind } from '../../utils/schema/kinds';

const KINDS: EventKind[] = [
  { id: 'sign-in-failed', name: 'Failed sign-in', meaning: 'x', risk: 'notable' },
  { id: 'mfa-removed', name: 'MFA removed', meaning: 'x', risk: 'sensitive' },
];
const runbook = (id: string, ...actions: string[]) =>
  runbookSchema.parse({ id: `rb-${id}`, title: id, summary: id, steps: actions.map((a, i) => ({ title: `s${i}`, action: { type: 'fill', filters: { action: a } } })) });
const tool = { name: 'Toolo', kinds: { 'sign-in-failed': 'f' }, unsupported: { 'mfa-removed': 'Toolo has no two-step log.' }, people: undefined };

describe('kindFit', () => {
  it('is full when the tool records every kind, or the runbook names none', () => {
    expect(kindFit(runbook('a', 'kind:sign-in-failed'), tool, KINDS)).toEqual({ fit: 'full', supported: ['sign-in-failed'], missing: [] });
    expect(kindFit(runbook('b', 'role.add'), tool, KINDS).fit).toBe('full');
  });

  it('is partly or none otherwise, naming what the tool cannot search for and why', () => {
    expect(kindFit(runbook('c', 'kind:sign-in-failed', 'kind:mfa-removed'), tool, KINDS)).toEqual({
      fit: 'partly',
      supported: ['sign-in-failed'],
      missing: [{ kind: 'mfa-removed', name: 'MFA removed', reason: 'Toolo has no two-step log.' }],
    });
    expect(kindFit(runbook('d', 'kind:mfa-removed'), tool, KINDS).fit).toBe('none');
  });

  it('keeps a runbook whose kinds the adapter never mentions as partly, not folded away: unknown is not unsupported', () => {
    const taught = { name: 'Helpdesk', kinds: {}, unsupported: {}, people: undefined };
    expect(kindFit(runbook('e', 'kind:sign-in-failed'), taught, KINDS)).toEqual({
      fit: 'partly',
      supported: [],
      missing: [{ kind: 'sign-in-failed', name: 'Failed sign-in' }],
    });
    const mixed = { ...tool, kinds: {} };
    expect(kindFit(runbook('f', 'kind:sign-in-failed', 'kind:mfa-removed'), mixed, KINDS).fit).toBe('partly');
  });

  it('ranks full, then partly, then none, keeping the order within each group', () => {
    const list = ['d', 'c', 'a', 'b'].map((id) => ({
      runbook: runbook(id, ...({ a: ['kind:sign-in-failed'], b: ['role.add'], c: ['kind:sign-in-failed', 'kind:mfa-removed'], d: ['kind:mfa-removed'] } as Record<string, string[]>)[id]!),
      specific: false,
    }));
    expect(rankByKindFit(list, tool, KINDS).map((r) => `${r.runbook.title}:${r.kindFit.fit}`)).toEqual(['a:full', 'b:full', 'c:partly', 'd:none']);
  });

  it('on the built-in pack: the failed sign-in runbook works on Okta and Auth0 and not on GitHub', () => {
    const pack = loadBuiltinPack();
    const burst = pack.runbooks.find((r) => r.id === 'failed-sign-in-burst')!;
    const fitOn = (id: string) => kindFit(burst, pack.adapters.find((a) => a.id === id), pack.kinds ?? []).fit;
    expect(fitOn('okta-system-log')).toBe('full');
    expect(fitOn('auth0-logs')).toBe('full');
    expect(fitOn('acme-demo')).toBe('full');
    expect(fitOn('github-audit-log')).not.toBe('full');
  });
});

describe('person inputs', () => {
  const email = { name: 'email', label: 'Account', type: 'email' as const, required: true, example: 'a@b.example' };
  it('says what the tool finds people by, and lets an e-mail box take a username where the tool wants one', () => {
    expect(personHint(email, { name: 'GitHub', people: ['username'] })).toBe('GitHub finds people by their username, not their e-mail address: type the username here.');
    expect(personHint(email, { name: 'Okta', people: ['email', 'username'] })).toBe('Okta finds people by their e-mail address (its rows may also show username).');
    expect(personHint(email, { name: 'Demo', people: undefined })).toBeUndefined();
    expect(personHint({ type: 'text' }, { name: 'GitHub', people: ['username'] })).toBeUndefined();
    expect(inputsForTool([email], { people: ['username'] })[0]).toMatchObject({ type: 'text', example: undefined });
    expect(inputsForTool([email], { people: ['email'] })[0]?.type).toBe('email');
  });
});

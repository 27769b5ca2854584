import { describe, expect, it } from 'vitest';
import type { CapturedRow } from '../../utils/db/records';
import { explainRow, explanationPhrase, firstSentence, glossaryMapFor, type GlossaryMeaning } from '../../utils/engine/explain';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { adapterSchema } from '../../utils/schema/adapter';
import { glossaryEntry } from '../../utils/schema/glossary';

const row: CapturedRow = {
  time: '2026-03-01T10:00:00.000Z',
  actor: 'li.chen@acme.example',
  action: 'user.suspend',
  target: 'dana@customer.example',
  ip: '203.0.113.9',
  result: 'success',
  raw: {},
};
const SUSPEND = 'Suspended an account so it can no longer sign in. The row says for how long and why.';
const map = (entries: Record<string, GlossaryMeaning>) => new Map(Object.entries(entries));

describe('explanations from a short summary', () => {
  it('uses the summary, never the whole meaning', () => {
    const text = explainRow(row, map({ 'user.suspend': { meaning: SUSPEND, summary: 'suspended an account', risk: 'notable' } }));
    expect(text).toBe('li.chen@acme.example suspended an account (user.suspend) for dana@customer.example from 203.0.113.9.');
  });

  it('without a summary, uses the first sentence of the meaning only', () => {
    const text = explainRow(row, map({ 'user.suspend': { meaning: SUSPEND, risk: 'notable' } }));
    expect(text).toBe('li.chen@acme.example suspended an account so it can no longer sign in (user.suspend) for dana@customer.example from 203.0.113.9.');
    expect(text).not.toContain('The row says');
  });

  it('leaves out asides after a dash or semicolon and in brackets, and does not split at "e.g."', () => {
    expect(explanationPhrase({ meaning: 'Turned off MFA — the account is protected by its password alone. Okta calls it `x`.' }).text).toBe('turned off MFA');
    expect(explanationPhrase({ meaning: 'Removed a person (e.g. Dana) from a team; they lose its access.' }).text).toBe('removed a person from a team');
    expect(firstSentence('Changed a setting, e.g. The timeout. More text.')).toBe('Changed a setting, e.g. The timeout');
    expect(firstSentence('**Signed in** with [SSO](https://example.com).\n\nSecond paragraph.')).toBe('Signed in with SSO');
  });

  it('reads a meaning that is not written as what the actor did as its own sentence', () => {
    const glossary = map({ 'repo.create': { meaning: 'A repository was created. It can be deleted later.', risk: 'routine' } });
    expect(explainRow({ ...row, action: 'repo.create' }, glossary)).toBe(
      'A repository was created (repo.create) — by li.chen@acme.example, for dana@customer.example, from 203.0.113.9.',
    );
    expect(explainRow({ ...row, action: 'repo.create', actor: '', ip: '', target: '', result: 'denied' }, glossary)).toBe(
      'A repository was created (repo.create). It did not succeed.',
    );
  });

  it('keeps names at the start of a phrase as written', () => {
    expect(explanationPhrase({ meaning: 'SSO settings changed.' }).text).toBe('SSO settings changed');
    expect(explanationPhrase({ meaning: 'GitHub found a leaked key.' }).text).toBe('GitHub found a leaked key');
    expect(explanationPhrase({ meaning: 'x', summary: 'Signed in to Okta.' })).toEqual({ text: 'signed in to Okta', actorLed: true });
  });

  it('the built-in pack: every event code explains in one short clause, without its meaning glued on', () => {
    const pack = loadBuiltinPack();
    const checked: string[] = [];
    for (const adapter of pack.adapters) {
      const glossary = glossaryMapFor(adapter, pack.glossary);
      const codes = [...(adapter.glossary ?? []).map((e) => e.term), ...pack.glossary.filter((e) => e.term.includes('.')).map((e) => e.term)];
      for (const code of codes) {
        const entry = glossary.get(code.toLowerCase())!;
        const phrase = explanationPhrase(entry);
        const text = explainRow({ ...row, action: code }, glossary);
        checked.push(code);
        // One clause: no second sentence, no dash or semicolon aside, nothing in brackets from the meaning.
        expect(phrase.text, `${adapter.id} ${code}`).not.toMatch(/[.!?]\s+[A-Z]| — |; /);
        expect(phrase.text.length, `${adapter.id} ${code}: "${phrase.text}"`).toBeLessThanOrEqual(110);
        if (firstSentence(entry.meaning) !== entry.meaning.replace(/[.!]+$/, '')) {
          expect(text, `${adapter.id} ${code}`).not.toContain(entry.meaning);
        }
      }
    }
    expect(checked.length).toBeGreaterThan(200);
  });
});

describe('glossary summary in packs', () => {
  it('is accepted on pack and adapter glossary entries, and kept short and on one line', () => {
    expect(glossaryEntry.parse({ term: 'user.suspend', meaning: SUSPEND, summary: 'suspended an account' }).summary).toBe('suspended an account');
    expect(glossaryEntry.safeParse({ term: 'x', meaning: 'y', summary: 'two\nlines' }).success).toBe(false);
    expect(glossaryEntry.safeParse({ term: 'x', meaning: 'y', summary: 'a'.repeat(121) }).success).toBe(false);
    const demo = loadBuiltinPack().adapters.find((a) => a.id === 'acme-demo')!;
    const parsed = adapterSchema.parse({ ...demo, glossary: [{ term: 'user.suspend', meaning: SUSPEND, summary: 'suspended an account' }] });
    expect(parsed.glossary[0]!.summary).toBe('suspended an account');
    expect(glossaryMapFor(parsed).get('user.suspend')?.summary).toBe('suspended an account');
  });
});

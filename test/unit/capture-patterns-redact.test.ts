import { describe, expect, it } from 'vitest';
import type { CapturedRow } from '../../utils/db/records';
import { redactRows } from '../../utils/escalation/redact';

/**
 * A row read as a sentence keeps the page's sentence in raw['row text']; a column the person
 * chose to redact must not survive there (escalations and audit reports both redact rows here).
 */
function sentenceRow(actor: string, target: string, sentence: string): CapturedRow {
  return { time: null, actor, action: 'suspended', target, ip: '', result: '', raw: { actor, action: 'suspended', target, reason: 'spam', 'row text': sentence } };
}

describe('redacting a sentence row', () => {
  it('takes each redacted cell out of the kept sentence, as a whole word only', () => {
    const [row] = redactRows([sentenceRow('Bo', 'Mallory Reyes', 'Bo suspended Mallory Reyes (spam) — Bob was told')], ['actor', 'target']);
    expect(row).toMatchObject({ actor: '[redacted]', target: '[redacted]' });
    expect(row!.raw['row text']).toBe('[redacted] suspended [redacted] (spam) — Bob was told');
  });

  it('a page column counts too, and values with special characters are matched literally', () => {
    const [row] = redactRows([sentenceRow('a.b+c@x.example', 't', 'a.b+c@x.example suspended t (spam)')], ['reason', 'ACTOR']);
    expect(row!.raw['row text']).toBe('[redacted] suspended t ([redacted])');
    expect(row!.raw.reason).toBe('[redacted]');
  });

  it('leaves the sentence as it is when nothing in it is redacted, and redacts it whole when chosen', () => {
    const original = sentenceRow('Ana', 'x', 'Ana suspended x (spam)');
    expect(redactRows([original], ['ip'])[0]!.raw['row text']).toBe('Ana suspended x (spam)');
    expect(redactRows([original], ['row text'])[0]!.raw['row text']).toBe('[redacted]');
    expect(original.raw['row text']).toBe('Ana suspended x (spam)');
  });
});

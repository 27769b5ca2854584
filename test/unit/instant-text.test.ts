import { describe, expect, it } from 'vitest';
import { instantText } from '../../utils/instant-text';
import { verdictAfterReload } from '../../utils/panel-session/after-reload';

describe('instantText', () => {
  it('writes an ISO instant as a clock in the zone asked for, naming the zone', () => {
    expect(instantText('2026-11-24T23:59:59.999Z', 'UTC')).toBe('24 Nov 2026, 23:59 UTC');
    expect(instantText('2026-11-24T23:59:59.999Z', 'America/New_York')).toBe('24 Nov 2026, 18:59 GMT-5');
    expect(instantText('2026-11-25T01:00:00+01:00', 'UTC')).toBe('25 Nov 2026, 00:00 UTC');
  });

  it('leaves what is not a full instant as it was', () => {
    for (const value of ['dana@northwind.example', '2026-11-24', 'user.login', '2026-13-45T99:99Z', '']) expect(instantText(value, 'UTC')).toBe(value);
  });
});

describe('a read-back after a reload', () => {
  it('shows the times a step asked for as a clock, not as ISO strings', () => {
    const verdict = verdictAfterReload(
      { type: 'navigate' },
      {
        filters: [
          { name: 'since', intended: '2026-11-01T00:00:00.000Z', shown: '2026-11-01T00:00:00.000Z', status: 'applied' },
          { name: 'until', intended: '2026-11-24T23:59:59.999Z', shown: null, status: 'not-applied', reason: 'The address has no end date.' },
        ],
        timeRange: { from: null, to: null },
        readFrom: 'url',
        checkedAt: 1,
      },
      (name) => (name === 'since' ? 'From' : 'To'),
    );
    const texts = verdict.message.fields.map((f) => f.text).join('\n');
    expect(texts).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(texts).toContain(`From: applied by the console (${instantText('2026-11-01T00:00:00.000Z')})`);
    expect(texts).toContain(`set it yourself: ${instantText('2026-11-24T23:59:59.999Z')}`);
    expect(texts).toMatch(/Nov 2026/);
  });
});

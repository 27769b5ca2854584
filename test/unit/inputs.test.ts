import { describe, expect, it } from 'vitest';
import { concreteDefault, initialValues, validateInput } from '../../utils/inputs';
import { runbookInput } from '../../utils/schema/runbook';

const email = runbookInput.parse({ name: 'email', label: 'Customer email', type: 'email', example: 'a@b.example' });
const range = runbookInput.parse({ name: 'range', label: 'Period', type: 'dateRange', default: '-14d..now' });
const optional = runbookInput.parse({ name: 'who', label: 'Person', type: 'email', required: false });

describe('runbook inputs', () => {
  it('turns a relative default range into concrete dates', () => {
    const now = new Date('2026-11-27T10:00:00Z');
    expect(concreteDefault(range, now)).toBe('2026-11-13..2026-11-27');
    expect(initialValues([email, range], now)).toEqual({ email: '', range: '2026-11-13..2026-11-27' });
  });

  it('explains what is wrong in plain words', () => {
    expect(validateInput(email, '')).toBe('Enter customer email.');
    expect(validateInput(email, 'dana')).toMatch(/doesn't look like an email address \(for example a@b\.example\)/);
    expect(validateInput(email, 'dana@northwind.example')).toBeNull();
    expect(validateInput(optional, '')).toBeNull();
  });

  it('checks that a range has both ends in order', () => {
    expect(validateInput(range, '2026-03-01..')).toMatch(/both/);
    expect(validateInput(range, '2026-03-31..2026-03-01')).toMatch(/after the end/);
    expect(validateInput(range, '2026-03-01..2026-03-31')).toBeNull();
  });

  it('applies a pack-supplied pattern', () => {
    const ticket = runbookInput.parse({ name: 'ticket', label: 'Ticket', pattern: '^SUP-\\d+$', example: 'SUP-12' });
    expect(validateInput(ticket, 'SUP-12')).toBeNull();
    expect(validateInput(ticket, '12')).toMatch(/SUP-12/);
  });
});

import { describe, expect, it } from 'vitest';
import { needsOptionalMark } from '../../utils/runbook/optional-mark';

describe('needsOptionalMark', () => {
  it('marks an input that is not required', () => {
    expect(needsOptionalMark({ label: 'Limit to one person', required: false })).toBe(true);
  });
  it('does not mark a required input', () => {
    expect(needsOptionalMark({ label: 'Customer e-mail', required: true })).toBe(false);
  });
  it('does not say it twice when the label already does', () => {
    expect(needsOptionalMark({ label: 'Limit to one person (optional)', required: false })).toBe(false);
    expect(needsOptionalMark({ label: 'Optional: ticket number', required: false })).toBe(false);
  });
  it('is not fooled by a word that only contains "optional"', () => {
    expect(needsOptionalMark({ label: 'Nonoptionality reason', required: false })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { formatValue, resolveDate, resolveFilters } from '../../utils/engine/values';

const now = new Date('2026-04-15T10:30:00.000Z');

describe('resolveFilters', () => {
  it('fills {{input}} placeholders and keeps plain values', () => {
    const out = resolveFilters({ actor: '{{email}}', action: 'user.login', text: 'actor:{{ email }} is:failed' }, { email: 'li.chen@acme.example' }, { now });
    expect(out.values).toEqual({ actor: 'li.chen@acme.example', action: 'user.login', text: 'actor:li.chen@acme.example is:failed' });
    expect(out.dropped).toEqual([]);
    expect(out.problems).toEqual([]);
  });

  it('drops a filter whose placeholder is empty or unknown', () => {
    const out = resolveFilters({ actor: '{{email}}', target: 'team:{{team}}', action: 'user.login' }, { email: '  ' }, { now });
    expect(out.values).toEqual({ action: 'user.login' });
    expect(out.dropped).toEqual(['actor', 'target']);
  });

  it('splits a date range input into since (start of day) and until (end of day)', () => {
    const out = resolveFilters({ since: '{{range.from}}', until: '{{range.to}}' }, { range: '2026-03-01..2026-03-31' }, { now });
    expect(out.values).toEqual({ since: '2026-03-01T00:00:00.000Z', until: '2026-03-31T23:59:59.999Z' });
  });

  it('understands relative dates, now and today', () => {
    expect(resolveFilters({ since: '-30d', until: 'now' }, {}, { now }).values).toEqual({
      since: '2026-03-16T10:30:00.000Z',
      until: '2026-04-15T10:30:00.000Z',
    });
    expect(resolveFilters({ since: '-12h' }, {}, { now }).values.since).toBe('2026-04-14T22:30:00.000Z');
    expect(resolveFilters({ since: 'today', until: 'today' }, {}, { now }).values).toEqual({
      since: '2026-04-15T00:00:00.000Z',
      until: '2026-04-15T23:59:59.999Z',
    });
  });

  it('accepts a relative range in one input and in one filter', () => {
    const fromInput = resolveFilters({ since: '{{range.from}}', until: '{{range.to}}' }, { range: '-14d..now' }, { now });
    expect(fromInput.values).toEqual({ since: '2026-04-01T10:30:00.000Z', until: '2026-04-15T10:30:00.000Z' });
    const inline = resolveFilters({ since: '-14d..now', until: '-14d..now' }, {}, { now });
    expect(inline.values).toEqual(fromInput.values);
  });

  it('reads times without a zone as UTC', () => {
    expect(resolveFilters({ since: '2026-03-01T08:15' }, {}, { now }).values.since).toBe('2026-03-01T08:15:00.000Z');
    expect(resolveFilters({ since: '2026-03-01T08:15:00+02:00' }, {}, { now }).values.since).toBe('2026-03-01T06:15:00.000Z');
  });

  it('reports a date it cannot read, in plain words, and leaves it out', () => {
    const out = resolveFilters({ since: 'last tuesday-ish', actor: 'a@b.example' }, {}, { now });
    expect(out.values).toEqual({ actor: 'a@b.example' });
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]!.field).toBe('since');
    expect(out.problems[0]!.message).toMatch(/didn't understand the date "last tuesday-ish"/);
  });
});

describe('resolveDate', () => {
  it('returns null for empty or non-date text', () => {
    expect(resolveDate('', now)).toBeNull();
    expect(resolveDate('soon', now)).toBeNull();
  });
  it('handles minutes and weeks', () => {
    expect(resolveDate('-15m', now)).toBe('2026-04-15T10:15:00.000Z');
    expect(resolveDate('-2w', now)).toBe('2026-04-01T10:30:00.000Z');
  });
});

describe('formatValue', () => {
  const iso = '2026-03-01T08:15:30.000Z';
  it('writes dates in every adapter format', () => {
    expect(formatValue(iso, 'plain')).toBe(iso);
    expect(formatValue(iso, 'iso')).toBe(iso);
    expect(formatValue(iso, 'date')).toBe('2026-03-01');
    expect(formatValue(iso, 'datetimeLocal')).toBe('2026-03-01T08:15');
    expect(formatValue(iso, 'epochMs')).toBe('1772352930000');
    expect(formatValue(iso, 'epochS')).toBe('1772352930');
  });
  it('passes values that are not dates through unchanged', () => {
    expect(formatValue('li.chen@acme.example', 'datetimeLocal')).toBe('li.chen@acme.example');
  });
});

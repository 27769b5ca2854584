import { describe, expect, it } from 'vitest';
import type { AppliedSearch, CaptureRecord, TimeRange } from '../../utils/db/records';
import {
  appliedFacts,
  captureStatements,
  combinedAppliedRange,
  combinedSpan,
  requestedSearch,
  rowsSpan,
  rowsSpanStatement,
} from '../../utils/escalation/applied';
import { stepReached } from '../../utils/escalation/facts';
import { stepText } from '../../utils/escalation/format';
import { sampleRows } from './cases-fixtures';

type Capture = Pick<CaptureRecord, 'filters' | 'timeRange' | 'applied' | 'observed' | 'rows' | 'rowCount'>;

const rows = sampleRows(3);
const base: Capture = {
  filters: { actor: 'dana@northwind.example', action: 'user.login', since: '2026-03-01', until: '2026-03-31' },
  timeRange: { from: '2026-03-01', to: '2026-03-31' },
  rows,
  rowCount: rows.length,
};

function withApplied(filters: AppliedSearch['filters'], timeRange: TimeRange = { from: '2026-03-01', to: '2026-03-31' }): Capture {
  return { ...base, applied: { filters, timeRange, readFrom: 'controls', checkedAt: Date.UTC(2026, 2, 20) } };
}

const line = (capture: Capture, label: string) => captureStatements(capture).find((s) => s.label === label)?.value;
const labels = (capture: Capture) => captureStatements(capture).map((s) => s.label);

describe('what one capture says about its filters', () => {
  it('lists only applied filters under "Filters applied", valued as the console shows them', () => {
    const capture = withApplied([
      { name: 'action', intended: 'user.login', shown: 'Sign-in', status: 'applied' },
      { name: 'actor', intended: 'dana@northwind.example', shown: 'dana@northwind.example', status: 'applied' },
      { name: 'since', intended: '2026-03-01', shown: null, status: 'not-applied', reason: 'The From box would not take a date.' },
    ]);
    expect(line(capture, 'Filters applied')).toBe('actor = dana@northwind.example; action = Sign-in');
    expect(line(capture, 'Filters applied')).not.toContain('since');
  });

  it('says so when the console applied a filter the runbook did not ask for', () => {
    const capture = withApplied([
      { name: 'actor', intended: 'dana@northwind.example', shown: 'dana@northwind.example', status: 'applied' },
      { name: 'ip', intended: '', shown: '203.0.113.9', status: 'applied', reason: "The console also filters on IP address — the step didn't ask for it (left from an earlier search?)." },
    ]);
    expect(line(capture, 'Filters applied')).toBe("actor = dana@northwind.example; ip = 203.0.113.9 (The console also filters on IP address — the step didn't ask for it (left from an earlier search?))");
    expect(appliedFacts(capture).filters[1]).toMatchObject({ name: 'ip', note: expect.stringContaining('earlier search') });
  });

  it('gives each filter the console did not apply its reason, and what the console showed instead', () => {
    const capture = withApplied([
      { name: 'since', intended: '2026-03-01', shown: '2026-02-01', status: 'not-applied', reason: 'The From box kept its old date.' },
      { name: 'until', intended: '2026-03-31', shown: null, status: 'not-applied' },
    ]);
    expect(line(capture, 'Not applied')).toBe(
      'since (asked for 2026-03-01, the console shows “2026-02-01”): The From box kept its old date.; until (asked for 2026-03-31): the console did not show it after the search',
    );
    expect(line(capture, 'Filters applied')).toBe('none (the console showed no filters)');
  });

  it('lists filters it could not read back under "Could not check"', () => {
    const capture = withApplied([
      { name: 'actor', intended: 'dana@northwind.example', shown: 'dana@northwind.example', status: 'applied' },
      { name: 'region', intended: 'eu', shown: null, status: 'unchecked', reason: 'The region menu has no value Trailguide can read.' },
    ]);
    expect(line(capture, 'Could not check')).toBe('region (asked for eu): The region menu has no value Trailguide can read.');
    expect(labels(capture)).not.toContain('Not applied');
  });

  it('says plainly that a capture without read-back was not checked, and never calls its filters applied', () => {
    const statements = captureStatements(base);
    expect(statements.map((s) => s.label)).toEqual(['Time range applied by the console', 'Filters not checked', 'Rows span']);
    expect(line(base, 'Filters not checked')).toMatch(/^Trailguide did not read this capture’s filters back from the console/);
    expect(line(base, 'Filters not checked')).toContain('The runbook asked for: actor = dana@northwind.example; action = user.login; since = 2026-03-01; until = 2026-03-31.');
    expect(line(base, 'Time range applied by the console')).toBe('not checked (the runbook asked for 2026-03-01 → 2026-03-31)');
    expect(appliedFacts(base)).toMatchObject({ checked: false, filters: [], timeRange: null });
  });

  it('marks filter names as code in Markdown', () => {
    const capture = withApplied([{ name: 'actor', intended: 'a', shown: 'a', status: 'applied' }]);
    expect(captureStatements(capture, (v) => `\`${v}\``).find((s) => s.kind === 'applied')?.value).toBe('`actor` = a');
  });
});

describe('time ranges', () => {
  it('states the range the console applied, an open end as such', () => {
    expect(line(withApplied([], { from: '2026-03-01', to: null }), 'Time range applied by the console')).toBe('2026-03-01 → now');
    expect(line(withApplied([], { from: null, to: null }), 'Time range applied by the console')).toBe('not limited (all dates the log keeps)');
  });

  it('combines applied ranges only when every capture was checked', () => {
    const a = appliedFacts(withApplied([], { from: '2026-03-05', to: '2026-03-10' }));
    const b = appliedFacts(withApplied([], { from: '2026-03-01', to: '2026-03-08' }));
    expect(combinedAppliedRange([a, b])).toEqual({ from: '2026-03-01', to: '2026-03-10' });
    expect(combinedAppliedRange([a, appliedFacts(withApplied([], { from: '2026-03-01', to: null }))])).toEqual({ from: '2026-03-01', to: null });
    expect(combinedAppliedRange([a, appliedFacts(base)])).toBeNull();
    expect(combinedAppliedRange([])).toBeNull();
  });
});

describe('rows span', () => {
  it('comes from observed times, with the count of unreadable times', () => {
    const capture: Capture = { ...base, observed: { earliest: '2026-03-02T08:00:00.000Z', latest: '2026-03-09T17:30:00.000Z', unreadable: 2 } };
    expect(line(capture, 'Rows span')).toBe('earliest 2026-03-02T08:00:00.000Z, latest 2026-03-09T17:30:00.000Z; 2 rows had a time Trailguide couldn’t read');
  });

  it('is worked out from the rows for older captures', () => {
    const older = [{ time: '2026-03-03T00:00:00.000Z' }, { time: null }, { time: '2026-03-01T00:00:00.000Z' }];
    expect(rowsSpan(undefined, older)).toEqual({ earliest: '2026-03-01T00:00:00.000Z', latest: '2026-03-03T00:00:00.000Z', unreadable: 1, source: 'rows' });
    expect(rowsSpanStatement(rowsSpan(undefined, older), 3).value).toBe('earliest 2026-03-01T00:00:00.000Z, latest 2026-03-03T00:00:00.000Z; 1 row had no time Trailguide could read');
  });

  it('says when no row had a readable time, and when there are no rows', () => {
    expect(rowsSpanStatement({ earliest: null, latest: null, unreadable: 4, source: 'observed' }, 4).value).toBe(
      'unknown: no row had a time Trailguide could read (4 rows had a time Trailguide couldn’t read)',
    );
    expect(rowsSpanStatement({ earliest: null, latest: null, unreadable: 0, source: 'observed' }, 0).value).toBe('no rows');
  });

  it('combines spans across captures', () => {
    const span = combinedSpan([
      { earliest: '2026-03-04T00:00:00Z', latest: '2026-03-05T00:00:00Z', unreadable: 1, source: 'observed' },
      { earliest: '2026-03-01T00:00:00Z', latest: '2026-03-02T00:00:00Z', unreadable: 2, source: 'rows' },
    ]);
    expect(span).toEqual({ earliest: '2026-03-01T00:00:00Z', latest: '2026-03-05T00:00:00Z', unreadable: 3, source: 'rows' });
  });
});

describe('requested search', () => {
  it('keeps what the runbook asked for, in vocabulary order', () => {
    expect(requestedSearch({ filters: { region: 'eu', until: 'b', actor: 'a' }, timeRange: { from: null, to: null } }).filters.map((f) => f.name)).toEqual(['actor', 'until', 'region']);
  });
});

describe('step reached', () => {
  it('is the furthest step done, not the step on screen', () => {
    expect(stepReached(['done', 'done', 'todo', 'todo'], ['Open', 'Capture', 'Read', 'Decide'])).toEqual({ number: 2, title: 'Capture' });
    expect(stepReached(['todo', 'done', 'failed', 'todo'], ['Open', 'Capture', 'Read', 'Decide'])).toEqual({ number: 2, title: 'Capture' });
    expect(stepReached(['done', 'todo', 'done', 'todo'], [])).toEqual({ number: 3, title: null });
    expect(stepReached(['todo', 'todo'], ['a', 'b'])).toEqual({ number: null, title: null });
  });

  it('reads "step N of M — title (K of M steps done)"', () => {
    const runbook = { id: 'r', title: 'R', packId: 'p', stepsFailed: [], stepsTotal: 4 };
    expect(stepText({ ...runbook, stepReached: { number: 2, title: 'Capture' }, stepsDone: 2 })).toBe('step 2 of 4 — Capture (2 of 4 steps done)');
    expect(stepText({ ...runbook, stepReached: { number: 3, title: null }, stepsDone: 2 })).toBe('step 3 of 4 (2 of 4 steps done)');
    expect(stepText({ ...runbook, stepReached: { number: null, title: null }, stepsDone: 0 })).toBe('none yet (0 of 4 steps done)');
  });
});

import { describe, expect, it } from 'vitest';
import { describeFill, observedTimesOf } from '../../components/panel/session';
import type { CapturedRow } from '../../utils/db/records';
import type { FieldReport, FillReport } from '../../utils/engine/fill';

const field = (f: Partial<FieldReport> & Pick<FieldReport, 'field' | 'status'>): FieldReport => ({
  label: f.field === 'since' ? 'From' : 'Actor',
  ok: f.status === 'kept',
  value: 'v',
  ...f,
});
const report = (fields: FieldReport[], extra: Partial<FillReport> = {}): FillReport => ({
  ok: fields.every((f) => f.status === 'kept'),
  fields,
  submitted: true,
  wait: { ok: true, how: 'rows-changed', ms: 10 },
  messages: fields.flatMap((f) => (f.message ? [f.message] : [])),
  ...extra,
});

describe('the fill step message', () => {
  it('says Done only when every field was kept and the search answered', () => {
    const done = describeFill(report([field({ field: 'actor', status: 'kept' })]), []);
    expect(done.done).toBe(true);
    expect(done.message.text).toMatch(/^Done/);
    expect(done.message.fields).toEqual([{ field: 'actor', label: 'Actor', status: 'kept', text: 'Actor: set and checked (v)' }]);
  });

  it('says Partly done and lists each field with its state otherwise', () => {
    const partly = describeFill(
      report([field({ field: 'actor', status: 'kept' }), field({ field: 'since', status: 'not-kept', message: 'The From box didn’t keep what I entered — type this yourself: v' })]),
      [],
    );
    expect(partly.done).toBe(false);
    expect(partly.message.kind).toBe('error');
    expect(partly.message.text).toMatch(/^Partly done/);
    expect(partly.message.fields?.map((f) => [f.field, f.status])).toEqual([
      ['actor', 'kept'],
      ['since', 'not-kept'],
    ]);
    // The field's own message is shown once, on its line, not repeated below.
    expect(partly.message.details).toEqual([]);
  });

  it('is not Done when the report is ok but a date could not be understood, nor when the search never answered', () => {
    const problem = describeFill(report([field({ field: 'actor', status: 'kept' })]), [{ field: 'since', message: 'I didn’t understand the date "soon".' }]);
    expect(problem.done).toBe(false);
    expect(problem.message.fields?.at(-1)).toMatchObject({ field: 'since', status: 'not-kept' });
    const noAnswer = describeFill(report([field({ field: 'actor', status: 'kept' })], { ok: false, wait: { ok: false, how: 'timeout', ms: 15000, message: 'still loading' }, messages: ['still loading'] }), []);
    expect(noAnswer.done).toBe(false);
    expect(noAnswer.message.details).toEqual(['still loading']);
  });

  it('is not Done when the console still applies a filter from an earlier search, and says which', () => {
    const left = describeFill(report([field({ field: 'actor', status: 'kept' })], { leftOver: [{ field: 'text', shown: 'old search' }] }), []);
    expect(left.done).toBe(false);
    expect(left.message.text).toMatch(/^Partly done/);
    expect(left.message.details?.join(' ')).toMatch(/still filters on Search \(old search\) from an earlier search/);
  });

  it('says Not done when nothing could be set', () => {
    const none = describeFill(report([field({ field: 'since', status: 'unchecked', message: 'couldn’t check' })], { submitted: false }), []);
    expect(none.message.text).toMatch(/^Not done/);
  });
});

describe('observedTimesOf', () => {
  const row = (time: string | null, rawTime = time ?? ''): CapturedRow => ({ time, actor: '', action: '', target: '', ip: '', result: '', raw: { time: rawTime } });
  it('takes the earliest and latest time by instant and counts rows whose time text could not be read', () => {
    expect(observedTimesOf([row('2026-11-02T10:00:00.000Z'), row(null, 'sometime last week'), row('2026-10-30T23:00:00.000Z'), row(null, ''), row('2026-11-05T08:00:00.000Z')])).toEqual({
      earliest: '2026-10-30T23:00:00.000Z',
      latest: '2026-11-05T08:00:00.000Z',
      unreadable: 1,
    });
    expect(observedTimesOf([])).toEqual({ earliest: null, latest: null, unreadable: 0 });
  });
});

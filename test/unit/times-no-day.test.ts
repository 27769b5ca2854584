// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { readVisibleRows } from '../../utils/engine/capture';
import { readRowTime, readTimeText } from '../../utils/engine/times';
import { adapterSchema } from '../../utils/schema/adapter';

/**
 * Issue 12 (Redmine lab): a time of day shown without its day ("03:28 PM" under a day heading)
 * was read as today at 15:28 without a word. It is refused instead — the capture keeps the
 * page's text and says how the adapter can give the day — and read when the column's
 * `heading` puts the day in front of it.
 */
const now = new Date('2026-12-01T10:00:00.000Z');

describe('a time of day with no day is not dated today', () => {
  it.each(['03:28 PM', '15:28', '3pm', 'at 09:05', 'noon', 'Monday 14:02'])('refuses “%s” (no day)', (text) => {
    expect(readTimeText(text, { now, zone: 'utc' })).toEqual({ iso: null, reason: 'no-day' });
  });

  it('refuses a declared format that has no day in it, rather than dating the time today', () => {
    expect(readTimeText('03:28 PM', { now, zone: 'utc', formats: ['hh:mm A'] })).toEqual({ iso: null, reason: 'no-day' });
    expect(readTimeText('15:28:04', { now, zone: 'utc', formats: ['HH:mm:ss'] })).toEqual({ iso: null, reason: 'no-day' });
    // A literal in brackets is not a day token.
    expect(readTimeText('Day 15:28', { now, zone: 'utc', formats: ['[Day] HH:mm'] })).toEqual({ iso: null, reason: 'no-day' });
  });

  it('still reads a time whose text names its day, and a day put in front from a heading', () => {
    expect(readTimeText('Today, 09:15', { now, zone: 'utc' }).iso).toBe('2026-12-01T09:15:00.000Z');
    expect(readTimeText('yesterday at 14:02', { now, zone: 'utc' }).iso).toBe('2026-11-30T14:02:00.000Z');
    expect(readTimeText('11/27/2026 03:28 PM', { now, zone: 'utc', formats: ['MM/DD/YYYY hh:mm A'] }).iso).toBe('2026-11-27T15:28:00.000Z');
    expect(readTimeText('Today 03:28 PM', { now, zone: 'utc', formats: ['MM/DD/YYYY hh:mm A'] }).iso).toBe('2026-12-01T15:28:00.000Z');
    expect(readTimeText('1795976311', { now, formats: ['X'] }).iso).toBe('2026-11-29T18:18:31.000Z');
  });

  it('takes an exact time from the element before refusing its bare text', () => {
    expect(readRowTime({ text: '03:28 PM', datetime: '2026-11-27T15:28:00Z' }, { now })).toEqual({ iso: '2026-11-27T15:28:00.000Z', from: 'datetime' });
    expect(readRowTime({ text: '03:28 PM', title: '11/27/2026 03:28 PM' }, { now, zone: 'utc', formats: ['MM/DD/YYYY hh:mm A'] })).toEqual({
      iso: '2026-11-27T15:28:00.000Z',
      from: 'title',
    });
    expect(readRowTime({ text: '03:28 PM' }, { now })).toEqual({ iso: null, reason: 'no-day' });
  });
});

describe('a capture of rows that show only a time of day', () => {
  const ACTIVITY =
    '<div id="activity"><h3>11/27/2026</h3><dl>' +
    '<dt class="issue-edit"><span class="time">03:28 PM</span> <a href="/issues/30">Feature #30</a></dt><dd><span class="author"><a>Carol</a></span></dd>' +
    '<dt class="issue"><span class="time">08:40 AM</span> <a href="/issues/31">Support #31</a></dt><dd><span class="author"><a>Dave</a></span></dd>' +
    '</dl></div>';
  const adapter = (time: Record<string, unknown>) =>
    adapterSchema.parse({
      id: 'bare-times',
      name: 'Bare times',
      vendor: 'Test',
      verified: { how: 'fixture', date: '2026-12-01' },
      match: { include: ['https://example.test/*'], present: [['#activity']] },
      results: { row: ['#activity dl > dt'], columns: { time: { selectors: ['span.time'], zone: 'utc', ...time }, actor: { selectors: [':scope + dd span.author a'] } } },
    });

  beforeEach(() => {
    document.body.innerHTML = ACTIVITY;
  });

  it('without `heading`: no time is guessed, the page text is kept, and the warning says how the adapter can give the day', () => {
    const { rows, warnings } = readVisibleRows(document, adapter({}), 100, { now, pageZone: 'UTC' });
    expect(rows.map((r) => [r.time, r.raw.time, r.actor])).toEqual([
      [null, '03:28 PM', 'Carol'],
      [null, '08:40 AM', 'Dave'],
    ]);
    expect(warnings).toEqual([
      'The console shows times without a day, e.g. “03:28 PM” — the time of 2 rows is left empty rather than guessed (the page\'s own text is kept). Whoever maintains this site\'s adapter can set `heading` on the time column, so the day is read from the heading above the rows.',
    ]);
    // A time-only format declared by the adapter changes nothing.
    expect(readVisibleRows(document, adapter({ format: 'hh:mm A' }), 100, { now, pageZone: 'UTC' }).rows.map((r) => r.time)).toEqual([null, null]);
  });

  it('says it in the singular for one row', () => {
    document.querySelector('dt.issue')!.remove();
    expect(readVisibleRows(document, adapter({}), 100, { now, pageZone: 'UTC' }).warnings[0]).toMatch(/^The console shows times without a day, e\.g\. “03:28 PM” — that row's time is left empty/);
  });

  it('with `heading`: each row is dated by the day above it, without a warning', () => {
    const { rows, warnings } = readVisibleRows(document, adapter({ heading: ['#activity > h3'], format: 'MM/DD/YYYY hh:mm A' }), 100, { now, pageZone: 'UTC' });
    expect(rows.map((r) => r.time)).toEqual(['2026-11-27T15:28:00.000Z', '2026-11-27T08:40:00.000Z']);
    expect(warnings).toEqual([]);
  });
});

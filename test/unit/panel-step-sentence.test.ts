import { describe, expect, it } from 'vitest';
import { datesInBoxesOf, describeAction } from '../../components/panel/describe-action';
import { describeFill } from '../../components/panel/session';
import type { FieldReport, FillReport } from '../../utils/engine/fill';
import { adapterField } from '../../utils/schema/adapter';
import { stepAction } from '../../utils/schema/runbook';

/** Issue 13 (say only what is true): the fill step's sentence says what was checked, and times in the box's own clock. */
const kept = (field: string, label: string, value: string): FieldReport => ({ field, label, status: 'kept', ok: true, value });
const report = (extra: Partial<FillReport>): FillReport => ({
  ok: true,
  fields: [kept('actor', 'Actor', 'dana@northwind.example')],
  submitted: true,
  wait: { ok: true, how: 'rows-changed', ms: 40 },
  messages: [],
  ...extra,
});

describe('the fill step sentence says only what was verified', () => {
  it('with no search to run (submit: none) it says the boxes hold the values, not that the log shows the events', () => {
    const outcome = describeFill(report({ submitted: false, wait: null }), []);
    expect(outcome.message.kind).toBe('ok');
    expect(outcome.message.text).not.toMatch(/^Done/);
    expect(outcome.message.text).not.toMatch(/log shows/);
    expect(outcome.message.text).toMatch(/boxes hold your values/);
    expect(outcome.message.text).toMatch(/no search button/);
    expect(outcome.message.text).toMatch(/check that the results below match/);
  });

  it('a console without a search button is never told to click one', () => {
    const partly = report({ ok: false, submitted: false, wait: null, fields: [kept('actor', 'Actor', 'x'), { field: 'since', label: 'Since', status: 'not-kept', ok: false, value: 'v', message: 'm' }] });
    expect(describeFill(partly, [], { searchless: true }).message.details).not.toContain("The search didn't run — click the console's search button yourself.");
    expect(describeFill(partly, []).message.details).toContain("The search didn't run — click the console's search button yourself.");
  });

  it('when the search ran but the list never changed it does not claim the log shows the matching events', () => {
    const outcome = describeFill(report({ wait: { ok: true, how: 'settled', ms: 600 } }), []);
    expect(outcome.message.text).not.toMatch(/log shows/);
    expect(outcome.message.text).toMatch(/search ran, but the results didn’t visibly change/);
  });

  it('says Done and that the log shows the events only when the list changed after the search', () => {
    expect(describeFill(report({}), []).message.text).toBe('Done — every filter is set and checked, and the log shows the matching events.');
    expect(describeFill(report({ wait: { ok: true, how: 'ready', ms: 40 } }), []).message.text).toMatch(/^Done — .*log shows the matching events/);
  });
});

describe('the step sentence shows times in the box’s own clock', () => {
  // The browser's clock, whatever zone the run has (CI runs this file under TZ=America/New_York too).
  const at = new Date('2026-11-30T13:08:00.000Z');
  const localTime = `${String(at.getHours()).padStart(2, '0')}:08`;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const fill = stepAction.parse({ type: 'fill', filters: { since: '2026-11-30T13:08:00.000Z', actor: 'x@y.example' } });
  const fields = (dom: Record<string, unknown>, url?: Record<string, unknown>) => ({ since: adapterField.parse({ dom: { selectors: ['#from'], ...dom }, ...(url ? { url } : {}) }) });

  it('a picker or datetime-local box that takes local time: the local wall time and zone, not UTC', () => {
    const picker = describeAction(fill, {}, undefined, datesInBoxesOf({ fields: fields({ kind: 'datetime', format: 'MM/DD/YYYY hh:mm A' }) }));
    expect(picker).toContain(`since: ${at.getDate()} Nov 2026, ${localTime} (your computer's time, ${zone})`);
    expect(picker).not.toContain('13:08 UTC');
    const local = describeAction(fill, {}, undefined, datesInBoxesOf({ fields: fields({ kind: 'datetime', format: 'datetimeLocal' }) }));
    expect(local).toContain(`${localTime} (your computer's time`);
    expect(local).not.toContain('13:08 UTC');
  });

  it('any other filter typed into a local-time picker reads the same way, not as raw ISO', () => {
    const other = stepAction.parse({ type: 'fill', filters: { muiSince: '2026-11-30T13:08:00.000Z', person: 'Li Chen' } });
    const sentence = describeAction(other, {}, undefined, datesInBoxesOf({ fields: { muiSince: adapterField.parse({ dom: { selectors: ['#m'], kind: 'datetime', format: 'MM/DD/YYYY hh:mm A' } }) } }));
    expect(sentence).toContain(`mui since: ${at.getDate()} Nov 2026, ${localTime} (your computer's time, ${zone})`);
    expect(sentence).not.toContain('2026-11-30T13:08');
    expect(sentence).toContain('person: Li Chen');
  });

  it('a box the adapter says reads UTC, or no adapter at all: UTC', () => {
    const utc = describeAction(fill, {}, undefined, datesInBoxesOf({ fields: fields({ kind: 'datetime', format: 'datetimeLocal', zone: 'utc' }) }));
    expect(utc).toContain('since: 30 Nov 2026, 13:08 UTC');
    expect(describeAction(fill, {}, undefined, datesInBoxesOf(null))).toContain('since: 2026-11-30 13:08 UTC');
  });

  it('a link step whose date goes into the address stays in UTC', () => {
    const navigate = stepAction.parse({ type: 'navigate', filters: { since: '2026-11-30T13:08:00.000Z' } });
    const both = datesInBoxesOf({ fields: fields({ kind: 'datetime', format: 'datetimeLocal' }, { param: 'from', format: 'iso' }) });
    expect(describeAction(navigate, {}, undefined, both)).toContain('2026-11-30 13:08 UTC');
  });
});

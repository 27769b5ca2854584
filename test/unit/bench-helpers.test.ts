import { describe, expect, it } from 'vitest';
import { findSignatures } from '../../bench/measures/size.mjs';
import {
  generateAdapters,
  generateAuditRows,
  generateCapturedRows,
  generatePackText,
  generateRunbooks,
  makeRandom,
} from '../../bench/lib/generate.mjs';
import { failed, measured, median, notBuiltYet, percentile, spread, summarise } from '../../bench/lib/stats.mjs';
import { adapterSchema } from '../../utils/schema/adapter';
import { runbookSchema } from '../../utils/schema/runbook';
import { parsePackText } from '../../utils/pack/parse';

describe('bench statistics', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(median([Number.NaN, 7])).toBe(7);
  });

  it('uses nearest-rank percentiles, never a value that was not measured', () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(values, 95)).toBe(100);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 0)).toBe(10);
    expect(percentile([3], 95)).toBe(3);
  });

  it('reports the spread and the number of finite runs', () => {
    expect(spread([3, -1, 8])).toEqual({ min: -1, max: 8 });
    expect(summarise([1.23456, 2, 3, Number.POSITIVE_INFINITY])).toEqual({ median: 2, p95: 3, min: 1.235, max: 3, runs: 3 });
  });

  it('passes a budget on the median, and leaves report-only and missing figures without a verdict', () => {
    expect(measured({ id: 'a', name: 'A', budget: 10, unit: 'ms', values: [9, 10, 30] }).pass).toBe(true);
    expect(measured({ id: 'a', name: 'A', budget: 10, unit: 'ms', values: [11, 12, 1] }).pass).toBe(false);
    const report = measured({ id: 'b', name: 'B', unit: 'ms', values: [1] });
    expect(report).toMatchObject({ status: 'report-only', pass: null, budget: null });
    const missing = notBuiltYet({ id: 'c', name: 'C', budget: 5, unit: 'ms', reason: 'not there' });
    expect(missing).toMatchObject({ status: 'not-built-yet', median: null, pass: null, notes: 'not there' });
    expect(failed({ id: 'd', name: 'D', budget: 5, unit: 'ms', error: new Error('boom\nstack') })).toMatchObject({ status: 'error', pass: false, notes: 'boom' });
  });
});

describe('bench generators', () => {
  it('draws the same numbers from the same seed, and different ones from another', () => {
    const a = makeRandom(42);
    const b = makeRandom(42);
    const c = makeRandom(43);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('makes adapters and runbooks that the real schemas accept', () => {
    const adapters = generateAdapters(20);
    for (const adapter of adapters) expect(adapterSchema.safeParse(adapter).success).toBe(true);
    const runbooks = generateRunbooks(30, 2, adapters.map((a) => a.id));
    for (const runbook of runbooks) expect(runbookSchema.safeParse(runbook).success).toBe(true);
    expect(new Set(runbooks.map((r) => r.id)).size).toBe(30);
  });

  it('makes a valid pack just under the requested size, byte for byte the same every time', () => {
    const target = 150 * 1024;
    const text = generatePackText({ targetBytes: target });
    const bytes = new TextEncoder().encode(text).length;
    expect(bytes).toBeLessThanOrEqual(target);
    expect(bytes).toBeGreaterThan(target * 0.97);
    expect(generatePackText({ targetBytes: target })).toBe(text);
    const parsed = parsePackText(text);
    expect(parsed.ok).toBe(true);
  });

  it('makes result rows in the demo console markup and captured rows in the database shape', () => {
    const html = generateAuditRows(3);
    expect(html.match(/<tr data-event-id=/g)).toHaveLength(3);
    expect(html).toContain('<td class="col-time"><time datetime="');
    const rows = generateCapturedRows(4);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), raw: expect.any(Object) });
    expect(generateCapturedRows(4)).toEqual(rows);
  });
});

describe('bundle signatures', () => {
  it('finds a UI framework by what survives minification, and nothing in plain code', () => {
    expect(findSignatures('function a(n){return n.__k&&n.__v}')).toContainEqual({ what: 'Preact', framework: true });
    expect(findSignatures('const e=Symbol.for("react.transitional.element")')).toContainEqual({ what: 'React', framework: true });
    expect(findSignatures('x.__v_isRef')).toContainEqual({ what: 'Vue', framework: true });
    expect(findSignatures('function r(e){return e.split(`*`).join(`.*`)}')).toEqual([]);
  });
});

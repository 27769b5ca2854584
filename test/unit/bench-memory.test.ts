import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs module of the bench, without type declarations
import { hasSettled, tabCosts } from '../../bench/measures/memory.mjs';

const MB = 1024 * 1024;

describe('the bench’s memory readings (bench/measures/memory.mjs)', () => {
  it('calls a series settled only when its last two readings are within 0.3 MB', () => {
    expect(hasSettled([])).toBe(false);
    expect(hasSettled([40])).toBe(false);
    expect(hasSettled([25, 44.5])).toBe(false);
    expect(hasSettled([25, 44.5, 46.8, 46.7])).toBe(true);
    expect(hasSettled([46.8, 46.4])).toBe(false);
    expect(hasSettled([46.8, 46.6])).toBe(true);
    expect(hasSettled([40, 45.8], 10)).toBe(true);
  });

  it('charges each console tab what it added with the extension beyond what it added without', () => {
    const readings = [
      { ext: 400 * MB, base: 360 * MB }, // idle
      { ext: 460 * MB, base: 406 * MB }, // first tab: +60 with, +46 without
      { ext: 508 * MB, base: 450 * MB }, // second: +48 with, +44 without
      { ext: 553 * MB, base: 494 * MB }, // third: +45 with, +44 without
    ];
    const costs = tabCosts(readings);
    expect(costs).toHaveLength(3);
    expect(costs[0]).toBeCloseTo(14, 6);
    expect(costs[1]).toBeCloseTo(4, 6);
    expect(costs[2]).toBeCloseTo(1, 6);
    expect(tabCosts([{ ext: MB, base: MB }])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { clipBox, clippingAncestors } from '../../utils/builder/outline-clip';

// @vitest-environment happy-dom

describe('outlines show only what a person can see', () => {
  it('cuts a row wider than its scrolling card at the card’s edge (it ran on over the docked panel)', () => {
    const row = { top: 580, left: 92, right: 1120, bottom: 640 };
    const card = { top: 500, left: 245, right: 850, bottom: 1400 };
    expect(clipBox(row, [card])).toEqual({ top: 580, left: 245, right: 850, bottom: 640 });
  });

  it('hides a box scrolled out of every clip, and leaves a box inside alone', () => {
    expect(clipBox({ top: 10, left: 900, right: 1000, bottom: 40 }, [{ top: 0, left: 0, right: 850, bottom: 800 }])).toBeNull();
    const inside = { top: 10, left: 10, right: 100, bottom: 40 };
    expect(clipBox(inside, [{ top: 0, left: 0, right: 850, bottom: 800 }])).toEqual(inside);
    expect(clipBox(inside, [])).toEqual(inside);
  });

  it('finds the ancestors that cut off what overflows them, nearest first', () => {
    document.body.innerHTML = '<div id="page" style="overflow: hidden"><div id="card" style="overflow-x: auto"><table><tbody><tr><td id="cell">x</td></tr></tbody></table></div></div>';
    const cell = document.getElementById('cell')!;
    expect(clippingAncestors(cell).map((el) => el.id)).toEqual(['card', 'page']);
  });
});

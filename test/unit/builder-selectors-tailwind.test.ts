// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { cssClassName, isNamedMarkerClass } from '../../utils/builder/class-selector';
import { describePick } from '../../utils/builder/pick';
import { proposeRowSelectors, stableClasses } from '../../utils/builder/selectors';

/**
 * Ghost 5's History (test/lab/ghost): each line is a `div` whose only classes are Tailwind
 * utilities, the first a named group — `group/list-item` — which a selector can use only
 * escaped. Without it the builder found the lines by their place in the dialog
 * (`… > section > div > div`), which also found the list's empty scroll sentinel: 77 "rows"
 * for 76 lines, one of them read as nothing.
 */
describe('class names with a slash', () => {
  it('a Tailwind group or peer name is the page’s own name for a thing', () => {
    expect(isNamedMarkerClass('group/list-item')).toBe(true);
    expect(isNamedMarkerClass('peer/menu')).toBe(true);
    expect(isNamedMarkerClass('group-hover/list-item:opacity-100')).toBe(false);
    expect(isNamedMarkerClass('w-1/2')).toBe(false);
  });

  it('is escaped after the dot, and the selector finds the element', () => {
    expect(cssClassName('group/list-item')).toBe('group\\/list-item');
    expect(cssClassName('result-row')).toBe('result-row');
    expect(cssClassName('2col')).toBe('\\32 col');
    document.body.innerHTML = '<div class="group/list-item">a</div><div class="2col">b</div>';
    expect(document.querySelector(`div.${cssClassName('group/list-item')}`)?.textContent).toBe('a');
    expect(document.querySelector(`div.${cssClassName('2col')}`)?.textContent).toBe('b');
  });

  it('keeps named groups (escaped) and leaves out utilities with a variant or a value in brackets', () => {
    expect(stableClasses(['group/list-item', 'relative', 'hover:bg-grey-50', 'dark:hover:bg-grey-950', 'max-h-[100%]', 'last-of-type:border-b-transparent', 'w-1/2'])).toEqual(['group\\/list-item', 'relative']);
  });

  it('a row selector on a named group is valid CSS', () => {
    const facts = { tag: 'div', id: null, classes: ['group/list-item', 'relative', 'flex'], attrs: {}, text: 'x', nthChild: 2, nthOfType: 2, ancestors: [], sharedAttrs: [], sharedClasses: ['group/list-item', 'relative', 'flex'] };
    const selectors = proposeRowSelectors(facts).map((c) => c.selector);
    expect(selectors).toContain('div.group\\/list-item.relative');
    for (const selector of selectors) expect(() => document.querySelector(selector), selector).not.toThrow();
  });
});

/** Ghost's History dialog, as its React settings app renders it (shortened). */
function renderHistory(lines: string[]): void {
  const line = (text: string, i: number) =>
    `<div class="group/list-item relative flex items-center justify-between hover:bg-grey-50 dark:hover:bg-grey-950 border-b">` +
    `<div class="absolute inset-0 -z-10 opacity-0 group-hover/list-item:opacity-100"></div>` +
    `<div class="relative flex w-full items-center justify-between"><div class="flex grow items-center gap-3">` +
    `<div class="relative shrink-0"><span class="relative inline-flex">AN</span></div>` +
    `<div class="flex grow flex-col py-3 pr-6"><span><div class="text-sm">Post edited: <a class="cursor-pointer font-bold">${text}</a><span> — by Alice Nguyen</span></div></span>` +
    `<span class="text-xs text-grey-700">Dec 01, 2026 | 09:01:0${i} PM</span></div></div></div></div>`;
  document.body.innerHTML =
    `<section class="relative z-50 flex max-h-[100%] w-full flex-col overflow-y-auto" data-testid="history-modal"><div class="p-8 py-0"><div class="relative mt-6"><section>` +
    `<div class="flex flex-col"><div class="absolute w-full" style="bottom: 250px;"></div>${lines.map(line).join('')}</div>` +
    `</section></div></div></section>`;
}

describe('Ghost’s History lines, picked as rows', () => {
  beforeEach(() => renderHistory(['How we pack fragile orders', 'Holiday opening hours', 'Meet the night shift team', 'Spring catalogue is out']));

  it('are found by their named group inside the dialog, and the empty scroll sentinel is not a row', () => {
    const target = document.querySelectorAll('div.text-sm')[2]!;
    const reply = describePick(document, target, { role: 'row', prompt: 'Click anywhere on one row of results.', timeoutMs: 5_000 });
    expect(reply.picked?.rowCount).toBe(4);
    const first = reply.picked!.selectors[0]!;
    expect(first).toContain('group\\/list-item');
    expect(document.querySelectorAll(first)).toHaveLength(4);
    for (const selector of reply.picked!.selectors) {
      expect(selector).not.toMatch(/hover|nth-of-type/);
      expect([...document.querySelectorAll(selector)].every((row) => row.textContent!.includes('by Alice Nguyen')), selector).toBe(true);
    }
  });
});

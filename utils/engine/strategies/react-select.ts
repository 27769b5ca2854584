import { clickLikeAPerson } from '../events';
import { waitForElement } from '../query';
import { normalise, shownValue } from './dom';
import { allChosen, pickEach, pressEscape } from './pick';
import type { WidgetStrategy, Written } from './types';

/**
 * react-select (single and multi). Recognised by its input (`role="combobox"`, inside a
 * container whose live region is `react-select-N-live-region`). A value is typed into that
 * input and its option (`react-select-N-option-M`) clicked. react-select empties the input
 * after a choice, so the check reads the chosen value it renders (the single value, or the
 * chips of a multi) instead.
 */
function container(element: Element): Element | null {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.querySelector(':scope > span[id^="react-select-"][id$="-live-region"]')) return node;
  }
  return null;
}

function prefix(box: Element): string {
  const live = box.querySelector(':scope > span[id$="-live-region"]')!;
  return live.id.replace(/-live-region$/, '');
}

/** react-select marks a multi-select's open list aria-multiselectable; chips already chosen say so too. */
function isMulti(doc: Document, box: Element, id: string): boolean {
  return doc.getElementById(`${id}-listbox`)?.getAttribute('aria-multiselectable') === 'true' || box.querySelector('[class*="-multiValue"]') !== null;
}

/** Whether react-select's list is open: its listbox is in the page, or its input says it is expanded. */
function menuOpen(doc: Document, input: Element, id: string): boolean {
  return doc.getElementById(`${id}-listbox`) !== null || input.getAttribute('aria-expanded') === 'true';
}

/** What react-select shows as chosen: its single value, or each chip's label. */
export function reactSelectChosen(box: Element): string[] {
  const chips = Array.from(box.querySelectorAll('[class*="-multiValue"]')).map((chip) => normalise(chip.firstElementChild?.textContent ?? chip.textContent));
  if (chips.length > 0) return chips;
  const single = box.querySelector('[class*="-singleValue"]');
  return single ? [normalise(single.textContent)] : [];
}

export const reactSelect: WidgetStrategy = {
  id: 'react-select',
  recognises: (element) => container(element) !== null,
  async write(doc, element, step, options): Promise<Written> {
    const box = container(element)!;
    const input = box.querySelector<HTMLInputElement>('input[role="combobox"], input[id^="react-select"]');
    if (!input) return { expect: [], problem: `I couldn't type into the ${step.label} list — pick this yourself: ${shownValue(step)}` };
    const id = prefix(box);
    // A press opens the list (focusing first would let the press close it again).
    clickLikeAPerson(input);
    await waitForElement(doc, () => doc.getElementById(`${id}-listbox`), options.popupTimeoutMs ?? 1_500, options.signal);
    // A multi-select takes several comma-separated values; the widget's own markup says which it is.
    const multi = isMulti(doc, box, id);
    const written = await pickEach(doc, input, step, multi, () => Array.from(doc.querySelectorAll(`[id^="${id}-option-"]`)), options);
    if (written.problem !== undefined) return written;
    // Escape only while the list is still open: a page may act on any Escape that reaches it
    // (Ghost closes its History dialog), and react-select usually closes the list on a pick.
    if (menuOpen(doc, input, id)) pressEscape(input);
    input.blur();
    return written;
  },
  shown: (element) => {
    const box = container(element);
    return box ? reactSelectChosen(box).join(', ') : '';
  },
  verify(_doc, element, _step, expect) {
    const box = container(element);
    if (!box) return 'unchecked';
    return allChosen(reactSelectChosen(box), expect) ? 'kept' : 'not-kept';
  },
};

import { clickLikeAPerson } from '../events';
import { waitForElement } from '../query';
import { closePopup, normalise, shownValue } from './dom';
import { allChosen, pressEscape, typeAndPick, valuesOf } from './pick';
import type { WidgetStrategy, Written } from './types';

/**
 * MUI's Autocomplete (`.MuiAutocomplete-root`), single and `multiple`. A value is typed into
 * its input and its option (`<input id>-option-N` in the `<input id>-listbox`) clicked, then
 * the box is left. The check: a multiple's chips; a single's input once left, which MUI resets
 * to the chosen option's label (text typed but never chosen is cleared on blur).
 * freeSolo boxes keep typed text whether or not it was taken, so they aren't recognised here.
 */
function root(element: Element): Element | null {
  const found = element.closest('.MuiAutocomplete-root');
  return found && !found.classList.contains('MuiAutocomplete-freeSolo') ? found : null;
}

export function muiAutocompleteChosen(box: Element): { multiple: boolean; chosen: string[] } {
  const chips = Array.from(box.querySelectorAll('.MuiChip-label')).map((c) => normalise(c.textContent));
  const input = box.querySelector<HTMLInputElement>('input[role="combobox"], input');
  if (chips.length > 0) return { multiple: true, chosen: chips };
  const value = normalise(input?.value);
  return { multiple: false, chosen: value ? [value] : [] };
}

export const muiAutocomplete: WidgetStrategy = {
  id: 'mui-autocomplete',
  recognises: (element) => root(element) !== null,
  async write(doc, element, step, options): Promise<Written> {
    const box = root(element)!;
    const input = box.querySelector<HTMLInputElement>('input[role="combobox"], input');
    if (!input) return { expect: [], problem: `I couldn't type into the ${step.label} list — pick this yourself: ${shownValue(step)}` };
    clickLikeAPerson(input);
    const listbox = await waitForElement(doc, () => doc.getElementById(`${input.id}-listbox`), options.popupTimeoutMs ?? 1_500, options.signal);
    const multiple = listbox?.getAttribute('aria-multiselectable') === 'true' || box.querySelector('.MuiChip-root') !== null;
    const picked: string[] = [];
    for (const value of valuesOf(step.value, multiple)) {
      const label = await typeAndPick(doc, input, value, () => Array.from(doc.querySelectorAll(`[id^="${input.id}-option-"]`)), options);
      if (label === null) {
        closePopup(doc, input);
        input.blur();
        return { expect: [], problem: `I couldn't find "${value}" in the ${step.label} list — pick it yourself.` };
      }
      picked.push(label);
    }
    pressEscape(input);
    input.blur();
    return { expect: picked };
  },
  shown: (element) => {
    const box = root(element);
    return box ? muiAutocompleteChosen(box).chosen.join(', ') : '';
  },
  verify(doc, element, _step, expect) {
    const box = root(element);
    if (!box) return 'unchecked';
    const { multiple, chosen } = muiAutocompleteChosen(box);
    // A single that still has focus may show typed text MUI hasn't taken: only a left box tells.
    if (!multiple && box.contains(doc.activeElement)) return 'unchecked';
    return allChosen(chosen, expect) ? 'kept' : 'not-kept';
  },
};

import { clickLikeAPerson, pressKey } from '../events';
import type { FillStep } from '../plan';
import { sleep, waitForElement } from '../query';
import { matchOption, normalise, shownValue, typeInto } from './dom';
import { allChosen, pickEach, pressEscape, valuesOf } from './pick';
import type { InsertOptions, WidgetStrategy, Written } from './types';

/**
 * MUI's Autocomplete (`.MuiAutocomplete-root`), single and `multiple`. A value is typed into
 * its input and its option (`<input id>-option-N` in the `<input id>-listbox`) clicked, then
 * the box is left. The check: a multiple's chips; a single's input once left, which MUI resets
 * to the chosen option's label (text typed but never chosen is cleared on blur).
 * freeSolo boxes take typed text with Enter (or a matching option): a `multiple` one shows each
 * value as a chip, which is checked; a single one shows the typed text whether MUI took it or
 * not, so it is reported as not checked (unless it shows something else: not kept).
 */
function root(element: Element): Element | null {
  return element.closest('.MuiAutocomplete-root');
}

/**
 * MUI 9 marks no freeSolo class: a freeSolo box is told by its missing popup button (MUI shows one
 * only when not freeSolo, unless forcePopupIcon). A box misread this way is only ever reported
 * less sure (not checked), never kept.
 */
function isFreeSolo(box: Element): boolean {
  return box.classList.contains('MuiAutocomplete-freeSolo') || !box.classList.contains('MuiAutocomplete-hasPopupIcon');
}

/** freeSolo: each value typed, then its option clicked if the list offers it, else Enter (MUI's "create"). */
async function writeFreeSolo(doc: Document, box: Element, input: HTMLInputElement, step: FillStep, options: InsertOptions): Promise<Written> {
  const enter = async (value: string): Promise<string> => {
    typeInto(input, value, { blur: false });
    const wanted = value.trim().toLowerCase();
    const option = await waitForElement(doc, () => matchOption(Array.from(doc.querySelectorAll(`[id^="${input.id}-option-"]`)), wanted), 300, options.signal);
    if (option && normalise(option.textContent).toLowerCase() === wanted) {
      clickLikeAPerson(option);
    } else {
      pressKey(input, 'Enter', 'keydown');
      pressKey(input, 'Enter', 'keyup');
    }
    await sleep(20);
    return value.trim();
  };
  const values = valuesOf(step.value, true);
  const first = await enter(values[0] ?? step.value);
  const chips = () => muiAutocompleteChosen(box).chosen.map((c) => c.toLowerCase());
  const multiple = box.querySelector('.MuiChip-root') !== null && chips().includes(first.toLowerCase());
  const entered = [first];
  if (multiple) for (const value of values.slice(1)) entered.push(await enter(value));
  else if (values.length > 1) entered.splice(0, 1, await enter(step.value));
  pressEscape(input);
  input.blur();
  return { expect: entered };
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
    if (isFreeSolo(box)) return writeFreeSolo(doc, box, input, step, options);
    clickLikeAPerson(input);
    const listbox = await waitForElement(doc, () => doc.getElementById(`${input.id}-listbox`), options.popupTimeoutMs ?? 1_500, options.signal);
    const multiple = listbox?.getAttribute('aria-multiselectable') === 'true' || box.querySelector('.MuiChip-root') !== null;
    const written = await pickEach(doc, input, step, multiple, () => Array.from(doc.querySelectorAll(`[id^="${input.id}-option-"]`)), options);
    if (written.problem !== undefined) {
      input.blur();
      return written;
    }
    pressEscape(input);
    input.blur();
    return written;
  },
  shown: (element) => {
    const box = root(element);
    return box ? muiAutocompleteChosen(box).chosen.join(', ') : '';
  },
  verify(doc, element, _step, expect) {
    const box = root(element);
    if (!box) return 'unchecked';
    const { multiple, chosen } = muiAutocompleteChosen(box);
    // A freeSolo single shows typed text whether MUI took it or not: only a mismatch can be told.
    if (isFreeSolo(box) && !multiple) return allChosen(chosen, expect) ? 'unchecked' : 'not-kept';
    // A single that still has focus may show typed text MUI hasn't taken: only a left box tells.
    if (!multiple && box.contains(doc.activeElement)) return 'unchecked';
    return allChosen(chosen, expect) ? 'kept' : 'not-kept';
  },
};

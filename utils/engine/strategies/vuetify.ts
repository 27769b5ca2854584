import { clickLikeAPerson } from '../events';
import { waitForElement } from '../query';
import { confirmTyped, heldOnceLeft } from './confirm';
import { normalise, optionLabel, shownValue, typeInto } from './dom';
import { allChosen, pickEach, pressEscape } from './pick';
import type { WidgetStrategy, Written } from './types';

/**
 * Vuetify 3 (Vue). VDateInput (`.v-date-input`, one text box with a date picker in a menu): the
 * date typed in its display format, then the box left, which makes Vuetify parse it; Enter (an
 * adapter's `confirm: enter`) opens its menu too, which is closed again with Escape. Once left,
 * Vue renders the box from Vuetify's own date — the date in its format, or nothing for text it
 * could not parse — so the box once left tells. v-autocomplete (`.v-autocomplete`, single or
 * `multiple`): pressed open, each value typed and its option clicked from the menu its input names
 * (aria-controls), then left; checked by the selections Vuetify renders (their text, or chips),
 * not the input, which it empties.
 */
function dateInput(element: Element): HTMLInputElement | null {
  const root = element.closest('.v-date-input');
  return root?.querySelector<HTMLInputElement>('.v-field__input input') ?? null;
}

export const vuetifyDateInput: WidgetStrategy = {
  id: 'vuetify-date-input',
  recognises: (element) => dateInput(element) !== null,
  async write(doc, element, step, options) {
    const input = dateInput(element)!;
    const confirm = step.confirm ?? 'blur';
    typeInto(input, step.value, { blur: false });
    confirmTyped(input, confirm);
    if (confirm === 'enter') {
      // Enter opens the picker's menu (on Vue's next render): close it as a person would before leaving the box.
      const open = () => (input.closest('.v-field')?.getAttribute('aria-expanded') === 'true' ? true : null);
      if (await waitForElement(doc, open, 500, options.signal)) pressEscape(input);
    }
    if (doc.activeElement === input) input.blur();
    return { expect: [step.value] };
  },
  shown: (element) => normalise(dateInput(element)?.value),
  verify: (doc, element, _step, expect) => {
    const input = dateInput(element);
    return input ? heldOnceLeft(doc, input, expect) : 'unchecked';
  },
};

function autocompleteRoot(element: Element): Element | null {
  return element.closest('.v-autocomplete');
}

/** What Vuetify renders as chosen: each chip, or each selection's own text (without the comma it adds between them). */
export function vuetifyChosen(root: Element): string[] {
  const chips = Array.from(root.querySelectorAll('.v-autocomplete__selection .v-chip__content'));
  const texts = chips.length > 0 ? chips : Array.from(root.querySelectorAll('.v-autocomplete__selection-text'));
  // The first text inside (Vue leaves empty comment nodes around it), without the comma Vuetify adds.
  return texts.map((t) => optionLabel(t).replace(/,$/, '')).filter(Boolean);
}

export const vuetifyAutocomplete: WidgetStrategy = {
  id: 'vuetify-autocomplete',
  recognises: (element) => autocompleteRoot(element) !== null,
  async write(doc, element, step, options): Promise<Written> {
    const root = autocompleteRoot(element)!;
    const input = root.querySelector<HTMLInputElement>('input[role="combobox"], .v-field__input input');
    if (!input) return { expect: [], problem: `I couldn't type into the ${step.label} list — pick this yourself: ${shownValue(step)}` };
    clickLikeAPerson(input);
    input.focus({ preventScroll: true });
    const multiple = root.classList.contains('v-autocomplete--multiple');
    const menu = () => doc.getElementById(input.getAttribute('aria-controls') ?? '');
    const written = await pickEach(doc, input, step, multiple, () => Array.from(menu()?.querySelectorAll('[role="option"]') ?? []), options);
    pressEscape(input);
    input.blur();
    return written;
  },
  shown: (element) => {
    const root = autocompleteRoot(element);
    return root ? vuetifyChosen(root).join(', ') : '';
  },
  verify(_doc, element, _step, expect) {
    const root = autocompleteRoot(element);
    if (!root) return 'unchecked';
    return allChosen(vuetifyChosen(root), expect) ? 'kept' : 'not-kept';
  },
};

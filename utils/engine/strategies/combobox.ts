import { clickLikeAPerson, fireInput, setNativeValue } from '../events';
import { findAll, findFirst, waitForElement } from '../query';
import { closePopup, isTextControl, matchOption, normalise, optionLabel, typeInto } from './dom';
import type { WidgetStrategy, Written } from './types';

/**
 * A custom combobox no library strategy recognised: open it like a person, type into its
 * filter box if it has one, click the option whose data-value or text matches. Checked by
 * what the trigger then shows (its data-value, value or text).
 */
/**
 * The options of the list this combobox opened: when the trigger names its list
 * (aria-controls / aria-owns) and that list holds some of the matches, only those — another
 * widget's list left in the page must not answer for it.
 */
function ownOptions(doc: Document, trigger: Element, candidates: Element[]): Element[] {
  const ids = `${trigger.getAttribute('aria-controls') ?? ''} ${trigger.getAttribute('aria-owns') ?? ''}`.split(/\s+/).filter(Boolean);
  const lists = ids.map((id) => doc.getElementById(id)).filter((list): list is HTMLElement => list !== null);
  const inside = candidates.filter((c) => lists.some((list) => list.contains(c)));
  return inside.length > 0 ? inside : candidates;
}

export const combobox: WidgetStrategy = {
  id: 'combobox',
  recognises: (_element, step) => step.kind === 'combobox',
  async write(doc, trigger, step, options): Promise<Written> {
    const optionSelectors = step.option ?? ['[role="option"]'];
    const wanted = step.value.trim().toLowerCase();
    const giveUp = (problem: string): Written => {
      closePopup(doc, trigger);
      return { expect: [], problem };
    };
    if (isTextControl(trigger)) {
      // Autocomplete style: the trigger is itself the filter box.
      trigger.focus({ preventScroll: true });
      clickLikeAPerson(trigger);
      typeInto(trigger, step.value, { blur: false });
    } else {
      clickLikeAPerson(trigger);
    }
    const timeout = options.popupTimeoutMs ?? 1_500;
    const popupReady = await waitForElement(
      doc,
      () => (findAll(doc, optionSelectors).elements.length > 0 || (step.filterInput && findFirst(doc, step.filterInput)) ? true : null),
      timeout,
      options.signal,
    );
    if (!popupReady) return giveUp(`The ${step.label} list didn't open — open it yourself and pick: ${step.value}`);
    const filter = step.filterInput ? findFirst(doc, step.filterInput) : null;
    if (filter && isTextControl(filter.element) && filter.element !== trigger) {
      // Typing narrows long lists; no blur, which would close many popups.
      filter.element.focus({ preventScroll: true });
      setNativeValue(filter.element, step.value);
      fireInput(filter.element, step.value);
    }
    const option = await waitForElement(doc, () => matchOption(ownOptions(doc, trigger, findAll(doc, optionSelectors).elements), wanted), timeout, options.signal);
    if (!option) return giveUp(`I couldn't find "${step.value}" in the ${step.label} list — pick it yourself.`);
    const label = optionLabel(option);
    clickLikeAPerson(option);
    return { expect: [step.value, label].filter(Boolean) };
  },
  verify(_doc, element, _step, expect) {
    if (expect.length === 0) return 'not-kept';
    const data = (element.getAttribute('data-value') ?? (isTextControl(element) ? element.value : '')).toLowerCase();
    const text = normalise(element.textContent).toLowerCase();
    if (!data && !text) return 'unchecked';
    const shows = expect.some((e) => {
      const lower = e.toLowerCase();
      return data === lower || (lower !== '' && text.includes(lower));
    });
    return shows ? 'kept' : 'not-kept';
  },
};

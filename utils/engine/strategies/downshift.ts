import { clickLikeAPerson, pressKey } from '../events';
import type { ClearStep } from '../plan';
import { findAll, sleep, waitForElement } from '../query';
import { combobox } from './combobox';
import { isTextControl } from './dom';
import type { ClearDone, InsertOptions, WidgetStrategy } from './types';

/** How long Downshift (React) gets to re-render after a key. */
const SETTLE_MS = 30;

/** Downshift's useCombobox names its parts downshift-<id>-input / -menu / -item-<n>. */
function isDownshiftInput(element: Element): element is HTMLInputElement {
  return isTextControl(element) && /^downshift-.+-input$/.test(element.id);
}

/** The options in the list the input names (aria-controls), or every option Downshift rendered for it. */
function ownOptions(doc: Document, input: Element, step: Pick<ClearStep, 'option'>): Element[] {
  const menu = doc.getElementById(input.getAttribute('aria-controls') ?? '');
  const all = findAll(doc, step.option ?? ['[role="option"]']).elements;
  return menu ? all.filter((o) => menu.contains(o)) : all.filter((o) => o.id.startsWith(input.id.replace(/-input$/, '-item-')));
}

/**
 * Downshift's type-to-filter combobox. Writing and checking a choice is the generic combobox's
 * (type, click the option, the input then shows the chosen item). Emptying it is not: emptying
 * the text leaves Downshift's selected item in place. Downshift's own way to let go of a choice is
 * Escape in the closed box; checked by opening the list, where Downshift marks the selected item
 * (aria-selected on the highlighted option it opens on).
 */
export const downshift: WidgetStrategy = {
  id: 'downshift',
  recognises: (element, step) => step.kind === 'combobox' && isDownshiftInput(element),
  write: (doc, element, step, options) => combobox.write(doc, element, step, options),
  verify: (doc, element, step, expect) => combobox.verify(doc, element, step, expect),
  async clear(doc: Document, element: Element, step: ClearStep, options: InsertOptions): Promise<ClearDone> {
    if (!isDownshiftInput(element)) return { cleared: false, why: ": it isn't a box I can empty" };
    const input = element;
    input.focus({ preventScroll: true });
    // Escape in an open list only closes it; in the closed box it clears the choice and the text.
    if (input.getAttribute('aria-expanded') === 'true') {
      pressKey(input, 'Escape', 'keydown');
      await sleep(SETTLE_MS);
    }
    pressKey(input, 'Escape', 'keydown');
    await sleep(SETTLE_MS);
    if (input.value !== '') return { cleared: false, why: '' };
    // Opened by a click, Downshift highlights its selected item: none highlighted means no choice.
    clickLikeAPerson(input);
    const options_ = await waitForElement(doc, () => (ownOptions(doc, input, step).length > 0 ? ownOptions(doc, input, step) : null), options.popupTimeoutMs ?? 1_500, options.signal);
    const stillChosen = options_?.find((o) => o.getAttribute('aria-selected') === 'true');
    // Close without choosing (Escape in an open list keeps the state as it is), then leave the box.
    if (input.getAttribute('aria-expanded') === 'true') pressKey(input, 'Escape', 'keydown');
    await sleep(SETTLE_MS);
    input.blur();
    if (!options_) return { cleared: false, why: ": its list didn't open, so I couldn't check it let go of the choice" };
    if (stillChosen) return { cleared: false, why: `: its list still has ${stillChosen.textContent?.trim() ?? 'a choice'} chosen` };
    return { cleared: true };
  },
};

import { clickLikeAPerson } from '../events';
import { normalise, shownValue } from './dom';
import { allChosen, pickEach, pressEscape } from './pick';
import type { WidgetStrategy, Written } from './types';

/**
 * Choices.js: the page's own <select class="choices__input"> inside `.choices`. Opened with a
 * click, a value typed into its search box and the choice (`.choices__item--choice`) clicked;
 * the check reads the hidden <select> Choices keeps in step.
 */
function parts(element: Element): { root: Element; select: HTMLSelectElement } | null {
  const root = element.closest('.choices');
  const select = root?.querySelector<HTMLSelectElement>('select.choices__input');
  return root && select ? { root, select } : null;
}

export function choicesChosen(select: HTMLSelectElement): string[] {
  return Array.from(select.selectedOptions)
    .filter((o) => o.value !== '')
    .flatMap((o) => [normalise(o.textContent), o.value]);
}

export const choicesJs: WidgetStrategy = {
  id: 'choices',
  recognises: (element) => parts(element) !== null,
  async write(doc, element, step, options): Promise<Written> {
    const { root, select } = parts(element)!;
    clickLikeAPerson(root.querySelector('.choices__inner') ?? root);
    const search = root.querySelector<HTMLInputElement>('input.choices__input--cloned, input[type="search"]');
    if (!search) return { expect: [], problem: `I couldn't type into the ${step.label} list — pick this yourself: ${shownValue(step)}` };
    const written = await pickEach(doc, search, step, select.multiple, () => Array.from(root.querySelectorAll('.choices__list--dropdown .choices__item--choice.choices__item--selectable')), options);
    if (written.problem !== undefined) return written;
    pressEscape(search);
    return written;
  },
  shown: (element) => {
    const found = parts(element);
    if (!found) return '';
    return Array.from(found.select.selectedOptions)
      .filter((o) => o.value !== '')
      .map((o) => normalise(o.textContent) || o.value)
      .join(', ');
  },
  verify(_doc, element, _step, expect) {
    const found = parts(element);
    if (!found) return 'unchecked';
    return allChosen(choicesChosen(found.select), expect) ? 'kept' : 'not-kept';
  },
};

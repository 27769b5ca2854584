import { clickLikeAPerson } from '../events';
import { normalise, shownValue } from './dom';
import { allChosen, pickEach, pressEscape } from './pick';
import type { WidgetStrategy, Written } from './types';

/**
 * Tom Select: the page's own <select> (hidden, `.tomselected`) wrapped in `.ts-wrapper`.
 * A value is typed into its control input and its `.option` clicked; the check reads the
 * hidden <select> Tom Select keeps in step — what a form would send.
 */
function parts(element: Element): { select: HTMLSelectElement; wrapper: Element } | null {
  const wrapper = element.closest('.ts-wrapper') ?? (element.classList.contains('tomselected') ? element.nextElementSibling : null);
  if (!wrapper?.classList.contains('ts-wrapper')) return null;
  const input = wrapper.querySelector('.ts-control input, input[id$="-ts-control"]');
  const id = input?.id.replace(/-ts-control$/, '');
  const select = (id ? element.ownerDocument.getElementById(id) : null) ?? wrapper.previousElementSibling;
  return select?.tagName === 'SELECT' ? { select: select as HTMLSelectElement, wrapper } : null;
}

export function tomSelectChosen(select: HTMLSelectElement): string[] {
  return Array.from(select.selectedOptions)
    .filter((o) => o.value !== '')
    .flatMap((o) => [normalise(o.textContent), o.value]);
}

function labels(select: HTMLSelectElement): string {
  return Array.from(select.selectedOptions)
    .filter((o) => o.value !== '')
    .map((o) => normalise(o.textContent) || o.value)
    .join(', ');
}

export const tomSelect: WidgetStrategy = {
  id: 'tom-select',
  recognises: (element) => parts(element) !== null,
  async write(doc, element, step, options): Promise<Written> {
    const { select, wrapper } = parts(element)!;
    const input = wrapper.querySelector<HTMLInputElement>('.ts-control input');
    if (!input) return { expect: [], problem: `I couldn't type into the ${step.label} list — pick this yourself: ${shownValue(step)}` };
    clickLikeAPerson(wrapper.querySelector('.ts-control') ?? input);
    const written = await pickEach(doc, input, step, select.multiple, () => Array.from(wrapper.querySelectorAll('.ts-dropdown [data-selectable]')), options);
    if (written.problem !== undefined) return written;
    pressEscape(input);
    input.blur();
    return written;
  },
  shown: (element) => {
    const found = parts(element);
    return found ? labels(found.select) : '';
  },
  verify(_doc, element, _step, expect) {
    const found = parts(element);
    if (!found) return 'unchecked';
    return allChosen(tomSelectChosen(found.select), expect) ? 'kept' : 'not-kept';
  },
};

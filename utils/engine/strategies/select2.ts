import { clickLikeAPerson } from '../events';
import { waitForElement } from '../query';
import { normalise, shownValue } from './dom';
import { allChosen, pickEach, pressEscape } from './pick';
import type { WidgetStrategy, Written } from './types';

/**
 * Select2 (jQuery): the page's own <select> (`.select2-hidden-accessible`) followed by
 * `.select2-container`. Opened with a press on its selection, a value typed into its search
 * field and the result clicked (Select2 takes the choice on mouseup); the check reads the
 * hidden <select> Select2 keeps in step.
 */
function parts(element: Element): { select: HTMLSelectElement; container: Element } | null {
  const container = element.closest('.select2-container') ?? (element.classList.contains('select2-hidden-accessible') ? element.nextElementSibling : null);
  if (!container?.classList.contains('select2-container')) return null;
  const select = container.previousElementSibling;
  return select?.tagName === 'SELECT' ? { select: select as HTMLSelectElement, container } : null;
}

function labels(select: HTMLSelectElement): string[] {
  return Array.from(select.selectedOptions)
    .filter((o) => o.value !== '')
    .flatMap((o) => [normalise(o.textContent), o.value]);
}

export const select2: WidgetStrategy = {
  id: 'select2',
  recognises: (element) => parts(element) !== null,
  async write(doc, element, step, options): Promise<Written> {
    const { select, container } = parts(element)!;
    const results = () => (select.id ? doc.getElementById(`select2-${select.id}-results`) : null) ?? doc.querySelector('.select2-container--open .select2-results__options');
    clickLikeAPerson(container.querySelector('.select2-selection') ?? container);
    const search = await waitForElement(
      doc,
      () => container.querySelector<HTMLInputElement>('.select2-search__field') ?? doc.querySelector<HTMLInputElement>('.select2-container--open .select2-search__field'),
      options.popupTimeoutMs ?? 1_500,
      options.signal,
    );
    if (!search) return { expect: [], problem: `The ${step.label} list didn't open — open it yourself and pick: ${shownValue(step)}` };
    const written = await pickEach(doc, search, step, select.multiple, () => Array.from(results()?.querySelectorAll('.select2-results__option--selectable, .select2-results__option[role="option"]') ?? []), options);
    if (written.problem !== undefined) return written;
    if (search.isConnected) pressEscape(search);
    return written;
  },
  shown: (element) => {
    const found = parts(element);
    return found ? labels(found.select).filter((_, i) => i % 2 === 0).join(', ') : '';
  },
  verify(_doc, element, _step, expect) {
    const found = parts(element);
    if (!found) return 'unchecked';
    return allChosen(labels(found.select), expect) ? 'kept' : 'not-kept';
  },
};

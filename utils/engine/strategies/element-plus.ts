import { clickLikeAPerson } from '../events';
import { normalise, shownValue } from './dom';
import { heldOnceLeft, typeConfirmLeave } from './confirm';
import { allChosen, pickEach, pressEscape } from './pick';
import type { WidgetStrategy, Written } from './types';

/**
 * Element Plus (Vue). Its Select (`.el-select`, filterable, single or multiple): pressed open,
 * each value typed into its input and the option clicked from the list the input names
 * (aria-controls; options it filtered out are hidden, not removed). It empties the input after
 * a choice, so the check reads what it renders as chosen: the single choice in its
 * placeholder box, or each tag. Its date pickers (`.el-date-editor`, one input): typed in the
 * display format, Enter, box left; once left it writes the chosen date back in its format.
 */
function selectRoot(element: Element): Element | null {
  return element.closest('.el-select');
}

export function elementSelectChosen(select: Element): string[] {
  const tags = Array.from(select.querySelectorAll('.el-select__selection .el-tag__content')).map((t) => normalise(t.textContent));
  if (tags.length > 0) return tags;
  const single = select.querySelector('.el-select__placeholder:not(.is-transparent)');
  return single ? [normalise(single.textContent)].filter(Boolean) : [];
}

function visibleOptions(doc: Document, input: Element): Element[] {
  const list = doc.getElementById(input.getAttribute('aria-controls') ?? '');
  if (!list) return [];
  return Array.from(list.querySelectorAll('[role="option"]')).filter((o) => (o as HTMLElement).style.display !== 'none' && !o.classList.contains('is-disabled'));
}

export const elementPlusSelect: WidgetStrategy = {
  id: 'element-plus-select',
  recognises: (element) => selectRoot(element) !== null,
  async write(doc, element, step, options): Promise<Written> {
    const select = selectRoot(element)!;
    const input = select.querySelector<HTMLInputElement>('input.el-select__input, input[role="combobox"]');
    if (!input) return { expect: [], problem: `I couldn't type into the ${step.label} list — pick this yourself: ${shownValue(step)}` };
    clickLikeAPerson(select.querySelector('.el-select__wrapper') ?? select);
    const multiple = doc.getElementById(input.getAttribute('aria-controls') ?? '')?.closest('.el-select-dropdown')?.classList.contains('is-multiple') ?? false;
    const written = await pickEach(doc, input, step, multiple, () => visibleOptions(doc, input), options);
    if (written.problem !== undefined) return written;
    pressEscape(input);
    input.blur();
    return written;
  },
  shown: (element) => {
    const select = selectRoot(element);
    return select ? elementSelectChosen(select).join(', ') : '';
  },
  verify(_doc, element, _step, expect) {
    const select = selectRoot(element);
    if (!select) return 'unchecked';
    return allChosen(elementSelectChosen(select), expect) ? 'kept' : 'not-kept';
  },
};

export const elementPlusPicker: WidgetStrategy = {
  id: 'element-plus-picker',
  recognises: (element) => element.tagName === 'INPUT' && element.closest('.el-date-editor') !== null && element.closest('.el-range-editor') === null,
  write(_doc, element, step) {
    clickLikeAPerson(element);
    return typeConfirmLeave(element as HTMLInputElement, step);
  },
  shown: (element) => normalise((element as HTMLInputElement).value),
  verify: (doc, element, _step, expect) => heldOnceLeft(doc, element, expect),
};

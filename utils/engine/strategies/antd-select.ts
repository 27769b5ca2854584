import { clickLikeAPerson, pressKey } from '../events';
import { sleep } from '../query';
import { closePopup, normalise, shownValue } from './dom';
import { allChosen, pressEscape, typeAndPick, valuesOf } from './pick';
import type { WidgetStrategy, Written } from './types';

/**
 * Ant Design's Select (single, multiple, tags). Recognised by its `.ant-select` root. Opened
 * with a press on the root, each value typed into its search input and its option clicked (in
 * tags mode a value with no option is added with Enter, as a person would). antd empties the
 * search input after a choice, so the check reads what it renders as chosen: the single
 * value's title, or each tag's title.
 */
function root(element: Element): Element | null {
  return element.closest('.ant-select');
}

export function antdSelectChosen(select: Element): string[] {
  const tags = Array.from(select.querySelectorAll('.ant-select-selection-item')).map((tag) => normalise(tag.getAttribute('title') ?? tag.textContent));
  if (tags.length > 0) return tags;
  // antd 6 writes the single choice into the content box; antd 5 into .ant-select-selection-item (above).
  const single = select.querySelector('.ant-select-content-has-value, .ant-select-selection-item');
  return single ? [normalise(single.getAttribute('title') ?? single.textContent)] : [];
}

/** The open list that belongs to this select: its search input names it (aria-controls / aria-owns). */
function optionsOf(doc: Document, input: Element): Element[] {
  const listId = input.getAttribute('aria-controls') ?? input.getAttribute('aria-owns');
  const list = listId ? doc.getElementById(listId) : null;
  const dropdown = list?.closest('.ant-select-dropdown') ?? null;
  if (!dropdown) return [];
  return Array.from(dropdown.querySelectorAll('.ant-select-item-option')).filter((o) => o.getAttribute('aria-disabled') !== 'true');
}

export const antdSelect: WidgetStrategy = {
  id: 'antd-select',
  recognises: (element) => root(element) !== null,
  async write(doc, element, step, options): Promise<Written> {
    const select = root(element)!;
    const input = select.querySelector<HTMLInputElement>('input.ant-select-input, input.ant-select-selection-search-input, input[role="combobox"]');
    if (!input) return { expect: [], problem: `I couldn't type into the ${step.label} list — pick this yourself: ${shownValue(step)}` };
    const multi = select.classList.contains('ant-select-multiple');
    clickLikeAPerson(select.querySelector('.ant-select-content, .ant-select-selector') ?? select);
    const picked: string[] = [];
    for (const value of valuesOf(step.value, multi)) {
      if (antdSelectChosen(select).some((c) => c.toLowerCase() === value.toLowerCase())) {
        picked.push(value);
        continue;
      }
      const label = await typeAndPick(doc, input, value, () => optionsOf(doc, input), { ...options, popupTimeoutMs: Math.min(options.popupTimeoutMs ?? 1_500, 1_500) });
      if (label !== null) {
        picked.push(label);
        continue;
      }
      if (multi) {
        // Tags mode: a value that isn't in the list is added with Enter (a plain multiple select refuses it; the check says so).
        pressKey(input, 'Enter', 'keydown');
        pressKey(input, 'Enter', 'keyup');
        await sleep(20);
        picked.push(value);
        continue;
      }
      closePopup(doc, input);
      return { expect: [], problem: `I couldn't find "${value}" in the ${step.label} list — pick it yourself.` };
    }
    pressEscape(input);
    input.blur();
    return { expect: picked };
  },
  shown: (element) => {
    const select = root(element);
    return select ? antdSelectChosen(select).join(', ') : '';
  },
  verify(_doc, element, _step, expect) {
    const select = root(element);
    if (!select) return 'unchecked';
    return allChosen(antdSelectChosen(select), expect) ? 'kept' : 'not-kept';
  },
};

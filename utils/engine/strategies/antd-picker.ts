import { clickLikeAPerson } from '../events';
import { normalise, typeInto } from './dom';
import { confirmTyped } from './confirm';
import type { WidgetStrategy } from './types';

/**
 * Ant Design's DatePicker and RangePicker (`.ant-picker`). The value is typed in the picker's
 * display format (the adapter's `format` pattern, e.g. "YYYY-MM-DD HH:mm") and confirmed with
 * Enter in that box — for a range, in each end, with no blur between (leaving the start box
 * before the end is set throws the range away). antd puts back the last committed text when
 * the picker closes, so the box's text once the picker is closed is what the picker holds.
 * A range's start can only be judged once the end is set too: it reports `pending` and is
 * checked again after the step's other fields.
 */
function picker(element: Element): Element | null {
  return element.tagName === 'INPUT' ? element.closest('.ant-picker') : null;
}

function isRangeStart(input: Element): boolean {
  return input.getAttribute('date-range') === 'start' || input.closest('.ant-picker-input-start') !== null;
}

function okButton(doc: Document): Element | null {
  const open = Array.from(doc.querySelectorAll('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)'));
  return open.map((d) => d.querySelector('.ant-picker-ok button:not([disabled])')).find(Boolean) ?? null;
}

export const antdPicker: WidgetStrategy = {
  id: 'antd-picker',
  recognises: (element) => picker(element) !== null,
  write(doc, element, step) {
    const input = element as HTMLInputElement;
    clickLikeAPerson(input);
    typeInto(input, step.value, { blur: false });
    confirmTyped(input, step.confirm ?? 'enter', () => okButton(doc));
    if (isRangeStart(input)) return { expect: [step.value], pending: true };
    input.blur();
    return { expect: [step.value] };
  },
  verify(_doc, element, _step, expect) {
    const root = picker(element);
    if (!root) return 'unchecked';
    // Still open on a range's start: the range isn't committed yet either way.
    if (isRangeStart(element) && root.classList.contains('ant-picker-focused')) return 'unchecked';
    return normalise((element as HTMLInputElement).value) === normalise(expect[0]) ? 'kept' : 'not-kept';
  },
};

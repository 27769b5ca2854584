import { clickLikeAPerson } from '../events';
import { normalise, typeInto } from './dom';
import { confirmTyped } from './confirm';
import type { WidgetStrategy } from './types';

/**
 * Ant Design's DatePicker and RangePicker (`.ant-picker`). The value is typed in the picker's
 * display format (the adapter's `format` pattern, e.g. "YYYY-MM-DD HH:mm") and confirmed with
 * Enter in that box — for a range, in each end, with no blur between (leaving the start box
 * before the end is set throws the range away). Typed text antd never took can stay in the box,
 * so the check wants the text and antd's clear button, which it shows only for a committed
 * value (without one, an end whose other end is empty is not kept, and anything else can't be
 * told from the page: unchecked). A range's start can only be judged once the end is set too: it reports `pending` and is
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
  // What antd holds, not what the box shows: an emptied box of a committed picker still filters.
  shown: (element) => {
    const root = picker(element);
    const text = normalise((element as HTMLInputElement).value);
    if (!root?.querySelector('.ant-picker-clear')) return '';
    return text || 'a date';
  },
  verify(_doc, element, _step, expect) {
    const root = picker(element);
    if (!root) return 'unchecked';
    // Still open on a range's start: the range isn't committed yet either way.
    if (isRangeStart(element) && root.classList.contains('ant-picker-focused')) return 'unchecked';
    if (normalise((element as HTMLInputElement).value) !== normalise(expect[0])) return 'not-kept';
    // antd shows its clear button only for a value it committed; typed text it never took can stay in the box.
    if (root.querySelector('.ant-picker-clear')) return 'kept';
    // A range is committed whole: an end whose other end is empty was not taken.
    const ends = Array.from(root.querySelectorAll<HTMLInputElement>('.ant-picker-input input'));
    if (ends.length === 2 && ends.some((end) => end.value.trim() === '')) return 'not-kept';
    // No clear button at all (the page turned it off): the text alone can't tell.
    return 'unchecked';
  },
};

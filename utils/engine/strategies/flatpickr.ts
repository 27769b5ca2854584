import { normalise } from './dom';
import { typeConfirmLeave } from './confirm';
import type { WidgetStrategy } from './types';

/**
 * flatpickr (`input.flatpickr-input`, with allowInput). The value is typed in its dateFormat
 * (the adapter's `format` pattern) and confirmed with Enter, then the box is left. flatpickr
 * rewrites the box from its selected dates when it takes a value and empties it when it can't
 * read one, so the box's text afterwards is what it holds.
 */
export const flatpickrInput: WidgetStrategy = {
  id: 'flatpickr',
  recognises: (element) => element.tagName === 'INPUT' && element.classList.contains('flatpickr-input'),
  write(_doc, element, step) {
    const input = element as HTMLInputElement;
    if (input.readOnly) return { expect: [], problem: `The ${step.label} date box only takes a date picked from its calendar — pick this yourself: ${step.shown ?? step.value}` };
    return typeConfirmLeave(input, step);
  },
  verify(_doc, element, _step, expect) {
    return normalise((element as HTMLInputElement).value) === normalise(expect[0]) ? 'kept' : 'not-kept';
  },
};

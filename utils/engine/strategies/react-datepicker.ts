import { normalise } from './dom';
import { heldOnceLeft, typeConfirmLeave } from './confirm';
import type { WidgetStrategy } from './types';

/**
 * react-datepicker (`.react-datepicker__input-container input`). The value is typed in its
 * `dateFormat` (the adapter's `format` pattern), confirmed with Enter, and the box is left.
 * Once left, react-datepicker writes its selected date back into the box in its own format
 * (text it couldn't read gives way to the previous date, or to nothing), so the box's text
 * then is what it holds.
 */
export const reactDatepicker: WidgetStrategy = {
  id: 'react-datepicker',
  recognises: (element) => element.tagName === 'INPUT' && element.closest('.react-datepicker__input-container') !== null,
  write: (_doc, element, step) => typeConfirmLeave(element as HTMLInputElement, step),
  shown: (element) => normalise((element as HTMLInputElement).value),
  verify: (doc, element, _step, expect) => heldOnceLeft(doc, element, expect),
};

import { readControlValue } from '../collect';
import { selectNative } from './dom';
import { sameValue } from './native-text';
import type { WidgetStrategy } from './types';

/** A native <select>: the option whose value, or else whose text, is the wanted value. */
export const nativeSelect: WidgetStrategy = {
  id: 'native-select',
  recognises: (element, step) => element.tagName === 'SELECT' && step.kind !== 'combobox' && step.kind !== 'checkbox' && step.kind !== 'codeEditor',
  write(_doc, element, step) {
    const select = element as HTMLSelectElement;
    const wanted = step.value.trim().toLowerCase();
    const option =
      Array.from(select.options).find((o) => o.value.toLowerCase() === wanted) ??
      Array.from(select.options).find((o) => (o.textContent ?? '').trim().toLowerCase() === wanted);
    if (!option) return { expect: [], problem: `"${step.value}" isn't one of the choices in ${step.label} — pick the closest one yourself.` };
    selectNative(select, option.value);
    return { expect: [option.value] };
  },
  verify(_doc, element, step, expect) {
    if (expect.length === 0) return 'not-kept';
    const actual = readControlValue(element);
    return expect.some((e) => sameValue(actual, e, step.kind)) ? 'kept' : 'not-kept';
  },
};

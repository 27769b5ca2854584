import { readControlValue } from '../collect';
import type { FillStep } from '../plan';
import { isTextControl, shownValue, typeInto } from './dom';
import type { WidgetStrategy } from './types';

/**
 * A plain <input> or <textarea> (text, search, date, datetime-local…): the browser's own
 * value setter, input/change, blur. The last strategy: it takes whatever no other one
 * recognised and refuses what is not a box one can type into.
 */
export const nativeText: WidgetStrategy = {
  id: 'native-text',
  recognises: () => true,
  write(_doc, element, step) {
    if (!isTextControl(element)) {
      return { expect: [], problem: `The ${step.label} control isn't a box I can type into — enter this yourself: ${shownValue(step)}` };
    }
    typeInto(element, step.value, { blur: true });
    return { expect: [step.value] };
  },
  verify(_doc, element, step, expect) {
    if (expect.length === 0) return 'not-kept';
    const actual = readControlValue(element);
    return expect.some((e) => sameValue(actual, e, step.kind)) ? 'kept' : 'not-kept';
  },
};

/** Date inputs may drop ":00" seconds or milliseconds; everything else must match exactly. */
export function sameValue(actual: string, expected: string, kind: FillStep['kind']): boolean {
  if (actual === expected) return true;
  if (kind !== 'date' && kind !== 'datetime') return false;
  const trim = (v: string) => v.replace(/(:00)?(\.0+)?Z?$/, '');
  return trim(actual) === trim(expected);
}

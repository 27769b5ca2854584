import { clickLikeAPerson } from '../events';
import type { WidgetStrategy } from './types';

const TRUE_WORDS = /^(true|1|yes|on|checked)$/i;

export function isChecked(element: Element): boolean {
  if (element.tagName === 'INPUT') return (element as HTMLInputElement).checked;
  return element.getAttribute('aria-checked') === 'true';
}

/** A checkbox (native, or role="checkbox" with aria-checked): clicked only when it is not already as wanted. */
export const checkbox: WidgetStrategy = {
  id: 'checkbox',
  recognises: (_element, step) => step.kind === 'checkbox',
  write(_doc, element, step) {
    const wanted = TRUE_WORDS.test(step.value.trim());
    if (isChecked(element) !== wanted) clickLikeAPerson(element);
    return { expect: [wanted ? 'true' : 'false'] };
  },
  verify(_doc, element, _step, expect) {
    if (expect.length === 0) return 'not-kept';
    if (element.tagName !== 'INPUT' && !element.hasAttribute('aria-checked')) return 'unchecked';
    return String(isChecked(element)) === expect[0] ? 'kept' : 'not-kept';
  },
};

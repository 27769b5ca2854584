import { clickLikeAPerson, pressKey } from '../events';
import type { FillStep } from '../plan';

/**
 * How a typed value is handed to a widget (the adapter's `confirm`, else the strategy's own
 * default): Enter in the box, the picker's OK button, leaving the box, or nothing more.
 */
export function confirmTyped(input: HTMLElement, way: NonNullable<FillStep['confirm']>, okButton?: () => Element | null): void {
  if (way === 'enter') {
    pressKey(input, 'Enter', 'keydown');
    pressKey(input, 'Enter', 'keyup');
  } else if (way === 'ok') {
    const ok = okButton?.();
    if (ok) clickLikeAPerson(ok);
  } else if (way === 'blur') {
    input.blur();
  }
}

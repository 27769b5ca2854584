import { clickLikeAPerson, pressKey } from '../events';
import type { FillStep } from '../plan';
import { normalise, typeInto } from './dom';
import type { FieldStatus, Written } from './types';

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

/** A picker's own text box: type the value in its display format, confirm it (Enter unless the adapter says otherwise), leave the box. */
export function typeConfirmLeave(input: HTMLInputElement, step: FillStep): Written {
  typeInto(input, step.value, { blur: false });
  confirmTyped(input, step.confirm ?? 'enter');
  input.blur();
  return { expect: [step.value] };
}

/**
 * For pickers that rewrite their box from the date they took once it is left: the box's text
 * then is what the picker holds. Still focused, it shows what was typed, so it can't tell.
 */
export function heldOnceLeft(doc: Document, element: Element, expect: readonly string[]): FieldStatus {
  if (doc.activeElement === element) return 'unchecked';
  return normalise((element as HTMLInputElement).value) === normalise(expect[0]) ? 'kept' : 'not-kept';
}

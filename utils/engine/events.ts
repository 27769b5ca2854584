import { windowOf } from './query';

/**
 * Synthetic input the way a person produces it. Events are built from the
 * element's own window (an iframe has its own constructors) and are bubbling and
 * composed so listeners above shadow roots — where frameworks delegate — see them.
 */
const BASE = { bubbles: true, cancelable: true, composed: true } as const;

export function clickLikeAPerson(element: Element): void {
  const win = windowOf(element);
  const mouse = { ...BASE, button: 0, buttons: 1, detail: 1 };
  const Pointer = win.PointerEvent ?? win.MouseEvent;
  const pointer = { ...mouse, pointerId: 1, pointerType: 'mouse', isPrimary: true };
  element.dispatchEvent(new Pointer('pointerdown', pointer));
  const down = new win.MouseEvent('mousedown', mouse);
  element.dispatchEvent(down);
  // A real mousedown focuses the control unless the page says no (popups keep focus in their filter box).
  if (!down.defaultPrevented && element instanceof win.HTMLElement) element.focus({ preventScroll: true });
  element.dispatchEvent(new Pointer('pointerup', { ...pointer, buttons: 0 }));
  element.dispatchEvent(new win.MouseEvent('mouseup', { ...mouse, buttons: 0 }));
  if (element instanceof win.HTMLElement) element.click();
  else element.dispatchEvent(new win.MouseEvent('click', { ...mouse, buttons: 0 }));
}

export function fireInput(element: Element, data: string | null = null): void {
  const win = windowOf(element);
  const event =
    typeof win.InputEvent === 'function'
      ? new win.InputEvent('input', { ...BASE, cancelable: false, inputType: 'insertReplacementText', data })
      : new win.Event('input', { ...BASE, cancelable: false });
  element.dispatchEvent(event);
}

export function fireChange(element: Element): void {
  const win = windowOf(element);
  element.dispatchEvent(new win.Event('change', { ...BASE, cancelable: false }));
}

export function pressKey(element: Element, key: string, type: 'keydown' | 'keypress' | 'keyup'): boolean {
  const win = windowOf(element);
  const keyCode = key === 'Enter' ? 13 : key === 'Escape' ? 27 : 0;
  // keyCode/which are legacy but still read by older widgets; browsers accept them in the init dictionary.
  const init = { ...BASE, key, code: key, keyCode, which: keyCode } as KeyboardEventInit;
  return element.dispatchEvent(new win.KeyboardEvent(type, init));
}

/**
 * Enter in a text box: keydown/keypress/keyup, and — because synthetic keys never
 * trigger the browser's implicit submission — the form's own requestSubmit when
 * no script handled the key.
 */
export function pressEnter(element: Element): void {
  const notHandled = pressKey(element, 'Enter', 'keydown') && pressKey(element, 'Enter', 'keypress');
  const form = (element as HTMLInputElement).form ?? element.closest('form');
  if (notHandled && form && element.isConnected) {
    if (typeof form.requestSubmit === 'function') form.requestSubmit();
    else form.dispatchEvent(new (windowOf(element).Event)('submit', { bubbles: true, cancelable: true }));
  }
  if (element.isConnected) pressKey(element, 'Enter', 'keyup');
}

/** The browser's own value setter, bypassing any wrapper a framework put on the element. */
export function setNativeValue(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  const win = windowOf(element);
  const proto =
    element.tagName === 'TEXTAREA'
      ? win.HTMLTextAreaElement.prototype
      : element.tagName === 'SELECT'
        ? win.HTMLSelectElement.prototype
        : win.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(element, value);
  else element.value = value;
}

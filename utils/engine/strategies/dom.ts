import { fireChange, fireInput, pressKey, setNativeValue } from '../events';
import { valueForPerson, type FillStep } from '../plan';

/** Helpers several widget strategies share: what kind of element this is, and how a person edits it. */

export function isTextControl(element: Element): element is HTMLInputElement | HTMLTextAreaElement {
  return element.tagName === 'INPUT' || element.tagName === 'TEXTAREA';
}

export function isEditable(element: Element): boolean {
  return (element as HTMLElement).isContentEditable || element.getAttribute('contenteditable') === 'true';
}

export function normalise(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export function shownValue(step: FillStep): string {
  return step.shown ?? valueForPerson(step.fields[0] ?? '', step.value);
}

/** focus → native setter → input → change → blur. */
export function typeInto(element: HTMLInputElement | HTMLTextAreaElement, value: string, { blur }: { blur: boolean }): void {
  element.focus({ preventScroll: true });
  if (value !== '' && element.value === value) {
    // The box already shows the value but the app may not know it (a script set it
    // without an event). Frameworks only react to a difference, so clear it first.
    setNativeValue(element, '');
    fireInput(element);
  }
  setNativeValue(element, value);
  fireInput(element, value);
  fireChange(element);
  if (blur) element.blur();
}

/** An option's own label: its first text, without badges or codes in child elements. */
export function optionLabel(option: Element): string {
  for (const node of Array.from(option.childNodes)) {
    const text = normalise(node.textContent);
    if (text) return text;
  }
  return '';
}

export function matchOption(options: readonly Element[], wanted: string): Element | null {
  if (options.length === 0) return null;
  const byValue = options.find((o) => (o.getAttribute('data-value') ?? '').toLowerCase() === wanted);
  if (byValue) return byValue;
  const byText = options.find((o) => optionLabel(o).toLowerCase() === wanted || normalise(o.textContent).toLowerCase() === wanted);
  if (byText) return byText;
  const containing = options.filter((o) => normalise(o.textContent).toLowerCase().includes(wanted));
  return containing.length === 1 ? containing[0]! : null;
}

export function closePopup(doc: Document, trigger: Element): void {
  const active = doc.activeElement ?? trigger;
  pressKey(active, 'Escape', 'keydown');
  pressKey(active, 'Escape', 'keyup');
}

/** What a code editor shows: Monaco draws lines in `.view-lines` with non-breaking spaces. */
export function editorText(element: Element): string {
  const monaco = element.closest('.monaco-editor')?.querySelector('.view-lines');
  const source = monaco ?? (isTextControl(element) ? null : element);
  if (!source) return normalise((element as HTMLTextAreaElement).value);
  return normalise((source.textContent ?? '').replace(/\u00a0/g, ' '));
}

/** Selects everything inside an editable element, as a person's Ctrl+A there would. */
export function selectContents(doc: Document, target: Element): void {
  const selection = doc.getSelection();
  if (!selection) return;
  const range = doc.createRange();
  range.selectNodeContents(target);
  selection.removeAllRanges();
  selection.addRange(range);
}

export function insertTextCommand(doc: Document, value: string): boolean {
  try {
    return typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, value);
  } catch {
    return false;
  }
}

export function selectNative(select: HTMLSelectElement, value: string): void {
  select.focus({ preventScroll: true });
  setNativeValue(select, value);
  fireInput(select);
  fireChange(select);
  select.blur();
}

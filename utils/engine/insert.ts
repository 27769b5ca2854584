import { readControlValue } from './collect';
import { clickLikeAPerson, fireChange, fireInput, pressKey, setNativeValue } from './events';
import { valueForPerson, type ClearStep, type FillStep } from './plan';
import { findAll, findFirst, sleep, waitForElement, windowOf } from './query';

/**
 * Insert layer: carries out one planned step like a person would, so that
 * framework-controlled inputs (React, Vue, the demo console) really change state:
 * focus → the browser's own value setter → input/change → blur, then read the
 * value back after the app had a chance to re-render. A control the app threw
 * away and re-created meanwhile is looked up again and tried once more.
 */
/**
 * kept: read back after the write, after blur and once more after the app had time
 * to re-render, and the control shows the value. not-kept: it shows something else.
 * unchecked: the value could not be read back (the control vanished, or shows nothing
 * Trailguide can read) — `message` says why.
 */
export type FieldStatus = 'kept' | 'not-kept' | 'unchecked';

export interface StepOutcome {
  ok: boolean;
  status: FieldStatus;
  selectorUsed?: string;
  /** The element that took the value (for "press Enter in the last box"). */
  element?: Element;
  /** What the control should show, for checking it again after the search ran. */
  expect?: string[];
  message?: string;
}

export interface InsertOptions {
  /** How long to wait for a control that renders late. */
  findTimeoutMs?: number;
  /** How long to wait for a combobox's options to appear. */
  popupTimeoutMs?: number;
  signal?: AbortSignal;
}

const SETTLE_MS = 30;

export function shownValue(step: FillStep): string {
  return step.shown ?? valueForPerson(step.fields[0] ?? '', step.value);
}

export async function insertStep(doc: Document, step: FillStep, options: InsertOptions = {}): Promise<StepOutcome> {
  const shown = shownValue(step);
  const hit = await waitForElement(doc, () => findFirst(doc, step.selectors), options.findTimeoutMs ?? 1_500, options.signal);
  if (!hit) {
    return { ok: false, status: 'not-kept', message: `I couldn't find the ${step.label} box on this page — type this yourself: ${shown}` };
  }
  let element = hit.element;
  let selectorUsed = hit.selectorUsed;
  for (let attempt = 0; attempt < 2; attempt++) {
    const written = await write(doc, element, step, options);
    if (written.problem) return { ok: false, status: 'not-kept', selectorUsed, message: written.problem };
    await sleep(SETTLE_MS);
    // The app may have re-rendered the control; judge the one that is on the page now.
    const current = element.isConnected ? { element, selectorUsed } : findFirst(doc, step.selectors);
    if (!current) {
      return { ok: false, status: 'unchecked', selectorUsed, message: `The ${step.label} box disappeared from the page after I typed into it, so I couldn't check it — make sure it shows: ${shown}` };
    }
    const first = readBackStatus(current.element, step, written.expect);
    if (first === 'kept') {
      // Read once more after the app's next render: some reset a value a moment after blur.
      await sleep(SETTLE_MS);
      const again = checkControl(doc, step, written.expect, current.element);
      if (again.status === 'kept') return { ok: true, status: 'kept', selectorUsed: again.selectorUsed ?? current.selectorUsed, element: again.element ?? current.element, expect: written.expect };
      if (again.status === 'unchecked') return { ok: false, status: 'unchecked', selectorUsed, message: uncheckedMessage(step, shown) };
      return { ok: false, status: 'not-kept', selectorUsed, message: `The ${step.label} box let go of what I entered a moment later — type this yourself: ${shown}` };
    }
    if (first === 'unchecked') return { ok: false, status: 'unchecked', selectorUsed: current.selectorUsed, message: uncheckedMessage(step, shown) };
    if (current.element === element) break;
    element = current.element;
    selectorUsed = current.selectorUsed;
  }
  return { ok: false, status: 'not-kept', selectorUsed, message: `The ${step.label} box didn't keep what I entered — type this yourself: ${shown}` };
}

function uncheckedMessage(step: FillStep, shown: string): string {
  return `I entered a value in ${step.label} but the page doesn't show it in a way I can read, so I couldn't check it — make sure it shows: ${shown}`;
}

/**
 * Reads a filled control again (after the search ran, say): the same element if it is
 * still on the page, otherwise the one the adapter's selectors find now.
 */
export function checkControl(doc: Document, step: FillStep, expect: readonly string[], previous?: Element): { status: FieldStatus; element?: Element; selectorUsed?: string } {
  const current = previous?.isConnected ? { element: previous, selectorUsed: undefined } : findFirst(doc, step.selectors);
  if (!current) return { status: 'unchecked' };
  return { status: readBackStatus(current.element, step, expect), element: current.element, ...(current.selectorUsed ? { selectorUsed: current.selectorUsed } : {}) };
}

interface Written {
  /** What the control should show afterwards (an option's label for comboboxes). */
  expect: string[];
  problem?: string;
}

async function write(doc: Document, element: Element, step: FillStep, options: InsertOptions): Promise<Written> {
  switch (step.kind) {
    case 'combobox':
      return writeCombobox(doc, element, step, options);
    case 'checkbox':
      return writeCheckbox(element, step);
    case 'select':
      return writeSelect(element, step);
    case 'codeEditor':
      return writeCodeEditor(doc, element, step);
    default:
      return writeTextLike(doc, element, step);
  }
}

function isTextControl(element: Element): element is HTMLInputElement | HTMLTextAreaElement {
  return element.tagName === 'INPUT' || element.tagName === 'TEXTAREA';
}

function writeTextLike(doc: Document, element: Element, step: FillStep): Written {
  if (element.tagName === 'SELECT') return writeSelect(element, step);
  if (!isTextControl(element)) {
    if (isEditable(element)) return writeCodeEditor(doc, element, step);
    return { expect: [], problem: `The ${step.label} control isn't a box I can type into — enter this yourself: ${shownValue(step)}` };
  }
  typeInto(element, step.value, { blur: true });
  return { expect: [step.value] };
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

function writeSelect(element: Element, step: FillStep): Written {
  if (element.tagName !== 'SELECT') return writeTextLike(element.ownerDocument, element, step);
  const select = element as HTMLSelectElement;
  const wanted = step.value.trim().toLowerCase();
  const option =
    Array.from(select.options).find((o) => o.value.toLowerCase() === wanted) ??
    Array.from(select.options).find((o) => (o.textContent ?? '').trim().toLowerCase() === wanted);
  if (!option) return { expect: [], problem: `"${step.value}" isn't one of the choices in ${step.label} — pick the closest one yourself.` };
  select.focus({ preventScroll: true });
  setNativeValue(select, option.value);
  fireInput(select);
  fireChange(select);
  select.blur();
  return { expect: [option.value] };
}

const TRUE_WORDS = /^(true|1|yes|on|checked)$/i;

function writeCheckbox(element: Element, step: FillStep): Written {
  const wanted = TRUE_WORDS.test(step.value.trim());
  if (isChecked(element) !== wanted) clickLikeAPerson(element);
  return { expect: [wanted ? 'true' : 'false'] };
}

function isChecked(element: Element): boolean {
  if (element.tagName === 'INPUT') return (element as HTMLInputElement).checked;
  return element.getAttribute('aria-checked') === 'true';
}

function isEditable(element: Element): boolean {
  return (element as HTMLElement).isContentEditable || element.getAttribute('contenteditable') === 'true';
}

/**
 * CodeMirror 6 (a contenteditable `.cm-content`) and Monaco (a hidden textarea)
 * ignore value setters; they listen to editing commands. insertText goes through
 * the browser's editing pipeline, which both understand; a beforeinput + input
 * pair is the fallback where execCommand is unavailable.
 */
function writeCodeEditor(doc: Document, element: Element, step: FillStep): Written {
  const target = isTextControl(element) || isEditable(element) ? element : (element.querySelector('textarea, [contenteditable="true"]') ?? element);
  const value = step.value;
  (target as HTMLElement).focus({ preventScroll: true });
  if (isTextControl(target)) {
    target.select();
    if (!insertTextCommand(doc, value)) {
      setNativeValue(target, value);
      fireInput(target, value);
    }
    return { expect: [value] };
  }
  if (!isEditable(target)) return { expect: [], problem: `I couldn't type into the ${step.label} editor — type this yourself: ${value}` };
  selectContents(doc, target);
  if (!insertTextCommand(doc, value)) {
    const win = windowOf(target);
    const init = { bubbles: true, cancelable: true, composed: true, inputType: 'insertText', data: value };
    const proceed = typeof win.InputEvent === 'function' ? target.dispatchEvent(new win.InputEvent('beforeinput', init)) : true;
    if (proceed) {
      target.textContent = value;
      fireInput(target, value);
    }
  }
  return { expect: [value] };
}

function insertTextCommand(doc: Document, value: string): boolean {
  try {
    return typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, value);
  } catch {
    return false;
  }
}

/**
 * Custom combobox: open it like a person, type into its filter box if it has
 * one, click the option whose data-value or text matches, and confirm.
 */
async function writeCombobox(doc: Document, trigger: Element, step: FillStep, options: InsertOptions): Promise<Written> {
  const optionSelectors = step.option ?? ['[role="option"]'];
  const wanted = step.value.trim().toLowerCase();
  const giveUp = (problem: string): Written => {
    closePopup(doc, trigger);
    return { expect: [], problem };
  };
  if (isTextControl(trigger)) {
    // Autocomplete style: the trigger is itself the filter box.
    trigger.focus({ preventScroll: true });
    clickLikeAPerson(trigger);
    typeInto(trigger, step.value, { blur: false });
  } else {
    clickLikeAPerson(trigger);
  }
  const timeout = options.popupTimeoutMs ?? 1_500;
  const popupReady = await waitForElement(
    doc,
    () => (findAll(doc, optionSelectors).elements.length > 0 || (step.filterInput && findFirst(doc, step.filterInput)) ? true : null),
    timeout,
    options.signal,
  );
  if (!popupReady) return giveUp(`The ${step.label} list didn't open — open it yourself and pick: ${step.value}`);
  const filter = step.filterInput ? findFirst(doc, step.filterInput) : null;
  if (filter && isTextControl(filter.element) && filter.element !== trigger) {
    // Typing narrows long lists; no blur, which would close many popups.
    filter.element.focus({ preventScroll: true });
    setNativeValue(filter.element, step.value);
    fireInput(filter.element, step.value);
  }
  const option = await waitForElement(doc, () => matchOption(findAll(doc, optionSelectors).elements, wanted), timeout, options.signal);
  if (!option) return giveUp(`I couldn't find "${step.value}" in the ${step.label} list — pick it yourself.`);
  const label = optionLabel(option);
  clickLikeAPerson(option);
  return { expect: [step.value, label].filter(Boolean) };
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

/** An option's own label: its first text, without badges or codes in child elements. */
function optionLabel(option: Element): string {
  for (const node of Array.from(option.childNodes)) {
    const text = normalise(node.textContent);
    if (text) return text;
  }
  return '';
}

function normalise(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function closePopup(doc: Document, trigger: Element): void {
  const active = doc.activeElement ?? trigger;
  pressKey(active, 'Escape', 'keydown');
  pressKey(active, 'Escape', 'keyup');
}

/** Whether a control shows what was written; unchecked when it shows nothing Trailguide can read. */
function readBackStatus(element: Element, step: FillStep, expect: readonly string[]): FieldStatus {
  if (expect.length === 0) return 'not-kept';
  if (step.kind === 'checkbox') {
    if (element.tagName !== 'INPUT' && !element.hasAttribute('aria-checked')) return 'unchecked';
    return String(isChecked(element)) === expect[0] ? 'kept' : 'not-kept';
  }
  if (step.kind === 'combobox') {
    const data = (element.getAttribute('data-value') ?? (isTextControl(element) ? element.value : '')).toLowerCase();
    const text = normalise(element.textContent).toLowerCase();
    if (!data && !text) return 'unchecked';
    const shows = expect.some((e) => {
      const lower = e.toLowerCase();
      return data === lower || (lower !== '' && text.includes(lower));
    });
    return shows ? 'kept' : 'not-kept';
  }
  if (step.kind === 'codeEditor' || (!isTextControl(element) && element.tagName !== 'SELECT')) {
    return expect.every((e) => editorText(element).includes(normalise(e))) ? 'kept' : 'not-kept';
  }
  const actual = readControlValue(element);
  return expect.some((e) => sameValue(actual, e, step.kind)) ? 'kept' : 'not-kept';
}

/** What a code editor shows: Monaco draws lines in `.view-lines` with non-breaking spaces. */
function editorText(element: Element): string {
  const monaco = element.closest('.monaco-editor')?.querySelector('.view-lines');
  const source = monaco ?? (isTextControl(element) ? null : element);
  if (!source) return normalise((element as HTMLTextAreaElement).value);
  return normalise((source.textContent ?? '').replace(/\u00a0/g, ' '));
}

/** Date inputs may drop ":00" seconds or milliseconds; everything else must match exactly. */
function sameValue(actual: string, expected: string, kind: FillStep['kind']): boolean {
  if (actual === expected) return true;
  if (kind !== 'date' && kind !== 'datetime') return false;
  const trim = (v: string) => v.replace(/(:00)?(\.0+)?Z?$/, '');
  return trim(actual) === trim(expected);
}

/**
 * cleared: the control showed a value and now reads empty (checked after the app had time
 * to re-render). empty: it was empty already. absent: not on the page, so it filters nothing.
 * not-cleared: it still shows a value — `message` names it for the person to clear by hand.
 */
export type ClearStatus = 'cleared' | 'empty' | 'absent' | 'not-cleared';

export interface ClearOutcome {
  status: ClearStatus;
  /** What the control showed before (cleared, not-cleared). */
  was?: string;
  element?: Element;
  message?: string;
}

/** Words for "an 'all' choice" in a list: its value is empty, or it reads All / Any / Everything. */
const ALL_CHOICE = /^(all|any|every(thing|one)?)\b/i;

/** What a control shows as a filter, or '' when it filters on nothing. */
export function filterShown(element: Element, kind: ClearStep['kind']): string {
  if (element.tagName === 'SELECT') {
    const select = element as HTMLSelectElement;
    const chosen = select.selectedOptions[0];
    if (!chosen || chosen.value === '' || ALL_CHOICE.test(normalise(chosen.textContent))) return '';
    return normalise(chosen.textContent) || chosen.value;
  }
  if (kind === 'codeEditor' || (!isTextControl(element) && isEditable(element))) return editorText(element);
  if (kind === 'combobox' && !isTextControl(element)) {
    const data = element.getAttribute('data-value');
    if (data !== null) return data.trim();
    const text = normalise(element.textContent);
    return ALL_CHOICE.test(text) ? '' : text;
  }
  return readControlValue(element).trim();
}

/** Empties one control the step does not set, like a person would, then reads it back. */
export async function clearControl(doc: Document, step: ClearStep, options: InsertOptions = {}): Promise<ClearOutcome> {
  const hit = findFirst(doc, step.selectors);
  if (!hit) return { status: 'absent' };
  const element = hit.element;
  const was = filterShown(element, step.kind);
  if (was === '') return { status: 'empty', element };
  const noun = step.kind === 'combobox' || element.tagName === 'SELECT' ? 'list' : 'box';
  const cannot = (why: string): ClearOutcome => ({
    status: 'not-cleared',
    was,
    element,
    message: `Could not clear the ${step.label} ${noun} (it still shows ${was})${why} — clear it yourself so only this step's filters apply.`,
  });

  if (element.tagName === 'SELECT') {
    const select = element as HTMLSelectElement;
    const all = Array.from(select.options).find((o) => o.value === '') ?? Array.from(select.options).find((o) => ALL_CHOICE.test(normalise(o.textContent)));
    if (!all) return cannot(': it has no "all" choice');
    select.focus({ preventScroll: true });
    setNativeValue(select, all.value);
    fireInput(select);
    fireChange(select);
    select.blur();
  } else if (step.kind === 'codeEditor' || (!isTextControl(element) && isEditable(element))) {
    clearEditor(doc, element);
  } else if (isTextControl(element)) {
    typeInto(element, '', { blur: true });
    if (step.kind === 'combobox') closePopup(doc, element);
  } else if (step.kind === 'combobox') {
    if (!(await pickAllChoice(doc, element, step, options))) return cannot(': its list has no "all" choice I could pick');
  } else {
    return cannot(": it isn't a box I can empty");
  }
  await sleep(SETTLE_MS);
  const current = element.isConnected ? element : findFirst(doc, step.selectors)?.element;
  if (!current) return { status: 'cleared', was };
  const after = filterShown(current, step.kind);
  return after === '' ? { status: 'cleared', was, element: current } : cannot('');
}

function clearEditor(doc: Document, element: Element): void {
  const target = isTextControl(element) || isEditable(element) ? element : (element.querySelector('textarea, [contenteditable="true"]') ?? element);
  (target as HTMLElement).focus({ preventScroll: true });
  if (isTextControl(target)) {
    target.select();
    if (!deleteCommand(doc)) {
      setNativeValue(target, '');
      fireInput(target);
    }
    return;
  }
  selectContents(doc, target);
  if (!deleteCommand(doc)) {
    target.textContent = '';
    fireInput(target);
  }
}

function deleteCommand(doc: Document): boolean {
  try {
    return typeof doc.execCommand === 'function' && doc.execCommand('delete', false);
  } catch {
    return false;
  }
}

/** Opens a custom list and picks its "all" choice (an option with an empty data-value, or All / Any). */
async function pickAllChoice(doc: Document, trigger: Element, step: ClearStep, options: InsertOptions): Promise<boolean> {
  const optionSelectors = step.option ?? ['[role="option"]'];
  clickLikeAPerson(trigger);
  const timeout = options.popupTimeoutMs ?? 1_500;
  const all = await waitForElement(
    doc,
    () => {
      const choices = findAll(doc, optionSelectors).elements;
      return choices.find((o) => o.getAttribute('data-value') === '') ?? choices.find((o) => ALL_CHOICE.test(optionLabel(o))) ?? null;
    },
    timeout,
    options.signal,
  );
  if (!all) {
    closePopup(doc, trigger);
    return false;
  }
  clickLikeAPerson(all);
  return true;
}

/** Selects everything inside an editable element, as a person's Ctrl+A there would. */
function selectContents(doc: Document, target: Element): void {
  const selection = doc.getSelection();
  if (!selection) return;
  const range = doc.createRange();
  range.selectNodeContents(target);
  selection.removeAllRanges();
  selection.addRange(range);
}

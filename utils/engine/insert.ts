import { readControlValue } from './collect';
import { clickLikeAPerson, fireChange, fireInput, setNativeValue } from './events';
import type { ClearStep, FillStep } from './plan';
import { findAll, findFirst, sleep, waitForElement } from './query';
import { closePopup, editorText, isEditable, isTextControl, normalise, optionLabel, selectContents, shownValue, typeInto } from './strategies/dom';
import { strategyFor, type FieldStatus, type InsertOptions, type WidgetStrategy } from './strategies';

export { matchOption, shownValue, typeInto } from './strategies/dom';
export type { FieldStatus, InsertOptions } from './strategies';

/**
 * Insert layer: carries out one planned step like a person would, so that
 * framework-controlled inputs (React, Vue, the demo console) really change state:
 * focus → the browser's own value setter → input/change → blur, then read the
 * value back after the app had a chance to re-render. A control the app threw
 * away and re-created meanwhile is looked up again and tried once more.
 */
export interface StepOutcome {
  ok: boolean;
  status: FieldStatus;
  selectorUsed?: string;
  /** The element that took the value (for "press Enter in the last box"). */
  element?: Element;
  /** What the control should show, for checking it again after the search ran. */
  expect?: string[];
  message?: string;
  /** The widget commits only with the step's other fields (a range's start): status is 'unchecked' until fill.ts checks it again after them. */
  pending?: boolean;
}

const SETTLE_MS = 30;

export async function insertStep(doc: Document, step: FillStep, options: InsertOptions = {}): Promise<StepOutcome> {
  const shown = shownValue(step);
  const hit = await waitForElement(doc, () => findFirst(doc, step.selectors), options.findTimeoutMs ?? 1_500, options.signal);
  if (!hit) {
    return { ok: false, status: 'not-kept', message: `I couldn't find the ${step.label} box on this page — type this yourself: ${shown}` };
  }
  let element = hit.element;
  let selectorUsed = hit.selectorUsed;
  for (let attempt = 0; attempt < 2; attempt++) {
    const strategy = strategyFor(element, step);
    const written = await strategy.write(doc, element, step, options);
    if (written.problem) return { ok: false, status: 'not-kept', selectorUsed, message: written.problem };
    if (written.pending) {
      return { ok: false, status: 'unchecked', pending: true, selectorUsed, element, expect: written.expect, message: uncheckedMessage(step, shown) };
    }
    await sleep(SETTLE_MS);
    // The app may have re-rendered the control; judge the one that is on the page now.
    const current = element.isConnected ? { element, selectorUsed } : findFirst(doc, step.selectors);
    if (!current) {
      return { ok: false, status: 'unchecked', selectorUsed, message: `The ${step.label} box disappeared from the page after I typed into it, so I couldn't check it — make sure it shows: ${shown}` };
    }
    const first = readBackStatus(current.element, step, written.expect, strategy);
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

/**
 * Whether a control shows what was written, asked of the widget's own strategy (the one that
 * wrote it when known, else the one that recognises the element now). Nothing written is
 * not kept.
 */
function readBackStatus(element: Element, step: FillStep, expect: readonly string[], strategy?: WidgetStrategy): FieldStatus {
  if (expect.length === 0) return 'not-kept';
  const judge = strategy && strategy.recognises(element, step) ? strategy : strategyFor(element, step);
  return judge.verify(element.ownerDocument, element, step, expect);
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
  // A library widget keeps its value outside its input (react-select, antd…): its strategy knows where.
  const strategy = strategyFor(element, { fields: [], label: '', kind, selectors: [], value: '' });
  if (strategy.shown) return strategy.shown(element);
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

  // A library that keeps its choice outside the text (Downshift) is emptied its own way and checked by its effect.
  const strategy = strategyFor(element, { fields: [...step.fields], label: step.label, kind: step.kind, selectors: [...step.selectors], value: '', ...(step.option ? { option: [...step.option] } : {}) });
  if (strategy.clear) {
    const done = await strategy.clear(doc, element, step, options);
    if (!done.cleared) return cannot(done.why);
    return { status: 'cleared', was, element };
  }
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

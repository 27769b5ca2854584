import type { Adapter, GestureStep, OpenTarget } from '../schema/adapter';
import { clickLikeAPerson, pressEnter, pressKey } from './events';
import { findAll, findFirst, sleep, waitForElement } from './query';
import { closePopup, insertTextCommand, isEditable, isTextControl, matchOption, normalise, optionLabel, selectContents, typeInto } from './strategies/dom';
import type { ClearOutcome } from './insert';
import type { ClearStep } from './plan';
import { chosenItems, everyItemChosen, isAllItem, list, listItems, wantedValues } from './strategies/list';
import type { FieldStatus, InsertOptions } from './strategies/types';

/**
 * Controls that take more than one gesture (docs/adapters.md): something to click before a
 * control can be used (`open`: a magnifier that unfolds the search box, a menu), and short
 * recorded sequences for filter builders (`steps`: funnel → Add filter → field → operator →
 * value → Apply), checked by their effect (`verify`: a chip that reads the value). Each
 * gesture waits for its element; nothing here sleeps for a guessed time except the short
 * settle a widget gets to re-render between two gestures.
 */
type DomSpec = NonNullable<Adapter['fields'][string]['dom']>;

/** The gesture keys of an adapter field, carried by the fill plan to the page. */
export interface FieldGestures {
  open?: OpenTarget[];
  steps?: GestureStep[];
  verify?: { selectors: string[]; text: string };
  selected?: string[];
  multiple?: boolean;
}

/** A plain copy of open targets (a plan crosses a message boundary as data). */
export function copyOpen(open: readonly OpenTarget[]): OpenTarget[] {
  return open.map((t) => (Array.isArray(t) ? [...t] : { selectors: [...(t as { selectors: string[] }).selectors], label: (t as { label: string }).label }));
}

/** `{ gestures }` when the field has any gesture key, else nothing (spread into a plan step). */
export function gesturesOf(dom: DomSpec): { gestures?: FieldGestures } {
  const gestures: FieldGestures = {
    ...(dom.open ? { open: copyOpen(dom.open) } : {}),
    ...(dom.steps ? { steps: dom.steps.map((s) => structuredClone(s)) } : {}),
    ...(dom.verify ? { verify: { selectors: [...dom.verify.selectors], text: dom.verify.text } } : {}),
    ...(dom.selected ? { selected: [...dom.selected] } : {}),
    ...(dom.multiple !== undefined ? { multiple: dom.multiple } : {}),
  };
  return Object.keys(gestures).length > 0 ? { gestures } : {};
}

/** How long one gesture waits for its element to appear (a menu rendering, a popover fetching its fields). */
const GESTURE_WAIT_MS = 5_000;
/** A widget's chance to re-render between two gestures. */
const BETWEEN_MS = 30;

/**
 * Showing to a person: connected, not hidden by `hidden`, `display: none` or `visibility:
 * hidden` (the browser's checkVisibility where it has one).
 */
export function isShowing(element: Element): boolean {
  if (!element.isConnected) return false;
  const check = (element as HTMLElement).checkVisibility;
  if (typeof check === 'function') return check.call(element, { visibilityProperty: true } as CheckVisibilityOptions);
  const view = element.ownerDocument.defaultView;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return false;
    const style = view?.getComputedStyle(node);
    if (style && (style.display === 'none' || (node === element && style.visibility === 'hidden'))) return false;
  }
  return true;
}

function findShowing(doc: Document, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const shown = findAll(doc, [selector]).elements.find(isShowing);
    if (shown) return shown;
  }
  return null;
}

const selectorsOf = (target: OpenTarget): string[] => (Array.isArray(target) ? target : target.selectors);

/**
 * The open target in words: its `label`, else what its selector says it is
 * (`button[aria-label="Search"]` → the “Search” button), else "the button that opens it".
 */
export function describeTarget(target: OpenTarget | readonly string[]): string {
  if (!Array.isArray(target)) return (target as { label: string }).label;
  for (const selector of target as readonly string[]) {
    const named = /\[(?:aria-label|title|data-tooltip)[*^$~|]?=(["'])(.+?)\1\]/.exec(selector)?.[2] ?? /:has-text\((["'])(.+?)\1\)/.exec(selector)?.[2];
    if (!named) continue;
    const kind = /(^|[\s>])(a)([.#[:\s]|$)/.test(selector) ? 'link' : /menuitem/.test(selector) ? 'menu item' : 'button';
    return `the “${named}” ${kind}`;
  }
  return 'the button that opens it';
}

export type OpenResult = { ok: true; opened: boolean } | { ok: false; missing: string; why: 'target' | 'control' };

/**
 * Clicks each open target in order, waiting for each to appear, unless the control already
 * shows (clicking a magnifier twice would fold the box away again). With `control`, waits for
 * it to show afterwards.
 */
export async function openControl(doc: Document, open: readonly OpenTarget[], control: readonly string[] | null, options: InsertOptions = {}): Promise<OpenResult> {
  if (control && findShowing(doc, control)) return { ok: true, opened: false };
  const timeout = options.findTimeoutMs ?? GESTURE_WAIT_MS;
  for (const target of open) {
    const element = await waitForElement(doc, () => findShowing(doc, selectorsOf(target)), timeout, options.signal);
    if (!element) return { ok: false, missing: describeTarget(target), why: 'target' };
    clickLikeAPerson(element);
    await sleep(BETWEEN_MS, options.signal);
  }
  if (control) {
    const shown = await waitForElement(doc, () => findShowing(doc, control), timeout, options.signal);
    if (!shown) return { ok: false, missing: describeTarget(open[open.length - 1]!), why: 'control' };
  }
  return { ok: true, opened: true };
}

/** Clicks the last open target once more, so a menu opened only to look is closed again. */
export async function foldBack(doc: Document, open: readonly OpenTarget[], options: InsertOptions = {}): Promise<void> {
  const last = open[open.length - 1];
  const element = last ? findShowing(doc, selectorsOf(last)) : null;
  if (!element) return;
  clickLikeAPerson(element);
  await sleep(BETWEEN_MS, options.signal);
}

/** Plain words for an open that failed, naming the control and what to do by hand. */
export function openProblem(result: Extract<OpenResult, { ok: false }>, controlLabel: string, todo: string): string {
  return result.why === 'target'
    ? `Couldn't open the ${controlLabel}: ${result.missing} isn't on this page — ${todo}`
    : `I clicked ${result.missing}, but the ${controlLabel} didn't appear — ${todo}`;
}

/** `{value}` in a recorded step's text, replaced by the step's value. */
export function withValue(text: string, value: string): string {
  return text.replace(/\{value\}/g, value);
}

/** A recorded step in a few words, for "at step 3 of 7 (…)". */
function stepWords(step: GestureStep, value: string): string {
  if ('click' in step) return `clicking ${describeTarget(step.click).replace('the button that opens it', 'the next button')}`;
  if ('pick' in step) return `choosing “${withValue(step.pick.text, value)}”`;
  if ('type' in step) return `typing “${withValue(step.type.value, value)}”`;
  return `pressing ${step.press}`;
}

export type SequenceResult = { ok: true } | { ok: false; at: number; of: number; doing: string };

/**
 * Runs a recorded sequence like a person: each step waits for its element to show, then
 * clicks, picks, types or presses. Stops at the first step whose element never appears
 * (closing any menu it left open) and says which.
 */
export async function runSequence(doc: Document, steps: readonly GestureStep[], value: string, options: InsertOptions = {}): Promise<SequenceResult> {
  const timeout = options.findTimeoutMs ?? GESTURE_WAIT_MS;
  let focus: Element | null = null;
  for (let index = 0; index < steps.length; index++) {
    if (options.signal?.aborted) return { ok: false, at: index + 1, of: steps.length, doing: 'stopping' };
    const step = steps[index]!;
    const fail = (): SequenceResult => {
      closePopup(doc, doc.activeElement ?? doc.body);
      return { ok: false, at: index + 1, of: steps.length, doing: stepWords(step, value) };
    };
    if ('click' in step) {
      const element = await waitForElement(doc, () => findShowing(doc, step.click), timeout, options.signal);
      if (!element) return fail();
      clickLikeAPerson(element);
      focus = element;
    } else if ('pick' in step) {
      const wanted = withValue(step.pick.text, value).trim().toLowerCase();
      const element = await waitForElement(doc, () => matchOption(showingAll(doc, step.pick.selectors), wanted), timeout, options.signal);
      if (!element) return fail();
      clickLikeAPerson(element);
      focus = element;
    } else if ('type' in step) {
      const element = await waitForElement(doc, () => findShowing(doc, step.type.selectors), timeout, options.signal);
      if (!element || !(isTextControl(element) || isEditable(element))) return fail();
      const text = withValue(step.type.value, value);
      if (isTextControl(element)) typeInto(element, text, { blur: false });
      else {
        (element as HTMLElement).focus({ preventScroll: true });
        selectContents(doc, element);
        if (!insertTextCommand(doc, text)) element.textContent = text;
      }
      focus = element;
    } else {
      const target = doc.activeElement && doc.activeElement !== doc.body ? doc.activeElement : (focus ?? doc.body);
      if (step.press === 'Enter') pressEnter(target);
      else {
        pressKey(target, step.press, 'keydown');
        pressKey(target, step.press, 'keyup');
      }
    }
    await sleep(BETWEEN_MS, options.signal);
  }
  return { ok: true };
}

/** Every showing element of the first alternative that finds any showing one. */
function showingAll(doc: Document, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const shown = findAll(doc, [selector]).elements.filter(isShowing);
    if (shown.length > 0) return shown;
  }
  return [];
}

/**
 * A sequence's effect: some element of `verify.selectors` whose text reads the expected
 * words (`{value}` filled in; spaces and case don't matter). None: the filter isn't there.
 */
export function verifyEffect(doc: Document, verify: NonNullable<FieldGestures['verify']>, value: string): FieldStatus {
  const want = normalise(withValue(verify.text, value)).toLowerCase();
  const { elements } = findAll(doc, verify.selectors);
  return elements.some((e) => normalise(e.textContent).toLowerCase().includes(want)) ? 'kept' : 'not-kept';
}

/** What a filter builder shows as applied now: the text of every element its `verify` finds. */
export function sequenceShown(doc: Document, gestures: FieldGestures): string {
  if (!gestures.verify) return '';
  return findAll(doc, gestures.verify.selectors)
    .elements.map((e) => normalise(optionLabel(e) || e.textContent))
    .filter(Boolean)
    .join(', ');
}

/** What fill.ts needs of a step: its value, label and gestures (a FillStep). */
interface SequenceStep {
  value: string;
  label: string;
  shown?: string;
  fields: string[];
  gestures?: FieldGestures;
}

export interface SequenceOutcome {
  ok: boolean;
  status: FieldStatus;
  expect: string[];
  message?: string;
}

/**
 * Sets a filter through its recorded sequence and checks it by effect. Without `verify` the
 * field is "could not check": the steps ran, but nothing says the console took the filter.
 */
export async function fillBySequence(doc: Document, step: SequenceStep, shown: string, options: InsertOptions = {}): Promise<SequenceOutcome> {
  const steps = step.gestures?.steps ?? [];
  const ran = await runSequence(doc, steps, step.value, options);
  if (!ran.ok) {
    return {
      ok: false,
      status: 'not-kept',
      expect: [],
      message: `I couldn't set ${step.label}: at step ${ran.at} of ${ran.of} (${ran.doing}) the page didn't show what to act on — set it yourself: ${shown}`,
    };
  }
  const verify = step.gestures?.verify;
  if (!verify) {
    return {
      ok: false,
      status: 'unchecked',
      expect: [step.value],
      message: `I went through the ${step.label} filter's steps, but nothing tells me whether the page took it, so I couldn't check it — make sure the page shows: ${shown}`,
    };
  }
  // The builder may apply the filter a moment after its last step (a request, a re-render).
  const kept = await waitForElement(doc, () => (verifyEffect(doc, verify, step.value) === 'kept' ? true : null), options.findTimeoutMs ?? GESTURE_WAIT_MS, options.signal);
  if (kept) return { ok: true, status: 'kept', expect: [step.value] };
  return {
    ok: false,
    status: 'not-kept',
    expect: [step.value],
    message: `I went through the ${step.label} filter's steps, but the page doesn't show it applied — set it yourself: ${shown}`,
  };
}

/** A sequence's field read again (after the search ran): by its effect, or "could not check". */
export function recheckSequence(doc: Document, step: SequenceStep): FieldStatus {
  return step.gestures?.verify ? verifyEffect(doc, step.gestures.verify, step.value) : 'unchecked';
}

/**
 * What a list or a filter builder shows as applied, for the read-back (./readback.ts), and
 * whether that is `want`; null for any other control (read as a box). A list is read by its
 * chosen items (data-value or text), a builder by its `verify` elements.
 */
export function readGestureField(doc: Document, dom: DomSpec, want?: string): { shown: string; holds: boolean; readable: boolean } | null {
  if (dom.steps) {
    const gestures = gesturesOf(dom).gestures ?? {};
    const shown = sequenceShown(doc, gestures);
    const holds = want !== undefined && gestures.verify !== undefined && verifyEffect(doc, gestures.verify, want) === 'kept';
    return { shown, holds, readable: gestures.verify !== undefined };
  }
  if (dom.kind !== 'list') return null;
  const container = findFirst(doc, dom.selectors)?.element;
  if (!container) return { shown: '', holds: false, readable: false };
  const step = { ...(dom.option ? { option: [...dom.option] } : {}), ...gesturesOf(dom) };
  const items = listItems(doc, container, step);
  const { signal, chosen } = chosenItems(doc, items, step);
  const real = chosen.filter((item) => !isAllItem(item));
  const shown = real.map((item) => normalise(optionLabel(item) || item.textContent)).join(', ');
  // Every item of a multiple list chosen is no filter (everyItemChosen): nothing to report for a step that didn't ask.
  if (want === undefined) return { shown: everyItemChosen(items, chosen, step) ? '' : shown, holds: false, readable: signal !== null };
  const wanted = wantedValues({ value: want, ...step });
  const wantedItems = wanted.map((v) => matchOption(items, v.toLowerCase()));
  const holds = signal !== null && wantedItems.every((item) => item !== null && real.includes(item)) && real.every((item) => wantedItems.includes(item));
  return { shown, holds, readable: signal !== null };
}

/**
 * A list the step doesn't set (a fresh search), read with the adapter's own `selected` marker
 * — which the widget registry's generic reading doesn't know — then put back to "All" by the
 * list strategy and read again.
 */
export async function clearListStep(doc: Document, step: ClearStep, options: InsertOptions = {}): Promise<ClearOutcome> {
  const container = findFirst(doc, step.selectors)?.element;
  if (!container) return { status: 'absent' };
  const shownNow = () => listShown(doc, step);
  const was = shownNow();
  if (was === '') return { status: 'empty', element: container };
  const done = await list.clear!(doc, container, step, options);
  if (done.cleared && shownNow() === '') return { status: 'cleared', was, element: container };
  const why = done.cleared ? '' : done.why;
  return {
    status: 'not-cleared',
    was,
    element: container,
    message: `Could not clear the ${step.label} list (it still shows ${was})${why} — clear it yourself so only this step's filters apply.`,
  };
}

/** What a list field holds now ('' for nothing, or its "All" item), read with the adapter's `selected` marker. */
export function listShown(doc: Document, step: Pick<ClearStep, 'selectors' | 'option' | 'gestures'>): string {
  const container = findFirst(doc, step.selectors)?.element;
  if (!container) return '';
  const items = listItems(doc, container, step);
  const { chosen } = chosenItems(doc, items, step);
  // Every item of a multiple list chosen: the console filters on nothing, so there is nothing to clear.
  if (everyItemChosen(items, chosen, step)) return '';
  return chosen
    .filter((item) => !isAllItem(item))
    .map((item) => normalise(optionLabel(item) || item.textContent))
    .join(', ');
}

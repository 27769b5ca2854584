import { clickLikeAPerson, pressKey } from '../events';
import { sleep, waitForElement } from '../query';
import type { FillStep } from '../plan';
import { closePopup, matchOption, normalise, typeInto } from './dom';
import type { InsertOptions, Written } from './types';

/** Helpers for widgets that choose from a list: several values, typing to narrow, clicking the option. */

/** A multi-select's values: "Sign-in, Settings changed" is two. A single select takes the value whole. */
export function valuesOf(value: string, multi: boolean): string[] {
  if (!multi) return [value.trim()].filter(Boolean);
  return value
    .split(/\s*[,\n]\s*/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Types into a widget's own search box (no blur, which would close the list), waits for an
 * option that matches by data-value or text, and clicks it like a person. Returns the clicked
 * option's text, or null when none matched in time.
 */
export async function typeAndPick(
  doc: Document,
  input: HTMLInputElement | HTMLTextAreaElement,
  value: string,
  options: () => Element[],
  settings: InsertOptions,
): Promise<string | null> {
  typeInto(input, value, { blur: false });
  const wanted = value.trim().toLowerCase();
  const option = await waitForElement(doc, () => matchOption(options(), wanted), settings.popupTimeoutMs ?? 1_500, settings.signal);
  if (!option) return null;
  const text = normalise(option.getAttribute('title') ?? option.textContent);
  clickLikeAPerson(option);
  // Let the library re-render its chips before the next value is typed.
  await sleep(20);
  return text;
}

/**
 * Picks each of the step's values in turn (several for a multi-select) from the options the
 * widget lists; the first value not offered closes the list and stops with a plain problem.
 * The caller then leaves the box its library's way (Escape, blur).
 */
export async function pickEach(
  doc: Document,
  input: HTMLInputElement | HTMLTextAreaElement,
  step: FillStep,
  multi: boolean,
  options: () => Element[],
  settings: InsertOptions,
): Promise<Written> {
  const picked: string[] = [];
  for (const value of valuesOf(step.value, multi)) {
    const label = await typeAndPick(doc, input, value, options, settings);
    if (label === null) {
      closePopup(doc, input);
      return { expect: [], problem: `I couldn't find "${value}" in the ${step.label} list — pick it yourself.` };
    }
    picked.push(label);
  }
  return { expect: picked };
}

/** Escape in the focused box: closes a list left open, as a person would. */
export function pressEscape(element: Element): void {
  pressKey(element, 'Escape', 'keydown');
  pressKey(element, 'Escape', 'keyup');
}

/** Whether every wanted value is among what the widget shows as chosen (by label or value, ignoring case). */
export function allChosen(chosen: readonly string[], expect: readonly string[]): boolean {
  const have = new Set(chosen.map((c) => normalise(c).toLowerCase()));
  return expect.length > 0 && expect.every((e) => have.has(normalise(e).toLowerCase()));
}

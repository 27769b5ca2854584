import { sleep } from '../query';
import { confirmTyped } from './confirm';
import { normalise, typeInto } from './dom';
import type { WidgetStrategy } from './types';

/**
 * MUI X date and time pickers with the single-input field (v7's default; v6 and v8's
 * `enableAccessibleFieldDOMStructure={false}`): one <input> inside `.MuiInputBase-root` that MUI
 * renders from its sections ("MM/DD/YYYY hh:mm aa" while empty), with `inputmode` set and the
 * picker's open button beside it. MUI parses a whole value replaced in that input in the field's
 * display format; nothing more confirms it. The check: the box once left, which MUI renders from
 * its own sections — empty for text it could not parse, the sections' placeholders for a part it
 * lacks — so the typed text reads back only when MUI took the whole date. MUI wraps each section
 * in direction marks (U+2066…U+2069), which the check ignores.
 */
function fieldInput(element: Element): HTMLInputElement | null {
  const input = element.tagName === 'INPUT' ? element : element.querySelector('.MuiInputBase-root input');
  if (!input || input.closest('.MuiAutocomplete-root')) return null;
  const base = input.closest('.MuiInputBase-root');
  if (!base || !input.hasAttribute('inputmode')) return null;
  return input as HTMLInputElement;
}

/** The box's text without the direction marks MUI puts around each section. */
function boxText(input: HTMLInputElement): string {
  return normalise(input.value.replace(/[\u200e\u200f\u2066-\u2069]/g, ''));
}

/** Looks like a date or time field: a token pattern ("MM/DD/YYYY", "JJ/MM/AAAA", "hh:mm aa") or digits with date or time separators. */
function looksLikeDate(input: HTMLInputElement): boolean {
  const text = input.value || input.placeholder;
  return /\b([A-Za-z])\1{3}\b/.test(text) || /\b([A-Za-z])\1:([A-Za-z])\2\b/.test(text) || /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}:\d{2}/.test(text);
}

export const muiPickerV7: WidgetStrategy = {
  id: 'mui-picker-v7',
  recognises(element, step) {
    const input = fieldInput(element);
    if (!input) return false;
    const picker = input.closest('.MuiInputBase-root')!.querySelector('.MuiInputAdornment-root button') !== null;
    return (picker || step.kind === 'date' || step.kind === 'datetime') && looksLikeDate(input);
  },
  async write(_doc, element, step, options) {
    const input = fieldInput(element)!;
    // Focus first and let MUI settle: on focus it shows its sections and selects them a moment
    // later, and that late re-render puts back the sections it held if the value was typed before.
    input.focus({ preventScroll: true });
    await sleep(50, options.signal);
    typeInto(input, step.value, { blur: false });
    confirmTyped(input, step.confirm ?? 'none');
    input.blur();
    return { expect: [step.value] };
  },
  shown: (element) => {
    const input = fieldInput(element);
    // The empty field shows its pattern as a placeholder, never as text: any text is a (partial) value.
    return input ? boxText(input) : '';
  },
  verify(doc, element, _step, expect) {
    const input = fieldInput(element);
    // Still focused, the box may show what was typed rather than what MUI holds.
    if (!input || doc.activeElement === input) return 'unchecked';
    return expect.length > 0 && boxText(input) === normalise(expect[0]) ? 'kept' : 'not-kept';
  },
};

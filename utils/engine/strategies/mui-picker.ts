import { normalise, typeInto } from './dom';
import type { WidgetStrategy } from './types';

/**
 * MUI X date and time pickers with the sectioned field (v8/v9: `.MuiPickersInputBase-root`,
 * one `role="spinbutton"` per section, a hidden input carrying the whole value). MUI parses
 * a whole value typed into that hidden input in the field's own display format ("MM/DD/YYYY
 * hh:mm A" by default — the adapter's `format` pattern). The check reads the sections MUI
 * renders from its state.
 */
function root(element: Element): Element | null {
  return element.closest('.MuiPickersInputBase-root') ?? element.parentElement?.querySelector('.MuiPickersInputBase-root') ?? null;
}

/** Letters and digits only: MUI wraps sections in direction marks and spaces. */
const bare = (text: string) => normalise(text).replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

export function muiSectionsText(field: Element): string {
  const sections = Array.from(field.querySelectorAll('[role="spinbutton"]'));
  return sections.map((s) => (s.getAttribute('aria-valuetext') === 'Empty' ? '' : normalise(s.textContent))).join(' ');
}

export const muiPicker: WidgetStrategy = {
  id: 'mui-picker',
  recognises: (element) => root(element)?.querySelector('[role="spinbutton"]') != null,
  write(_doc, element, step) {
    const field = root(element)!;
    const hidden = field.querySelector<HTMLInputElement>('input.MuiPickersInputBase-input, input[aria-hidden="true"]');
    if (!hidden) return { expect: [], problem: `I couldn't type into the ${step.label} date box — type this yourself: ${step.shown ?? step.value}` };
    typeInto(hidden, step.value, { blur: false });
    return { expect: [step.value] };
  },
  shown: (element) => {
    const field = root(element);
    return field && bare(muiSectionsText(field)) !== '' ? normalise(muiSectionsText(field)) : '';
  },
  verify(_doc, element, _step, expect) {
    const field = root(element);
    if (!field) return 'unchecked';
    return bare(muiSectionsText(field)) === bare(expect[0] ?? '') && bare(expect[0] ?? '') !== '' ? 'kept' : 'not-kept';
  },
};

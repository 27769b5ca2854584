import type { DomKind } from '../engine/collect';
import type { FillStep } from '../engine/plan';
import { STRATEGIES, type WidgetStrategy } from '../engine/strategies';
import type { AdapterField } from '../schema/adapter';

/**
 * The builder and widget libraries: a person points at a date picker's section, a
 * react-select's control or a chip, and the builder climbs to the control a widget strategy
 * recognises (utils/engine/strategies/), and stores the kind and format that strategy needs —
 * without asking. Runs inside the injected executor, on the live page.
 */
type Dom = NonNullable<AdapterField['dom']>;
export interface WidgetField {
  kind: DomKind;
  format: Dom['format'];
  confirm?: NonNullable<Dom['confirm']>;
  /** The strategy's id (react-select, mui-picker…). */
  family: string;
}

/** The catch-all strategies, chosen by the adapter's kind rather than by a library's markup. */
const GENERIC = new Set(['combobox', 'checkbox', 'code-editor', 'native-select', 'native-text']);
const LIBRARIES: readonly WidgetStrategy[] = STRATEGIES.filter((s) => !GENERIC.has(s.id));
const PICKERS = new Set(['antd-picker', 'mui-picker', 'mui-picker-v7', 'vuetify-date-input', 'flatpickr', 'react-datepicker', 'element-plus-picker']);
/** Pickers that hold a day, not a time. */
const DAY_PICKERS = new Set(['vuetify-date-input']);
/** A library picker's usual display pattern, used only when its box shows neither a value nor a pattern. */
const PICKER_DEFAULTS: Record<string, string> = {
  'antd-picker': 'YYYY-MM-DD HH:mm:ss',
  'mui-picker': 'MM/DD/YYYY hh:mm A',
  'mui-picker-v7': 'MM/DD/YYYY hh:mm A',
  'vuetify-date-input': 'MM/DD/YYYY',
  flatpickr: 'YYYY-MM-DD HH:mm',
  'react-datepicker': 'MM/DD/YYYY',
  'element-plus-picker': 'YYYY-MM-DD HH:mm:ss',
};
/** Controls a widget is made of, of which the builder stores one. */
const PARTS = 'input, textarea, select, [role="combobox"], [role="group"], [contenteditable="true"], [contenteditable=""]';
const MAX_CLIMB = 6;

const PROBE: FillStep = { fields: [], label: '', kind: 'combobox', selectors: [], value: '' };

function libraryOf(element: Element): WidgetStrategy | null {
  for (const strategy of LIBRARIES) {
    try {
      if (strategy.recognises(element, PROBE)) return strategy;
    } catch {
      // A strategy that can't read this element doesn't recognise it.
    }
  }
  return null;
}

/** Parts a library hides (its original <select>, MUI's hidden input): not what a person works with. */
function hidden(element: Element): boolean {
  if (element.getAttribute('type') === 'hidden' || element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  if (Array.from(element.classList).some((c) => /hidden|tomselected|choices__input$/.test(c)) && element.tagName === 'SELECT') return true;
  return /display:\s*none/.test(element.getAttribute('style') ?? '');
}

function parts(scope: Element): Element[] {
  const inside = Array.from(scope.querySelectorAll(PARTS));
  return (scope.matches(PARTS) ? [scope, ...inside] : inside).filter((e) => !hidden(e));
}

/**
 * The widget control meant by a click on `target`, or null when no library widget is there (a
 * plain box, or a place where two widgets meet). A control a person clicked directly is kept
 * only if a library recognises it; otherwise the climb stops at the first ancestor whose visible
 * parts one library recognises — and not past parts no library claims.
 */
export function recogniseWidget(target: Element): { element: Element; field: WidgetField } | null {
  // Monaco draws its text in layers over an input a person never sees: any part of it means the editor.
  const editor = target.closest('.monaco-editor');
  if (editor) return { element: editor, field: { kind: 'codeEditor', format: 'plain', family: 'monaco' } };
  const direct = target.matches(PARTS) && !hidden(target);
  if (direct) {
    const strategy = libraryOf(target);
    // MUI's sections container is a [role=group]; any other group may sit inside a widget, so climb on.
    if (strategy) return { element: whole(strategy, target), field: fieldFor(strategy, target) };
    if (target.getAttribute('role') !== 'group') return null;
  }
  let scope: Element | null = target;
  for (let depth = 0; scope && depth <= MAX_CLIMB && scope.tagName !== 'BODY' && scope.tagName !== 'FORM'; depth++, scope = scope.parentElement) {
    const found = parts(scope);
    if (found.length === 0) continue;
    const claimed = found.map((part) => ({ part, strategy: libraryOf(part) }));
    // Climbed past the widget into its neighbours: a part no library claims, or two libraries.
    if (claimed.some((c) => c.strategy === null)) return null;
    const ids = new Set(claimed.map((c) => c.strategy!.id));
    if (ids.size > 1) return null;
    const strategy = claimed[0]!.strategy!;
    // One widget's several parts (a react-select input, its chips' remove buttons…): the one
    // clicked, else the one a person types into, else the outermost.
    const chosen =
      found.find((p) => p.contains(target)) ??
      (found.length === 1 ? found[0] : undefined) ??
      (PICKERS.has(strategy.id) ? undefined : (found.find((p) => p.tagName === 'INPUT') ?? found[0]));
    if (!chosen) return null;
    return { element: whole(strategy, chosen), field: fieldFor(strategy, chosen) };
  }
  return null;
}

/**
 * MUI's sections are each editable: the field is their group, not the one section clicked.
 * Vuetify's v-autocomplete is a combobox twice (its field and its input): the input, where a person types.
 */
function whole(strategy: WidgetStrategy, element: Element): Element {
  if (strategy.id === 'vuetify-autocomplete') return element.closest('.v-autocomplete')?.querySelector('input') ?? element;
  if (strategy.id !== 'mui-picker') return element;
  return element.closest('[role="group"]') ?? element.closest('.MuiPickersInputBase-root')?.querySelector('[role="group"]') ?? element;
}

function fieldFor(strategy: WidgetStrategy, element: Element): WidgetField {
  if (!PICKERS.has(strategy.id)) return { kind: 'combobox', format: 'plain', family: strategy.id };
  const field: WidgetField = { kind: DAY_PICKERS.has(strategy.id) ? 'date' : 'datetime', format: pickerPattern(strategy.id, element), family: strategy.id };
  // An antd range takes each end with Enter and no blur between (see antd-picker.ts).
  if (strategy.id === 'antd-picker' && element.closest('.ant-picker-range')) field.confirm = 'enter';
  return field;
}

/** The text a picker shows: a text box's value or placeholder, or the sections MUI renders. */
function pickerTexts(element: Element): string[] {
  if (element.tagName === 'INPUT') {
    const input = element as HTMLInputElement;
    // An empty end of a range reads like the other end.
    const picker = input.closest('.ant-picker, .el-date-editor');
    const others = picker ? Array.from(picker.querySelectorAll('input')).filter((i) => i !== input).map((i) => i.value) : [];
    return [input.value, input.placeholder, ...others];
  }
  const root = element.closest('.MuiPickersInputBase-root') ?? element;
  const sections = Array.from(root.querySelectorAll('[role="spinbutton"]'));
  if (sections.length === 0) return [root.textContent ?? ''];
  // Sections and the separators between them, as they read.
  return [(root.querySelector('[role="group"]') ?? root).textContent ?? ''];
}

/** The picker's display pattern in Day.js tokens, read from what it shows; the library's usual one otherwise. */
export function pickerPattern(family: string, element: Element): string {
  for (const text of pickerTexts(element)) {
    const pattern = patternOf(text);
    if (pattern) return pattern;
  }
  return PICKER_DEFAULTS[family] ?? 'YYYY-MM-DD HH:mm';
}

/**
 * A display pattern from a picker's text: a pattern it shows as its placeholder
 * ("MM/DD/YYYY hh:mm aa", "yyyy-MM-dd HH:mm") or a value it shows ("2026-11-30 13:08",
 * "11/30/2026 01:08 PM"). Null when the text is neither.
 */
export function patternOf(raw: string): string | null {
  // Direction marks MUI puts around sections, and spaces beside separators (markup between sections).
  const text = raw
    .replace(/[\u200e\u200f\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([/:.-]) ?/g, '$1')
    .trim();
  if (!text) return null;
  // A day pattern in lower case ("mm/dd/yyyy", Vuetify's): no hours, so "mm" is the month.
  if (/^[mdy/.\- ]+$/.test(text) && /yyyy/.test(text) && /mm/.test(text) && /dd/.test(text)) return text.replace(/yyyy/g, 'YYYY').replace(/mm/g, 'MM').replace(/dd/g, 'DD');
  if (/^[YyMDdHhmsaA/.:\- ,]+$/.test(text) && /(YYYY|yyyy)/.test(text) && /(MM)/.test(text)) {
    return text.replace(/yyyy/g, 'YYYY').replace(/dd/g, 'DD').replace(/\baa?\b/g, 'A');
  }
  const date = text.match(/^(\d{4})([-/.])(\d{2})\2(\d{2})|^(\d{2})([-/.])(\d{2})\6(\d{4})/);
  if (!date) return null;
  let pattern: string;
  if (date[1]) pattern = `YYYY${date[2]}MM${date[2]}DD`;
  else pattern = Number(date[5]) > 12 ? `DD${date[6]}MM${date[6]}YYYY` : `MM${date[6]}DD${date[6]}YYYY`;
  const rest = text.slice(date[0].length);
  const time = rest.match(/^([ T,]+)(\d{1,2}):(\d{2})(:\d{2})?( ?[AaPp][Mm])?$/);
  if (rest === '') return pattern;
  if (!time) return null;
  const twelve = time[5] !== undefined;
  return `${pattern}${time[1]}${twelve ? 'hh' : 'HH'}:mm${time[4] ? ':ss' : ''}${twelve ? `${time[5]!.startsWith(' ') ? ' ' : ''}A` : ''}`;
}

import type { Adapter } from '../schema/adapter';
import type { FilterValues } from '../schema/common';
import type { DomKind } from './collect';
import { boxZone, dateForPerson, formatForBox, isDateBox, isDisplayPattern } from './box-zone';
import { fillTemplate, type DeepLink } from './deep-link';
import { unlistedMessage, valueForDom } from './value-map';
import { copyOpen, gesturesOf, type FieldGestures } from './gestures';
import { kindOfValue } from '../kinds/kind-prefix';
import { DATE_FILTERS, parseInstant } from './values';

/**
 * Plan layer (pure): which control gets which value, what cannot be filled and
 * why, how to submit and what to wait for. No DOM access, so every decision is
 * testable as data and the insert layer only carries it out.
 */
export interface FillStep {
  /** Filter names written into this control (several when they share one box). */
  fields: string[];
  /** How the page calls the control, for messages ("Actor", "Search"). */
  label: string;
  kind: DomKind;
  selectors: string[];
  /** Already formatted for the control. */
  value: string;
  /** The value in plain words for a person to type by hand (dates name the box's clock); planFill always sets it. */
  shown?: string;
  /** The adapter says this box takes several filters side by side. */
  combine?: boolean;
  option?: string[];
  filterInput?: string[];
  /** How the widget takes the value (the adapter's `confirm`); absent: the strategy decides. */
  confirm?: 'enter' | 'blur' | 'ok' | 'none';
  /** A date picker's display pattern the value was written in ("MM/DD/YYYY hh:mm A"). */
  display?: string;
  /** Gestures: what to click first (open), a recorded sequence (steps, verify), a list's markers (./gestures.ts). */
  gestures?: FieldGestures;
}

export interface UnfillableField {
  field: string;
  label: string;
  value: string;
  reason: 'no-field' | 'url-only' | 'conflict' | 'merged' | 'kind' | 'unlisted';
  /** Plain words, including the value to type by hand. */
  message: string;
}

/**
 * A box the step does not set, emptied before writing when the step asks for a fresh
 * search (`reset`). Fields sharing one control are one entry.
 */
export interface ClearStep {
  fields: string[];
  label: string;
  kind: DomKind;
  selectors: string[];
  option?: string[];
  filterInput?: string[];
  gestures?: FieldGestures;
}

export interface FillPlan {
  steps: FillStep[];
  /** Boxes to empty before writing (reset); none unless asked for. */
  clear?: ClearStep[];
  unfillable: UnfillableField[];
  /** Filters carried by `navigate` (the deep link) rather than typed in. */
  viaUrl: string[];
  navigate?: string;
  submit: { via: 'click' | 'enter' | 'none'; selectors: string[]; open?: FieldGestures['open'] };
  /** debounceMs: the console searches as you type (submit none) after this pause. */
  wait: { busy: string[]; ready: string[]; rows: string[]; timeoutMs: number; debounceMs?: number };
}

export interface PlanOptions {
  /** False: fill only, the person presses the button. */
  submit?: boolean;
  /**
   * A deep link already built for these values (buildDeepLink in ./deep-link.ts):
   * fields it carries travel in it and are not typed; its `unused` ones still are.
   * A bare URL string means "every field with a URL strategy is in it".
   */
  deepLink?: string | Pick<DeepLink, 'url' | 'unused' | 'unlisted'> | null;
  /**
   * A fresh search: empty every other filter box of the adapter first, so nothing an earlier
   * search left keeps filtering. Ignored with a deep link (the link replaces the whole query).
   * Checkboxes are left as they are (unticked is not always "no filter").
   */
  reset?: boolean;
}

/** Kinds where two filters can share one box by being written side by side (if the adapter says the box takes them). */
const JOINABLE: ReadonlySet<DomKind> = new Set(['text', 'codeEditor']);
const DEFAULT_TIMEOUT_MS = 15_000;

export function planFill(adapter: Adapter, values: FilterValues, options: PlanOptions = {}): FillPlan {
  const steps: FillStep[] = [];
  const unfillable: UnfillableField[] = [];
  const viaUrl: string[] = [];
  const deepLink = typeof options.deepLink === 'string' ? options.deepLink : (options.deepLink?.url ?? undefined);
  const notInLink = new Set(typeof options.deepLink === 'object' && options.deepLink ? options.deepLink.unused : []);
  const unlistedInLink = new Set(typeof options.deepLink === 'object' && options.deepLink ? (options.deepLink.unlisted ?? []) : []);

  for (const [field, raw] of Object.entries(values)) {
    if (!raw.trim()) continue;
    const spec = adapter.fields[field];
    const label = spec?.label ?? defaultLabel(field);
    // An event kind must be translated into this tool's own code first (utils/kinds/resolve.ts);
    // typed as it is, it would find nothing and look like "no such events".
    if (kindOfValue(raw) !== undefined) {
      unfillable.push({ field, label, value: raw, reason: 'kind', message: cannotFill(adapter, field, label, raw, 'kind') });
      continue;
    }
    if (deepLink && spec?.url && !notInLink.has(field)) {
      viaUrl.push(field);
      continue;
    }
    const dom = spec?.dom;
    // A value map that doesn't list this value: say so rather than type something the console never records.
    const mapped = spec && dom ? valueForDom(spec, raw) : null;
    if ((!dom && unlistedInLink.has(field)) || (mapped && !mapped.ok)) {
      const message = unlistedMessage(adapter.name, label, mapped && !mapped.ok ? mapped.unlisted : raw);
      unfillable.push({ field, label, value: raw, reason: 'unlisted', message });
      continue;
    }
    if (!dom) {
      const reason = spec?.url ? 'url-only' : 'no-field';
      unfillable.push({ field, label, value: raw, reason, message: cannotFill(adapter, field, label, raw, reason) });
      continue;
    }
    // The box gets the console's own value and syntax ("account:{value}"); the person reads the step's word.
    const boxValue = formatForBox(mapped?.ok ? mapped.value : raw, dom);
    const value = dom.template ? fillTemplate(dom.template, { value: boxValue }) : boxValue;
    const shown = isDateBox(dom) ? dateForPerson(raw, boxZone(dom), dom.format === 'date' || dom.kind === 'date') : raw;
    // Two fields whose selector lists share an alternative point at the same control.
    const existing = steps.find((step) => step.selectors.some((selector) => dom.selectors.includes(selector)));
    if (existing) {
      if (JOINABLE.has(existing.kind) && JOINABLE.has(dom.kind) && existing.combine === true && dom.combine === true) {
        existing.fields.push(field);
        existing.value = `${existing.value} ${value}`;
        existing.shown = `${existing.shown ?? existing.value} ${shown}`;
      } else {
        // A plain search box given two values usually finds nothing: refuse rather than merge.
        const reason = JOINABLE.has(existing.kind) && JOINABLE.has(dom.kind) ? 'merged' : 'conflict';
        const message =
          reason === 'merged'
            ? `The ${existing.label} box on ${adapter.name} can only take one of ${[...existing.fields.map((f) => labelOf(adapter, f)), label].join(' / ')} — set ${label} yourself: ${shown}`
            : cannotFill(adapter, field, label, raw, 'conflict');
        unfillable.push({ field, label, value: raw, reason, message });
      }
      continue;
    }
    const step: FillStep = {
      fields: [field],
      label,
      kind: dom.kind,
      selectors: [...dom.selectors],
      value,
      shown,
      ...(dom.combine ? { combine: true } : {}),
      ...(dom.option ? { option: [...dom.option] } : {}),
      ...(dom.filterInput ? { filterInput: [...dom.filterInput] } : {}),
      ...(dom.confirm ? { confirm: dom.confirm } : {}),
      ...(isDisplayPattern(dom.format) ? { display: dom.format } : {}),
      ...gesturesOf(dom),
    };
    steps.push(step);
  }

  // A filter left blank (an optional input not given) is cleared too: blank means "no filter".
  const clear = options.reset && !deepLink ? planClear(adapter, steps.map((s) => s.selectors)) : [];

  const wantsSubmit = options.submit !== false && steps.length > 0;
  const adapterSubmit = adapter.submit ?? { via: 'enter' as const };
  return {
    steps,
    ...(clear.length > 0 ? { clear } : {}),
    unfillable,
    viaUrl,
    ...(deepLink ? { navigate: deepLink } : {}),
    submit: wantsSubmit
      ? { via: adapterSubmit.via, selectors: [...(adapterSubmit.selectors ?? [])], ...('open' in adapterSubmit && adapterSubmit.open ? { open: copyOpen(adapterSubmit.open) } : {}) }
      : { via: 'none', selectors: [] },
    wait: {
      busy: [...(adapter.waitFor?.busy ?? [])],
      ready: [...(adapter.waitFor?.ready ?? [])],
      rows: [...(adapter.results?.row ?? [])],
      timeoutMs: adapter.waitFor?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(adapter.waitFor?.debounceMs !== undefined ? { debounceMs: adapter.waitFor.debounceMs } : {}),
    },
  };
}

/** Every DOM filter control of the adapter that none of `inUse` points at, one entry per control. */
function planClear(adapter: Adapter, inUse: readonly (readonly string[])[]): ClearStep[] {
  const clear: ClearStep[] = [];
  const overlaps = (a: readonly string[], b: readonly string[]) => a.some((selector) => b.includes(selector));
  for (const [field, spec] of Object.entries(adapter.fields)) {
    const dom = spec.dom;
    if (!dom || dom.kind === 'checkbox') continue;
    if (inUse.some((selectors) => overlaps(selectors, dom.selectors))) continue;
    const same = clear.find((c) => overlaps(c.selectors, dom.selectors));
    if (same) {
      same.fields.push(field);
      continue;
    }
    clear.push({
      fields: [field],
      label: spec.label ?? defaultLabel(field),
      kind: dom.kind,
      selectors: [...dom.selectors],
      ...(dom.option ? { option: [...dom.option] } : {}),
      ...(dom.filterInput ? { filterInput: [...dom.filterInput] } : {}),
      ...gesturesOf(dom),
    });
  }
  return clear;
}

const DEFAULT_LABELS: Record<string, string> = {
  actor: 'Actor',
  action: 'Event type',
  target: 'Target',
  ip: 'IP address',
  since: 'From',
  until: 'To',
  text: 'Search',
};

function labelOf(adapter: Adapter, field: string): string {
  return adapter.fields[field]?.label ?? defaultLabel(field);
}

export function defaultLabel(field: string): string {
  return DEFAULT_LABELS[field] ?? field.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** Dates read better by hand as "2026-03-01 00:00 UTC" than as ISO with milliseconds. */
export function valueForPerson(field: string, value: string): string {
  if (!DATE_FILTERS.has(field)) return value;
  const iso = parseInstant(value);
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : value;
}

function cannotFill(adapter: Adapter, field: string, label: string, value: string, reason: UnfillableField['reason']): string {
  const shown = valueForPerson(field, value);
  switch (reason) {
    case 'no-field':
      return `${adapter.name} has no "${label}" filter that Trailguide knows of — if you can filter on it, use this: ${shown}`;
    case 'url-only':
      return `${adapter.name} takes "${label}" only through the page address — use the link option, or set it yourself: ${shown}`;
    case 'unlisted':
      return unlistedMessage(adapter.name, label, shown);
    case 'kind':
      return `This step asks for a kind of event (${kindOfValue(value)}) that wasn't translated into ${adapter.name}'s own event name, so Trailguide didn't type it. Search for it by hand if ${adapter.name} records it.`;
    case 'conflict':
    case 'merged':
      return `"${label}" goes into a control that another filter already uses — set it yourself: ${shown}`;
  }
}

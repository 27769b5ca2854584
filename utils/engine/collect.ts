import type { Adapter, AdapterField } from '../schema/adapter';
import { findAll, findFirst } from './query';

/**
 * Collect layer: scans the page into plain, serialisable descriptions (no
 * element references), so a report can cross a message boundary and a test can
 * compare it as data.
 */
export type DomKind = NonNullable<AdapterField['dom']>['kind'];

export interface CollectedField {
  field: string;
  found: boolean;
  selectorUsed?: string;
  kind: DomKind;
  tag?: string;
  /** What the control shows now (capped); empty when not found. */
  currentValue: string;
}

export interface ProbeReport {
  url: string;
  fields: CollectedField[];
  submit: { found: boolean; selectorUsed?: string };
  results: { found: boolean; selectorUsed?: string; rowCount: number; empty: boolean };
  elements: { name: string; found: boolean; selectorUsed?: string }[];
}

const MAX_VALUE_CHARS = 200;

export function collectField(root: ParentNode, field: string, dom: NonNullable<AdapterField['dom']>): CollectedField {
  const hit = findFirst(root, dom.selectors);
  if (!hit) return { field, found: false, kind: dom.kind, currentValue: '' };
  return {
    field,
    found: true,
    selectorUsed: hit.selectorUsed,
    kind: dom.kind,
    tag: hit.element.tagName.toLowerCase(),
    currentValue: readControlValue(hit.element).slice(0, MAX_VALUE_CHARS),
  };
}

/** The value a person would see in the control. */
export function readControlValue(element: Element): string {
  const tag = element.tagName;
  if (tag === 'INPUT') {
    const input = element as HTMLInputElement;
    if (input.type === 'checkbox' || input.type === 'radio') return input.checked ? 'true' : 'false';
    return input.value;
  }
  if (tag === 'TEXTAREA' || tag === 'SELECT') return (element as HTMLTextAreaElement).value;
  const dataValue = element.getAttribute('data-value');
  if (dataValue !== null) return dataValue;
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function collectAdapter(doc: Document, adapter: Adapter): ProbeReport {
  const fields: CollectedField[] = [];
  for (const [field, spec] of Object.entries(adapter.fields)) {
    if (spec.dom) fields.push(collectField(doc, field, spec.dom));
  }
  const submitHit = adapter.submit?.selectors ? findFirst(doc, adapter.submit.selectors) : null;
  const rows = adapter.results ? findAll(doc, adapter.results.row) : { elements: [], selectorUsed: null };
  const emptyHit = adapter.results?.empty ? findFirst(doc, adapter.results.empty) : null;
  return {
    url: doc.location?.href ?? '',
    fields,
    submit: submitHit ? { found: true, selectorUsed: submitHit.selectorUsed } : { found: false },
    results: {
      found: rows.elements.length > 0,
      ...(rows.selectorUsed ? { selectorUsed: rows.selectorUsed } : {}),
      rowCount: rows.elements.length,
      empty: emptyHit !== null,
    },
    elements: Object.entries(adapter.elements).map(([name, selectors]) => {
      const hit = findFirst(doc, selectors);
      return hit ? { name, found: true, selectorUsed: hit.selectorUsed } : { name, found: false };
    }),
  };
}

import type { DomKind } from '../engine/collect';
import type { ValueFormat } from '../schema/adapter';
import { COLUMN_KEY_ATTRS, looksFrameworkAttr, type CellFacts, type ElementFacts, type NodeFacts, type RowFacts, type SelectorTest } from './selectors';
import { definitionRow, rowKin } from './next-sibling';

/**
 * The page side of the builder: turns the element a person pointed at into
 * plain facts (for the pure proposal in ./selectors.ts) and checks candidate
 * selectors against the live page. Runs inside the injected executor.
 */
const KEPT_ATTRS = new Set([
  'name', 'aria-label', 'role', 'type', 'placeholder', 'title', 'for', 'href', 'headers', 'aria-colindex', 'datetime',
  'data-testid', 'data-test-id', 'data-test', 'data-qa', 'data-cy', ...COLUMN_KEY_ATTRS,
]);
const MAX_ANCESTORS = 25;
const MAX_TEXT = 120;

export function nodeFacts(el: Element): NodeFacts {
  const attrs: Record<string, string> = {};
  let dataCount = 0;
  for (const attr of Array.from(el.attributes)) {
    // Vue's data-v-<hash> and its kind would take the slots of the attributes that mean something.
    const isData = attr.name.startsWith('data-') && !looksFrameworkAttr(attr.name);
    if (!KEPT_ATTRS.has(attr.name) && !(isData && dataCount < 8)) continue;
    if (isData && !KEPT_ATTRS.has(attr.name)) dataCount++;
    attrs[attr.name] = attr.value.slice(0, 200);
  }
  const siblings = el.parentElement ? Array.from(el.parentElement.children) : [el];
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id || null,
    classes: Array.from(el.classList).slice(0, 12),
    attrs,
    text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT),
    nthChild: siblings.indexOf(el) + 1,
    nthOfType: siblings.filter((s) => s.tagName === el.tagName).indexOf(el) + 1,
  };
}

export function elementFacts(el: Element): ElementFacts {
  const ancestors: NodeFacts[] = [];
  for (let a = el.parentElement; a && a.tagName !== 'BODY' && a.tagName !== 'HTML' && ancestors.length < MAX_ANCESTORS; a = a.parentElement) {
    ancestors.push(nodeFacts(a));
  }
  return { ...nodeFacts(el), ancestors };
}

/** Sibling elements that look like `el`: same tag, and the same role when it has one. */
function likeSiblings(el: Element): Element[] {
  const parent = el.parentElement;
  if (!parent) return [el];
  const role = el.getAttribute('role');
  return Array.from(parent.children).filter((s) => s.tagName === el.tagName && s.getAttribute('role') === role);
}

export function rowFacts(row: Element): RowFacts {
  // Rows in several alike groups (one list a day) are judged with the other groups' rows too.
  const kin = rowKin(row);
  const siblings = kin.length > likeSiblings(row).length ? kin : likeSiblings(row);
  const share = (names: string[], has: (s: Element, n: string) => boolean) =>
    names.filter((n) => siblings.filter((s) => has(s, n)).length >= Math.max(1, Math.ceil(siblings.length * 0.8)));
  return {
    ...elementFacts(row),
    sharedAttrs: share(row.getAttributeNames(), (s, n) => s.hasAttribute(n)),
    sharedClasses: share(Array.from(row.classList), (s, n) => s.classList.contains(n)),
  };
}

/** A row of column headers (a row whose first cell is a `th` heading that row — Django's admin — is a result row). */
function isHeaderRow(row: Element): boolean {
  return row.querySelector('th, [role="columnheader"]') !== null && row.querySelector('td, [role="gridcell"], [role="cell"]') === null;
}

/** The result row around whatever was clicked: a table row, an ARIA row, or the first ancestor repeated among its siblings. */
export function resolveRow(target: Element): Element {
  const explicit = target.closest('tr, [role="row"]');
  if (explicit && !isHeaderRow(explicit)) return explicit;
  // A term of a description list is a row (Redmine's event <dt>), however few a day's list holds.
  const term = definitionRow(target);
  if (term) return term;
  for (let el: Element | null = target; el && el.tagName !== 'BODY'; el = el.parentElement) {
    if (likeSiblings(el).length >= 3 && ['LI', 'DIV', 'ARTICLE', 'SECTION', 'A'].includes(el.tagName)) return el;
  }
  return explicit ?? target;
}

const CONTROL = 'input, select, textarea, [role="combobox"], [contenteditable="true"], [contenteditable=""]';

/** The control a click meant: a label's input, the button around an icon, the one input inside a wrapper. */
export function resolveControl(target: Element, want: 'field' | 'button'): Element {
  if (want === 'button') return target.closest('button, a, [role="button"], input[type="submit"], input[type="button"]') ?? target;
  const label = target.closest('label');
  if (label && !target.matches(CONTROL)) {
    const control = (label as HTMLLabelElement).control;
    if (control) return control;
  }
  const inside = target.closest(CONTROL);
  if (inside) return inside;
  const within = target.querySelectorAll(CONTROL);
  return within.length === 1 ? within[0]! : target;
}

/** The cell a click meant: a machine-readable <time> inside it when there is exactly one. */
export function resolveCell(target: Element): Element {
  if (target.tagName === 'TIME') return target;
  const times = target.querySelectorAll('time[datetime]');
  return times.length === 1 ? times[0]! : target;
}

export function cellFacts(row: Element, cell: Element): CellFacts {
  const steps: NodeFacts[] = [];
  for (let el: Element | null = cell; el && el !== row; el = el.parentElement) steps.unshift(nodeFacts(el));
  return { steps };
}

/** How the engines should write into a control (see insert.ts). */
export function fieldKind(el: Element, isDate: boolean): { kind: DomKind; format: ValueFormat } {
  const tag = el.tagName;
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  if (tag === 'SELECT') return { kind: 'select', format: 'plain' };
  if (tag === 'INPUT' && type === 'date') return { kind: 'date', format: 'date' };
  if (tag === 'INPUT' && type === 'datetime-local') return { kind: 'datetime', format: 'datetimeLocal' };
  if (tag === 'INPUT' && (type === 'checkbox' || type === 'radio')) return { kind: 'checkbox', format: 'plain' };
  if (tag !== 'INPUT' && tag !== 'TEXTAREA' && el.getAttribute('role') === 'combobox') return { kind: 'combobox', format: 'plain' };
  if (tag !== 'INPUT' && tag !== 'TEXTAREA' && (el as HTMLElement).isContentEditable) return { kind: 'codeEditor', format: 'plain' };
  return { kind: 'text', format: isDate ? 'iso' : 'plain' };
}

function safeAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** For one control: how many elements a selector finds, and whether the first is the target. */
export function testSingle(doc: ParentNode, target: Element) {
  return (selector: string): SelectorTest => {
    const found = safeAll(doc, selector);
    return { count: found.length, hitsTarget: found[0] === target };
  };
}

/** For rows: the matches include the picked row and all look like rows (no header rows, same tag). */
export function testRows(doc: ParentNode, row: Element) {
  return (selector: string): SelectorTest => {
    const found = safeAll(doc, selector);
    const consistent = found.every((r) => r === row || (r.tagName === row.tagName && !isHeaderRow(r) && !r.contains(row) && !row.contains(r)));
    return { count: found.length, hitsTarget: found.includes(row), consistent };
  };
}

/** For cells (relative to a row): hits the picked cell in its row, and finds a cell in nearly every sampled row. */
export function testCells(rows: readonly Element[], row: Element, cell: Element) {
  const sample = rows.slice(0, 25);
  return (selector: string): SelectorTest => {
    const query = (r: Element) => {
      try {
        return selector === ':scope' ? r : r.querySelector(selector);
      } catch {
        return null;
      }
    };
    const count = sample.filter((r) => query(r) !== null).length;
    return { count, hitsTarget: query(row) === cell, consistent: count >= Math.ceil(sample.length * 0.8) };
  };
}

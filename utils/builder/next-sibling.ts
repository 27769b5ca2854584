import { compileCellQuery } from '../engine/row-patterns';
import { stableClasses, type Candidate, type CellFacts, type SelectorTest } from './selectors';

/**
 * Rows over two elements (Redmine's activity: an event is a `<dt>` — its time and title —
 * and the `<dd>` right after it holds the person). The adapter format reads such a part with
 * a cell selector that starts at the row and steps to the element after it
 * (`:scope + dd span.author a`, utils/engine/row-patterns.ts compileCellQuery). Here, the
 * builder's side: which row a click in the line under a row belongs to, the candidates for
 * that part relative to the row, and their check on the other rows.
 */

/** The result row whose next element holds `target` (that element is not a row itself), or null. */
export function rowBefore(rows: readonly Element[], target: Element): { row: Element; after: Element } | null {
  const isRow = new Set(rows);
  for (const row of rows) {
    const after = row.nextElementSibling;
    if (after && !isRow.has(after) && after.contains(target)) return { row, after };
  }
  return null;
}

/**
 * Candidates found inside the element after the row (`span.author a`, `:scope > span > a`),
 * rewritten to start at the row: `:scope + dd span.author a`. `afterTag` is that element's
 * kind (its tag): every row's next element must be of that kind for a selector to read it.
 */
export function afterRowCandidates(afterTag: string, inside: readonly Candidate[]): Candidate[] {
  const step = `:scope + ${afterTag}`;
  const out: Candidate[] = [];
  for (const candidate of inside) {
    const selector = candidate.selector === ':scope' ? step : candidate.selector.startsWith(':scope') ? `${step}${candidate.selector.slice(':scope'.length)}` : `${step} ${candidate.selector}`;
    if (!out.some((c) => c.selector === selector)) out.push({ selector, kind: candidate.kind });
  }
  return out;
}

/**
 * "The link in the author box" (`span.author a`): the picked element's kind under the nearest
 * wrapper named by a style name, nearest first. Inside the line after a row, a wrapper's class
 * says which part it is (a note may hold a person's link too, in `span.description`).
 */
export function wrapperCandidates(cell: CellFacts): Candidate[] {
  const target = cell.steps[cell.steps.length - 1];
  if (!target) return [];
  const out: Candidate[] = [];
  for (let i = cell.steps.length - 2; i >= 0; i--) {
    const wrapper = cell.steps[i]!;
    const cls = stableClasses(wrapper.classes)[0];
    if (cls) out.push({ selector: `${wrapper.tag}.${cls} ${target.tag}`, kind: 'class' });
  }
  return out;
}

/**
 * For a part picked in the element after its row: the selector (from the row, as the
 * capture reads it) finds the picked element in its row, and one in nearly every sampled row.
 */
export function testAfterRowCells(rows: readonly Element[], row: Element, cell: Element) {
  const sample = rows.slice(0, 25);
  return (selector: string): SelectorTest => {
    const query = compileCellQuery([selector]);
    const count = sample.filter((r) => query(r) !== null).length;
    return { count, hitsTarget: query(row) === cell, consistent: count >= Math.ceil(sample.length * 0.8) };
  };
}

/**
 * The rows like `row` on the page: its siblings of the same kind, and — when its parent is one
 * of several alike groups (Redmine's one `<dl>` a day under `#activity`) — the same kind of
 * element in those groups too, so what the rows share is judged over all of them, not one day's.
 */
export function rowKin(row: Element): Element[] {
  const parent = row.parentElement;
  // Only lists of terms: elsewhere a parent's look-alike siblings (a sidebar beside a list) are no rows.
  if (!parent || parent.tagName !== 'DL') return [row];
  const same = (a: Element, b: Element) => a.tagName === b.tagName && a.getAttribute('role') === b.getAttribute('role');
  const groups = parent.parentElement ? Array.from(parent.parentElement.children).filter((g) => same(g, parent)) : [parent];
  return groups.flatMap((g) => Array.from(g.children).filter((c) => same(c, row)));
}

/** A term of a description list (`<dt>`) around the click: a row by what it is, however few a group holds. */
export function definitionRow(target: Element): Element | null {
  const term = target.closest('dt');
  return term && term.parentElement?.tagName === 'DL' ? term : null;
}

import { compileCellQuery } from '../engine/row-patterns';
import { cellFacts, resolveCell } from './describe';
import { classOffer, firstClass, type ClassOffer } from './class-values';
import { afterRowCandidates, rowBefore, testAfterRowCells, wrapperCandidates } from './next-sibling';
import { confirmCandidates, proposeCellSelectors, type Candidate } from './selectors';

/**
 * The page side of ./next-sibling.ts and ./class-values.ts, for the picker (./pick.ts): a
 * part clicked in the line after a row, and an event type offered from the row's style name.
 */

/** A click in the element right after a row: that row, the part meant, and selectors from the row confirmed on the other rows. */
export function afterRowPick(rows: readonly Element[], target: Element, max: number): { row: Element; cell: Element; confirmed: Candidate[] } | null {
  const found = rowBefore(rows, target);
  if (!found) return null;
  const cell = resolveCell(target);
  const facts = cellFacts(found.after, cell);
  const inside = [...wrapperCandidates(facts), ...proposeCellSelectors(facts)];
  const candidates = afterRowCandidates(found.after.tagName.toLowerCase(), inside);
  return { row: found.row, cell, confirmed: confirmCandidates(candidates, testAfterRowCells(rows, found.row, cell), 'many', max) };
}

const textOf = (el: Element | null) => (el ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : null);

/**
 * The event type read from each row's first class, offered when the part the person pointed
 * at (found in each row by `selector`; the whole row when null) doesn't repeat like an event
 * code while the class does.
 */
export function rowClassOffer(rows: readonly Element[], row: Element, selector: string | null): ClassOffer | null {
  const visible = rows.slice(0, 200);
  const query = selector ? compileCellQuery([selector]) : (r: Element) => r;
  const offer = classOffer(
    visible.map((r) => r.getAttribute('class')),
    visible.map((r) => textOf(query(r))),
  );
  return offer ? { ...offer, here: firstClass(row.getAttribute('class')) } : null;
}

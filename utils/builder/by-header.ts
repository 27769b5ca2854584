import { cellUnder, findHeader, headerAbove, headerText } from '../engine/columns-by-header';
import { cellFacts } from './describe';
import { confirmCandidates, proposeCellSelectors } from './selectors';
import { testCells } from './describe';
import { headerSurvives } from './survive';

/**
 * The picker's side of columns by header (page side, in the executor): when the rows
 * have a header row, the column a person clicked is stored by its header's text, so the
 * console moving its columns moves nothing (utils/engine/columns-by-header.ts reads it).
 */
export interface HeaderPick {
  /** The header's text as the page shows it ("User"). */
  header: string;
  /** Selectors inside the header's cell down to what was clicked; absent when the cell itself was. */
  inner?: string[];
}

/** The row's child that holds the cell (its column's cell). */
function columnCellOf(row: Element, cell: Element): Element | null {
  let el: Element | null = cell;
  while (el && el.parentElement !== row) el = el.parentElement;
  return el;
}

/**
 * The header above the clicked cell, checked the way the capture will read it: exactly one
 * header has that text, it leads back to this very cell, and it finds a cell in (nearly)
 * every other row. Null when the rows have no header, or it can't be trusted.
 */
export function headerPick(rows: readonly Element[], row: Element, cell: Element, maxInner = 4): HeaderPick | null {
  const top = columnCellOf(row, cell);
  if (!top) return null;
  const above = headerAbove(row, top);
  const text = above ? headerText(above).slice(0, 120) : '';
  if (!above || !text) return null;
  const again = findHeader(row, text);
  if (again !== above || cellUnder(row, above) !== top) return null;
  const sample = rows.slice(0, 25);
  const tops = sample.map((r) => {
    const h = findHeader(r, text);
    return h ? cellUnder(r, h) : null;
  });
  if (tops.filter(Boolean).length < Math.ceil(sample.length * 0.8)) return null;
  // The same header still leads to this column once the columns are moved (./survive.ts).
  if (!headerSurvives(text, rows, row, top)) return null;
  if (top === cell) return { header: text };
  // Inside the cell: the same rules as for cells in a row, with the column's cell as the row.
  const facts = cellFacts(top, cell);
  const inner = confirmCandidates(proposeCellSelectors(facts, { insideColumn: true }), testCells(tops.filter((t): t is Element => t !== null), top, cell), 'many', maxInner).map((c) => c.selector);
  return inner.length > 0 ? { header: text, inner } : { header: text };
}

import { cellUnder, findHeader, headerCellsFor } from '../engine/columns-by-header';
import type { Candidate } from './selectors';

/**
 * "Checked before offered" (issue 14 §1): before the builder offers a cell's selectors,
 * each is tried again on a copy of the rows as the console could render them next —
 * its columns in another order (as a person moving columns, or a saved per-user order,
 * leaves them). A selector that then finds another element than the one it stood for
 * (another column's cell: the issue's `td:nth-child(4) …` reading the wrong actor) is
 * dropped. The copy is detached, so the page and its framework never see it.
 *
 * The rotation is pure over a small tree interface, so it is tested without a browser;
 * `reRenderedRows` builds the copy from the live rows.
 */

/** One way of re-rendering: every row's (and the header row's) cells moved one place left, the first going last. */
export function rotateCells(rowLike: Element): void {
  const cells = Array.from(rowLike.children);
  if (cells.length < 2) return;
  rowLike.appendChild(cells[0]!);
}

/** The path of child indexes from `root` down to `el` (null when `el` is not inside it). */
export function pathFrom(root: Element, el: Element): number[] | null {
  const path: number[] = [];
  for (let node: Element | null = el; node !== root; node = node.parentElement) {
    if (!node || !node.parentElement) return null;
    path.unshift(Array.prototype.indexOf.call(node.parentElement.children, node));
  }
  return path;
}

export function atPath(root: Element, path: readonly number[]): Element | null {
  let node: Element | null = root;
  for (const index of path) {
    node = node?.children[index] ?? null;
    if (!node) return null;
  }
  return node;
}

const firstRow = (rows: readonly Element[]): Element => rows[0]!;

export interface ReRendered {
  /** The copy's rows, in the order of the rows given. */
  rows: Element[];
  /** The copy of an element of the original rows (the same cell, moved with its column). */
  copyOf: (original: Element) => Element | null;
}

/** The nearest element holding all the rows and their header cells, if any (where a re-render starts). */
function containerOf(rows: readonly Element[]): Element | null {
  const first = rows[0];
  if (!first) return null;
  let container = first.parentElement;
  while (container && !rows.every((r) => container!.contains(r))) container = container.parentElement;
  // Up to the header's container, so the header moves with the columns.
  const headers = headerCellsFor(first);
  while (container && headers.some((h) => !container!.contains(h))) container = container.parentElement;
  return container;
}

/**
 * A detached copy of the rows (and their header) with the columns rotated. Identity is
 * kept by position in the copy: the copy of a cell is the cell that moved with it.
 */
export function reRenderedRows(rows: readonly Element[]): ReRendered | null {
  const container = containerOf(rows);
  if (!container) return null;
  const rowPaths = rows.map((r) => pathFrom(container, r));
  if (rowPaths.some((p) => p === null)) return null;
  const copy = container.cloneNode(true) as Element;
  // Remember where every original cell's copy is before moving anything.
  const copiedRows = rowPaths.map((p) => atPath(copy, p!)!);
  const headerRows = new Set<Element>();
  // The copy's header rows (a row whose first cell is a th heading it, as in Django's admin, is a result row).
  const headerPaths = headerCellsFor(firstRow(rows)).map((h) => (h.parentElement ? pathFrom(container, h.parentElement) : null));
  for (const path of headerPaths) {
    const headerRow = path ? atPath(copy, path) : null;
    if (headerRow && !copiedRows.includes(headerRow)) headerRows.add(headerRow);
  }
  const before = new Map<string, Element>();
  copiedRows.forEach((copyRow, i) => {
    Array.from(copyRow.children).forEach((cell, c) => before.set(`${i}/${c}`, cell));
  });
  for (const row of [...copiedRows, ...headerRows]) rotateCells(row);
  return {
    rows: copiedRows,
    copyOf: (original) => {
      const i = rows.findIndex((r) => r.contains(original) && r !== original);
      if (i < 0) return rows.includes(original) ? copiedRows[rows.indexOf(original)]! : null;
      const path = pathFrom(rows[i]!, original)!;
      const cell = before.get(`${i}/${path[0]}`);
      return cell ? atPath(cell, path.slice(1)) : null;
    },
  };
}

/**
 * The cell candidates that still find, in every sampled row of the re-rendered copy, the
 * copy of what they found on the page. `query` runs a row-relative selector (as the
 * capture does). Without a copy (rows with no common container) nothing can be checked and
 * the candidates are returned as they are.
 */
export function survivingCellCandidates(candidates: readonly Candidate[], rows: readonly Element[], query: (row: Element, selector: string) => Element | null): Candidate[] {
  const sample = rows.slice(0, 25);
  const copy = reRenderedRows(sample);
  if (!copy) return [...candidates];
  return candidates.filter((candidate) =>
    sample.every((row, i) => {
      const found = query(row, candidate.selector);
      const again = query(copy.rows[i]!, candidate.selector);
      return found === null ? again === null : again === copy.copyOf(found);
    }),
  );
}

/** A header pick survives when the same header text leads, in the copy, to the copy of the clicked column's cell. */
export function headerSurvives(header: string, rows: readonly Element[], row: Element, top: Element): boolean {
  const copy = reRenderedRows([row, ...rows.filter((r) => r !== row).slice(0, 24)]);
  if (!copy) return true;
  const copyRow = copy.rows[0]!;
  const headerCell = findHeader(copyRow, header);
  return headerCell !== null && cellUnder(copyRow, headerCell) === copy.copyOf(top);
}

/** A row-relative query as the builder's cell test runs it. */
export function queryInRow(row: Element, selector: string): Element | null {
  try {
    return selector === ':scope' ? row : row.querySelector(selector);
  } catch {
    return null;
  }
}

/**
 * The confirmed selectors for a cell, from the proposals that survive the re-render (the
 * picked row first). When none of those is confirmed (a grid without headers or column
 * keys, whose cells differ only by place), the confirmed ones among all proposals — a
 * position is then the only way there is, and the capture's own checks remain.
 */
export function lastingCellSelectors(proposals: readonly Candidate[], rows: readonly Element[], row: Element, confirm: (candidates: readonly Candidate[]) => Candidate[]): Candidate[] {
  const lasting = confirm(survivingCellCandidates(proposals, [row, ...rows.filter((r) => r !== row)], queryInRow));
  return lasting.length > 0 ? lasting : confirm(proposals);
}

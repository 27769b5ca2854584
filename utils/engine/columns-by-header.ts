/**
 * Columns found by their header (`results.columns.<name>.header`): the cell under the
 * header cell whose text is "User", wherever the person (or the console) has moved that
 * column. Used by the capture engine and by the builder's picker, so both agree on what
 * "the User column" is.
 *
 * A header cell is a `th` or a `[role=columnheader]` in the nearest container of the rows
 * that has any (a `<table>`; a grid whose header sits in its own wrapper, as Element Plus
 * and AG Grid render it). A row's cell is the one at the header's column: the same
 * `aria-colindex` where the header carries one, else the same position counting `colspan`.
 * When no header has that text, nothing is read: the caller says so, it never guesses.
 */
const HEADER_CELLS = 'th, [role="columnheader"]';
const ROW_CELLS = new Set(['TD', 'TH']);
const CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader', 'columnheader']);
/** How far above the rows a header may be (row → tbody → table → wrapper → grid…). */
const MAX_LEVELS = 8;

/** Header text as compared: case, spacing and sort arrows don't count. */
export function headerKey(text: string): string {
  return text
    .replace(/[▲▼△▽↑↓⇅⬍▴▾]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The text a header cell shows (its aria-label when it shows none). */
export function headerText(cell: Element): string {
  const text = (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text || (cell.getAttribute('aria-label') ?? '').trim();
}

function isCell(el: Element): boolean {
  if (ROW_CELLS.has(el.tagName)) return true;
  const role = el.getAttribute('role');
  return role !== null && CELL_ROLES.has(role);
}

/** The row's cells: its cell children (td, th, role=cell…), or all its children when it has none. */
function cellsOf(row: Element): Element[] {
  const children = Array.from(row.children);
  const cells = children.filter(isCell);
  return cells.length > 0 ? cells : children;
}

function span(cell: Element): number {
  const value = Number(cell.getAttribute('colspan') ?? '1');
  return Number.isInteger(value) && value > 1 ? Math.min(value, 1_000) : 1;
}

/** 0-based column where a cell starts within its row, counting colspans. */
function columnOf(cell: Element): number {
  const parent = cell.parentElement;
  if (!parent) return 0;
  let column = 0;
  for (const sibling of cellsOf(parent)) {
    if (sibling === cell) return column;
    column += span(sibling);
  }
  return -1;
}

/**
 * A column's header, not a row's: a `th` in a row that also has `td`s heads its row (Django's
 * admin puts each entry's first field in one), as does `scope="row"`.
 */
function headsAColumn(cell: Element): boolean {
  if (cell.getAttribute('role') === 'columnheader') return true;
  if (cell.getAttribute('scope') === 'row' || cell.getAttribute('role') === 'rowheader') return false;
  return !cell.parentElement?.querySelector(':scope > td, :scope > [role="gridcell"], :scope > [role="cell"]');
}

/** The header cells for these rows: those of the nearest container of the row that has any. */
export function headerCellsFor(row: Element): Element[] {
  let level = 0;
  for (let container = row.parentElement; container && level < MAX_LEVELS; container = container.parentElement, level++) {
    if (container.tagName === 'BODY') break;
    const found = Array.from(container.querySelectorAll(HEADER_CELLS)).filter((h) => !row.contains(h) && headsAColumn(h));
    if (found.length > 0) return found;
  }
  return [];
}

/** The header cell with this text (compared by headerKey); null when there is none, or more than one. */
export function findHeader(row: Element, header: string): Element | null {
  const key = headerKey(header);
  const matches = headerCellsFor(row).filter((cell) => headerKey(headerText(cell)) === key || headerKey(cell.getAttribute('aria-label') ?? '') === key);
  return matches.length === 1 ? matches[0]! : null;
}

/** Where a header cell stands: its aria-colindex, if any, and its 0-based column. */
interface HeaderPlace {
  colindex: string | null;
  column: number;
  /** How many columns the header row spans in all. */
  width: number;
}

function placeOf(headerCell: Element): HeaderPlace {
  const siblings = headerCell.parentElement ? cellsOf(headerCell.parentElement) : [headerCell];
  return { colindex: headerCell.getAttribute('aria-colindex'), column: columnOf(headerCell), width: siblings.reduce((sum, c) => sum + span(c), 0) };
}

/** The row's cell at a header's place (hot path: no arrays, one pass over the row's children). */
function cellAt(row: Element, place: HeaderPlace): Element | null {
  if (place.colindex !== null) {
    let numbered = false;
    for (let c = row.firstElementChild; c; c = c.nextElementSibling) {
      const value = c.getAttribute('aria-colindex');
      if (value === place.colindex) return c;
      if (value !== null) numbered = true;
    }
    // A row that doesn't number its cells: fall through to the position.
    if (numbered) return null;
  }
  if (place.column < 0) return null;
  // The usual row: one cell per column (as many children as the header is wide, so no colspan).
  if (row.childElementCount === place.width) {
    const cell = row.children[place.column];
    if (cell && isCell(cell)) return cell;
  }
  let hasCells = false;
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) {
    if (isCell(c)) {
      hasCells = true;
      break;
    }
  }
  let column = 0;
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) {
    if (hasCells && !isCell(c)) continue;
    const width = span(c);
    if (place.column >= column && place.column < column + width) return c;
    column += width;
  }
  return null;
}

/** The row's cell under a header cell (null when the row has no cell there). */
export function cellUnder(row: Element, headerCell: Element): Element | null {
  return cellAt(row, placeOf(headerCell));
}

/** The header cell above a row's cell (for the builder: which header names the column a person clicked). */
export function headerAbove(row: Element, cell: Element): Element | null {
  const headers = headerCellsFor(row);
  const colindex = cell.getAttribute('aria-colindex');
  if (colindex !== null) {
    const same = headers.filter((h) => h.getAttribute('aria-colindex') === colindex);
    if (same.length === 1) return same[0]!;
  }
  const column = columnOf(cell);
  if (column < 0) return null;
  // Header cells of one header row (the last one when there are several: the most specific).
  const rows = new Map<Element | null, Element[]>();
  for (const h of headers) rows.set(h.parentElement, [...(rows.get(h.parentElement) ?? []), h]);
  const lastRow = [...rows.values()].at(-1) ?? [];
  return lastRow.find((h) => {
    const start = columnOf(h);
    return column >= start && column < start + span(h);
  }) ?? null;
}

export interface HeaderColumn {
  /** The cell (or the element `selectors` find inside it); null when the header is gone or the row has no such cell. */
  find: (row: Element) => Element | null;
  /** True when no single header cell has the text: the column can't be read at all. */
  headerGone: (row: Element) => boolean;
  /** Forget the header found: called before each read of the page, which may have re-rendered. */
  reset: () => void;
}

/**
 * A finder for one column by its header. The header cell is found once per rows'
 * container and read of the page (`reset` before each read), so a console that
 * re-renders its header between pages is followed.
 */
export function compileHeaderColumn(header: string, inner?: (cell: Element) => Element | null): HeaderColumn {
  // One read of the page is synchronous: what was found for a rows' container holds until the next read.
  let cached: { container: Element | null; place: HeaderPlace | null } | null = null;
  const placeFor = (row: Element): HeaderPlace | null => {
    const container = row.parentElement;
    if (cached && cached.container === container) return cached.place;
    const cell = findHeader(row, header);
    cached = { container, place: cell ? placeOf(cell) : null };
    return cached.place;
  };
  return {
    find: (row) => {
      const place = placeFor(row);
      if (!place) return null;
      const cell = cellAt(row, place);
      if (!cell || !inner) return cell;
      return inner(cell);
    },
    headerGone: (row) => placeFor(row) === null,
    reset: () => {
      cached = null;
    },
  };
}

import { z } from 'zod';
import { lazySchema } from '../schema/lazy';
import { compileHeaderColumn } from '../engine/columns-by-header';
import { compileRowQuery, queryAllDeep, sleep } from '../engine/query';
import { compileCellQuery } from '../engine/row-patterns';
import { nameOf } from './pick';
import {
  cellEntry,
  compareSnapshots,
  headerKey,
  recheckElement,
  recheckSnapshot,
  rowSelectorsAfter,
  type RecheckElement,
  type RecheckOutcome,
  type RecheckSnapshot,
} from './recheck';

/**
 * The page side of "Check on a fresh page" (./recheck.ts): in the executor, what each
 * taught element's every way of finding it finds now. Asked once before the reload
 * (`before` absent: the snapshot is returned, kept by the panel across the reload) and once
 * after (`before` given: the page is looked at again, waiting up to `waitMs` for the rows
 * and controls to be drawn, and the two looks compared).
 */
export const execRecheckRequest = lazySchema(() => z.strictObject({
  type: z.literal('exec:recheck'),
  elements: z.array(recheckElement).max(12),
  before: recheckSnapshot.optional(),
  /** After a reload: how long to wait for the page to draw what was taught. */
  waitMs: z.number().int().min(0).max(30_000).default(0),
}));
export type ExecRecheckRequest = z.input<typeof execRecheckRequest>;

export interface RecheckReply {
  type: 'exec:recheck';
  snapshot: RecheckSnapshot;
  /** With `before`: element by element, which ways held. */
  outcomes?: RecheckOutcome[];
}

const MAX_ROWS = 200;
const text = (el: Element, max: number): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, max);

function all(doc: Document, selector: string): Element[] {
  try {
    return queryAllDeep(doc, selector);
  } catch {
    return [];
  }
}

/** A control as the person knows it: its kind, its role and its name (label, placeholder, text) — never its id or classes. */
export function controlIdentity(el: Element): string {
  return [el.tagName.toLowerCase(), el.getAttribute('type') ?? '', el.getAttribute('role') ?? '', nameOf(el).slice(0, 120)].join('|');
}

/**
 * A row known by its full text: the texts of its cells, in a fixed order so that moving the
 * columns doesn't make it another row (a row without cells: its text).
 */
export function rowText(row: Element): string {
  const cells = Array.from(row.children).map((cell) => text(cell, 300)).filter(Boolean);
  return (cells.length > 1 ? cells.sort().join(' | ') : text(row, 1_000)).slice(0, 1_000);
}

/** Rows, each known by its full text; rows whose text repeats can't be told apart and are left out. */
function rowsByText(rows: readonly Element[]): Map<string, Element> {
  const byText = new Map<string, Element>();
  const repeated = new Set<string>();
  for (const row of rows.slice(0, MAX_ROWS)) {
    const key = rowText(row);
    if (!key) continue;
    if (byText.has(key)) repeated.add(key);
    byText.set(key, row);
  }
  for (const key of repeated) byText.delete(key);
  return byText;
}

function cellFinding(rows: ReadonlyMap<string, Element>, find: (row: Element) => Element | null): string[] {
  return [...rows].map(([rowText, row]) => {
    const cell = find(row);
    return cellEntry(rowText, cell ? text(cell, 300) : null);
  });
}

/** What every way of finding each element finds now; cells are read in the rows `rowSelectors` find. */
export function snapshotTaught(doc: Document, elements: readonly RecheckElement[], rowSelectors: readonly string[]): RecheckSnapshot {
  const firstRows = rowSelectors.map((s) => all(doc, s)).find((found) => found.length > 0) ?? [];
  const rows = rowsByText(firstRows);
  return elements.map((element) => {
    const candidates = element.selectors.map((selector) => {
      if (element.role === 'row') return { key: selector, found: [...rowsByText(all(doc, selector)).keys()] };
      if (element.role.startsWith('col-')) return { key: selector, found: cellFinding(rows, compileCellQuery([selector])) };
      const hits = all(doc, selector);
      // A way that finds several controls no longer points at one.
      return { key: selector, found: hits.length === 1 ? [controlIdentity(hits[0]!)] : hits.length > 1 ? ['', ''] : [] };
    });
    if (element.header) {
      const inner = element.inner && element.inner.length > 0 ? compileRowQuery(element.inner) : undefined;
      const column = compileHeaderColumn(element.header, inner);
      candidates.push({ key: headerKey(element.header), found: cellFinding(rows, (row) => column.find(row)) });
    }
    return { role: element.role, candidates };
  });
}

/** The row ways of the taught rows, in order. */
const rowWays = (elements: readonly RecheckElement[]): string[] => elements.find((e) => e.role === 'row')?.selectors ?? [];

/**
 * Whether the page has drawn what was taught: its rows, when rows were taught (a control may
 * really be gone, and waiting for it would only delay saying so); else every control.
 */
function drawn(doc: Document, elements: readonly RecheckElement[]): boolean {
  const found = (element: RecheckElement) => element.selectors.some((s) => all(doc, s).length > 0);
  const rows = elements.find((e) => e.role === 'row');
  return rows ? found(rows) : elements.every((element) => element.role.startsWith('col-') || found(element));
}

export async function recheckTaught(doc: Document, request: z.output<typeof execRecheckRequest>): Promise<RecheckReply> {
  const { elements, before } = request;
  if (!before) return { type: 'exec:recheck', snapshot: snapshotTaught(doc, elements, rowWays(elements)) };
  // After a reload the console may still be drawing: wait (up to waitMs) until each taught element shows up somehow.
  const deadline = Date.now() + request.waitMs;
  while (!drawn(doc, elements) && Date.now() < deadline) await sleep(150);
  // The rows first, so the columns are read in the rows that were found again.
  const rowOnly = elements.filter((e) => e.role === 'row');
  const rowsNow = snapshotTaught(doc, rowOnly, rowWays(rowOnly));
  const keptRows = rowSelectorsAfter(compareSnapshots(rowOnly, before, rowsNow));
  const snapshot = snapshotTaught(doc, elements, keptRows);
  return { type: 'exec:recheck', snapshot, outcomes: compareSnapshots(elements, before, snapshot) };
}

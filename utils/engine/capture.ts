import { LIMITS, type CapturedRow } from '../db/records';
import type { Adapter } from '../schema/adapter';
import { clickLikeAPerson } from './events';
import { compileRowQuery, findAll, findFirst, sleep } from './query';
import { parseInstant } from './values';
import { rowSignature, waitForResults } from './wait';

/**
 * Capture: reads the visible result rows into normalised rows, page after page
 * (or "load more", or a virtualised scroller) until the limit. The hot path —
 * reading one page — does one querySelectorAll for the rows, a scoped
 * querySelector per cell and no layout reads, so 10,000 rows stay far below the
 * 250 ms budget (DESIGN.md §4).
 */
export type Results = NonNullable<Adapter['results']>;

export interface CaptureProgress {
  captured: number;
  pages: number;
  limit: number;
}

export interface CaptureOptions {
  limit: number;
  signal?: AbortSignal;
  onProgress?: (progress: CaptureProgress) => void;
  /** Defaults to the adapter's waitFor.timeoutMs. */
  pageTimeoutMs?: number;
}

export type CaptureStop = 'limit' | 'last-page' | 'aborted' | 'timeout' | 'empty' | 'no-rows' | 'no-results-config';

export interface CaptureResult {
  rows: CapturedRow[];
  pages: number;
  stoppedBecause: CaptureStop;
  /** Plain-language notes (empty columns, unreadable times); never row data. */
  warnings: string[];
  /** Why it stopped early, in plain words (absent when it finished normally). */
  message?: string;
  rowSelector?: string;
}

interface Column {
  name: string;
  find: (row: Element) => Element | null;
  attr?: string;
  pattern?: RegExp;
  max: number;
}

const SCROLL_SETTLE_MS = 400;
/** Most consoles put exactly this in datetime attributes; no need to parse it again. */
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function compileColumns(results: Results, warnings: string[]): Column[] {
  const probe = typeof document !== 'undefined' ? document.createDocumentFragment() : null;
  const entries = Object.entries(results.columns);
  if (entries.length > LIMITS.rawColumns) {
    warnings.push(`The adapter names ${entries.length} columns; only the first ${LIMITS.rawColumns} are captured.`);
  }
  return entries.slice(0, LIMITS.rawColumns).map(([name, spec]) => {
    // Invalid selectors from a pack are dropped once here, not caught per cell.
    const selectors = spec.selectors.filter((selector) => {
      if (selector === ':scope' || !probe) return true;
      try {
        probe.querySelector(selector);
        return true;
      } catch {
        warnings.push(`The adapter's selector for the ${name} column is not valid and was skipped.`);
        return false;
      }
    });
    let pattern: RegExp | undefined;
    if (spec.pattern) {
      try {
        pattern = new RegExp(spec.pattern);
      } catch {
        warnings.push(`The adapter's pattern for the ${name} column is not valid; the whole cell is kept.`);
      }
    }
    return { name, find: compileRowQuery(selectors), ...(spec.attr ? { attr: spec.attr } : {}), ...(pattern ? { pattern } : {}), max: name === 'ip' ? 100 : LIMITS.cellChars };
  });
}

/** Accumulates rows across pages: dedupe, limits and per-column gaps. */
export class RowCollector {
  readonly rows: CapturedRow[] = [];
  private readonly seen = new Set<string>();
  private readonly emptyCells = new Map<string, number>();
  private badTimes = 0;

  constructor(
    private readonly columns: Column[],
    private readonly limit: number,
  ) {}

  get full(): boolean {
    return this.rows.length >= this.limit;
  }

  /** Reads rows[from..]; returns how many new (not duplicate) rows were added. */
  read(rowElements: readonly Element[], from = 0): number {
    const columns = this.columns;
    let added = 0;
    for (let i = from; i < rowElements.length && this.rows.length < this.limit; i++) {
      const row = rowElements[i]!;
      const raw: Record<string, string> = {};
      let key = '';
      for (const column of columns) {
        const value = readCell(row, column);
        if (value === null) {
          this.emptyCells.set(column.name, (this.emptyCells.get(column.name) ?? 0) + 1);
          raw[column.name] = '';
        } else {
          raw[column.name] = value;
        }
        key += `${raw[column.name]}\u0001`;
      }
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const timeText = raw.time ?? '';
      const time = CANONICAL_ISO.test(timeText) ? timeText : timeText ? parseInstant(timeText) : null;
      if (timeText && time === null) this.badTimes++;
      this.rows.push({
        time,
        actor: raw.actor ?? '',
        action: raw.action ?? '',
        target: raw.target ?? '',
        ip: raw.ip ?? '',
        result: raw.result ?? '',
        raw,
      });
      added++;
    }
    return added;
  }

  warnings(): string[] {
    const out: string[] = [];
    for (const [name, count] of this.emptyCells) {
      out.push(`The ${name} column was missing in ${count} ${count === 1 ? 'row' : 'rows'} — check ${count === 1 ? 'it' : 'those'} on the page by hand.`);
    }
    if (this.badTimes > 0) {
      out.push(`${this.badTimes} ${this.badTimes === 1 ? 'time' : 'times'} couldn't be read as a date; the page's own text is kept in the row.`);
    }
    return out;
  }
}

function readCell(row: Element, column: Column): string | null {
  const element = column.find(row);
  if (!element) return null;
  let value = column.attr ? (element.getAttribute(column.attr) ?? '') : (element.textContent ?? '');
  if (!column.attr) value = value.replace(/\s+/g, ' ').trim();
  if (column.pattern) {
    const match = column.pattern.exec(value);
    value = match ? (match[1] ?? match[0]) : value;
  }
  return value.length > column.max ? value.slice(0, column.max) : value;
}

/** Reads only what is on the page now (no paging). */
export function readVisibleRows(root: ParentNode, adapter: Adapter, limit = LIMITS.rowsPerCapture): { rows: CapturedRow[]; warnings: string[] } {
  const warnings: string[] = [];
  if (!adapter.results) return { rows: [], warnings: ['This adapter does not say where the results are.'] };
  const collector = new RowCollector(compileColumns(adapter.results, warnings), limit);
  collector.read(findAll(root, adapter.results.row).elements);
  return { rows: collector.rows, warnings: [...warnings, ...collector.warnings()] };
}

export async function captureRows(root: Document, adapter: Adapter, options: CaptureOptions): Promise<CaptureResult> {
  const results = adapter.results;
  if (!results) {
    return { rows: [], pages: 0, stoppedBecause: 'no-results-config', warnings: [], message: "This adapter doesn't say where the results are on the page, so there is nothing to capture." };
  }
  const limit = Math.max(1, Math.min(options.limit, LIMITS.rowsPerCapture));
  const setupWarnings: string[] = [];
  const collector = new RowCollector(compileColumns(results, setupWarnings), limit);
  const timeoutMs = options.pageTimeoutMs ?? adapter.waitFor?.timeoutMs ?? 15_000;
  const spec = { busy: adapter.waitFor?.busy ?? [], ready: adapter.waitFor?.ready ?? [], rows: results.row, timeoutMs };
  let pages = 0;
  let rowSelector: string | undefined;
  let stop: CaptureStop = 'last-page';
  let message: string | undefined;
  // For "load more" lists that only grow: rows already read are skipped.
  let previous: { first: Element; count: number } | null = null;
  const scroller = results.scroller ? findFirst(root, results.scroller)?.element : undefined;
  const mode = results.next ? 'next' : results.loadMore ? 'loadMore' : scroller ? 'scroll' : 'single';

  for (;;) {
    if (options.signal?.aborted) {
      stop = 'aborted';
      break;
    }
    const found = findAll(root, results.row);
    rowSelector ??= found.selectorUsed ?? undefined;
    const rowsHere = found.elements;
    const from = previous && rowsHere[0] === previous.first && rowsHere.length >= previous.count ? previous.count : 0;
    const added = collector.read(rowsHere, from);
    pages++;
    options.onProgress?.({ captured: collector.rows.length, pages, limit });
    if (pages === 1 && rowsHere.length === 0) {
      const empty = results.empty ? findFirst(root, results.empty) : null;
      stop = empty ? 'empty' : 'no-rows';
      message = empty
        ? 'The page shows no results for these filters, so there is nothing to capture.'
        : "I couldn't find any result rows on this page. Make sure the results are showing, then try again.";
      break;
    }
    if (collector.full) {
      stop = 'limit';
      break;
    }
    if (pages > 1 && added === 0 && mode !== 'scroll') break; // the page repeated itself: no more to read
    if (mode === 'single') break;

    const before = rowSignature(root, results.row);
    if (mode === 'scroll') {
      const moved = scrollOnce(scroller!);
      await waitForResults(root, spec, { before, quietMs: SCROLL_SETTLE_MS, ...(options.signal ? { signal: options.signal } : {}) });
      if (!moved && added === 0) break;
      continue;
    }
    const control = findFirst(root, mode === 'next' ? results.next! : results.loadMore!)?.element;
    if (!control || isDisabled(control)) break;
    previous = mode === 'loadMore' && rowsHere[0] ? { first: rowsHere[0], count: rowsHere.length } : null;
    clickLikeAPerson(control);
    const outcome = await waitForResults(root, spec, { before, requireChange: true, ...(options.signal ? { signal: options.signal } : {}) });
    if (outcome.how === 'aborted') {
      stop = 'aborted';
      break;
    }
    if (!outcome.ok) {
      stop = 'timeout';
      message = outcome.message;
      break;
    }
    // Let frameworks finish the render that changed the first rows before reading them.
    await sleep(0);
  }
  if (stop === 'aborted') message = `Capture stopped. ${collector.rows.length} ${collector.rows.length === 1 ? 'row was' : 'rows were'} kept.`;
  return {
    rows: collector.rows,
    pages,
    stoppedBecause: stop,
    warnings: [...setupWarnings, ...collector.warnings()],
    ...(message ? { message } : {}),
    ...(rowSelector ? { rowSelector } : {}),
  };
}

function isDisabled(control: Element): boolean {
  return (control as HTMLButtonElement).disabled === true || control.getAttribute('aria-disabled') === 'true' || (control as HTMLElement).hidden === true;
}

/** Scrolls a virtualised list by most of a screen; false when it is already at the end. */
function scrollOnce(scroller: Element): boolean {
  const before = scroller.scrollTop;
  // Less than a screen, so no row is skipped between two reads.
  const step = scroller.clientHeight > 0 ? Math.max(1, Math.floor(scroller.clientHeight * 0.8)) : 200;
  scroller.scrollTop = before + step;
  // Programmatic scrolling fires "scroll" asynchronously (or not at all in some engines); virtual lists listen for it.
  scroller.dispatchEvent(new (scroller.ownerDocument.defaultView ?? window).Event('scroll'));
  return scroller.scrollTop !== before;
}

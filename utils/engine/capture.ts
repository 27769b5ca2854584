import { LIMITS, type CapturedRow } from '../db/records';
import type { Adapter } from '../schema/adapter';
import { clickLikeAPerson } from './events';
import { compileRowQuery, findAll, findFirst, sleep } from './query';
import { readRowTime, type TimeReading, type TimeRefusal } from './times';
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
  /** "Now" and the browser's zone for reading row times (default: the real ones). */
  times?: TimeSettings;
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
  /** The time column's declared formats and zone (utils/engine/times.ts). */
  formats?: string[];
  zone?: string;
}

/** What "now" and the browser's zone are for the times of one capture. */
export interface TimeSettings {
  now: Date;
  pageZone?: string;
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
    const formats = spec.format === undefined ? [] : typeof spec.format === 'string' ? [spec.format] : spec.format;
    return {
      name,
      find: compileRowQuery(selectors),
      ...(spec.attr ? { attr: spec.attr } : {}),
      ...(pattern ? { pattern } : {}),
      max: name === 'ip' ? 100 : LIMITS.cellChars,
      ...(name === 'time' ? { formats, ...(spec.zone ? { zone: spec.zone } : {}) } : {}),
    };
  });
}

/** Accumulates rows across pages: dedupe, limits and per-column gaps. */
export class RowCollector {
  readonly rows: CapturedRow[] = [];
  private readonly seen = new Set<string>();
  private readonly emptyCells = new Map<string, number>();
  /** Times that couldn't be read, by why: how many, and the first text as an example. */
  private readonly unreadTimes = new Map<TimeRefusal, { count: number; example: string }>();
  /** Consoles that show minutes repeat the same text row after row: read each text once. */
  private readonly timeCache = new Map<string, TimeReading>();

  constructor(
    private readonly columns: Column[],
    private readonly limit: number,
    private readonly times: TimeSettings = { now: new Date() },
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
      let time: string | null = null;
      for (const column of columns) {
        if (column.name === 'time') {
          const cell = this.readTime(row, column);
          if (cell === null) {
            this.emptyCells.set(column.name, (this.emptyCells.get(column.name) ?? 0) + 1);
            raw.time = '';
          } else {
            raw.time = cell.raw;
            time = cell.iso;
          }
          key += `${raw.time}\u0001`;
          continue;
        }
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
    const ambiguous = this.unreadTimes.get('ambiguous');
    let unread = 0;
    let example = '';
    for (const [reason, entry] of this.unreadTimes) {
      if (reason === 'ambiguous') continue;
      unread += entry.count;
      example ||= entry.example;
    }
    if (unread > 0) {
      out.push(`${rowsHave(unread)} a time Trailguide couldn't read, e.g. “${example}” — ${unread === 1 ? 'its' : 'their'} time is left empty (the page's own text is kept).`);
    }
    if (ambiguous) {
      out.push(
        `${rowsHave(ambiguous.count)} a date that could be read two ways, e.g. “${ambiguous.example}” (day and month could be either way round) — ${ambiguous.count === 1 ? 'its' : 'their'} time is left empty. Whoever maintains this site's adapter can give its date format.`,
      );
    }
    return out;
  }

  /**
   * The time cell: its raw text as today (the attribute the adapter names, else the visible
   * text; the visible text too when that attribute is missing) and the instant it stands for.
   */
  private readTime(row: Element, column: Column): { raw: string; iso: string | null } | null {
    const element = column.find(row);
    if (!element) return null;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    const named = column.attr ? element.getAttribute(column.attr) : null;
    let raw = named ?? text;
    if (column.pattern) {
      const match = column.pattern.exec(raw);
      raw = match ? (match[1] ?? match[0]) : raw;
    }
    if (raw.length > column.max) raw = raw.slice(0, column.max);
    if (!raw) return { raw, iso: null };
    if (CANONICAL_ISO.test(raw)) return { raw, iso: raw };
    // Without a named attribute, an exact time the element carries beside "3 minutes ago" is preferred.
    const datetime = named === null ? attributeNear(element, 'datetime') : null;
    const title = attributeNear(element, 'title');
    const cacheKey = `${raw}\u0001${datetime ?? ''}\u0001${title ?? ''}`;
    let reading = this.timeCache.get(cacheKey);
    if (!reading) {
      reading = readRowTime(
        { text: raw, datetime, title },
        { now: this.times.now, ...(this.times.pageZone ? { pageZone: this.times.pageZone } : {}), ...(column.zone ? { zone: column.zone } : {}), formats: column.formats ?? [] },
      );
      if (this.timeCache.size < 5_000) this.timeCache.set(cacheKey, reading);
    }
    if (reading.iso === null) {
      const entry = this.unreadTimes.get(reading.reason);
      if (entry) entry.count++;
      else this.unreadTimes.set(reading.reason, { count: 1, example: raw.length > 60 ? `${raw.slice(0, 57)}…` : raw });
    }
    return { raw, iso: reading.iso };
  }
}

function rowsHave(count: number): string {
  return count === 1 ? '1 row has' : `${count.toLocaleString('en')} rows have`;
}

/** The attribute on the element itself, or on the first element inside it that has one. */
function attributeNear(element: Element, name: 'datetime' | 'title'): string | null {
  const own = element.getAttribute(name);
  if (own !== null) return own;
  return element.querySelector(`[${name}]`)?.getAttribute(name) ?? null;
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
export function readVisibleRows(root: ParentNode, adapter: Adapter, limit: number = LIMITS.rowsPerCapture, times: TimeSettings = { now: new Date() }): { rows: CapturedRow[]; warnings: string[] } {
  const warnings: string[] = [];
  if (!adapter.results) return { rows: [], warnings: ['This adapter does not say where the results are.'] };
  const collector = new RowCollector(compileColumns(adapter.results, warnings), limit, times);
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
  const collector = new RowCollector(compileColumns(results, setupWarnings), limit, options.times ?? { now: new Date() });
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

/**
 * A console whose "next" loads a new page (`results.nextLoadsPage`): the panel reads one
 * page at a time and follows the link itself (utils/panel-session/paged-capture.ts). This
 * says whether there is a next page and where its link leads; with `click` it then
 * follows it like a person (the page unloads soon after the reply).
 */
export function nextPageControl(root: Document, adapter: Adapter, click: boolean): { found: boolean; href: string | null; clicked: boolean } {
  const selectors = adapter.results?.next;
  const control = selectors ? findFirst(root, selectors)?.element : undefined;
  if (!control || isDisabled(control) || control.getAttribute('aria-current') === 'page') return { found: false, href: null, clicked: false };
  const link = control.closest('a[href]') ?? control.querySelector('a[href]');
  const raw = link?.getAttribute('href') ?? '';
  let href: string | null = null;
  if (raw && !raw.startsWith('#')) {
    try {
      const resolved = new URL(raw, root.baseURI);
      if (resolved.protocol === 'http:' || resolved.protocol === 'https:') href = resolved.href;
    } catch {
      /* an address the browser can't read: clicking is all that's left */
    }
  }
  if (click) clickLikeAPerson(link ?? control);
  return { found: true, href, clicked: click };
}

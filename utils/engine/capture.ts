import { LIMITS, type CapturedRow } from '../db/records';
import type { Adapter } from '../schema/adapter';
import { clickLikeAPerson } from './events';
import { findAll, findFirst, sleep } from './query';
import { readRowTime, type TimeReading, type TimeRefusal } from './times';
import { compileCellQuery, compileHeading, compileRowTest, compileSentence, listWords, ROW_TEXT_KEY, ROW_TEXT_MAX, visibleText, type RowTest, type Sentence } from './row-patterns';
import { patternShape } from '../schema/row-pattern';
import { rowSignature, waitForResults } from './wait';
import { compileHeaderColumn, type HeaderColumn } from './columns-by-header';

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
  /** Where the cell is in the row; absent when only a sentence pattern's group fills it. */
  find?: (row: Element) => Element | null;
  attr?: string;
  pattern?: RegExp;
  max: number;
  /** The time column's declared formats and zone (utils/engine/times.ts). */
  formats?: string[];
  zone?: string;
  /** Empty by design in some rows: no "missing" warning. */
  optional?: boolean;
  /** The text of the heading above the row (a day), put before the cell's text. */
  heading?: (row: Element) => string | null;
  /** Found by its header's text (`header`): that text, and whether the header is gone from the page. */
  header?: { text: string } & Pick<HeaderColumn, 'headerGone' | 'reset'>;
}

/** One way of reading a row: its columns (the same names, in the same order, in every reading) and its sentence. */
interface Reading {
  /** Which rows it reads; absent on the base reading, and on a variant that its sentence alone selects. */
  when?: RowTest;
  sentence?: Sentence;
  columns: Column[];
}

/** How an adapter's rows are read: per-row variants first (first match wins), then the base reading. */
export interface RowPlan {
  base: Reading;
  variants: Reading[];
}

/** What "now" and the browser's zone are for the times of one capture. */
export interface TimeSettings {
  now: Date;
  pageZone?: string;
}

const SCROLL_SETTLE_MS = 400;
/** Most consoles put exactly this in datetime attributes; no need to parse it again. */
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Sentence patterns may take this long in all during one capture; then they are no longer run. */
export const PATTERN_BUDGET_MS = 1_000;

type ColumnSpec = Results['columns'][string];

export function compileColumns(results: Results, warnings: string[]): RowPlan {
  const probe = typeof document !== 'undefined' ? document.createDocumentFragment() : null;
  const baseSentence = results.text ? compileSentence(results.text, '(results.text)', warnings) : undefined;
  const variantSpecs = results.variants ?? [];
  const sentences = results.text !== undefined || variantSpecs.some((v) => v.text !== undefined);
  // Every column any reading fills: declared ones first, then pattern groups and variants' own.
  const names = [...Object.keys(results.columns)];
  const addName = (name: string) => {
    if (!names.includes(name)) names.push(name);
  };
  if (results.text) patternShape(results.text.pattern).groups.forEach(addName);
  for (const variant of variantSpecs) {
    if (variant.text) patternShape(variant.text.pattern).groups.forEach(addName);
    Object.keys(variant.columns ?? {}).forEach(addName);
  }
  const room = LIMITS.rawColumns - (sentences ? 1 : 0);
  if (names.length > room) {
    warnings.push(`The adapter names ${names.length} columns; only the first ${room} are captured.`);
    names.length = room;
  }
  const compiled = new Map<ColumnSpec, Column>();
  const compile = (name: string, spec: ColumnSpec | undefined): Column => {
    if (!spec) return { name, max: name === 'ip' ? 100 : LIMITS.cellChars };
    const known = compiled.get(spec);
    if (known) return known;
    const column = compileColumn(name, spec, probe, warnings);
    compiled.set(spec, column);
    return column;
  };
  const base: Reading = { columns: names.map((name) => compile(name, results.columns[name])), ...(baseSentence ? { sentence: baseSentence } : {}) };
  const variants: Reading[] = [];
  variantSpecs.forEach((variant, index) => {
    const where = `(results.variants, number ${index + 1})`;
    const when = variant.when ? compileRowTest(variant.when, where, warnings) : undefined;
    if (when === null) return;
    const sentence = variant.text ? compileSentence(variant.text, where, warnings) : baseSentence;
    // A variant picked by its own sentence alone, with a sentence that can't run, would read nothing.
    if (!when && !sentence) return;
    variants.push({
      ...(when ? { when } : {}),
      ...(sentence ? { sentence } : {}),
      columns: names.map((name) => compile(name, variant.columns?.[name] ?? results.columns[name])),
    });
  });
  return { base, variants };
}

function compileColumn(name: string, spec: ColumnSpec, probe: DocumentFragment | null, warnings: string[]): Column {
  // Invalid selectors from a pack are dropped once here, not caught per cell.
  const selectors = spec.selectors?.filter((selector) => {
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
  // By header: the cell under that header (selectors then look inside it), never another column's.
  const byHeader = spec.header ? compileHeaderColumn(spec.header, selectors ? compileCellQuery(selectors) : undefined) : undefined;
  return {
    name,
    ...(byHeader ? { find: byHeader.find, header: { text: spec.header!, headerGone: byHeader.headerGone, reset: byHeader.reset } } : selectors ? { find: compileCellQuery(selectors) } : {}),
    ...(spec.heading ? { heading: compileHeading(spec.heading) } : {}),
    ...(spec.attr ? { attr: spec.attr } : {}),
    ...(pattern ? { pattern } : {}),
    max: name === 'ip' ? 100 : LIMITS.cellChars,
    ...(name === 'time' ? { formats, ...(spec.zone ? { zone: spec.zone } : {}) } : {}),
    ...(spec.optional ? { optional: true } : {}),
  };
}

/** Accumulates rows across pages: dedupe, limits and per-column gaps. */
export class RowCollector {
  readonly rows: CapturedRow[] = [];
  /**
   * Identical rows are separate events (two "Post edited: X — by Alice" in one second), so
   * rows are counted, not merely remembered: for each row's text (every cell), the most
   * times it was seen in any one read of the list. A read keeps a row only when it shows it
   * more times than any read before — so a row seen again in the next scroll snapshot or
   * after "load more" is not counted twice, yet every copy shown together is kept.
   */
  private readonly most = new Map<string, number>();
  /** Each row element's text as last read: rows skipped by `from` still count in the read. */
  private readonly keyOf = new WeakMap<Element, string>();
  private readonly emptyCells = new Map<string, number>();
  /** Columns found by a header that isn't on the page: rows left empty, by column. */
  private readonly headerGone = new Map<Column, number>();
  /** Times that couldn't be read, by why: how many, and the first text as an example. */
  private readonly unreadTimes = new Map<TimeRefusal, { count: number; example: string }>();
  /** Consoles that show minutes repeat the same text row after row: read each text once. */
  private readonly timeCache = new Map<string, TimeReading>();
  /** Rows whose sentence no pattern fitted: how many, an example, and the columns left empty. */
  private unfitted = { count: 0, example: '', columns: new Set<string>() };
  /** Time spent running sentence patterns, and rows left unread once that ran out. */
  private patternMs = 0;
  private unreadSlow = 0;
  /** The current row's sentence wasn't read because the patterns' time ran out. */
  private rowSkipped = false;

  constructor(
    private readonly plan: RowPlan,
    private readonly limit: number,
    private readonly times: TimeSettings = { now: new Date() },
    /** Milliseconds for the pattern budget; injectable for tests. */
    private readonly clock: () => number = () => performance.now(),
  ) {}

  get full(): boolean {
    return this.rows.length >= this.limit;
  }

  /** Reads rows[from..]; returns how many new (not duplicate) rows were added. */
  read(rowElements: readonly Element[], from = 0): number {
    let added = 0;
    // The page may have re-rendered its header since the last read.
    for (const reading of [this.plan.base, ...this.plan.variants]) for (const column of reading.columns) column.header?.reset();
    const counts = new Map<string, number>();
    const count = (key: string): number => {
      const times = (counts.get(key) ?? 0) + 1;
      counts.set(key, times);
      return times;
    };
    for (let i = 0; i < from && i < rowElements.length; i++) {
      const known = this.keyOf.get(rowElements[i]!);
      if (known !== undefined) count(known);
    }
    for (let i = from; i < rowElements.length && this.rows.length < this.limit; i++) {
      const row = rowElements[i]!;
      let rowText: string | undefined;
      const textOfRow = () => (rowText ??= visibleText(row));
      this.rowSkipped = false;
      const { reading, sentence, groups } = this.choose(row, textOfRow);
      const fitted = !reading.sentence || groups !== null;
      if (this.rowSkipped) this.unreadSlow++;
      const raw: Record<string, string> = {};
      let key = '';
      let time: string | null = null;
      for (const column of reading.columns) {
        const element = column.find ? column.find(row) : null;
        let group = element ? undefined : groups?.[column.name];
        const heading = column.heading ? column.heading(row) : null;
        // A column that is only a heading (no selectors, no group in this reading): the heading's text.
        if (heading !== null && !column.find && !reading.sentence?.groups.has(column.name)) group = '';
        let value: string | null = null;
        if (column.name === 'time') {
          const cell = element ? this.readTime(element, column, heading) : group !== undefined ? this.readGroupTime(row, group, column, heading) : null;
          if (cell) {
            value = cell.raw;
            time = cell.iso;
          }
        } else if (element) {
          value = withHeading(heading, readCell(element, column), column.max);
        } else if (group !== undefined) {
          value = withHeading(heading, group.replace(/\s+/g, ' ').trim(), column.max);
        }
        if (value === null) {
          // Not on the page, or not in the sentence: a sentence that didn't fit is reported once for the row.
          if (!fitted && reading.sentence?.groups.has(column.name)) {
            if (!column.optional) this.unfitted.columns.add(column.name);
          } else if (column.header?.headerGone(row)) {
            this.headerGone.set(column, (this.headerGone.get(column) ?? 0) + 1);
          } else if (!column.optional && (column.find || column.heading || reading.sentence?.groups.has(column.name))) {
            // A column this reading has no way to read (one only a variant reads) is empty by design here.
            this.emptyCells.set(column.name, (this.emptyCells.get(column.name) ?? 0) + 1);
          }
          value = '';
        }
        raw[column.name] = value;
        key += `${value}\u0001`;
      }
      if (sentence !== null) {
        raw[ROW_TEXT_KEY] = cap(sentence, LIMITS.cellChars);
        key += raw[ROW_TEXT_KEY];
        if (!fitted && !this.rowSkipped) {
          const shown = sentence || textOfRow();
          this.unfitted.count++;
          this.unfitted.example ||= shown.length > 80 ? `${shown.slice(0, 77)}…` : shown;
        }
      }
      this.keyOf.set(row, key);
      const times = count(key);
      if (times <= (this.most.get(key) ?? 0)) continue;
      this.most.set(key, times);
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

  /**
   * The reading for one row: the first variant whose `when` the row meets (or, without
   * `when`, whose sentence fits), else the base reading; with the sentence read and the
   * pattern's groups (null: the pattern didn't fit, or there is none).
   */
  private choose(row: Element, rowText: () => string): { reading: Reading; sentence: string | null; groups: Record<string, string | undefined> | null } {
    for (const variant of this.plan.variants) {
      if (variant.when) {
        if (!variant.when(row, rowText)) continue;
        return { reading: variant, ...this.runSentence(variant.sentence, row, rowText) };
      }
      const tried = this.runSentence(variant.sentence, row, rowText);
      if (tried.groups) return { reading: variant, ...tried };
    }
    return { reading: this.plan.base, ...this.runSentence(this.plan.base.sentence, row, rowText) };
  }

  private runSentence(sentence: Sentence | undefined, row: Element, rowText: () => string): { sentence: string | null; groups: Record<string, string | undefined> | null } {
    if (!sentence) return { sentence: null, groups: null };
    const element = sentence.find ? sentence.find(row) : row;
    if (!element) return { sentence: '', groups: null };
    const text = element === row ? rowText() : visibleText(element);
    if (this.patternMs > PATTERN_BUDGET_MS) {
      this.rowSkipped = true;
      return { sentence: text, groups: null };
    }
    const started = this.clock();
    const match = sentence.pattern.exec(text.length > ROW_TEXT_MAX ? text.slice(0, ROW_TEXT_MAX) : text);
    this.patternMs += this.clock() - started;
    return { sentence: text, groups: match ? { ...match.groups } : null };
  }

  warnings(): string[] {
    const out: string[] = [];
    for (const [column, count] of this.headerGone) {
      out.push(
        `The ${column.name} column is read under the heading “${column.header!.text}”, and no column on the page is headed that way now — so it was left empty in ${count === 1 ? '1 row' : `${count.toLocaleString('en')} rows`} rather than read from another column. If the console renamed or hid that column, show it again, or teach the page again.`,
      );
    }
    for (const [name, count] of this.emptyCells) {
      out.push(`The ${name} column was missing in ${count} ${count === 1 ? 'row' : 'rows'} — check ${count === 1 ? 'it' : 'those'} on the page by hand.`);
    }
    const { count: unfitted, example, columns } = this.unfitted;
    if (unfitted > 0) {
      const one = unfitted === 1;
      const left = columns.size > 0 ? `, and ${one ? 'its' : 'their'} ${listWords([...columns])} ${columns.size === 1 ? 'is' : 'are'} left empty` : '';
      out.push(
        `${one ? "1 row doesn't" : `${unfitted.toLocaleString('en')} rows don't`} read as any sentence the adapter describes, e.g. “${example}” — ${one ? 'it is' : 'they are'} kept with the page's own text${left}. Whoever maintains this site's adapter can add a variant for ${one ? 'it' : 'them'}.`,
      );
    }
    if (this.unreadSlow > 0) {
      out.push(
        `Reading the rows' sentences took too long on this page, so Trailguide stopped: ${rowsAre(this.unreadSlow)} kept with the page's own text only. Whoever maintains this site's adapter should simplify its pattern.`,
      );
    }
    const ambiguous = this.unreadTimes.get('ambiguous');
    let unread = 0;
    let timeExample = '';
    for (const [reason, entry] of this.unreadTimes) {
      if (reason === 'ambiguous' || reason === 'no-day') continue;
      unread += entry.count;
      timeExample ||= entry.example;
    }
    if (unread > 0) {
      out.push(`${rowsHave(unread)} a time Trailguide couldn't read, e.g. “${timeExample}” — ${unread === 1 ? 'its' : 'their'} time is left empty (the page's own text is kept).`);
    }
    const noDay = this.unreadTimes.get('no-day');
    if (noDay) {
      out.push(
        `The console shows times without a day, e.g. “${noDay.example}” — ${noDay.count === 1 ? "that row's time is" : `the time of ${noDay.count.toLocaleString('en')} rows is`} left empty rather than guessed (the page's own text is kept). Whoever maintains this site's adapter can set \`heading\` on the time column, so the day is read from the heading above the rows.`,
      );
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
  private readTime(element: Element, column: Column, heading: string | null): { raw: string; iso: string | null } {
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    const named = column.attr ? element.getAttribute(column.attr) : null;
    let raw = named ?? text;
    if (column.pattern) {
      const match = column.pattern.exec(raw);
      raw = match ? (match[1] ?? match[0]) : raw;
    }
    // An exact attribute needs no day from a heading; a time of day shown under one does.
    if (named === null && heading) raw = `${heading} ${raw}`.trim();
    // Without a named attribute, an exact time the element carries beside "3 minutes ago" is preferred.
    const datetime = named === null ? attributeNear(element, 'datetime') : null;
    return this.readTimeText(cap(raw, column.max), datetime, attributeNear(element, 'title'), column);
  }

  /**
   * A time a sentence pattern's group gave ("2 hours ago"): read with the column's formats
   * and zone, with the exact time of the row's element that shows that text, if any — the
   * first carrying the column's `attr` (default `datetime`) whose own text is in the group's.
   */
  private readGroupTime(row: Element, group: string, column: Column, heading: string | null): { raw: string; iso: string | null } {
    const raw = withHeading(heading, group.replace(/\s+/g, ' ').trim(), column.max);
    const name = column.attr ?? 'datetime';
    let exact: Element | null = null;
    if (/^[A-Za-z_][\w-]*$/.test(name)) {
      for (const candidate of row.querySelectorAll(`[${name}]`)) {
        if (raw.includes((candidate.textContent ?? '').replace(/\s+/g, ' ').trim())) {
          exact = candidate;
          break;
        }
      }
    }
    return this.readTimeText(raw, exact?.getAttribute(name) ?? null, exact?.getAttribute('title') ?? null, column);
  }

  private readTimeText(raw: string, datetime: string | null, title: string | null, column: Column): { raw: string; iso: string | null } {
    if (!raw) return { raw, iso: null };
    if (CANONICAL_ISO.test(raw)) return { raw, iso: raw };
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

function withHeading(heading: string | null, text: string, max: number): string {
  return cap(heading ? `${heading} ${text}`.trim() : text, max);
}

function cap(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

function rowsHave(count: number): string {
  return count === 1 ? '1 row has' : `${count.toLocaleString('en')} rows have`;
}

function rowsAre(count: number): string {
  return count === 1 ? '1 row is' : `${count.toLocaleString('en')} rows are`;
}

/** The attribute on the element itself, or on the first element inside it that has one. */
function attributeNear(element: Element, name: 'datetime' | 'title'): string | null {
  const own = element.getAttribute(name);
  if (own !== null) return own;
  return element.querySelector(`[${name}]`)?.getAttribute(name) ?? null;
}

function readCell(element: Element, column: Column): string {
  let value = column.attr ? (element.getAttribute(column.attr) ?? '') : (element.textContent ?? '');
  if (!column.attr) value = value.replace(/\s+/g, ' ').trim();
  if (column.pattern) {
    const match = column.pattern.exec(value);
    value = match ? (match[1] ?? match[0]) : value;
  }
  return cap(value, column.max);
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

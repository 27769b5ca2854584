import type { AppliedSearch, CapturedRow } from '../db/records';
import type { PagedCapture } from './store';

/**
 * A capture across page loads (an adapter's `results.nextLoadsPage`): each page of
 * results is a new page load, which rebuilds the panel. The rows read so far, the pages
 * visited and where the followed link leads live in the tab's session (./store.ts), so
 * the panel on the next page carries on. These are the pure decisions; the panel
 * (components/panel/paged-capture-run.ts) talks to the page and the database.
 */

export function startPagedCapture(options: { step: number; limit: number; applied: AppliedSearch | null; since?: string | null; now?: number }): PagedCapture {
  return {
    step: options.step,
    limit: options.limit,
    pages: 0,
    rows: [],
    warnings: [],
    visited: [],
    status: 'reading',
    following: null,
    resumed: 0,
    duplicates: 0,
    applied: options.applied,
    startedAt: options.now ?? Date.now(),
    // Only an exact instant ends a capture by date.
    ...(options.since && !Number.isNaN(Date.parse(options.since)) ? { since: new Date(options.since).toISOString() } : {}),
    emptyPages: 0,
  };
}

/**
 * What identifies a row: every cell as the page showed it (as the engine's own
 * de-duplication), by column name — storage may hand the cells back in another order.
 */
export function rowKey(row: CapturedRow): string {
  return Object.keys(row.raw)
    .sort()
    .map((name) => `${name}\u0002${row.raw[name]}`)
    .join('\u0001');
}

/**
 * The rows of one more page, merged into what was kept; nothing beyond the limit is kept.
 * Rows that read the same in every column are separate events (two edits in one second),
 * so a row is never dropped just for matching one already kept. Dropped are only: on a new
 * page, its first rows when they repeat the last rows kept, in order (a new event pushed
 * the list down — counted as `duplicates`); on a page read again (same address, a reload),
 * each row up to the number of times it is already kept.
 */
export function addPage(state: PagedCapture, url: string, rows: readonly CapturedRow[], warnings: readonly string[]): { state: PagedCapture; added: number } {
  const address = comparable(url);
  // A page read again after a reload repeats itself by nature: only a new page's repeats are news.
  const revisit = state.visited.some((v) => comparable(v) === address);
  const kept = [...state.rows];
  let added = 0;
  // Events from before the step's `since` (a log paged by date reaching past it) are not part of the search.
  const since = state.since ? Date.parse(state.since) : NaN;
  const onPage = rows.filter((row) => Number.isNaN(since) || row.time === null || Date.parse(row.time) >= since);
  const keys = onPage.map(rowKey);
  const keptKeys = kept.map(rowKey);
  // How many of the page's first rows repeat the last rows kept (the longest such overlap).
  let overlap = 0;
  if (!revisit) {
    for (let k = Math.min(keys.length, keptKeys.length); k > 0 && overlap === 0; k--) {
      const tail = keptKeys.length - k;
      if (keys.slice(0, k).every((key, i) => key === keptKeys[tail + i])) overlap = k;
    }
  }
  const already = new Map<string, number>();
  if (revisit) for (const key of keptKeys) already.set(key, (already.get(key) ?? 0) + 1);
  const times = new Map<string, number>();
  for (const [i, row] of onPage.entries()) {
    if (kept.length >= state.limit) break;
    if (i < overlap) continue;
    const key = keys[i]!;
    const count = (times.get(key) ?? 0) + 1;
    times.set(key, count);
    if (count <= (already.get(key) ?? 0)) continue;
    kept.push(row);
    added++;
  }
  const duplicates = overlap;
  return {
    state: {
      ...state,
      pages: revisit ? state.pages : state.pages + 1,
      rows: kept,
      warnings: [...new Set([...state.warnings, ...warnings])].slice(0, 50),
      visited: revisit ? state.visited : [...state.visited, url].slice(-2_000),
      // Pages in a row that showed nothing (a reload of one doesn't count twice).
      emptyPages: revisit ? (state.emptyPages ?? 0) : rows.length === 0 ? (state.emptyPages ?? 0) + 1 : 0,
      status: state.status === 'cancelled' ? 'cancelled' : 'reading',
      following: null,
      duplicates: state.duplicates + duplicates,
    },
    added,
  };
}

export type PagedStop =
  /** The row limit was reached. */
  | 'limit'
  /** No "next" control, or a disabled one: every page was read. */
  | 'last-page'
  /** The next link leads back to a page already read. */
  | 'repeated'
  /** The person pressed Cancel. */
  | 'cancelled'
  /** A page after the first showed no result rows, and didn't say it has none. */
  | 'no-rows'
  /** Several pages in a row said they have nothing to show (a log paged by date, past its oldest event). */
  | 'empty-pages'
  /** The page showed events older than the step's `since`: a log paged by date has reached the start of the search. */
  | 'since'
  /** The link was followed but no new page loaded in time. */
  | 'no-load'
  /** A page that is neither the next one nor one already read was loaded instead. */
  | 'elsewhere'
  /** The same page kept reloading without getting further. */
  | 'stuck'
  /** Trailguide couldn't read the page (the executor didn't answer). */
  | 'unreadable';

/** How many pages in a row may say "nothing to show" before a capture stops (a log paged by date: quiet weeks). */
export const MAX_EMPTY_PAGES = 3;

/** What the panel knows about the page just read, beside its rows. */
export interface PageFacts {
  /** The page said it has no results (the adapter's `results.empty` matched). */
  emptyMatched?: boolean;
  /** The times of this page's rows (all of them, also those before the step's `since`). */
  times?: readonly (string | null)[];
}

/** After a page was read: stop (and why), or follow the next link. */
export function afterPage(state: PagedCapture, rowsOnPage: number, next: { found: boolean; href: string | null }, facts: PageFacts = {}): { stop: PagedStop } | { follow: string | null } {
  if (state.status === 'cancelled') return { stop: 'cancelled' };
  if (state.rows.length >= state.limit) return { stop: 'limit' };
  // On a log paged by date an empty page is an answer (a quiet week), not a load failure: go on, but not for ever.
  if (rowsOnPage === 0 && !facts.emptyMatched) return { stop: 'no-rows' };
  if (rowsOnPage === 0 && (state.emptyPages ?? 0) >= MAX_EMPTY_PAGES) return { stop: 'empty-pages' };
  const since = state.since ? Date.parse(state.since) : NaN;
  if (!Number.isNaN(since) && (facts.times ?? []).some((t) => t !== null && Date.parse(t) < since)) return { stop: 'since' };
  if (!next.found) return { stop: 'last-page' };
  if (next.href !== null && state.visited.some((v) => comparable(v) === comparable(next.href!))) return { stop: 'repeated' };
  return { follow: next.href };
}

/** The next link is about to be followed. */
export function following(state: PagedCapture, href: string | null): PagedCapture {
  return { ...state, status: state.status === 'cancelled' ? 'cancelled' : 'following', following: href };
}

/** How often the same page may reload in the middle before the capture gives up. */
export const MAX_RESUMES = 5;

/**
 * The panel was rebuilt (a page loaded) while a capture was under way: is this the next
 * page, a page already read that reloaded (read it again — its rows are kept once — and
 * carry on), or somewhere else?
 */
export function onArrival(state: PagedCapture, url: string): { read: true; resumed: boolean; state: PagedCapture } | { stop: PagedStop } {
  if (state.status === 'cancelled') return { stop: 'cancelled' };
  const here = comparable(url);
  if (state.status === 'following') {
    const expected = state.following === null ? null : comparable(state.following);
    // A link: exactly where it points. A control without an address: any page not read yet.
    if (expected === here || (expected === null && !state.visited.some((v) => comparable(v) === here))) {
      return { read: true, resumed: false, state: { ...state, status: 'reading', following: null } };
    }
  }
  if (state.visited.some((v) => comparable(v) === here) || (state.pages === 0 && state.status === 'reading')) {
    if (state.resumed >= MAX_RESUMES) return { stop: 'stuck' };
    // The page reloaded while a page was read (or before the link was followed): read it again.
    return { read: true, resumed: true, state: { ...state, status: 'reading', following: null, resumed: state.resumed + 1 } };
  }
  return { stop: 'elsewhere' };
}

/** An address as compared here: no fragment, query parameters in a stable order. */
export function comparable(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    parsed.searchParams.sort();
    return parsed.href;
  } catch {
    return url;
  }
}

/** "Page 3 — 60 rows so far" (the page being read or loaded now). */
export function progressText(state: PagedCapture): string {
  // The page being read, or loading: the one after those read.
  const page = state.pages + 1;
  const rows = state.rows.length;
  return `Page ${page.toLocaleString('en')} — ${rows.toLocaleString('en')} ${rows === 1 ? 'row' : 'rows'} so far`;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * What the step says when the capture ends: how many rows from how many pages, why it
 * stopped where that matters, and on which page the console was left.
 */
export function pagedSummary(state: PagedCapture, stop: PagedStop, currentUrl: string | null): { ok: boolean; text: string; details: string[] } {
  const rows = state.rows.length;
  const kept = `${plural(rows, 'row', 'rows')} from ${plural(state.pages, 'page', 'pages')}`;
  const next = state.pages + 1;
  const reasons: Partial<Record<PagedStop, string>> = {
    limit: `Stopped at the limit of ${plural(state.limit, 'row', 'rows')} this step allows; later pages were not read.`,
    cancelled: `You stopped the capture after page ${state.pages}; the rows read so far are kept.`,
    repeated: 'The “next” link led back to a page already read, so the capture stopped there.',
    'no-rows': `Page ${state.pages} showed no result rows (it may not have loaded properly), so the capture stopped there.`,
    'empty-pages': `The last ${plural(state.emptyPages ?? 0, 'page', 'pages')} said there was nothing to show, so the capture stopped after page ${state.pages}; older pages, if any, were not read.`,
    since: `Page ${state.pages} reached events from before the start of this step's search, so the capture stopped there; those older events were left out, and older pages were not read.`,
    'no-load': `The next page (page ${next}) didn't load, so the capture stopped after page ${state.pages}.`,
    elsewhere: `The console went to a different page${currentUrl ? ` (${currentUrl})` : ''} instead of page ${next} of the results, so the capture stopped there.`,
    stuck: `Page ${state.pages} kept reloading, so the capture stopped there.`,
    unreadable: `Trailguide couldn't read page ${next}, so the capture stopped after page ${state.pages}.`,
  };
  const details = [
    ...(reasons[stop] ? [reasons[stop]!] : []),
    ...(state.duplicates > 0
      ? [`${plural(state.duplicates, 'row', 'rows')} showed up again on a later page (new events push the list down while paging) and ${state.duplicates === 1 ? 'was' : 'were'} kept once.`]
      : []),
    ...(state.resumed > 0 ? ['The page reloaded during the capture; Trailguide read that page again and carried on, keeping every row once.'] : []),
    ...(state.pages > 1 && stop !== 'elsewhere'
      ? [`The console now shows page ${state.pages} of the results — Trailguide left it there. To capture again from the start, go back to its first page first.`]
      : []),
  ];
  const ok = rows > 0 && (stop === 'limit' || stop === 'last-page' || stop === 'cancelled' || stop === 'repeated' || stop === 'empty-pages' || stop === 'since');
  return { ok, text: rows > 0 ? `Captured ${kept}.` : 'No rows were captured.', details };
}

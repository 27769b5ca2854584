import { describe, expect, it } from 'vitest';
import type { CapturedRow } from '../../utils/db/records';
import { addPage, afterPage, following, MAX_EMPTY_PAGES, MAX_RESUMES, onArrival, pagedSummary, progressText, startPagedCapture } from '../../utils/panel-session/paged-capture';
import { pagedCapture, type PagedCapture } from '../../utils/panel-session/store';

const BASE = 'http://127.0.0.1:9000/admin/log';
const pageUrl = (n: number) => `${BASE}?actor=dana&page=${n}`;

/** Event n as a row (newest first, ten a page). */
function row(n: number): CapturedRow {
  const time = new Date(Date.UTC(2026, 10, 1) - n * 60_000).toISOString();
  const raw = { time, actor: 'dana@northwind.example', action: 'settings.update', target: `setting-${n}` };
  return { time, actor: raw.actor, action: raw.action, target: raw.target, ip: '', result: '', raw };
}
const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => row(from + i));

/** What a panel does on one page: read it, then decide; the state goes through JSON (storage) between pages. */
function readPage(state: PagedCapture, url: string, onPage: CapturedRow[], next: { found: boolean; href: string | null }) {
  const merged = addPage(state, url, onPage, []);
  const decision = afterPage(merged.state, onPage.length, next);
  const after = 'follow' in decision ? following(merged.state, decision.follow) : merged.state;
  // Stored between page loads: it must survive storage (and validate) unchanged.
  const stored = pagedCapture.parse(JSON.parse(JSON.stringify(after)));
  return { state: stored, decision, added: merged.added };
}

describe('a capture across page loads', () => {
  it('keeps every row of three pages, follows each link, and stops on the last page', () => {
    let state = startPagedCapture({ step: 1, limit: 100, applied: null, now: 0 });
    let step = readPage(state, pageUrl(1), rows(1, 10), { found: true, href: pageUrl(2) });
    expect(step.decision).toEqual({ follow: pageUrl(2) });
    expect(progressText(step.state)).toBe('Page 2 — 10 rows so far');
    // The next page loads; a new panel reads the stored state.
    let arrival = onArrival(step.state, pageUrl(2));
    expect(arrival).toMatchObject({ read: true, resumed: false });
    state = (arrival as { state: PagedCapture }).state;
    step = readPage(state, pageUrl(2), rows(11, 20), { found: true, href: pageUrl(3) });
    arrival = onArrival(step.state, pageUrl(3));
    state = (arrival as { state: PagedCapture }).state;
    step = readPage(state, pageUrl(3), rows(21, 27), { found: false, href: null });
    expect(step.decision).toEqual({ stop: 'last-page' });
    expect(step.state.rows.map((r) => r.target)).toEqual(rows(1, 27).map((r) => r.target));
    expect(step.state.pages).toBe(3);
    const summary = pagedSummary(step.state, 'last-page', pageUrl(3));
    expect(summary.ok).toBe(true);
    expect(summary.text).toBe('Captured 27 rows from 3 pages.');
    expect(summary.details.join(' ')).toContain('now shows page 3');
  });

  it('keeps a row once when a new event pushed it onto the next page as well', () => {
    let state = readPage(startPagedCapture({ step: 1, limit: 100, applied: null }), pageUrl(1), rows(1, 10), { found: true, href: pageUrl(2) }).state;
    // The browser's storage hands the cells back in its own order (Chromium sorts them by name).
    state = { ...state, rows: state.rows.map((r) => ({ ...r, raw: Object.fromEntries(Object.entries(r.raw).sort(([a], [b]) => a.localeCompare(b))) })) };
    state = (onArrival(state, pageUrl(2)) as { state: PagedCapture }).state;
    // One new event arrived: page 2 now starts with what was the last row of page 1.
    const step = readPage(state, pageUrl(2), rows(10, 19), { found: false, href: null });
    expect(step.added).toBe(9);
    expect(step.state.rows).toHaveLength(19);
    expect(new Set(step.state.rows.map((r) => r.target)).size).toBe(19);
    expect(step.state.duplicates).toBe(1);
    expect(pagedSummary(step.state, 'last-page', null).details.join(' ')).toContain('1 row showed up again on a later page');
  });

  it('keeps rows that read the same in every column: twice on one page, or on two pages away from the page break', () => {
    const twin = row(3);
    let state = readPage(startPagedCapture({ step: 1, limit: 100, applied: null }), pageUrl(1), [row(1), row(2), twin, twin, row(4)], { found: true, href: pageUrl(2) }).state;
    expect(state.rows.map((r) => r.target)).toEqual(['setting-1', 'setting-2', 'setting-3', 'setting-3', 'setting-4']);
    state = (onArrival(state, pageUrl(2)) as { state: PagedCapture }).state;
    const step = readPage(state, pageUrl(2), [row(5), twin, row(6)], { found: false, href: null });
    expect(step.added).toBe(3);
    expect(step.state.rows.map((r) => r.target)).toEqual(['setting-1', 'setting-2', 'setting-3', 'setting-3', 'setting-4', 'setting-5', 'setting-3', 'setting-6']);
    expect(step.state.duplicates).toBe(0);
  });

  it('a page read again after a reload adds none of its identical rows twice', () => {
    const twin = row(3);
    const first = readPage(startPagedCapture({ step: 1, limit: 100, applied: null }), pageUrl(1), [row(1), twin, twin], { found: true, href: pageUrl(2) }).state;
    const arrival = onArrival(first, pageUrl(1));
    const again = readPage((arrival as { state: PagedCapture }).state, pageUrl(1), [row(1), twin, twin], { found: true, href: pageUrl(2) });
    expect(again.added).toBe(0);
    expect(again.state.rows).toHaveLength(3);
  });

  it('a reload in the middle reads that page again and loses nothing', () => {
    let state = readPage(startPagedCapture({ step: 1, limit: 100, applied: null }), pageUrl(1), rows(1, 10), { found: true, href: pageUrl(2) }).state;
    state = (onArrival(state, pageUrl(2)) as { state: PagedCapture }).state;
    state = readPage(state, pageUrl(2), rows(11, 20), { found: true, href: pageUrl(3) }).state;
    // Before page 3 arrived, the person reloaded page 2.
    const arrival = onArrival(state, pageUrl(2));
    expect(arrival).toMatchObject({ read: true, resumed: true });
    state = (arrival as { state: PagedCapture }).state;
    expect(state.rows).toHaveLength(20);
    const again = readPage(state, pageUrl(2), rows(11, 20), { found: true, href: pageUrl(3) });
    expect(again.added).toBe(0);
    expect(again.state.duplicates).toBe(0); // reading a page again is not "rows showed up again"
    expect(again.state.pages).toBe(2); // nor another page
    expect(again.decision).toEqual({ follow: pageUrl(3) });
    state = (onArrival(again.state, pageUrl(3)) as { state: PagedCapture }).state;
    const last = readPage(state, pageUrl(3), rows(21, 25), { found: false, href: null });
    expect(last.state.rows.map((r) => r.target)).toEqual(rows(1, 25).map((r) => r.target));
    expect(pagedSummary(last.state, 'last-page', null).text).toBe('Captured 25 rows from 3 pages.');
    expect(pagedSummary(last.state, 'last-page', null).details.join(' ')).toContain('The page reloaded during the capture');
  });

  it('stops at the limit without keeping more rows than it allows', () => {
    const step = readPage(startPagedCapture({ step: 1, limit: 15, applied: null }), pageUrl(1), rows(1, 10), { found: true, href: pageUrl(2) });
    const state = (onArrival(step.state, pageUrl(2)) as { state: PagedCapture }).state;
    const next = readPage(state, pageUrl(2), rows(11, 20), { found: true, href: pageUrl(3) });
    expect(next.decision).toEqual({ stop: 'limit' });
    expect(next.state.rows).toHaveLength(15);
  });

  it('stops and says so when the console went somewhere else, keeping the rows so far', () => {
    const step = readPage(startPagedCapture({ step: 1, limit: 100, applied: null }), pageUrl(1), rows(1, 10), { found: true, href: pageUrl(2) });
    const arrival = onArrival(step.state, `${BASE.replace('/log', '/login')}?next=/admin/log`);
    expect(arrival).toEqual({ stop: 'elsewhere' });
    const summary = pagedSummary(step.state, 'elsewhere', 'http://127.0.0.1:9000/admin/login');
    expect(summary.ok).toBe(false);
    expect(summary.text).toBe('Captured 10 rows from 1 page.');
    expect(summary.details[0]).toContain('went to a different page (http://127.0.0.1:9000/admin/login) instead of page 2');
  });

  it('a page that loads without rows stops the capture and says which page', () => {
    let state = readPage(startPagedCapture({ step: 1, limit: 100, applied: null }), pageUrl(1), rows(1, 10), { found: true, href: pageUrl(2) }).state;
    state = (onArrival(state, pageUrl(2)) as { state: PagedCapture }).state;
    const step = readPage(state, pageUrl(2), [], { found: false, href: null });
    expect(step.decision).toEqual({ stop: 'no-rows' });
    const summary = pagedSummary(step.state, 'no-rows', null);
    expect(summary.ok).toBe(false);
    expect(summary.details[0]).toContain('Page 2 showed no result rows');
  });

  it('Cancel while the next page loads stops there, rows kept', () => {
    const step = readPage(startPagedCapture({ step: 1, limit: 100, applied: null }), pageUrl(1), rows(1, 10), { found: true, href: pageUrl(2) });
    const cancelled: PagedCapture = { ...step.state, status: 'cancelled' };
    expect(onArrival(cancelled, pageUrl(2))).toEqual({ stop: 'cancelled' });
    expect(afterPage(cancelled, 10, { found: true, href: pageUrl(2) })).toEqual({ stop: 'cancelled' });
    expect(pagedSummary(cancelled, 'cancelled', null)).toMatchObject({ ok: true, text: 'Captured 10 rows from 1 page.' });
  });

  it('a link back to a page already read ends the capture instead of going round in circles', () => {
    const step = readPage(startPagedCapture({ step: 1, limit: 100, applied: null }), pageUrl(1), rows(1, 10), { found: true, href: `${BASE}?page=1&actor=dana#top` });
    expect(step.decision).toEqual({ stop: 'repeated' });
  });

  it('a page that keeps reloading gives up after a few tries', () => {
    let state = readPage(startPagedCapture({ step: 1, limit: 100, applied: null }), pageUrl(1), rows(1, 10), { found: true, href: pageUrl(2) }).state;
    for (let i = 0; i < MAX_RESUMES; i++) {
      const arrival = onArrival(state, pageUrl(1));
      expect(arrival).toMatchObject({ read: true, resumed: true });
      state = following((arrival as { state: PagedCapture }).state, pageUrl(2));
    }
    expect(onArrival(state, pageUrl(1))).toEqual({ stop: 'stuck' });
  });
});

describe('results.nextLoadsPage in an adapter', () => {
  it('is a yes/no the pack validates', async () => {
    const { adapterSchema } = await import('../../utils/schema/adapter');
    const adapter = (nextLoadsPage: unknown) => ({
      id: 'back-office-log',
      name: 'Back office',
      vendor: 'Northwind',
      verified: { how: 'fixture', date: '2026-12-01' },
      match: { include: ['http://127.0.0.1/admin/log*'], present: [['form#log-search']] },
      results: { row: ['table.log tbody tr'], columns: { actor: { selectors: ['td.who'] } }, next: ['a[rel="next"]'], nextLoadsPage },
    });
    expect(adapterSchema.parse(adapter(true)).results?.nextLoadsPage).toBe(true);
    expect(adapterSchema.safeParse(adapter('yes')).success).toBe(false);
  });
});

/**
 * Issue 12 (Redmine lab): a log paged by date ("« Previous" is a week earlier, there on every
 * page, also past the oldest event) shows "No data to display" for a quiet week. That page is
 * an answer, not a load failure: the capture goes on, stops after a few such pages in a row,
 * and stops where the rows are older than the step's `since`.
 */
describe('a log paged by date', () => {
  const week = (n: number) => `${BASE}?from=2026-11-${String(30 - 7 * n).padStart(2, '0')}`;
  function readWeek(state: PagedCapture, n: number, onPage: CapturedRow[], facts: { emptyMatched?: boolean } = {}) {
    const merged = addPage(state, week(n), onPage, []);
    const decision = afterPage(merged.state, onPage.length, { found: true, href: week(n + 1) }, { ...facts, times: onPage.map((r) => r.time) });
    const after = 'follow' in decision ? following(merged.state, decision.follow) : merged.state;
    const stored = pagedCapture.parse(JSON.parse(JSON.stringify(after)));
    return { state: 'follow' in decision ? (onArrival(stored, week(n + 1)) as { state: PagedCapture }).state : stored, decision };
  }

  it('goes past a week that says it has nothing to show, and keeps the rows after it', () => {
    let state = startPagedCapture({ step: 1, limit: 30, applied: null });
    let step = readWeek(state, 0, rows(1, 4));
    step = readWeek(step.state, 1, [], { emptyMatched: true });
    expect(step.decision).toEqual({ follow: week(2) });
    step = readWeek(step.state, 2, rows(5, 8));
    expect(step.state.rows.map((r) => r.target)).toEqual(rows(1, 8).map((r) => r.target));
    expect(step.state.emptyPages).toBe(0);
    state = step.state;
    expect(state.pages).toBe(3);
  });

  it('an empty page that doesn’t say so still ends the capture as a page that may not have loaded', () => {
    const state = readWeek(startPagedCapture({ step: 1, limit: 30, applied: null }), 0, rows(1, 4)).state;
    const step = readWeek(state, 1, []);
    expect(step.decision).toEqual({ stop: 'no-rows' });
    expect(pagedSummary(step.state, 'no-rows', null).ok).toBe(false);
  });

  it(`stops after ${MAX_EMPTY_PAGES} empty pages in a row, with a plain note, and counts that as done`, () => {
    let step = readWeek(startPagedCapture({ step: 1, limit: 30, applied: null }), 0, rows(1, 12));
    for (let n = 1; n < MAX_EMPTY_PAGES; n++) {
      step = readWeek(step.state, n, [], { emptyMatched: true });
      expect(step.decision).toEqual({ follow: week(n + 1) });
    }
    step = readWeek(step.state, MAX_EMPTY_PAGES, [], { emptyMatched: true });
    expect(step.decision).toEqual({ stop: 'empty-pages' });
    const summary = pagedSummary(step.state, 'empty-pages', week(MAX_EMPTY_PAGES));
    expect(summary.ok).toBe(true);
    expect(summary.text).toBe(`Captured 12 rows from ${MAX_EMPTY_PAGES + 1} pages.`);
    expect(summary.details[0]).toBe(`The last ${MAX_EMPTY_PAGES} pages said there was nothing to show, so the capture stopped after page ${MAX_EMPTY_PAGES + 1}; older pages, if any, were not read.`);
  });

  it('an empty page reloaded is not counted twice', () => {
    let step = readWeek(startPagedCapture({ step: 1, limit: 30, applied: null }), 0, rows(1, 2));
    step = readWeek(step.state, 1, [], { emptyMatched: true });
    const again = addPage((onArrival(step.state, week(1)) as { state: PagedCapture }).state, week(1), [], []);
    expect(again.state.emptyPages).toBe(1);
  });

  it('stops on the page whose rows are older than the step’s since', () => {
    // Rows 1–10 are one minute apart, newest first, ending 1 Nov 2026 00:00 UTC.
    const since = new Date(Date.UTC(2026, 10, 1) - 15 * 60_000).toISOString();
    let step = readWeek(startPagedCapture({ step: 1, limit: 100, applied: null, since }), 0, rows(1, 10));
    expect(step.decision).toEqual({ follow: week(1) });
    step = readWeek(step.state, 1, rows(11, 20));
    expect(step.decision).toEqual({ stop: 'since' });
    // The events from before since are left out: rows 1–15 are kept.
    expect(step.state.rows.map((r) => r.target)).toEqual(rows(1, 15).map((r) => r.target));
    const summary = pagedSummary(step.state, 'since', null);
    expect(summary.ok).toBe(true);
    expect(summary.text).toBe('Captured 15 rows from 2 pages.');
    expect(summary.details[0]).toBe("Page 2 reached events from before the start of this step's search, so the capture stopped there; those older events were left out, and older pages were not read.");
    // Without since, the same pages are read on.
    const open = readWeek(readWeek(startPagedCapture({ step: 1, limit: 100, applied: null }), 0, rows(1, 10)).state, 1, rows(11, 20));
    expect(open.decision).toEqual({ follow: week(2) });
    expect(open.state.rows).toHaveLength(20);
    // A since that is not an instant is ignored.
    expect(startPagedCapture({ step: 1, limit: 10, applied: null, since: 'last week' }).since).toBeUndefined();
  });
});

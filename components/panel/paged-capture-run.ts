import type { CaptureResult } from '../../utils/engine/capture';
import type { ExecReplies } from '../../utils/engine/messages';
import { addPage, afterPage, following, onArrival, type PagedStop } from '../../utils/panel-session/paged-capture';
import type { PagedCapture } from '../../utils/panel-session/store';
import type { Adapter } from '../../utils/schema/adapter';

/**
 * Drives a capture across page loads (`results.nextLoadsPage`) from the panel: read the
 * page in view, keep its rows in the tab's session, follow the "next" link. Docked in the
 * page, this panel goes away with each load and the panel on the next page calls this
 * again with the stored state (session.ts); in the browser's side panel it carries on
 * here. The decisions are utils/panel-session/paged-capture.ts; this only talks.
 */
export interface PagedRun {
  adapter: Adapter;
  captureId: string;
  exec<T extends keyof ExecReplies>(request: { type: T } & Record<string, unknown>): Promise<ExecReplies[T]>;
  /** The page's address when the run starts. */
  url(): string;
  /** Stores the state in the tab's session now (before anything that may unload the page). */
  keep(state: PagedCapture): Promise<void>;
  /** The person pressed Cancel. */
  cancelled(): boolean;
  progress(state: PagedCapture): void;
  /** In a panel that outlives the page: the address of the next page once loaded; null if none came in time. */
  nextPageLoaded(timeoutMs: number): Promise<string | null>;
}

export type PagedEnd = { state: PagedCapture; stop: PagedStop } | { state: PagedCapture; empty: CaptureResult };

/** The adapter without its next link: the executor reads the page in view and nothing more. */
function onePageOf(adapter: Adapter): Adapter {
  const { next: _next, nextLoadsPage: _loads, ...results } = adapter.results!;
  return { ...adapter, results };
}

export async function runPagedCapture(run: PagedRun, start: PagedCapture): Promise<PagedEnd> {
  let state = start;
  let here = run.url();
  const onePage = onePageOf(run.adapter);
  const loadTimeoutMs = Math.max(30_000, 2 * (run.adapter.waitFor?.timeoutMs ?? 15_000));
  const withCancel = (s: PagedCapture): PagedCapture => (run.cancelled() ? { ...s, status: 'cancelled' } : s);
  for (;;) {
    state = withCancel(state);
    if (state.status === 'cancelled') return { state, stop: 'cancelled' };
    run.progress(state);
    await run.keep(state);
    const reply = await run.exec({ type: 'exec:capture', adapter: onePage, limit: state.limit, captureId: run.captureId });
    const { rows, warnings } = reply.result;
    // The first page shows nothing: the capture says why, as any other (no rows, or "no results").
    if (state.pages === 0 && rows.length === 0 && reply.result.stoppedBecause !== 'aborted') return { state, empty: reply.result };
    state = withCancel(addPage(state, here, rows, warnings).state);
    run.progress(state);
    if (reply.result.stoppedBecause === 'aborted') return { state: { ...state, status: 'cancelled' }, stop: 'cancelled' };
    const next = state.rows.length >= state.limit || state.status === 'cancelled' ? { found: false, href: null } : await run.exec({ type: 'exec:next-page', adapter: run.adapter, click: false });
    // An empty page that says so, and the rows' times for the step's `since` (a log paged by date).
    const decision = afterPage(state, rows.length, next, { emptyMatched: reply.result.stoppedBecause === 'empty', times: rows.map((row) => row.time) });
    if ('stop' in decision) {
      await run.keep(state);
      return { state, stop: decision.stop };
    }
    state = withCancel(following(state, decision.follow));
    // Kept before the click: the page (and this panel, docked in it) may go at once.
    await run.keep(state);
    if (state.status === 'cancelled') return { state, stop: 'cancelled' };
    run.progress(state);
    await run.exec({ type: 'exec:next-page', adapter: run.adapter, click: true });
    const arrived = await run.nextPageLoaded(loadTimeoutMs);
    if (arrived === null) return { state, stop: 'no-load' };
    const arrival = onArrival(withCancel(state), arrived);
    if ('stop' in arrival) return { state, stop: arrival.stop };
    state = arrival.state;
    here = arrived;
  }
}

import { findAll, findFirst } from './query';

/**
 * Waiting for the page's answer after a search or a page change. Consoles differ
 * (spinners, aria-busy, skeletons, nothing at all), so the adapter says what
 * "busy" and "ready" look like; a change in the result rows also counts. One
 * MutationObserver, batched to a microtask, plus a slow tick for "quiet" checks.
 */
export interface WaitSpec {
  busy: readonly string[];
  ready: readonly string[];
  rows: readonly string[];
  timeoutMs: number;
}

export interface WaitOutcome {
  ok: boolean;
  /** ready: busy came and went; rows-changed: new rows; settled: the page went quiet without visible change. */
  how: 'ready' | 'rows-changed' | 'settled' | 'timeout' | 'aborted';
  ms: number;
  message?: string;
}

export interface WaitOptions {
  /** rowSignature() taken before the action. */
  before: string;
  /** Whether a "ready" marker was on the page before the action (one appearing counts as an answer). */
  readyBefore?: boolean;
  /** Paging: only new rows count as done. */
  requireChange?: boolean;
  /** How long without DOM changes means "nothing more is coming". */
  quietMs?: number;
  signal?: AbortSignal;
}

export function readyPresent(doc: ParentNode, spec: Pick<WaitSpec, 'ready'>): boolean {
  return spec.ready.length > 0 && findFirst(doc, spec.ready) !== null;
}

/** Cheap fingerprint of the visible rows: count plus first and last row text. */
export function rowSignature(doc: ParentNode, rows: readonly string[]): string {
  if (rows.length === 0) return '';
  const { elements } = findAll(doc, rows);
  if (elements.length === 0) return '0';
  return `${elements.length}\u0001${elements[0]!.textContent ?? ''}\u0001${elements[elements.length - 1]!.textContent ?? ''}`;
}

export function waitForResults(doc: Document, spec: WaitSpec, options: WaitOptions): Promise<WaitOutcome> {
  const started = Date.now();
  const quietMs = options.quietMs ?? 600;
  let sawBusy = false;
  let lastMutation = started;

  return new Promise((resolve) => {
    let scheduled = false;
    let finished = false;
    const observer = new MutationObserver(() => {
      lastMutation = Date.now();
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(evaluate);
    });
    observer.observe(doc.documentElement ?? doc, { childList: true, subtree: true, attributes: true, characterData: true });
    const tick = setInterval(evaluate, 100);
    const timer = setTimeout(() => {
      const seconds = Math.round(spec.timeoutMs / 1000);
      finish({
        ok: false,
        how: 'timeout',
        message: options.requireChange
          ? `The next page of results didn't load within ${seconds} seconds. What was already captured is kept.`
          : `The page was still loading after ${seconds} seconds. When the results appear, carry on with the next step.`,
      });
    }, spec.timeoutMs);
    const onAbort = () => finish({ ok: false, how: 'aborted', message: 'Stopped.' });
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) return onAbort();
    evaluate();

    function evaluate() {
      scheduled = false;
      if (finished) return;
      if (spec.busy.length > 0 && findFirst(doc, spec.busy)) {
        sawBusy = true;
        return;
      }
      if (spec.ready.length > 0 && !findFirst(doc, spec.ready)) return;
      const signature = rowSignature(doc, spec.rows);
      const quiet = Date.now() - lastMutation >= quietMs;
      // Rows that vanished may be a page clearing itself before it loads: only trust that once it is quiet.
      if (signature !== options.before && (signature !== '0' || sawBusy || quiet)) return finish({ ok: true, how: 'rows-changed' });
      if (options.requireChange) return;
      if (sawBusy || (options.readyBefore === false && spec.ready.length > 0)) return finish({ ok: true, how: 'ready' });
      if (quiet) finish({ ok: true, how: 'settled' });
    }

    function finish(outcome: Omit<WaitOutcome, 'ms'>) {
      if (finished) return;
      finished = true;
      observer.disconnect();
      clearInterval(tick);
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ ...outcome, ms: Date.now() - started });
    }
  });
}

import { lazyComponent } from '../common/lazy';

/**
 * The runbook view (and with it zod, the engines, Markdown, the escalation builder: ≈ 420 KB
 * of code) in a chunk of its own. It is fetched when the person shows they may open a runbook —
 * the pointer over the list, or focus in it — or when one is opened, not as soon as the list is
 * on screen: a panel that only sits beside a console (most tabs) then never holds that code and
 * what its modules build (docs/performance.md, memory, sixth pass).
 */
export const RunbookView = lazyComponent(() => import('./RunbookView').then((m) => m.RunbookView));

/** Fetch the runbook view's code now (once; later calls are free). */
export function preloadRunbookView(): void {
  void RunbookView.preload();
}

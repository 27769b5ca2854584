/**
 * Start-up upkeep the first answer does not need (re-publishing the match table,
 * the managed policy, due subscriptions) waits until the worker has answered the
 * message that woke it — or, when nothing is asked, until shortly after start.
 * Run at once, it shared the worker's one thread with the first answer and made a
 * panel wait for work it never reads (docs/performance.md, worker cold start).
 */
const QUIET_START_MS = 250;

let pending: (() => Promise<unknown>)[] = [];
let released = false;
let timer: ReturnType<typeof setTimeout> | undefined;

function release(): void {
  if (released) return;
  released = true;
  if (timer !== undefined) clearTimeout(timer);
  const tasks = pending;
  pending = [];
  // One after the other: they read the same database.
  void tasks.reduce<Promise<unknown>>((previous, task) => previous.then(task).catch(() => undefined), Promise.resolve());
}

/** Queues `task` for after the first answer (runs it at once if that has happened). */
export function afterFirstAnswer(task: () => Promise<unknown>): void {
  if (released) {
    void task().catch(() => undefined);
    return;
  }
  pending.push(task);
  timer ??= setTimeout(release, QUIET_START_MS);
}

/** The router's first reply (or its failure) has been handed to the browser. */
export function firstAnswerGiven(): void {
  // After the reply's own microtasks: the browser sends it before the upkeep starts.
  setTimeout(release, 0);
}

/** For tests: back to a just-started worker. */
export function resetStartup(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  pending = [];
  released = false;
}

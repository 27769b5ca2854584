import { z } from 'zod';
import { panelSessionKey } from '../storage-keys';
import { appliedSearch, capturedRow, caseInputs, LIMITS, pathAnswer, recordId, stepState } from '../db/records';

/**
 * The panel's working state for one tab, kept in the browser's extension storage so
 * a console that reloads the whole page (a server-rendered search form, a "next page"
 * link) loses nothing: the open runbook, what the person typed, each step's state and
 * message, the branch path, the case, a step that was running when the page went away,
 * and a capture that spans page loads with the rows kept so far.
 *
 * It lives in `browser.storage.session` (extension pages and the worker only; never
 * the page's storage — DESIGN.md §3.1), or where a browser lacks it, in
 * `storage.local` under the same key, removed when the tab closes
 * (utils/background/tab-sessions.ts). Written as it changes (debounced), read once when
 * the panel is rebuilt, dropped when the person closes the runbook or the tab.
 */
export { PANEL_SESSION_PREFIX, panelSessionKey } from '../storage-keys';

const text = z.string().max(LIMITS.cellChars);
const url = z.string().max(LIMITS.urlChars);

/** A step's message as the panel shows it (components/panel/session.ts StepMessage). */
export const storedStepMessage = z.strictObject({
  kind: z.enum(['ok', 'error', 'info']),
  text,
  details: z.array(text).max(100).optional(),
  fields: z
    .array(z.strictObject({ field: z.string().max(80), label: z.string().max(200), status: z.enum(['kept', 'not-kept', 'unchecked']), text }))
    .max(60)
    .optional(),
});

/** A step whose work may outlive the page: a search whose submit reloads it, a capture. */
export const runningStep = z.strictObject({
  step: z.number().int().min(0).max(LIMITS.steps),
  type: z.enum(['fill', 'navigate', 'capture']),
  /** The page's address when the step started. */
  url,
  at: z.number(),
});
export type RunningStep = z.infer<typeof runningStep>;

/** A capture across page loads (results.nextLoadsPage): see ./paged-capture.ts. */
export const pagedCapture = z.strictObject({
  step: z.number().int().min(0).max(LIMITS.steps),
  limit: z.number().int().min(1).max(LIMITS.rowsPerCapture),
  /** Pages read so far. */
  pages: z.number().int().min(0).max(100_000),
  rows: z.array(capturedRow).max(LIMITS.rowsPerCapture),
  warnings: z.array(text).max(50),
  /** Addresses of the pages read, in order (a reload of one of them is not another page). */
  visited: z.array(url).max(2_000),
  /** reading: a page is being read; following: the next page's link was followed; cancelled: the person stopped it. */
  status: z.enum(['reading', 'following', 'cancelled']),
  /** The address the followed link points at, when it had one. */
  following: url.nullable(),
  /** How many times the page reloaded (or came back) in the middle, and the capture carried on. */
  resumed: z.number().int().min(0).max(1_000),
  /** Rows of later pages that were already kept from an earlier one. */
  duplicates: z.number().int().min(0).max(1_000_000),
  /** What the console applied, read back from the first page before paging moved it on. */
  applied: appliedSearch.nullable(),
  startedAt: z.number(),
  /** The step's `since` (ISO): a log paged by date stops on the page whose rows are older, and leaves those out. */
  since: z.iso.datetime().optional(),
  /** Pages in a row that said they have nothing to show ("No data to display": a quiet week). */
  emptyPages: z.number().int().min(0).max(100_000).optional(),
});
export type PagedCapture = z.infer<typeof pagedCapture>;

export const panelSession = z.strictObject({
  v: z.literal(1),
  runbookId: recordId,
  /** The adapter that recognised the page: a page another adapter matches does not restore it. */
  adapterId: recordId.nullable(),
  caseId: recordId.nullable(),
  values: caseInputs,
  steps: z.array(stepState).max(LIMITS.steps),
  messages: z.record(z.string().regex(/^\d{1,2}$/), storedStepMessage),
  path: z.array(pathAnswer).max(LIMITS.steps),
  running: runningStep.nullable(),
  capture: pagedCapture.nullable(),
  savedAt: z.number(),
});
export type PanelSession = z.infer<typeof panelSession>;

/** The part of a storage area the store uses (browser.storage.session / .local; a Map in tests). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface TabSessionStore {
  /** The stored state, or null when there is none or it doesn't validate (it is then removed). */
  load(): Promise<PanelSession | null>;
  /** Remembers `state`, written after `delayMs` of quiet (the last one wins). */
  save(state: PanelSession): void;
  /** Writes what is pending now (before something that may unload the page). */
  flush(): Promise<void>;
  /** Forgets the state (the runbook was closed). */
  drop(): Promise<void>;
}

export function createTabSessionStore(area: SessionArea, tabId: number, { delayMs = 300 }: { delayMs?: number } = {}): TabSessionStore {
  const key = panelSessionKey(tabId);
  let pending: PanelSession | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const write = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    const state = pending;
    pending = null;
    if (!state) return writing;
    // One write after the other, so an older state never lands after a newer one.
    writing = writing.then(() => area.set({ [key]: state })).catch(() => undefined);
    return writing;
  };

  return {
    async load() {
      // A write still waiting is newer than what is stored.
      await write();
      let raw: unknown;
      try {
        raw = (await area.get(key))[key];
      } catch {
        return null;
      }
      if (raw === undefined) return null;
      const parsed = panelSession.safeParse(raw);
      if (parsed.success) return parsed.data;
      // From another version, or damaged: of no use to anyone.
      await area.remove(key).catch(() => undefined);
      return null;
    },
    save(state) {
      pending = state;
      clearTimeout(timer);
      timer = setTimeout(() => void write(), delayMs);
    },
    flush: write,
    async drop() {
      clearTimeout(timer);
      timer = undefined;
      pending = null;
      await writing;
      await area.remove(key).catch(() => undefined);
    },
  };
}

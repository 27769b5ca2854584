import { batch, effect, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import * as cases from '../../utils/cases/client';
import { hashRows } from '../../utils/cases/canonical';
import { newId } from '../../utils/ids';
import type { AppliedFilter, AppliedSearch, CapturedRow, CaptureRecord, CasePath, CaseRecord, ObservedTimes, PathAnswer, StepState } from '../../utils/db/records';
import { buildDeepLink, linkForSearch } from '../../utils/engine/deep-link';
import type { FieldReport, FillReport } from '../../utils/engine/fill';
import { defaultLabel } from '../../utils/engine/plan';
import type { Adapter } from '../../utils/schema/adapter';
import type { ExecReplies } from '../../utils/engine/messages';
import { resolveFilters } from '../../utils/engine/values';
import { kindsOfPacks } from '../../utils/kinds/packs';
import { inputsForTool } from '../../utils/kinds/people';
import type { KindResolution } from '../../utils/kinds/resolve';
import { initialValues, validateInputs, type InputValues } from '../../utils/inputs';
import { ask, errorText } from '../../utils/runtime-client';
import type { FilterValues } from '../../utils/schema/common';
import type { Runbook } from '../../utils/schema/runbook';
import { columnsToCheck, recordTries, triesFromCapture, triesFromFill } from '../../utils/review/failures';
import { runbookHasBranches, walkPath } from '../../utils/runbook/branches';
import { captureInterrupted, verdictAfterReload } from '../../utils/panel-session/after-reload';
import { columnsEmptyInEveryRow, partlyCapturedText } from './capture-verdict';
import { onArrival, pagedSummary, progressText, startPagedCapture, type PagedStop } from '../../utils/panel-session/paged-capture';
import type { PagedCapture, PanelSession, RunningStep } from '../../utils/panel-session/store';
import { readCasePointer, writeCasePointer } from './case-pointer';
import { runPagedCapture } from './paged-capture-run';
import { nextPageLoaded, tabSessionStore } from './tab-session';
import { identityLabel, sameIdentity } from './case-rules';
import { appliedWithKinds, kindPlan, kindProblems, narrowedNotes, requestedFilters } from './kind-plan';
import { adapter, packs, pageUrl, tabId } from './state';

/**
 * One investigation in the panel: the open runbook, its inputs, step progress,
 * what each step reported, and what was captured. It is saved as a case in the
 * extension's database (never in the page), so it survives reloads.
 */
export interface StepMessage {
  kind: 'ok' | 'error' | 'info';
  text: string;
  details?: string[];
  /** A fill step: every field with its state, in plain words. */
  fields?: StepFieldLine[];
}

export interface StepFieldLine {
  field: string;
  label: string;
  status: FieldReport['status'];
  text: string;
}

export const caseId = signal<string | null>(null);
export const caseRecord = signal<CaseRecord | null>(null);
export const values = signal<InputValues>({});
export const stepStates = signal<StepState[]>([]);
export const showProblems = signal(false);
export const stepMessages = signal<Record<number, StepMessage>>({});
export const busyStep = signal<number | null>(null);
export const captures = signal<CaptureRecord[]>([]);
export const lastFilters = signal<FilterValues>({});
export const escalating = signal(false);
export const sessionError = signal<string | null>(null);
export const captureProgress = signal<{ captured: number; limit: number } | null>(null);
/** A capture across page loads: "Page 3 — 60 rows so far" (utils/panel-session/paged-capture.ts). */
export const pagedProgress = signal<string | null>(null);
/** A branching runbook: the answers given so far (utils/runbook/branches.ts walks the path from them). */
export const pathAnswers = signal<PathAnswer[]>([]);
/** Capture steps (by index) whose page showed "no results" this session: a branch may decide "no rows" from them. */
export const emptyCaptures = signal<Record<number, true>>({});

/** Everything the panel holds about one case, kept when the agent leaves it so Undo can bring it back. */
interface CaseSnapshot {
  caseId: string;
  caseRecord: CaseRecord | null;
  values: InputValues;
  stepStates: StepState[];
  stepMessages: Record<number, StepMessage>;
  captures: CaptureRecord[];
  lastFilters: FilterValues;
  pathAnswers: PathAnswer[];
}
/**
 * The case the agent just left — with the new-case button, or by changing who
 * the case is about after evidence was captured. It stays in History as it was;
 * Undo brings it back into the panel.
 */
export interface LeftCase {
  reason: 'new-case' | 'identity';
  /** Who it was about ("jane@customer.com"), or empty. */
  label: string;
  captureCount: number;
  snapshot: CaseSnapshot;
}
export const leftCase = signal<LeftCase | null>(null);

/** How long an unfinished case is offered for resuming. */
const RESUME_WINDOW_MS = 24 * 60 * 60 * 1000;

function packIdOf(runbook: Runbook): string {
  return packs.value.find((p) => p.runbooks.some((r) => r.id === runbook.id))?.id ?? 'unknown';
}

function setMessage(index: number, message: StepMessage | null) {
  const next = { ...stepMessages.value };
  if (message) next[index] = message;
  else delete next[index];
  stepMessages.value = next;
}

let sessionGeneration = 0;

/**
 * This tab's session (utils/panel-session/store.ts): what the panel holds, kept in
 * extension storage as it changes, so a page that reloads — a server-rendered search, a
 * "next" link — rebuilds the panel where it was. `sessionRunbook` is set only once the
 * stored state was read back (or there was none): the blank state openSession starts
 * from is never written over it.
 */
let sessionRunbook: Runbook | null = null;
/** A step that may outlive the page (its submit or link reloads it), noted before it starts. */
let runningStep: RunningStep | null = null;
/** A capture across page loads under way, and whether the person pressed Cancel. */
let paged: PagedCapture | null = null;
let pagedCancelled = false;

const STORED_TEXT_CHARS = 4_000;
function storableMessage(message: StepMessage): StepMessage {
  const cut = (text: string) => (text.length > STORED_TEXT_CHARS ? `${text.slice(0, STORED_TEXT_CHARS - 1)}…` : text);
  return {
    kind: message.kind,
    text: cut(message.text),
    ...(message.details ? { details: message.details.slice(0, 100).map(cut) } : {}),
    ...(message.fields ? { fields: message.fields.slice(0, 60).map((f) => ({ ...f, text: cut(f.text) })) } : {}),
  };
}

function sessionSnapshot(runbook: Runbook): PanelSession {
  return {
    v: 1,
    runbookId: runbook.id,
    adapterId: adapter.value?.id ?? null,
    caseId: caseId.value,
    values: Object.fromEntries(Object.entries(values.value).slice(0, 40).map(([k, v]) => [k, v.slice(0, 2_000)])),
    steps: stepStates.value,
    messages: Object.fromEntries(Object.entries(stepMessages.value).map(([i, m]) => [i, storableMessage(m)])),
    path: pathAnswers.value,
    running: runningStep,
    capture: paged,
    savedAt: Date.now(),
  };
}

// Saved (debounced) whenever what the panel shows changes.
effect(() => {
  void [values.value, stepStates.value, stepMessages.value, pathAnswers.value, caseId.value];
  if (sessionRunbook) tabSessionStore(tabId.peek())?.save(sessionSnapshot(sessionRunbook));
});

// The page is going (a reload, a link): what was typed in the last moments is written now.
if (typeof addEventListener === 'function') addEventListener('pagehide', () => void keepSessionNow());

/** Stores the session now: before something that may unload the page. */
async function keepSessionNow(): Promise<void> {
  const store = tabSessionStore(tabId.peek());
  if (!sessionRunbook || !store) return;
  store.save(sessionSnapshot(sessionRunbook));
  await store.flush();
}

async function markRunning(index: number, type: RunningStep['type']): Promise<void> {
  runningStep = { step: index, type, url: pageUrl.value ?? '', at: Date.now() };
  await keepSessionNow();
}

function clearRunning(): void {
  if (!runningStep) return;
  runningStep = null;
  void keepSessionNow();
}

/** The person closed the runbook: its working state in this tab goes with it. */
export async function closeRunbookSession(): Promise<void> {
  // A restore still on its way (the panel was rebuilt a moment ago) must not bring back
  // and save again the session the person just closed.
  sessionGeneration++;
  const runbook = sessionRunbook;
  sessionRunbook = null;
  runningStep = null;
  paged = null;
  creatingCase = null;
  const dropped = tabSessionStore(tabId.peek())?.drop();
  // Progress still waiting to be saved is written now, not lost with the closed runbook;
  // saves already under way finish before this resolves.
  if (cancelPendingSave() && runbook) await saveProgress(runbook);
  await Promise.allSettled([dropped, ...saving]);
}

/**
 * Brings back what the panel in this tab held before the page reloaded — when it was
 * the same runbook, on a page the same adapter recognised, for the same case — and
 * carries on with a step the reload cut off.
 */
async function restoreTabSession(runbook: Runbook, generation: number): Promise<void> {
  const stored = (await tabSessionStore(tabId.value)?.load()) ?? null;
  if (generation !== sessionGeneration) return;
  sessionRunbook = runbook;
  const fits = stored && stored.runbookId === runbook.id && stored.adapterId === (adapter.value?.id ?? null) && stored.caseId === caseId.value;
  if (!fits) return void keepSessionNow();
  batch(() => {
    values.value = { ...values.value, ...stored.values };
    stepStates.value = runbook.steps.map((_, i) => stored.steps[i] ?? stepStates.value[i] ?? 'todo');
    stepMessages.value = Object.fromEntries(Object.entries(stored.messages).filter(([i]) => Number(i) < runbook.steps.length));
    pathAnswers.value = stored.path;
  });
  runningStep = stored.running;
  paged = stored.capture;
  markOpened();
  if (paged) {
    const arrival = onArrival(paged, pageUrl.value ?? '');
    if ('stop' in arrival) await finishPaged(runbook, paged, arrival.stop);
    else await continuePaged(runbook, arrival.state);
  } else if (runningStep) await resumeRunning(runbook, runningStep);
}

/**
 * A step was running when the page went away. A search is checked on the new page by
 * reading back what the console applies (never "Done" from memory); a capture that kept
 * nothing says so.
 */
async function resumeRunning(runbook: Runbook, running: RunningStep): Promise<void> {
  const index = running.step;
  const action = runbook.steps[index]?.action;
  const current = adapter.value;
  if (!action || !current || busyStep.value !== null) return clearRunning();
  if (action.type === 'capture') {
    const verdict = captureInterrupted();
    setMessage(index, verdict.message);
    setStepState(runbook, index, verdict.state);
    return clearRunning();
  }
  if (action.type !== 'fill' && action.type !== 'navigate') return clearRunning();
  busyStep.value = index;
  try {
    const resolved = resolveFilters(action.filters, values.value);
    lastKinds = kindPlan(resolved.values, current, kindsOfPacks(packs.value));
    lastFilters.value = lastKinds.filters;
    const applied = await readApplied(current, lastKinds.filters);
    const problems = [...resolved.problems, ...kindProblems(lastKinds)].map((p) => `${filterLabel(p.field)}: ${p.message}`);
    const verdict = verdictAfterReload(running, applied, filterLabel, [...problems, ...narrowedNotes(lastKinds)]);
    setMessage(index, verdict.message);
    setStepState(runbook, index, verdict.state);
  } finally {
    busyStep.value = null;
    clearRunning();
  }
}

/** Reads the page in view and follows "next" (paged-capture-run.ts); in a panel that outlives the page, to the end. */
async function continuePaged(runbook: Runbook, state: PagedCapture): Promise<void> {
  const current = adapter.value;
  if (!current?.results) return finishPaged(runbook, state, 'elsewhere');
  paged = state;
  busyStep.value = state.step;
  pagedProgress.value = progressText(state);
  try {
    const id = await ensureCase(runbook);
    const end = await runPagedCapture(
      {
        adapter: current,
        captureId: `${id}-${state.step}`,
        exec,
        url: () => pageUrl.value ?? '',
        keep: async (next) => {
          paged = next;
          await keepSessionNow();
        },
        cancelled: () => pagedCancelled,
        progress: (next) => (pagedProgress.value = progressText(next)),
        nextPageLoaded: (ms) => (tabId.value === null ? Promise.resolve(null) : nextPageLoaded(tabId.value, ms)),
      },
      state,
    );
    if ('empty' in end) {
      paged = null;
      const { message, warnings, stoppedBecause } = end.empty;
      if (stoppedBecause === 'empty') emptyCaptures.value = { ...emptyCaptures.value, [state.step]: true };
      setMessage(state.step, { kind: 'info', text: message ?? 'There were no result rows to capture. Check the filters, or widen the dates.', details: warnings });
      setStepState(runbook, state.step, 'failed');
      return;
    }
    await finishPaged(runbook, end.state, end.stop);
  } catch (error) {
    await finishPaged(runbook, paged ?? state, 'unreadable', [errorText(error)]);
  } finally {
    busyStep.value = null;
    pagedProgress.value = null;
  }
}

/** The capture across pages ended: its rows become one capture of the case, and the step says how it went. */
async function finishPaged(runbook: Runbook, state: PagedCapture, stop: PagedStop, extra: string[] = []): Promise<void> {
  const index = state.step;
  const current = adapter.value;
  const summary = pagedSummary(state, stop, pageUrl.value);
  pagedCancelled = false;
  runningStep = null;
  try {
    if (state.rows.length === 0 || !current) {
      paged = null;
      setMessage(index, { kind: 'info', text: summary.text, details: [...extra, ...summary.details] });
      setStepState(runbook, index, 'failed');
      return;
    }
    const id = await ensureCase(runbook);
    if (Object.keys(lastFilters.value).length === 0) lastFilters.value = filtersOfLastSearch(runbook, index);
    // The browser's storage may hand each row's cells back in another order: the adapter's order again.
    const order = Object.keys(current.results?.columns ?? {});
    const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
    const rows = state.rows.map((row) => ({ ...row, raw: Object.fromEntries(Object.entries(row.raw).sort(([a], [b]) => rank(a) - rank(b))) }));
    const applied = appliedWithKinds(state.applied, lastKinds);
    const saved = await cases.addCapture(id, {
      id: `${id}-s${index}-${(await hashRows(rows)).slice(0, 16)}`,
      stepIndex: index,
      sourceUrl: state.visited[0] ?? pageUrl.value ?? '',
      adapterId: current.id,
      filters: requestedFilters(lastFilters.value, lastKinds),
      timeRange: rangeOf(lastFilters.value),
      rows,
      ...(applied ? { applied } : {}),
      observed: observedTimesOf(rows),
    });
    // Stored in the case: the session no longer needs to hold the rows.
    paged = null;
    captures.value = [...captures.value.filter((c) => c.id !== saved.id), { ...saved, rows }];
    void recordTries(current.id, triesFromCapture(rows, stop === 'limit' ? 'limit' : 'last-page', captureColumns(current)));
    const emptyColumns = columnsEmptyInEveryRow(rows, captureColumns(current));
    const complete = summary.ok && emptyColumns.length === 0;
    setMessage(index, {
      kind: complete ? 'ok' : 'error',
      text: summary.ok && !complete ? partlyCapturedText(rows.length, emptyColumns) : summary.text,
      details: [
        ...extra,
        ...summary.details,
        ...appliedNotes(state.applied),
        ...(lastKinds ? kindProblems(lastKinds).map((p) => `Not searched: ${filterLabel(p.field)} — ${p.message} These rows are not limited by it.`) : []),
        ...state.warnings,
      ],
    });
    setStepState(runbook, index, complete ? 'done' : 'failed');
  } catch (error) {
    // The rows stay in this tab's session; the step says what went wrong.
    setMessage(index, { kind: 'error', text: `The ${state.rows.length.toLocaleString('en')} captured rows couldn't be saved to the case: ${errorText(error)}` });
    setStepState(runbook, index, 'failed');
  }
}

/** How the last search step's event kinds were translated for this tool (refusals, partial searches), for the capture after it. */
let lastKinds: KindResolution | null = null;

/** No case, every step to do, nothing captured or reported (the inputs are the caller's to set). */
function clearCaseState(runbook: Runbook) {
  lastKinds = null;
  batch(() => {
    caseId.value = null;
    caseRecord.value = null;
    stepStates.value = runbook.steps.map(() => 'todo');
    showProblems.value = false;
    stepMessages.value = {};
    captures.value = [];
    lastFilters.value = {};
    pathAnswers.value = [];
    emptyCaptures.value = {};
    escalating.value = false;
    sessionError.value = null;
  });
}

/**
 * Opens a runbook. In a tab that already worked on it, resumes the case it was
 * adding to (or starts afresh if the agent had started a new case); otherwise
 * resumes today's unfinished case for it on this tool, or starts fresh. The case
 * banner always says which, and the agent can start a new case from there.
 */
/**
 * Resolves once the runbook being opened has its case and its tab session back (not
 * waiting for a step the reload cut off to be checked). A step clicked before then waits:
 * run earlier, a step that loads a new page (a navigate link) would leave before the tab's
 * session knew this runbook was open, and the panel on the new page would show the list
 * instead of carrying on.
 */
let opened: Promise<void> = Promise.resolve();
let markOpened: () => void = () => undefined;

export function openSession(runbook: Runbook): Promise<void> {
  markOpened();
  opened = new Promise((resolve) => (markOpened = resolve));
  return openSessionNow(runbook).finally(markOpened);
}

async function openSessionNow(runbook: Runbook): Promise<void> {
  const generation = ++sessionGeneration;
  cancelPendingSave();
  creatingCase = null; // a case still being created belongs to the runbook open before
  pendingIdentity = null;
  sessionRunbook = null;
  runningStep = null;
  paged = null;
  pagedCancelled = false;
  batch(() => {
    leftCase.value = null;
    values.value = initialValues(runbook.inputs);
    clearCaseState(runbook);
  });
  try {
    const pointer = await readCasePointer(tabId.value, runbook.id);
    let detail: Awaited<ReturnType<typeof cases.getCase>> = null;
    if (typeof pointer === 'string') {
      // This tab was adding to that case: resume it while it is still open, else start afresh.
      const remembered = await cases.getCase(pointer);
      if (remembered && remembered.case.status === 'open' && remembered.case.runbookId === runbook.id) detail = remembered;
    } else if (pointer === undefined) {
      const open = await cases.listCases({ runbookId: runbook.id, status: 'open', from: Date.now() - RESUME_WINDOW_MS, limit: 20 });
      const match = open.find((c) => c.adapterId === (adapter.value?.id ?? null));
      if (match) detail = await cases.getCase(match.id);
    }
    if (generation !== sessionGeneration) return;
    if (detail) {
      const resumed = detail;
      void writeCasePointer(tabId.value, runbook.id, resumed.case.id);
      batch(() => {
        caseId.value = resumed.case.id;
        caseRecord.value = resumed.case;
        values.value = { ...values.value, ...resumed.case.inputs };
        stepStates.value = runbook.steps.map((_, i) => resumed.case.steps[i] ?? 'todo');
        captures.value = resumed.captures;
        pathAnswers.value = resumed.case.path?.answers ?? [];
        const last = resumed.captures.at(-1);
        if (last) lastFilters.value = last.filters;
      });
    }
  } catch (error) {
    sessionError.value = errorText(error);
  }
  // What this tab's panel held before the page reloaded (inputs typed, step messages, a step under way).
  if (generation === sessionGeneration) await restoreTabSession(runbook, generation);
}

let creatingCase: Promise<string> | null = null;

/** Creates the case the first time the agent does something worth keeping (once, however many steps ask at the same moment). */
async function ensureCase(runbook: Runbook): Promise<string> {
  if (caseId.value) return caseId.value;
  creatingCase ??= createCaseNow(runbook).finally(() => (creatingCase = null));
  return creatingCase;
}

async function createCaseNow(runbook: Runbook): Promise<string> {
  // The id is chosen here and remembered for this tab before the case is written, so a
  // page that reloads right away (a navigate step) still finds its case afterwards.
  const id = newId(); // crypto.randomUUID is missing in Firefox's panel on a plain-http console
  const generation = sessionGeneration;
  await writeCasePointer(tabId.value, runbook.id, id);
  const created = await cases.createCase({
    id,
    runbookId: runbook.id,
    runbookTitle: runbook.title,
    packId: packIdOf(runbook),
    adapterId: adapter.value?.id ?? null,
    tool: adapter.value?.name ?? 'Unknown log',
    pageUrl: pageUrl.value ?? '',
    inputs: values.value,
    steps: stepStates.value,
  });
  // The agent may have gone on to another runbook meanwhile: this case is not the one it shows.
  if (generation === sessionGeneration) {
    caseId.value = created.id;
    caseRecord.value = created;
  }
  return created.id;
}

/** Saves still under way: closing the runbook waits for them, so none lands after it. */
const saving = new Set<Promise<void>>();

function saveProgress(runbook: Runbook): Promise<void> {
  const save = saveProgressNow(runbook).finally(() => saving.delete(save));
  saving.add(save);
  return save;
}

async function saveProgressNow(runbook: Runbook) {
  // What to save is taken now: by the time the case exists the agent may have moved on.
  // While a step runs, a case keeps who it is about even if the agent typed someone else.
  const inputs = pendingIdentity?.caseValues ?? values.value;
  const steps = stepStates.value;
  const path = runbookHasBranches(runbook) ? casePathOf(runbook, pathAnswers.value) : undefined;
  try {
    const id = await ensureCase(runbook);
    const current = steps.findIndex((s) => s !== 'done');
    const saved = await cases.updateCase(id, {
      inputs,
      steps,
      currentStep: current < 0 ? steps.length : current,
      ...(pageUrl.value ? { pageUrl: pageUrl.value } : {}),
      ...(path ? { path } : {}),
    });
    if (caseId.value === id) caseRecord.value = saved;
    sessionError.value = null;
  } catch (error) {
    sessionError.value = errorText(error);
  }
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
function cancelPendingSave(): boolean {
  const pending = saveTimer !== undefined;
  clearTimeout(saveTimer);
  saveTimer = undefined;
  return pending;
}

/**
 * The agent typed into an input. Changing who the case is about (an identifying
 * input, see case-rules.ts) after evidence was captured starts a new case — the
 * evidence so far stays with the previous customer — and typing them back before
 * the new case has started returns to it.
 */
export function setValue(runbook: Runbook, name: string, value: string) {
  const before = values.value;
  const next = { ...before, [name]: value };
  if (caseId.value && captures.value.length > 0 && !sameIdentity(runbook.inputs, before, next)) {
    if (busyStep.value !== null) {
      // A step is still working for this case: decide once it has finished (see below).
      pendingIdentity ??= { runbook, caseValues: before };
      values.value = next;
      return;
    }
    leaveCase(runbook, 'identity', before);
    values.value = next;
    return;
  }
  const left = leftCase.value;
  if (!caseId.value && left?.reason === 'identity' && sameIdentity(runbook.inputs, left.snapshot.values, next)) {
    returnToCase(runbook, left, next);
    return;
  }
  values.value = next;
  if (!caseId.value) return; // nothing to keep until the agent starts
  cancelPendingSave();
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    void saveProgress(runbook);
  }, 400);
}

function sameInputs(a: InputValues | undefined, b: InputValues): boolean {
  return !!a && Object.keys({ ...a, ...b }).every((key) => (a[key] ?? '') === (b[key] ?? ''));
}

/** Who the case was about when the agent changed it while a step was running. */
let pendingIdentity: { runbook: Runbook; caseValues: InputValues } | null = null;
busyStep.subscribe((busy) => {
  const pending = pendingIdentity;
  if (busy !== null || !pending) return;
  pendingIdentity = null;
  if (!caseId.value || sameIdentity(pending.runbook.inputs, pending.caseValues, values.value)) return;
  const typed = values.value;
  leaveCase(pending.runbook, 'identity', pending.caseValues);
  values.value = typed;
});

/** Leaves the open case as it is (in History) and clears the panel for a new one, remembering it for Undo. */
function leaveCase(runbook: Runbook, reason: LeftCase['reason'], caseValues: InputValues) {
  const id = caseId.value;
  if (!id) return;
  sessionGeneration++;
  // The case keeps the inputs it was about, whatever was saved while the agent typed.
  cancelPendingSave();
  if (!sameInputs(caseRecord.value?.inputs, caseValues)) void cases.updateCase(id, { inputs: caseValues }).catch(() => undefined);
  leftCase.value = {
    reason,
    label: identityLabel(runbook.inputs, caseValues),
    captureCount: captures.value.length,
    snapshot: {
      caseId: id,
      caseRecord: caseRecord.value,
      values: caseValues,
      stepStates: stepStates.value,
      stepMessages: stepMessages.value,
      captures: captures.value,
      lastFilters: lastFilters.value,
      pathAnswers: pathAnswers.value,
    },
  };
  clearCaseState(runbook);
  void writeCasePointer(tabId.value, runbook.id, null);
}

/** Brings a case the agent left back into the panel (it was never changed meanwhile). */
function returnToCase(runbook: Runbook, left: LeftCase, inputs: InputValues = left.snapshot.values) {
  sessionGeneration++;
  cancelPendingSave();
  const { snapshot } = left;
  batch(() => {
    leftCase.value = null;
    caseId.value = snapshot.caseId;
    caseRecord.value = snapshot.caseRecord;
    values.value = inputs;
    stepStates.value = snapshot.stepStates;
    stepMessages.value = snapshot.stepMessages;
    captures.value = snapshot.captures;
    lastFilters.value = snapshot.lastFilters;
    pathAnswers.value = snapshot.pathAnswers;
    showProblems.value = false;
    escalating.value = false;
    sessionError.value = null;
  });
  void writeCasePointer(tabId.value, runbook.id, snapshot.caseId);
  if (inputs !== snapshot.values) void saveProgress(runbook);
}

/**
 * The new-case button: the open case stays in History as it is (status
 * unchanged) and the panel starts afresh for this runbook — inputs back to their
 * defaults, every step to do. Undo brings the previous case back.
 */
export function startNewCase(runbook: Runbook): void {
  if (!caseId.value || busyStep.value !== null) return;
  leaveCase(runbook, 'new-case', values.value);
  values.value = initialValues(runbook.inputs);
}

/** Undo for a new case: back to the case the agent left. Anything done in the new case stays in History as its own case. */
export function undoNewCase(runbook: Runbook): void {
  const left = leftCase.value;
  if (!left || busyStep.value !== null) return;
  returnToCase(runbook, left);
}

export function setStepState(runbook: Runbook, index: number, state: StepState) {
  const next = [...stepStates.value];
  next[index] = state;
  stepStates.value = next;
  void saveProgress(runbook);
}

/** The case's path as stored: the answers still on the path, the steps they lead through, the outcome reached. */
export function casePathOf(runbook: Runbook, answers: readonly PathAnswer[]): CasePath {
  const walked = walkPath(runbook, answers);
  return {
    answers: answers.filter((a) => walked.steps.includes(a.step)),
    steps: walked.steps,
    outcome: walked.outcome === null ? null : (runbook.outcomes[walked.outcome]?.when ?? null),
  };
}

/**
 * A branching step's answer — the agent's choice, or decided from the captured rows
 * (`because`: the condition that held). Answers to steps that are no longer on the
 * path (an earlier answer changed) are dropped, so the case keeps only the way taken.
 */
export function chooseAnswer(runbook: Runbook, step: number, answer: number, decidedBy: PathAnswer['decidedBy'], because?: string): void {
  const branch = runbook.steps[step]?.branch;
  const chosen = branch?.answers[answer];
  if (!branch || !chosen) return;
  const entry: PathAnswer = {
    step,
    stepTitle: runbook.steps[step]!.title,
    question: branch.question,
    answer,
    answerText: chosen.answer,
    decidedBy,
    ...(because ? { because } : {}),
    at: Date.now(),
  };
  const others = pathAnswers.value.filter((a) => a.step !== step);
  const next = [...others, entry].sort((a, b) => a.at - b.at);
  pathAnswers.value = casePathOf(runbook, next).answers;
  // Answering is the step's work: it counts as done, like ticking it.
  const states = [...stepStates.value];
  states[step] = 'done';
  stepStates.value = states;
  void saveProgress(runbook);
}

export function toggleStep(runbook: Runbook, index: number) {
  setStepState(runbook, index, stepStates.value[index] === 'done' ? 'todo' : 'done');
}

function exec<T extends keyof ExecReplies>(request: { type: T } & Record<string, unknown>): Promise<ExecReplies[T]> {
  return ask<ExecReplies[T]>({ type: 'exec:run', tabId: tabId.value ?? undefined, request });
}

/** The time range a set of filters covers, for captures and escalations. */
function rangeOf(filters: FilterValues) {
  return { from: filters.since ?? null, to: filters.until ?? null };
}

/** Reads back what the console applied; null (recorded as "not checked") when the page can't answer. */
async function readApplied(current: Adapter, intended: FilterValues): Promise<AppliedSearch | null> {
  try {
    const reply = await exec({ type: 'exec:readback', adapter: current, intended });
    return reply.applied;
  } catch {
    return null;
  }
}

/** The resolved filters of the nearest fill/navigate step before `index` that was run (done or failed). */
function filtersOfLastSearch(runbook: Runbook, index: number): FilterValues {
  for (let i = index - 1; i >= 0; i--) {
    const action = runbook.steps[i]?.action;
    if ((action?.type === 'fill' || action?.type === 'navigate') && stepStates.value[i] !== 'todo') {
      const resolved = resolveFilters(action.filters, values.value).values;
      if (!adapter.value) return resolved;
      // After a page load the panel starts afresh: the kinds are translated again for this tool.
      lastKinds = kindPlan(resolved, adapter.value, kindsOfPacks(packs.value));
      return lastKinds.filters;
    }
  }
  return {};
}

/** Lines for the capture message: what the console did not apply, or could not be checked. */
function appliedNotes(applied: AppliedSearch | null): string[] {
  if (!applied) return ["Trailguide couldn't read back which filters the console applied, so the capture records them as not checked."];
  const names = (status: AppliedFilter['status']) => applied.filters.filter((f) => f.status === status && f.intended !== '').map((f) => filterLabel(f.name));
  const notApplied = names('not-applied');
  const unchecked = names('unchecked');
  const extra = applied.filters.filter((f) => f.intended === '' && f.status === 'applied').map((f) => `${filterLabel(f.name)} (${f.shown ?? ''})`);
  return [
    ...(notApplied.length ? [`Not applied by the console: ${notApplied.join(', ')} — these rows are not limited by them.`] : []),
    ...(unchecked.length ? [`Couldn't check: ${unchecked.join(', ')}.`] : []),
    ...(extra.length ? [`The console also filters on ${extra.join(', ')}, which this step didn't ask for.`] : []),
  ];
}

/** The columns an adapter reads from each row (optional ones left out), named as the page does. */
function captureColumns(current: Adapter): { name: string; label: string }[] {
  return columnsToCheck(current.results).map((name) => ({ name, label: current.fields[name]?.label ?? defaultLabel(name) }));
}

function filterLabel(name: string): string {
  return adapter.value?.fields[name]?.label ?? defaultLabel(name);
}

/** Earliest and latest row time, and how many rows show a time that couldn't be read. */
export function observedTimesOf(rows: readonly CapturedRow[]): ObservedTimes {
  let earliest: { ms: number; iso: string } | null = null;
  let latest: { ms: number; iso: string } | null = null;
  let unreadable = 0;
  for (const row of rows) {
    const ms = row.time === null ? Number.NaN : Date.parse(row.time);
    if (Number.isNaN(ms)) {
      if ((row.raw.time ?? row.time ?? '').trim() !== '') unreadable++;
      continue;
    }
    if (!earliest || ms < earliest.ms) earliest = { ms, iso: row.time! };
    if (!latest || ms > latest.ms) latest = { ms, iso: row.time! };
  }
  return { earliest: earliest?.iso ?? null, latest: latest?.iso ?? null, unreadable };
}

const FIELD_STATE_WORDS: Record<FieldReport['status'], string> = {
  kept: 'set and checked',
  'not-kept': 'not set',
  unchecked: "couldn't check",
};

/**
 * Every box holds its value: say only what was seen. "Done … the log shows the matching events"
 * only when the search ran and the list changed (or the page's loading marker came and went);
 * a console searched without a button (submit: none) or a list that didn't move says so.
 */
function verifiedSentence(report: FillReport): string {
  if (!report.submitted || report.wait === null) {
    return 'The boxes hold your values. Trailguide didn’t run a search (this console has no search button), so check that the results below match.';
  }
  if (report.wait.how === 'settled') {
    return 'Every filter is set and checked and the search ran, but the results didn’t visibly change — check they match.';
  }
  return 'Done — every filter is set and checked, and the log shows the matching events.';
}

/** "Done" only when every field was kept and the console answered; otherwise each field's state in plain words. */
export function describeFill(
  report: FillReport,
  problems: readonly { field: string; message: string }[],
  { searchless = false }: { searchless?: boolean } = {},
): { done: boolean; message: StepMessage } {
  const fields: StepFieldLine[] = [
    ...report.fields.map((f) => ({
      field: f.field,
      label: f.label,
      status: f.status,
      text: f.status === 'kept' ? `${f.label}: ${FIELD_STATE_WORDS.kept} (${f.value})` : `${f.label}: ${FIELD_STATE_WORDS[f.status]} — ${f.message ?? `set it yourself: ${f.value}`}`,
    })),
    ...problems.map((p) => ({ field: p.field, label: filterLabel(p.field), status: 'not-kept' as const, text: `${filterLabel(p.field)}: ${FIELD_STATE_WORDS['not-kept']} — ${p.message}` })),
  ];
  const fieldMessages = new Set([...report.fields.map((f) => f.message), ...problems.map((p) => p.message)]);
  const leftOver = (report.leftOver ?? []).map(
    (f) => `The console still filters on ${filterLabel(f.field)} (${f.shown}) from an earlier search — clear it yourself if it shouldn't apply to this step.`,
  );
  // Boxes a fresh search emptied (read back empty after the search): said, so nothing vanishes unexplained.
  const emptied = (report.cleared ?? []).filter((c) => c.status === 'cleared').map((c) => `Cleared ${c.label} (it held ${c.was} from an earlier search).`);
  const others = [...report.messages.filter((m) => !fieldMessages.has(m)), ...leftOver, ...emptied];
  if (report.ok && problems.length === 0 && leftOver.length === 0) {
    return { done: true, message: { kind: 'ok', text: verifiedSentence(report), fields, details: others } };
  }
  const anyKept = fields.some((f) => f.status === 'kept');
  // A console searched without a button (submit: none) has none to click.
  const searchNote = report.fields.length > 0 && !report.submitted && anyKept && !searchless ? ["The search didn't run — click the console's search button yourself."] : [];
  return {
    done: false,
    message: {
      kind: 'error',
      text: anyKept ? 'Partly done — check each filter below:' : 'Not done — set these filters yourself:',
      fields,
      details: [...others, ...searchNote],
    },
  };
}

/**
 * Runs a step's action on the page and records what happened. `choose`: for a kind this
 * tool records as several codes it can't search at once, the one code to search for.
 */
export async function runStep(runbook: Runbook, index: number, options: { choose?: Record<string, string> } = {}): Promise<void> {
  await opened;
  const step = runbook.steps[index];
  const action = step?.action;
  if (!action || busyStep.value !== null) return;
  const problems = validateInputs(inputsForTool(runbook.inputs, adapter.value), values.value);
  if ((action.type === 'fill' || action.type === 'navigate') && Object.keys(problems).length > 0) {
    showProblems.value = true;
    setMessage(index, { kind: 'error', text: 'Fill in the details above first — the problems are marked in red.' });
    return;
  }
  const currentAdapter = adapter.value;
  if (!currentAdapter && action.type !== 'escalate') {
    setMessage(index, { kind: 'error', text: 'Trailguide does not know how to work with this page yet, so do this step by hand.' });
    return;
  }
  busyStep.value = index;
  setMessage(index, null);
  let keepRunning = false;
  try {
    if (action.type === 'fill' || action.type === 'navigate' || action.type === 'capture') {
      // Noted before it starts: if its submit or link reloads the page (and this panel with it),
      // the panel on the new page checks the step instead of forgetting it or calling it Done.
      await ensureCase(runbook);
      await markRunning(index, action.type);
    }
    switch (action.type) {
      case 'fill':
      case 'navigate': {
        const resolved = resolveFilters(action.filters, values.value);
        // Event kinds become this tool's own codes, or are left out with the reason; never typed as they are.
        const kinds = kindPlan(resolved.values, currentAdapter!, kindsOfPacks(packs.value), options.choose);
        lastKinds = kinds;
        lastFilters.value = kinds.filters;
        const kindIssues = kindProblems(kinds);
        const narrowed = narrowedNotes(kinds);
        // A search the console's own link can carry whole goes by the link (deepLink.searchBy: link);
        // the page it opens is checked by read-back, like a navigate step's (resumeRunning). Not for
        // a step that keeps the other filters set (reset: false): a link replaces the whole query.
        const byLink = action.type === 'fill' && action.submit !== false && action.reset !== false ? linkForSearch(currentAdapter!, pageUrl.value ?? '', kinds.filters) : null;
        const link = action.type === 'navigate' ? buildDeepLink(currentAdapter!, pageUrl.value ?? '', kinds.filters) : byLink;
        // A link that can't carry every filter would drop the rest without a word once the page
        // loads; then type them all instead, where each one is checked.
        if (link && link.unused.length === 0 && resolved.problems.length === 0 && tabId.value !== null) {
          if (kindIssues.length > 0 || narrowed.length > 0) {
            setMessage(index, { kind: 'error', text: 'Partly done — the log opens without part of what this step asks for:', details: [...kindIssues.map((p) => p.message), ...narrowed] });
            setStepState(runbook, index, 'failed');
          } else {
            // Not Done yet: the new page reads back what the link applied (resumeRunning).
            const how = byLink ? "Searching with the console's own link" : 'Opening the log with its own link';
            setMessage(index, { kind: 'info', text: `${how} — Trailguide checks each filter once the page has loaded.` });
            await markRunning(index, 'navigate');
          }
          keepRunning = true; // the new page reads back what the link applied
          const sameDocument = (pageUrl.value ?? '').split('#')[0] === link.url.split('#')[0] && link.url.includes('#');
          await browser.tabs.update(tabId.value, { url: link.url });
          // Only the hash route changed: the page (and this panel) stays, so check it here.
          if (sameDocument) void Promise.resolve().then(() => (runningStep ? resumeRunning(runbook, runningStep) : undefined));
          return;
        }
        const reply = await exec({ type: 'exec:fill', adapter: currentAdapter!, values: kinds.filters, submit: action.type === 'fill' ? action.submit : true, reset: action.reset });
        const outcome = describeFill(reply.report, [...resolved.problems, ...kindIssues], { searchless: currentAdapter!.submit?.via === 'none' });
        void recordTries(currentAdapter!.id, triesFromFill(reply.report));
        if (outcome.done && narrowed.length > 0) {
          // Every box is set, but to one of several codes: the search is narrower than the kind.
          setMessage(index, { ...outcome.message, kind: 'error', text: 'Partly done — this search covers only part of what the step asks for:', details: [...narrowed, ...(outcome.message.details ?? [])] });
          setStepState(runbook, index, 'failed');
          break;
        }
        setMessage(index, narrowed.length > 0 ? { ...outcome.message, details: [...narrowed, ...(outcome.message.details ?? [])] } : outcome.message);
        setStepState(runbook, index, outcome.done ? 'done' : 'failed');
        break;
      }
      case 'capture': {
        const id = await ensureCase(runbook);
        captureProgress.value = { captured: 0, limit: action.limit };
        // After a page load (a navigate link, a server-rendered search) the panel starts afresh:
        // the filters asked for are the last search step's that was run before this one.
        if (Object.keys(lastFilters.value).length === 0) lastFilters.value = filtersOfLastSearch(runbook, index);
        // What the console applies now (its address, its boxes), before paging moves it on.
        const readBack = await readApplied(currentAdapter!, lastFilters.value);
        if (currentAdapter!.results?.nextLoadsPage && currentAdapter!.results.next) {
          // Each page is a new page load: the rows are kept in this tab's session as they come.
          runningStep = null;
          pagedCancelled = false;
          await continuePaged(runbook, startPagedCapture({ step: index, limit: action.limit, applied: readBack, since: lastFilters.value.since ?? null }));
          break;
        }
        // Kinds this tool couldn't search for are recorded as not applied, with the reason.
        const applied = appliedWithKinds(readBack, lastKinds);
        const reply = await exec({ type: 'exec:capture', adapter: currentAdapter!, limit: action.limit, captureId: `${id}-${index}` });
        const { rows, warnings, message } = reply.result;
        void recordTries(currentAdapter!.id, triesFromCapture(rows, reply.result.stoppedBecause, captureColumns(currentAdapter!)));
        if (rows.length === 0) {
          if (reply.result.stoppedBecause === 'empty') emptyCaptures.value = { ...emptyCaptures.value, [index]: true };
          setMessage(index, { kind: 'info', text: message ?? 'There were no result rows to capture. Check the filters, or widen the dates.', details: warnings });
          setStepState(runbook, index, 'failed');
          break;
        }
        const summary = await cases.addCapture(id, {
          // The id names what was captured (case, step, rows), so running the step again after
          // an interruption — the service worker restarted, the reply was lost — stores it once.
          id: `${id}-s${index}-${(await hashRows(rows)).slice(0, 16)}`,
          stepIndex: index,
          sourceUrl: pageUrl.value ?? '',
          adapterId: currentAdapter!.id,
          filters: requestedFilters(lastFilters.value, lastKinds),
          timeRange: rangeOf(lastFilters.value),
          rows,
          ...(applied ? { applied } : {}),
          observed: observedTimesOf(rows),
        });
        captures.value = [...captures.value.filter((c) => c.id !== summary.id), { ...summary, rows }];
        // Paging with a "next" button leaves the console on the last page read; a second
        // capture would start there, so say so rather than surprise anyone.
        const leftOnLaterPage = reply.result.pages > 1 && currentAdapter!.results?.next !== undefined;
        const emptyColumns = columnsEmptyInEveryRow(rows, captureColumns(currentAdapter!));
        setMessage(index, {
          kind: emptyColumns.length === 0 ? 'ok' : 'error',
          text:
            emptyColumns.length === 0
              ? `Captured ${rows.length.toLocaleString('en')} row${rows.length === 1 ? '' : 's'}${reply.result.pages > 1 ? ` from ${reply.result.pages} pages` : ''}.`
              : partlyCapturedText(rows.length, emptyColumns),
          details: [
            ...(message ? [message] : []),
            ...(leftOnLaterPage ? ['The console now shows the last page Trailguide read. To capture again from the start, go back to its first page first.'] : []),
            ...appliedNotes(readBack),
            ...(lastKinds ? kindProblems(lastKinds).map((p) => `Not searched: ${filterLabel(p.field)} — ${p.message} These rows are not limited by it.`) : []),
            ...warnings,
          ],
        });
        setStepState(runbook, index, emptyColumns.length === 0 ? 'done' : 'failed');
        break;
      }
      case 'highlight': {
        const reply = await exec({ type: 'exec:highlight', adapter: currentAdapter!, target: action.target, message: action.message });
        const result = reply.result as { ok?: boolean; message?: string };
        setMessage(index, result.ok === false ? { kind: 'error', text: result.message ?? 'I could not find that on the page.' } : { kind: 'info', text: 'Look for the highlighted spot on the page.' });
        break;
      }
      case 'escalate':
        await startEscalation(runbook);
        break;
    }
  } catch (error) {
    if (runningStep && action.type !== 'capture' && PAGE_WENT_AWAY.test(errorText(error))) {
      // The search's submit reloaded the page. Docked in it, this panel goes too and the next
      // one checks the step; in the browser's side panel, check it here once the page is in.
      keepRunning = true;
      void checkAfterReload(runbook);
    } else {
      setMessage(index, { kind: 'error', text: errorText(error) });
      setStepState(runbook, index, 'failed');
    }
  } finally {
    busyStep.value = null;
    captureProgress.value = null;
    if (!keepRunning) clearRunning();
  }
}

/** The bridge's words for a page that unloaded under a request (utils/background/executor-bridge.ts). */
const PAGE_WENT_AWAY = /changed or reloaded while Trailguide was working/;

async function checkAfterReload(runbook: Runbook): Promise<void> {
  if (tabId.value === null) return;
  const generation = sessionGeneration;
  const url = await nextPageLoaded(tabId.value, 15_000);
  if (generation !== sessionGeneration || !runningStep) return;
  if (url) pageUrl.value = url;
  await resumeRunning(runbook, runningStep);
}

/** Opens the escalation builder for this case (creating the case if the agent has not started one). */
export async function startEscalation(runbook: Runbook): Promise<void> {
  try {
    await ensureCase(runbook);
    escalating.value = true;
    sessionError.value = null;
  } catch (error) {
    sessionError.value = errorText(error);
  }
}

export async function cancelCapture(): Promise<void> {
  if (paged) {
    // Kept at once: the next page may be loading, and the panel there stops where this one was.
    pagedCancelled = true;
    paged = { ...paged, status: 'cancelled' };
    await keepSessionNow();
  }
  try {
    await exec({ type: 'exec:cancel' });
  } catch {
    /* the capture may have finished in the meantime */
  }
}

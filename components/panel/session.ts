import { batch, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import * as cases from '../../utils/cases/client';
import { hashRows } from '../../utils/cases/canonical';
import type { AppliedFilter, AppliedSearch, CapturedRow, CaptureRecord, CaseRecord, ObservedTimes, StepState } from '../../utils/db/records';
import { buildDeepLink } from '../../utils/engine/deep-link';
import type { FieldReport, FillReport } from '../../utils/engine/fill';
import { defaultLabel } from '../../utils/engine/plan';
import type { Adapter } from '../../utils/schema/adapter';
import type { ExecReplies } from '../../utils/engine/messages';
import { resolveFilters } from '../../utils/engine/values';
import { initialValues, validateInputs, type InputValues } from '../../utils/inputs';
import { ask, errorText } from '../../utils/runtime-client';
import type { FilterValues } from '../../utils/schema/common';
import type { Runbook } from '../../utils/schema/runbook';
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

/** Opens a runbook: resumes today's unfinished case for it on this tool, or starts fresh. */
export async function openSession(runbook: Runbook): Promise<void> {
  batch(() => {
    caseId.value = null;
    caseRecord.value = null;
    values.value = initialValues(runbook.inputs);
    stepStates.value = runbook.steps.map(() => 'todo');
    showProblems.value = false;
    stepMessages.value = {};
    captures.value = [];
    lastFilters.value = {};
    escalating.value = false;
    sessionError.value = null;
  });
  try {
    const open = await cases.listCases({ runbookId: runbook.id, status: 'open', from: Date.now() - RESUME_WINDOW_MS, limit: 20 });
    const match = open.find((c) => c.adapterId === (adapter.value?.id ?? null));
    if (!match) return;
    const detail = await cases.getCase(match.id);
    if (!detail) return;
    batch(() => {
      caseId.value = detail.case.id;
      caseRecord.value = detail.case;
      values.value = { ...values.value, ...detail.case.inputs };
      stepStates.value = runbook.steps.map((_, i) => detail.case.steps[i] ?? 'todo');
      captures.value = detail.captures;
      const last = detail.captures.at(-1);
      if (last) lastFilters.value = last.filters;
    });
  } catch (error) {
    sessionError.value = errorText(error);
  }
}

/** Creates the case the first time the agent does something worth keeping. */
async function ensureCase(runbook: Runbook): Promise<string> {
  if (caseId.value) return caseId.value;
  const created = await cases.createCase({
    runbookId: runbook.id,
    runbookTitle: runbook.title,
    packId: packIdOf(runbook),
    adapterId: adapter.value?.id ?? null,
    tool: adapter.value?.name ?? 'Unknown log',
    pageUrl: pageUrl.value ?? '',
    inputs: values.value,
    steps: stepStates.value,
  });
  caseId.value = created.id;
  caseRecord.value = created;
  return created.id;
}

async function saveProgress(runbook: Runbook) {
  try {
    const id = await ensureCase(runbook);
    const current = stepStates.value.findIndex((s) => s !== 'done');
    caseRecord.value = await cases.updateCase(id, {
      inputs: values.value,
      steps: stepStates.value,
      currentStep: current < 0 ? stepStates.value.length : current,
      ...(pageUrl.value ? { pageUrl: pageUrl.value } : {}),
    });
    sessionError.value = null;
  } catch (error) {
    sessionError.value = errorText(error);
  }
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
export function setValue(runbook: Runbook, name: string, value: string) {
  values.value = { ...values.value, [name]: value };
  if (!caseId.value) return; // nothing to keep until the agent starts
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void saveProgress(runbook), 400);
}

export function setStepState(runbook: Runbook, index: number, state: StepState) {
  const next = [...stepStates.value];
  next[index] = state;
  stepStates.value = next;
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

/** "Done" only when every field was kept and the console answered; otherwise each field's state in plain words. */
export function describeFill(report: FillReport, problems: readonly { field: string; message: string }[]): { done: boolean; message: StepMessage } {
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
  const others = report.messages.filter((m) => !fieldMessages.has(m));
  if (report.ok && problems.length === 0) {
    return { done: true, message: { kind: 'ok', text: 'Done — every filter is set and checked, and the log shows the matching events.', fields, details: others } };
  }
  const anyKept = fields.some((f) => f.status === 'kept');
  const searchNote = report.fields.length > 0 && !report.submitted && anyKept ? ["The search didn't run — click the console's search button yourself."] : [];
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

/** Runs a step's action on the page and records what happened. */
export async function runStep(runbook: Runbook, index: number): Promise<void> {
  const step = runbook.steps[index];
  const action = step?.action;
  if (!action || busyStep.value !== null) return;
  const problems = validateInputs(runbook.inputs, values.value);
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
  try {
    switch (action.type) {
      case 'fill':
      case 'navigate': {
        const resolved = resolveFilters(action.filters, values.value);
        lastFilters.value = resolved.values;
        const link = action.type === 'navigate' ? buildDeepLink(currentAdapter!, pageUrl.value ?? '', resolved.values) : null;
        if (link && tabId.value !== null) {
          setStepState(runbook, index, 'done');
          await browser.tabs.update(tabId.value, { url: link.url });
          return;
        }
        const reply = await exec({ type: 'exec:fill', adapter: currentAdapter!, values: resolved.values, submit: action.type === 'fill' ? action.submit : true });
        const outcome = describeFill(reply.report, resolved.problems);
        setMessage(index, outcome.message);
        setStepState(runbook, index, outcome.done ? 'done' : 'failed');
        break;
      }
      case 'capture': {
        const id = await ensureCase(runbook);
        captureProgress.value = { captured: 0, limit: action.limit };
        // What the console applies now (its address, its boxes), before paging moves it on.
        const applied = await readApplied(currentAdapter!, lastFilters.value);
        const reply = await exec({ type: 'exec:capture', adapter: currentAdapter!, limit: action.limit, captureId: `${id}-${index}` });
        const { rows, warnings, message } = reply.result;
        if (rows.length === 0) {
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
          filters: lastFilters.value,
          timeRange: rangeOf(lastFilters.value),
          rows,
          ...(applied ? { applied } : {}),
          observed: observedTimesOf(rows),
        });
        captures.value = [...captures.value.filter((c) => c.id !== summary.id), { ...summary, rows }];
        // Paging with a "next" button leaves the console on the last page read; a second
        // capture would start there, so say so rather than surprise anyone.
        const leftOnLaterPage = reply.result.pages > 1 && currentAdapter!.results?.next !== undefined;
        setMessage(index, {
          kind: 'ok',
          text: `Captured ${rows.length.toLocaleString('en')} row${rows.length === 1 ? '' : 's'}${reply.result.pages > 1 ? ` from ${reply.result.pages} pages` : ''}.`,
          details: [
            ...(message ? [message] : []),
            ...(leftOnLaterPage ? ['The console now shows the last page Trailguide read. To capture again from the start, go back to its first page first.'] : []),
            ...warnings,
          ],
        });
        setStepState(runbook, index, 'done');
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
    setMessage(index, { kind: 'error', text: errorText(error) });
    setStepState(runbook, index, 'failed');
  } finally {
    busyStep.value = null;
    captureProgress.value = null;
  }
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
  try {
    await exec({ type: 'exec:cancel' });
  } catch {
    /* the capture may have finished in the meantime */
  }
}

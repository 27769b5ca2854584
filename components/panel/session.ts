import { batch, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import * as cases from '../../utils/cases/client';
import { hashRows } from '../../utils/cases/canonical';
import type { CaptureRecord, CaseRecord, StepState } from '../../utils/db/records';
import { buildDeepLink } from '../../utils/engine/deep-link';
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
        const details = [...resolved.problems.map((p) => p.message), ...reply.report.messages];
        if (reply.report.ok) {
          setMessage(index, { kind: 'ok', text: 'Done — the log now shows the matching events.', details });
          setStepState(runbook, index, 'done');
        } else {
          setMessage(index, { kind: 'error', text: 'Part of this step needs you:', details });
          setStepState(runbook, index, 'failed');
        }
        break;
      }
      case 'capture': {
        const id = await ensureCase(runbook);
        captureProgress.value = { captured: 0, limit: action.limit };
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

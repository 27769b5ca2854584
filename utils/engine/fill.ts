import { clickLikeAPerson, pressEnter } from './events';
import { checkControl, clearControl, filterShown, insertStep, shownValue, type ClearStatus, type FieldStatus, type InsertOptions } from './insert';
import { valueForPerson, type ClearStep, type FillPlan, type FillStep } from './plan';
import { findFirst, sleep } from './query';
import { readyPresent, rowSignature, waitForResults, type WaitOutcome } from './wait';

/** How long a widget gets to re-render after the last write before a pending field is judged. */
const SETTLE_MS = 30;

/**
 * Runs a fill plan: every step in order (a failure is reported and the rest
 * still run), then submits and waits for the console's answer, then reads every
 * filled control once more — a console may drop a value when the search runs.
 * `ok` only when every field is `kept` and the console answered the search.
 */
export interface FieldReport {
  field: string;
  /** How the page calls the control ("From"). */
  label: string;
  status: FieldStatus;
  /** status === 'kept' (kept for older readers). */
  ok: boolean;
  /** The value in plain words, as a person would type it (dates name the box's clock). */
  value: string;
  selectorUsed?: string;
  message?: string;
}

/** A box the step did not set, emptied before writing (reset). Only boxes that held a value are listed. */
export interface ClearReport {
  fields: string[];
  /** How the page calls the control ("Search"). */
  label: string;
  status: Extract<ClearStatus, 'cleared' | 'not-cleared'>;
  /** What it showed before. */
  was: string;
  message?: string;
}

export interface FillReport {
  /** Every field kept, submitted if asked, and the page answered. */
  ok: boolean;
  fields: FieldReport[];
  submitted: boolean;
  wait: WaitOutcome | null;
  /** Plain-language problems, one per line, for the panel to show. */
  messages: string[];
  /**
   * Filters the console still applies that this fill did not ask for (left from an earlier
   * search), read back after the search ran (exec:fill adds them; see ./readback.ts).
   */
  leftOver?: { field: string; shown: string }[];
  /** Reset fills: the boxes that held a value, and whether they were emptied (and stayed so after the search). */
  cleared?: ClearReport[];
}

interface Filled {
  step: FillStep;
  expect: string[];
  element: Element | undefined;
  reports: FieldReport[];
}

export async function executeFill(doc: Document, plan: FillPlan, options: InsertOptions = {}): Promise<FillReport> {
  const fields: FieldReport[] = [];
  const messages: string[] = [];
  const filled: Filled[] = [];
  let lastTextBox: Element | null = null;
  const cleared: ClearReport[] = [];
  const pending: Filled[] = [];
  const emptied: { step: ClearStep; report: ClearReport }[] = [];

  for (const step of plan.clear ?? []) {
    if (options.signal?.aborted) break;
    const outcome = await clearControl(doc, step, options);
    if (outcome.status === 'absent' || outcome.status === 'empty') continue;
    const report: ClearReport = { fields: [...step.fields], label: step.label, status: outcome.status, was: outcome.was ?? '', ...(outcome.message ? { message: outcome.message } : {}) };
    cleared.push(report);
    if (outcome.message) messages.push(outcome.message);
    if (outcome.status === 'cleared') emptied.push({ step, report });
  }

  for (const step of plan.steps) {
    if (options.signal?.aborted) break;
    const outcome = await insertStep(doc, step, options);
    const reports: FieldReport[] = [];
    for (const field of step.fields) {
      const report: FieldReport = {
        field,
        label: step.label,
        status: outcome.status,
        ok: outcome.status === 'kept',
        value: shownValue(step),
        ...(outcome.selectorUsed ? { selectorUsed: outcome.selectorUsed } : {}),
        ...(outcome.message ? { message: outcome.message } : {}),
      };
      fields.push(report);
      reports.push(report);
    }
    if (outcome.pending) {
      pending.push({ step, expect: outcome.expect ?? [], element: outcome.element, reports });
      continue;
    }
    if (outcome.message) messages.push(outcome.message);
    if (outcome.status === 'kept') filled.push({ step, expect: outcome.expect ?? [], element: outcome.element, reports });
    if (outcome.ok && outcome.element && (outcome.element.tagName === 'INPUT' || outcome.element.tagName === 'TEXTAREA')) {
      lastTextBox = outcome.element;
    }
  }
  if (pending.length > 0) await settlePending(doc, pending, filled, messages);
  for (const missing of plan.unfillable) {
    fields.push({ field: missing.field, label: missing.label, status: 'not-kept', ok: false, value: valueForPerson(missing.field, missing.value), message: missing.message });
    messages.push(missing.message);
  }

  let submitted = false;
  let wait: WaitOutcome | null = null;
  const anyFilled = fields.some((f) => f.ok);
  if (plan.submit.via !== 'none' && anyFilled && !options.signal?.aborted) {
    const before = rowSignature(doc, plan.wait.rows);
    const readyBefore = readyPresent(doc, plan.wait);
    const submit = submitSearch(doc, plan, lastTextBox);
    submitted = submit.ok;
    if (submit.message) messages.push(submit.message);
    if (submitted) {
      wait = await waitForResults(doc, plan.wait, { before, readyBefore, ...(options.signal ? { signal: options.signal } : {}) });
      if (!wait.ok && wait.message) messages.push(wait.message);
      if (wait.ok) {
        recheckAfterSearch(doc, filled, messages);
        recheckCleared(doc, emptied, messages);
      }
    }
  }

  const ok =
    fields.every((f) => f.status === 'kept') && cleared.every((c) => c.status === 'cleared') && (plan.submit.via === 'none' || (submitted && wait?.ok === true));
  return { ok, fields, submitted, wait, messages, ...(cleared.length > 0 ? { cleared } : {}) };
}

/**
 * Fields a widget commits only together with the step's other fields (a range's start): once
 * they are all written, leave the widget as a person clicking elsewhere would, and judge each
 * by its effect now.
 */
async function settlePending(doc: Document, pending: readonly Filled[], filled: Filled[], messages: string[]): Promise<void> {
  const active = doc.activeElement as HTMLElement | null;
  if (active && active !== doc.body && typeof active.blur === 'function') active.blur();
  await sleep(SETTLE_MS);
  for (const entry of pending) {
    const { step, element, reports } = entry;
    const { status } = checkControl(doc, step, entry.expect, element);
    const message =
      status === 'kept'
        ? undefined
        : status === 'unchecked'
          ? `I entered a value in ${step.label} but the page doesn't show it in a way I can read, so I couldn't check it — make sure it shows: ${shownValue(step)}`
          : `The ${step.label} box didn't keep what I entered — type this yourself: ${shownValue(step)}`;
    for (const report of reports) {
      report.status = status;
      report.ok = status === 'kept';
      if (message) report.message = message;
      else delete report.message;
    }
    if (message) messages.push(message);
    if (status === 'kept') filled.push(entry);
  }
  // The widget settled (a range commits or throws away both ends at once): what was judged kept before must still be.
  for (let i = filled.length - 1; i >= 0; i--) {
    const entry = filled[i]!;
    if (pending.includes(entry)) continue;
    const { status } = checkControl(doc, entry.step, entry.expect, entry.element);
    if (status === 'kept') continue;
    const message =
      status === 'unchecked'
        ? `I entered a value in ${entry.step.label} but the page doesn't show it in a way I can read, so I couldn't check it — make sure it shows: ${shownValue(entry.step)}`
        : `The ${entry.step.label} box let go of what I entered once the other boxes were filled — type this yourself: ${shownValue(entry.step)}`;
    for (const report of entry.reports) {
      report.status = status;
      report.ok = false;
      report.message = message;
    }
    messages.push(message);
    filled.splice(i, 1);
  }
}

/** The console has answered: a value it dropped on submit (or re-rendered away) is not kept. */
function recheckAfterSearch(doc: Document, filled: readonly Filled[], messages: string[]): void {
  for (const { step, expect, element, reports } of filled) {
    const { status } = checkControl(doc, step, expect, element);
    if (status === 'kept') continue;
    const message =
      status === 'unchecked'
        ? `After the search ran I couldn't find the ${step.label} box to check it again — make sure the page still shows: ${shownValue(step)}`
        : `The ${step.label} box lost what I entered when the search ran — type this yourself: ${shownValue(step)}`;
    for (const report of reports) {
      report.status = status;
      report.ok = false;
      report.message = message;
    }
    messages.push(message);
  }
}

/** A box emptied before the search that shows a value again once the console answered is not cleared. */
function recheckCleared(doc: Document, emptied: readonly { step: ClearStep; report: ClearReport }[], messages: string[]): void {
  for (const { step, report } of emptied) {
    const hit = findFirst(doc, step.selectors);
    const shown = hit ? filterShown(hit.element, step.kind) : '';
    if (shown === '') continue;
    report.status = 'not-cleared';
    report.message = `The ${step.label} box filled itself again (${shown}) when the search ran — clear it yourself so only this step's filters apply.`;
    messages.push(report.message);
  }
}

function submitSearch(doc: Document, plan: FillPlan, lastTextBox: Element | null): { ok: boolean; message?: string } {
  if (plan.submit.via === 'click') {
    const button = plan.submit.selectors.length > 0 ? findFirst(doc, plan.submit.selectors) : null;
    if (button) {
      clickLikeAPerson(button.element);
      return { ok: true };
    }
    if (lastTextBox?.isConnected) {
      pressEnter(lastTextBox);
      return { ok: true, message: "I couldn't find the search button, so I pressed Enter instead — if the results didn't change, click the button yourself." };
    }
    return { ok: false, message: "I couldn't find the search button — click it yourself to apply the filters." };
  }
  if (lastTextBox?.isConnected) {
    pressEnter(lastTextBox);
    return { ok: true };
  }
  return { ok: false, message: 'Press Enter in the search box (or click the search button) to apply the filters.' };
}

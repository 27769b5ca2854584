import { clickLikeAPerson, pressEnter } from './events';
import { clearListStep, fillBySequence, foldBack, listShown, openControl, openProblem, recheckSequence, sequenceShown } from './gestures';
import { checkControl, clearControl, filterShown, insertStep, shownValue, type ClearOutcome, type ClearStatus, type FieldStatus, type InsertOptions, type StepOutcome } from './insert';
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
  // A console that searches as you type may answer while the boxes are still being filled: its rows before any of it.
  const asYouType = plan.submit.via === 'none' && plan.wait.debounceMs !== undefined;
  const beforeTyping = asYouType ? rowSignature(doc, plan.wait.rows) : '';
  const readyBeforeTyping = asYouType ? readyPresent(doc, plan.wait) : false;

  for (const step of plan.clear ?? []) {
    if (options.signal?.aborted) break;
    const outcome = step.gestures?.steps
      ? clearSequence(doc, step)
      : step.kind === 'list' && step.gestures?.selected
        ? await clearListStep(doc, step, options)
        : await clearControl(doc, step, options);
    if (outcome.status === 'absent' || outcome.status === 'empty') continue;
    const report: ClearReport = { fields: [...step.fields], label: step.label, status: outcome.status, was: outcome.was ?? '', ...(outcome.message ? { message: outcome.message } : {}) };
    cleared.push(report);
    if (outcome.message) messages.push(outcome.message);
    if (outcome.status === 'cleared') emptied.push({ step, report });
  }

  for (const step of plan.steps) {
    if (options.signal?.aborted) break;
    const outcome = await writeStep(doc, step, options);
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
  if (asYouType && anyFilled && !options.signal?.aborted) {
    // No button: the console searches once it saw no key for its debounce. Wait that out, then
    // for its busy/ready signals, so a capture never reads the rows of the search before.
    await sleep(plan.wait.debounceMs ?? 0, options.signal);
    wait = await waitForResults(doc, plan.wait, { before: beforeTyping, readyBefore: readyBeforeTyping, ...(options.signal ? { signal: options.signal } : {}) });
    submitted = wait.ok;
    if (!wait.ok && wait.message) messages.push(wait.message);
    if (wait.ok) {
      await recheckAfterSearch(doc, filled, messages, options);
      recheckCleared(doc, emptied, messages);
    }
  } else if (plan.submit.via !== 'none' && anyFilled && !options.signal?.aborted) {
    const before = rowSignature(doc, plan.wait.rows);
    const readyBefore = readyPresent(doc, plan.wait);
    const submit = await submitSearch(doc, plan, lastTextBox, options);
    submitted = submit.ok;
    if (submit.message) messages.push(submit.message);
    if (submitted) {
      wait = await waitForResults(doc, plan.wait, { before, readyBefore, ...(options.signal ? { signal: options.signal } : {}) });
      if (!wait.ok && wait.message) messages.push(wait.message);
      if (wait.ok) {
        await recheckAfterSearch(doc, filled, messages, options);
        recheckCleared(doc, emptied, messages);
      }
    }
  }

  const searches = plan.submit.via !== 'none' || (asYouType && anyFilled);
  const ok = fields.every((f) => f.status === 'kept') && cleared.every((c) => c.status === 'cleared') && (!searches || (submitted && wait?.ok === true));
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
    const { status } = checkStep(doc, step, entry.expect, element);
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
    const { status } = checkStep(doc, entry.step, entry.expect, entry.element);
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

/**
 * A control behind an open gesture (a menu, a popover) that folded away once the search ran:
 * open it again as a person would to look, read it, and fold it back the way it was opened.
 */
async function checkBehindOpen(doc: Document, step: FillStep, expect: readonly string[], options: InsertOptions): Promise<FieldStatus> {
  const open = step.gestures?.open ?? [];
  const opened = await openControl(doc, open, step.selectors, options);
  if (!opened.ok) return 'unchecked';
  const { status } = checkControl(doc, step, expect);
  if (opened.opened) await foldBack(doc, open, options);
  return status;
}

/** The console has answered: a value it dropped on submit (or re-rendered away) is not kept. */
async function recheckAfterSearch(doc: Document, filled: readonly Filled[], messages: string[], options: InsertOptions): Promise<void> {
  for (const { step, expect, element, reports } of filled) {
    let { status } = checkStep(doc, step, expect, element);
    if (status === 'unchecked' && step.gestures?.open && !step.gestures.steps) status = await checkBehindOpen(doc, step, expect, options);
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
    const shown = step.kind === 'list' && step.gestures?.selected ? listShown(doc, step) : hit ? filterShown(hit.element, step.kind) : '';
    if (shown === '') continue;
    report.status = 'not-cleared';
    report.message = `The ${step.label} box filled itself again (${shown}) when the search ran — clear it yourself so only this step's filters apply.`;
    messages.push(report.message);
  }
}

/**
 * One planned field: its open gestures first (while the control isn't showing), then its
 * recorded sequence, or the widget strategy's write (insert.ts).
 */
async function writeStep(doc: Document, step: FillStep, options: InsertOptions): Promise<StepOutcome> {
  const shown = shownValue(step);
  const gestures = step.gestures;
  if (gestures?.open) {
    const opened = await openControl(doc, gestures.open, gestures.steps ? null : step.selectors, options);
    if (!opened.ok) return { ok: false, status: 'not-kept', message: openProblem(opened, controlName(step), `open it yourself and set: ${shown}`) };
  }
  if (gestures?.steps) {
    const done = await fillBySequence(doc, step, shown, options);
    return { ok: done.ok, status: done.status, expect: done.expect, ...(done.message ? { message: done.message } : {}) };
  }
  return insertStep(doc, step, options);
}

/** "Search box", "Event type list", "Actor filter": the control as a person calls it. */
function controlName(step: Pick<FillStep, 'label' | 'kind' | 'gestures'>): string {
  const noun = step.gestures?.steps ? 'filter' : step.kind === 'list' || step.kind === 'combobox' || step.kind === 'select' ? 'list' : 'box';
  return `${step.label} ${noun}`;
}

/** A filled field read again: a recorded sequence by its effect, anything else through its widget. */
function checkStep(doc: Document, step: FillStep, expect: readonly string[], previous?: Element): { status: FieldStatus; element?: Element } {
  if (step.gestures?.steps) return { status: recheckSequence(doc, step) };
  return checkControl(doc, step, expect, previous);
}

/**
 * A filter builder's field the step doesn't set: Trailguide can't take a builder's filter
 * away, so one that shows (its `verify` finds text) is named for the person to remove.
 */
function clearSequence(doc: Document, step: ClearStep): ClearOutcome {
  const was = step.gestures ? sequenceShown(doc, step.gestures) : '';
  if (was === '') return { status: step.gestures?.verify ? 'empty' : 'absent' };
  return {
    status: 'not-cleared',
    was,
    message: `The ${step.label} filter still shows ${was} from an earlier search, and Trailguide can't remove a filter builder's filters — remove it yourself so only this step's filters apply.`,
  };
}

async function submitSearch(doc: Document, plan: FillPlan, lastTextBox: Element | null, options: InsertOptions): Promise<{ ok: boolean; message?: string }> {
  if (plan.submit.via === 'click' && plan.submit.open && plan.submit.selectors.length > 0) {
    const opened = await openControl(doc, plan.submit.open, plan.submit.selectors, options);
    if (!opened.ok) return { ok: false, message: openProblem(opened, 'search button', 'click the search button yourself to apply the filters.') };
  }
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

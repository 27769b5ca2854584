import { clickLikeAPerson, pressEnter } from './events';
import { insertStep, type InsertOptions } from './insert';
import type { FillPlan } from './plan';
import { findFirst } from './query';
import { readyPresent, rowSignature, waitForResults, type WaitOutcome } from './wait';

/**
 * Runs a fill plan: every step in order (a failure is reported and the rest
 * still run), then submits and waits for the console's answer.
 */
export interface FieldReport {
  field: string;
  ok: boolean;
  selectorUsed?: string;
  message?: string;
}

export interface FillReport {
  /** Every field filled, submitted if asked, and the page answered. */
  ok: boolean;
  fields: FieldReport[];
  submitted: boolean;
  wait: WaitOutcome | null;
  /** Plain-language problems, one per line, for the panel to show. */
  messages: string[];
}

export async function executeFill(doc: Document, plan: FillPlan, options: InsertOptions = {}): Promise<FillReport> {
  const fields: FieldReport[] = [];
  const messages: string[] = [];
  let lastTextBox: Element | null = null;

  for (const step of plan.steps) {
    if (options.signal?.aborted) break;
    const outcome = await insertStep(doc, step, options);
    for (const field of step.fields) {
      fields.push({
        field,
        ok: outcome.ok,
        ...(outcome.selectorUsed ? { selectorUsed: outcome.selectorUsed } : {}),
        ...(outcome.message ? { message: outcome.message } : {}),
      });
    }
    if (outcome.message) messages.push(outcome.message);
    if (outcome.ok && outcome.element && (outcome.element.tagName === 'INPUT' || outcome.element.tagName === 'TEXTAREA')) {
      lastTextBox = outcome.element;
    }
  }
  for (const missing of plan.unfillable) {
    fields.push({ field: missing.field, ok: false, message: missing.message });
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
    }
  }

  const ok = fields.every((f) => f.ok) && (plan.submit.via === 'none' || (submitted && wait?.ok === true));
  return { ok, fields, submitted, wait, messages };
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

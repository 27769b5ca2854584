import type { EscalationTemplate } from '../schema/pack';
import { gatherFacts, type EscalationFacts, type EscalationSource } from './facts';
import { evidenceBlock, placeholderValues } from './format';
import { NO_REDACTION, redactText } from './redact';
import { DEFAULT_TITLE_TEMPLATE, markdownTemplateToPlain, renderTemplate, tidyTitle } from './template';

export interface BuildEscalationInput extends EscalationSource {
  /** The pack's template; its title and body may use {{placeholders}}. The body only adds words above the evidence. */
  template?: Pick<EscalationTemplate, 'id' | 'title' | 'body' | 'to'> | null;
}

export interface BuiltEscalation {
  title: string;
  /** The template's words (if any), then the full evidence block. */
  markdown: string;
  text: string;
  /**
   * JSON, pretty-printed, keys always in this order (version 2):
   * { format: "trailguide-escalation", version: 2, title, templateId, to,
   *   message,                      // the template body's words in plain text, or null
   *   preparedBy, preparedAt,
   *   runbook: { id, title, packId,
   *              stepReached: { number, title },   // the furthest step done; number null when none is
   *              stepsDone, stepsFailed: number[], stepsTotal },
   *   case: { id, status, openedAt, inputs: [{ name, label, value }], notes },
   *   path: { steps: [{ number, title }],             // only once a branching step was answered: the steps the answers led through
   *           answers: [{ step, question, answer, decidedBy: "agent" | "rows", because }],
   *           outcome },                             // the outcome's "when", or null
   *   page: { url, tool, adapterId, adapterName },
   *   search: { eventTypes: string[],              // action filters the console was seen to apply
   *             eventTypesUnconfirmed: string[],   // asked for, not applied or not checked
   *             timeRangeApplied: { from, to } | null,   // widest applied range; null unless every capture was checked
   *             rowsSpan: { earliest, latest, unreadable, source } | null },
   *   results: { captureCount, rowCount, rowsShown, eventTypesFound },
   *   captures: [{ number, id, step, sourceUrl, adapterId, capturedAt,
   *                requested: { filters: [{ name, value }], timeRange: { from, to } },   // what the runbook asked for
   *                applied: { checked, readFrom, checkedAt, timeRange: { from, to } | null,
   *                           filters: [{ name, value, note? }],          // applied, valued as the console shows them; note when the runbook didn't ask for it
   *                           notApplied: [{ name, intended, shown, reason }],
   *                           couldNotCheck: [{ name, intended, shown, reason }] },
   *                rowsSpan: { earliest, latest, unreadable, source: "observed" | "rows" },
   *                rowCount, hash, rows, rowsOmitted }],
   *   integrity: { algorithm, canonicalization, rowsRedacted, hashes: [{ capture, hash, rowCount }] } }
   * `applied.checked` is false for captures saved before Trailguide read the
   * console back: their filters were never confirmed, and appear only under
   * `requested`. Times are ISO 8601 (UTC). Rows are at most rowLimit in total
   * across captures; each capture's rowsOmitted counts the rest.
   * Version 1 had `filters`/`timeRange` per capture (what was asked for) and
   * `search.timeRange`/`filtersByCapture`; they are now `requested` and `applied`.
   */
  json: string;
  facts: EscalationFacts;
}

export const ESCALATION_JSON_FORMAT = 'trailguide-escalation';
export const ESCALATION_JSON_VERSION = 2;

function inputsSummary(facts: EscalationFacts, explicit: string | undefined): string {
  if (explicit?.trim()) return explicit.trim();
  const joined = facts.case.inputs.map((i) => i.value).join(', ');
  return joined.length > 120 ? `${joined.slice(0, 119)}…` : joined;
}

/** The template's words above the evidence, which is always there in full. */
function withEvidence(intro: string, evidence: string): string {
  const words = intro.trim();
  return `${words ? `${words}\n\n` : ''}${evidence.trim()}\n`;
}

/**
 * Builds an escalation in Markdown, plain text and JSON from a case and its
 * captures. Pure: same input, same output. A pack template's title names it and
 * its body adds words above the evidence block, which code always writes in
 * full (a template can never drop evidence). Redaction (chosen columns, e-mail
 * and IP masks) is applied to every format.
 */
export function buildEscalation(input: BuildEscalationInput): BuiltEscalation {
  const facts = gatherFacts(input);
  const redaction = input.redaction ?? NO_REDACTION;
  const summary = inputsSummary(facts, input.case.inputs.summary);
  const body = input.template?.body?.trim() ? input.template.body : '';
  const titleTemplate = input.template?.title?.trim() ? input.template.title : DEFAULT_TITLE_TEMPLATE;

  const textValues = placeholderValues(facts, 'text', summary);
  const title = tidyTitle(renderTemplate(titleTemplate, textValues)) || facts.runbook.title;
  const textIntro = body ? renderTemplate(markdownTemplateToPlain(body), textValues) : '';
  const markdown = withEvidence(body ? renderTemplate(body, placeholderValues(facts, 'markdown', summary)) : '', evidenceBlock(facts, 'markdown'));
  const text = withEvidence(textIntro, evidenceBlock(facts, 'text'));
  const json = JSON.stringify(
    {
      format: ESCALATION_JSON_FORMAT,
      version: ESCALATION_JSON_VERSION,
      title,
      templateId: input.template?.id ?? null,
      to: input.template?.to ?? null,
      message: textIntro.trim() || null,
      ...facts,
    },
    null,
    2,
  );

  return {
    title: redactText(title, redaction),
    markdown: redactText(markdown, redaction),
    text: redactText(text, redaction),
    json: redactText(json, redaction),
    facts,
  };
}

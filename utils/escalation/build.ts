import type { EscalationTemplate } from '../schema/pack';
import { gatherFacts, type EscalationFacts, type EscalationSource } from './facts';
import { placeholderValues } from './format';
import { NO_REDACTION, redactText } from './redact';
import { DEFAULT_BODY_TEMPLATE, DEFAULT_TITLE_TEMPLATE, markdownTemplateToPlain, renderTemplate, tidyTitle } from './template';

export interface BuildEscalationInput extends EscalationSource {
  /** The pack's template; its title and body may use {{placeholders}}. */
  template?: Pick<EscalationTemplate, 'id' | 'title' | 'body' | 'to'> | null;
}

export interface BuiltEscalation {
  title: string;
  markdown: string;
  text: string;
  /**
   * JSON, pretty-printed, keys always in this order:
   * { format: "trailguide-escalation", version: 1, title, templateId, to,
   *   preparedBy, preparedAt,
   *   runbook: { id, title, packId, stepReached: { number, title }, stepsDone, stepsTotal },
   *   case: { id, status, openedAt, inputs: [{ name, label, value }], notes },
   *   page: { url, tool, adapterId, adapterName },
   *   search: { eventTypes: string[], timeRange: { from, to }, filtersByCapture: [{ capture, filters: [{ name, value }] }] },
   *   results: { captureCount, rowCount, rowsShown, eventTypesFound },
   *   captures: [{ number, id, step, sourceUrl, adapterId, filters, timeRange, capturedAt, rowCount, hash, rows, rowsOmitted }],
   *   integrity: { algorithm, canonicalization, rowsRedacted, hashes: [{ capture, hash, rowCount }] } }
   * Times are ISO 8601 (UTC). Rows are at most rowLimit in total across captures.
   */
  json: string;
  facts: EscalationFacts;
}

export const ESCALATION_JSON_FORMAT = 'trailguide-escalation';
export const ESCALATION_JSON_VERSION = 1;

function inputsSummary(facts: EscalationFacts, explicit: string | undefined): string {
  if (explicit?.trim()) return explicit.trim();
  const joined = facts.case.inputs.map((i) => i.value).join(', ');
  return joined.length > 120 ? `${joined.slice(0, 119)}…` : joined;
}

/**
 * Builds an escalation in Markdown, plain text and JSON from a case and its
 * captures. Pure: same input, same output. Redaction (chosen columns, e-mail
 * and IP masks) is applied to every format.
 */
export function buildEscalation(input: BuildEscalationInput): BuiltEscalation {
  const facts = gatherFacts(input);
  const redaction = input.redaction ?? NO_REDACTION;
  const summary = inputsSummary(facts, input.case.inputs.summary);
  const bodyTemplate = input.template?.body?.trim() ? input.template.body : DEFAULT_BODY_TEMPLATE;
  const titleTemplate = input.template?.title?.trim() ? input.template.title : DEFAULT_TITLE_TEMPLATE;

  const textValues = placeholderValues(facts, 'text', summary);
  const title = tidyTitle(renderTemplate(titleTemplate, textValues)) || facts.runbook.title;
  const markdown = renderTemplate(bodyTemplate, placeholderValues(facts, 'markdown', summary)).trim() + '\n';
  const text = renderTemplate(markdownTemplateToPlain(bodyTemplate), textValues).trim() + '\n';
  const json = JSON.stringify(
    {
      format: ESCALATION_JSON_FORMAT,
      version: ESCALATION_JSON_VERSION,
      title,
      templateId: input.template?.id ?? null,
      to: input.template?.to ?? null,
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

import type { CapturedRow, EscalationRecord } from '../db/records';
import { NO_REDACTION, redactRows, redactText, type RedactionOptions } from '../escalation/redact';

/**
 * What an audit report hides, per case (issue 15: redaction carries over).
 * The report hides what the agent hid in the case's escalations — e-mail and
 * IP masks and whole columns, exactly as redact.ts does for an escalation. An
 * escalation saved before Trailguide kept that choice, or a case with no
 * escalation, falls back to what Settings hides by default before sharing
 * (added to any recorded choice): a report is shared too, and a guess must
 * hide more, never less.
 */
export interface ReportRedaction {
  options: RedactionOptions;
  /** Where the choice came from, for the report's own sentence. */
  source: 'escalations' | 'settings' | 'escalations+settings';
}

function union(choices: readonly RedactionOptions[]): RedactionOptions {
  return {
    emails: choices.some((c) => c.emails),
    ips: choices.some((c) => c.ips),
    columns: [...new Set(choices.flatMap((c) => c.columns))],
  };
}

export function reportRedaction(escalations: readonly Pick<EscalationRecord, 'redaction'>[], defaults: RedactionOptions = NO_REDACTION): ReportRedaction {
  const recorded = escalations.flatMap((e) => (e.redaction ? [e.redaction] : []));
  if (escalations.length > 0 && recorded.length === escalations.length) return { options: union(recorded), source: 'escalations' };
  if (recorded.length === 0) return { options: union([defaults]), source: 'settings' };
  return { options: union([...recorded, defaults]), source: 'escalations+settings' };
}

export function hidesAnything(options: RedactionOptions): boolean {
  return options.emails || options.ips || options.columns.length > 0;
}

/** The rows as the report shows and fingerprints them: chosen columns replaced, e-mail and IP masks applied to every cell. */
export function redactReportRows(rows: readonly CapturedRow[], options: RedactionOptions): CapturedRow[] {
  const columns = redactRows(rows, options.columns);
  if (!options.emails && !options.ips) return columns;
  const mask = (text: string) => redactText(text, options);
  return columns.map((row) => ({
    time: row.time === null ? null : mask(row.time),
    actor: mask(row.actor),
    action: mask(row.action),
    target: mask(row.target),
    ip: mask(row.ip),
    result: mask(row.result),
    raw: Object.fromEntries(Object.entries(row.raw).map(([key, value]) => [key, mask(value)])),
  }));
}

/** "e-mail addresses (shown as d***@example.org), the column “actor”" — what a reader is told was hidden. */
export function hiddenWords(options: RedactionOptions): string[] {
  const out: string[] = [];
  if (options.emails) out.push('e-mail addresses (only the first letter and the domain are shown, like d***@example.org)');
  if (options.ips) out.push('IP addresses (only the first two parts are shown, like 203.0.*.*)');
  for (const column of options.columns) out.push(`the column “${column}” (shown as [redacted])`);
  return out;
}

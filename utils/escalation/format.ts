import type { CapturedRow } from '../db/records';
import type { CaptureFacts, EscalationFacts, FilterLine } from './facts';
import { isoMinute } from './facts';

/** Placeholder values in one of the two written formats. */
export type WrittenFormat = 'markdown' | 'text';

const COLUMNS: { key: keyof Omit<CapturedRow, 'raw'>; label: string }[] = [
  { key: 'time', label: 'Time' },
  { key: 'actor', label: 'Actor' },
  { key: 'action', label: 'Action' },
  { key: 'target', label: 'Target' },
  { key: 'ip', label: 'IP' },
  { key: 'result', label: 'Result' },
];

function cellText(row: CapturedRow, key: (typeof COLUMNS)[number]['key']): string {
  return (row[key] ?? '').replace(/\s+/g, ' ').trim();
}

function markdownCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|') || ' ';
}

export function markdownTable(rows: readonly CapturedRow[]): string {
  const header = `| ${COLUMNS.map((c) => c.label).join(' | ')} |`;
  const rule = `| ${COLUMNS.map(() => '---').join(' | ')} |`;
  const body = rows.map((row) => `| ${COLUMNS.map((c) => markdownCell(cellText(row, c.key))).join(' | ')} |`);
  return [header, rule, ...body].join('\n');
}

/** Columns padded to their widest cell (capped, so one long cell cannot push everything off screen). */
export function textTable(rows: readonly CapturedRow[]): string {
  const cells = rows.map((row) => COLUMNS.map((c) => cellText(row, c.key)));
  const widths = COLUMNS.map((c, i) => Math.min(40, Math.max(c.label.length, ...cells.map((r) => r[i]!.length))));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join(' | ')
      .trimEnd();
  return [line(COLUMNS.map((c) => c.label)), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.map(line)].join('\n');
}

export function rangeText(range: { from: string | null; to: string | null }): string {
  if (!range.from && !range.to) return 'not limited (all dates the log keeps)';
  return `${range.from ?? 'the start of the log'} → ${range.to ?? 'now'}`;
}

function filterList(filters: FilterLine[], format: WrittenFormat): string {
  if (filters.length === 0) return 'no filters';
  return filters.map((f) => (format === 'markdown' ? `\`${f.name}\` = ${f.value}` : `${f.name} = ${f.value}`)).join('; ');
}

function captureHeading(capture: CaptureFacts): string {
  return `Capture ${capture.number} (step ${capture.step}, ${isoMinute(Date.parse(capture.capturedAt))})`;
}

function allRows(facts: EscalationFacts): CapturedRow[] {
  return facts.captures.flatMap((c) => c.rows);
}

/** The placeholder values for a template, in Markdown or plain text. */
export function placeholderValues(facts: EscalationFacts, format: WrittenFormat, inputsSummary: string): Record<string, string> {
  const md = format === 'markdown';
  const bullet = (label: string, value: string) => (md ? `- **${label}:** ${value}` : `- ${label}: ${value}`);
  const code = (value: string) => (md ? `\`${value}\`` : value);
  const { runbook, search, results } = facts;

  const step = `${runbook.stepReached.number} of ${runbook.stepsTotal}${runbook.stepReached.title ? ` — ${runbook.stepReached.title}` : ''}`;
  const inputs = facts.case.inputs.map((input) => bullet(input.label, input.value)).join('\n');
  const filters =
    facts.captures.length === 0
      ? '  - none recorded (nothing was captured)'
      : facts.captures
          .map((c) => `  - ${captureHeading(c)}: ${filterList(c.filters, format)}\n    - Source: ${c.sourceUrl || 'not recorded'}`)
          .join('\n');
  const rows = allRows(facts);
  const omitted = results.rowCount - results.rowsShown;
  const captureSummary =
    results.captureCount === 0
      ? 'Nothing was captured from the log.'
      : `${results.rowCount} row${results.rowCount === 1 ? '' : 's'} in ${results.captureCount} capture${results.captureCount === 1 ? '' : 's'}` +
        (omitted > 0 ? `; the first ${results.rowsShown} are below (${omitted} more are kept in Trailguide → History and its export).` : '.') +
        (results.eventTypesFound.length > 0 ? ` Event types in the results: ${results.eventTypesFound.map(code).join(', ')}.` : '');
  const rowsText = rows.length === 0 ? '' : md ? markdownTable(rows) : textTable(rows);
  const hash = [
    ...facts.integrity.hashes.map((h) => bullet(`Capture ${h.capture} (${h.rowCount} rows) ${facts.integrity.algorithm}`, code(h.hash))),
    facts.integrity.hashes.length > 0 ? `\nEach hash is the ${facts.integrity.canonicalization}` : 'No rows were captured, so there is nothing to hash.',
    facts.integrity.rowsRedacted ? 'Some columns above were redacted; the hashes are of the rows as captured.' : '',
  ]
    .filter(Boolean)
    .join('\n');

  const values: Record<string, string> = {
    'runbook.id': runbook.id,
    'runbook.title': runbook.title,
    'runbook.step': step,
    'runbook.stepNumber': String(runbook.stepReached.number),
    'runbook.stepTitle': runbook.stepReached.title ?? '',
    'pack.id': runbook.packId,
    'case.id': facts.case.id,
    'case.status': facts.case.status,
    'case.openedAt': facts.case.openedAt,
    tool: facts.page.adapterName ?? facts.page.tool,
    'adapter.id': facts.page.adapterId ?? '',
    'adapter.name': facts.page.adapterName ?? facts.page.tool,
    'page.url': facts.page.url,
    inputs,
    'inputs.summary': inputsSummary,
    eventTypes: search.eventTypes.length > 0 ? search.eventTypes.map(code).join(', ') : 'none recorded',
    timeRange: rangeText(search.timeRange),
    'timeRange.from': search.timeRange.from ?? '',
    'timeRange.to': search.timeRange.to ?? '',
    filters,
    'capture.count': String(results.rowCount),
    'capture.shown': String(results.rowsShown),
    'captures.count': String(results.captureCount),
    'capture.summary': captureSummary,
    rows: rowsText,
    hash,
    notes: facts.case.notes.trim() || (md ? '_No notes._' : 'No notes.'),
    who: facts.preparedBy,
    when: isoMinute(Date.parse(facts.preparedAt)),
  };
  for (const input of facts.case.inputs) values[`inputs.${input.name}`] = input.value;
  return values;
}

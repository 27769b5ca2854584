import type { CapturedRow } from '../db/records';
import { filterStatements, LABELS, rangeText, rowsSpanStatement, timeRangeStatement, type Statement } from './applied';
import type { CaptureFacts, EscalationFacts } from './facts';
import { isoMinute } from './facts';

export { rangeText } from './applied';

/** Placeholder values and the evidence block come in one of the two written formats. */
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

/** The few pieces of markup the two written formats differ in. */
interface Writer {
  md: boolean;
  heading: (level: 2 | 3, text: string) => string;
  bullet: (label: string, value: string, indent?: number) => string;
  code: (value: string) => string;
  emphasis: (value: string) => string;
  table: (rows: readonly CapturedRow[]) => string;
}

function writer(format: WrittenFormat): Writer {
  const md = format === 'markdown';
  return {
    md,
    heading: (level, text) => (md ? `${'#'.repeat(level)} ${text}` : `${text}\n${(level === 2 ? '-' : '~').repeat(Math.min(text.length, 60))}`),
    bullet: (label, value, indent = 0) => `${'  '.repeat(indent)}${md ? `- **${label}:** ${value}` : `- ${label}: ${value}`}`,
    code: (value) => (md ? `\`${value}\`` : value),
    emphasis: (value) => (md ? `_${value}_` : value),
    table: md ? markdownTable : textTable,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function captureHeading(capture: CaptureFacts): string {
  return `Capture ${capture.number} (step ${capture.step}, ${isoMinute(Date.parse(capture.capturedAt))})`;
}

/** Time range, filters applied / not applied / could not check, for one capture. */
function searchStatements(capture: CaptureFacts, w: Writer): Statement[] {
  return [timeRangeStatement(capture.applied, capture.requested), ...filterStatements(capture.applied, capture.requested, w.code)];
}

/** "Step reached: step 2 of 4 — Search … (2 of 4 steps done)". */
export function stepText(runbook: EscalationFacts['runbook']): string {
  const done = `${runbook.stepsDone} of ${runbook.stepsTotal} steps done`;
  const reached = runbook.stepReached;
  if (reached.number === null) return `none yet (${done})`;
  return `step ${reached.number} of ${runbook.stepsTotal}${reached.title ? ` — ${reached.title}` : ''} (${done})`;
}

/** What was searched, capture by capture: the {{filters}} placeholder. */
function searchByCapture(facts: EscalationFacts, w: Writer): string {
  if (facts.captures.length === 0) return w.bullet('Filters', 'none recorded (nothing was captured, so nothing was read back from the console)');
  return facts.captures
    .map((c) =>
      [
        `- ${w.md ? `**${captureHeading(c)}**` : captureHeading(c)}`,
        w.bullet('Source', c.sourceUrl || 'not recorded', 1),
        ...searchStatements(c, w).map((s) => w.bullet(s.label, s.value, 1)),
      ].join('\n'),
    )
    .join('\n');
}

function eventTypeLines(facts: EscalationFacts, w: Writer): string[] {
  const { eventTypes, eventTypesUnconfirmed } = facts.search;
  const list = (types: string[]) => types.map(w.code).join(', ');
  const lines = [w.bullet('Event types searched', eventTypes.length > 0 ? list(eventTypes) : eventTypesUnconfirmed.length > 0 ? 'none confirmed on the console' : 'none recorded')];
  if (eventTypesUnconfirmed.length > 0) lines.push(w.bullet('Event types asked for but not confirmed on the console', list(eventTypesUnconfirmed)));
  return lines;
}

function overallTimeRange(facts: EscalationFacts): string {
  if (facts.captures.length === 0) return 'not recorded (nothing was captured)';
  if (facts.search.timeRangeApplied) return rangeText(facts.search.timeRangeApplied);
  return facts.captures.length === 1
    ? timeRangeStatement(facts.captures[0]!.applied, facts.captures[0]!.requested).value
    : 'not checked for every capture (see each capture below)';
}

function summaryText(facts: EscalationFacts, w: Writer): string {
  const { results } = facts;
  if (results.captureCount === 0) return 'Nothing was captured from the log.';
  const omitted = results.rowCount - results.rowsShown;
  return (
    `${plural(results.rowCount, 'row')} in ${plural(results.captureCount, 'capture')}` +
    (omitted > 0 ? `; the first ${results.rowsShown} are below (${omitted} more are kept in Trailguide → History and its export).` : '.') +
    (results.eventTypesFound.length > 0 ? ` Event types in the results: ${results.eventTypesFound.map(w.code).join(', ')}.` : '')
  );
}

function captureBlock(capture: CaptureFacts, w: Writer, algorithm: string): string {
  const span = rowsSpanStatement(capture.rowsSpan, capture.rowCount);
  const lines = [
    w.heading(3, `${captureHeading(capture)}: ${plural(capture.rowCount, 'row')}`),
    w.bullet('Source', capture.sourceUrl || 'not recorded'),
    w.bullet(span.label, span.value),
    w.bullet(algorithm, w.code(capture.hash)),
  ];
  const parts = [lines.join('\n')];
  if (capture.rows.length > 0) parts.push(w.table(capture.rows));
  if (capture.rowsOmitted > 0) {
    parts.push(
      w.emphasis(
        capture.rows.length === 0
          ? `The escalation’s row limit was reached, so none of this capture’s ${capture.rowCount} rows are written here; all are kept in Trailguide → History and its export.`
          : `${plural(capture.rowsOmitted, 'more row')} of this capture ${capture.rowsOmitted === 1 ? 'is' : 'are'} not written here (row limit); all ${capture.rowCount} are kept in Trailguide → History and its export.`,
      ),
    );
  }
  return parts.join('\n\n');
}

function integrityText(facts: EscalationFacts, w: Writer): string {
  const { integrity } = facts;
  return [
    ...integrity.hashes.map((h) => w.bullet(`Capture ${h.capture} (${plural(h.rowCount, 'row')}) ${integrity.algorithm}`, w.code(h.hash))),
    integrity.hashes.length > 0 ? `\nEach hash is the ${integrity.canonicalization}` : 'No rows were captured, so there is nothing to hash.',
    integrity.rowsRedacted ? 'Some columns above were redacted; the hashes are of the rows as captured.' : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A branching runbook: the steps the answers led through, each answer and who gave it (the agent, or the rows). */
function pathLines(facts: EscalationFacts, w: Writer): string[] {
  const path = facts.path;
  if (!path) return [];
  const steps = path.steps.map((s) => `${s.number}. ${s.title}`).join(' → ');
  return [
    w.bullet('Path taken', `${steps || 'none'}${path.outcome ? ` → outcome: ${path.outcome}` : ''}`),
    ...path.answers.map((a) =>
      w.bullet(
        `Answer at step ${a.step}`,
        `${a.question} — ${a.answer} (${a.decidedBy === 'rows' ? `decided from the captured rows: ${a.because ?? 'a condition held'}` : 'chosen by the agent'})`,
      ),
    ),
  ];
}

/**
 * The evidence block: always written by code, in full, under whatever words a
 * pack's template adds above it. Nothing here depends on the template.
 */
export function evidenceBlock(facts: EscalationFacts, format: WrittenFormat): string {
  const w = writer(format);
  const { runbook } = facts;
  const several = facts.captures.length > 1;

  const caseLines = [
    w.bullet('Runbook', runbook.title),
    w.bullet('Step reached', stepText(runbook)),
    ...(runbook.stepsFailed.length > 0 ? [w.bullet('Steps that failed', runbook.stepsFailed.join(', '))] : []),
    ...pathLines(facts, w),
    w.bullet('Tool', facts.page.adapterName ?? facts.page.tool),
    w.bullet('Page', facts.page.url || 'not recorded'),
    ...facts.case.inputs.map((input) => w.bullet(input.label, input.value)),
  ];

  const searched = [...eventTypeLines(facts, w)];
  if (facts.captures.length === 1) searched.push(...searchStatements(facts.captures[0]!, w).map((s) => w.bullet(s.label, s.value)));
  else {
    searched.push(w.bullet(LABELS.timeRange, overallTimeRange(facts)));
    searched.push(searchByCapture(facts, w));
  }

  const showed = [summaryText(facts, w)];
  if (several && facts.search.rowsSpan) {
    const span = rowsSpanStatement(facts.search.rowsSpan, facts.results.rowCount);
    showed[0] += `\n\n${w.bullet(`${span.label} (all captures)`, span.value)}`;
  }
  for (const capture of facts.captures) showed.push(captureBlock(capture, w, facts.integrity.algorithm));

  return [
    w.heading(2, 'Case'),
    caseLines.join('\n'),
    w.heading(2, 'What was searched'),
    searched.join('\n'),
    w.heading(2, 'What the log showed'),
    showed.join('\n\n'),
    w.heading(2, 'Notes from the agent'),
    facts.case.notes.trim() || w.emphasis('No notes.'),
    w.heading(2, 'Integrity'),
    integrityText(facts, w),
    `Prepared by ${facts.preparedBy} on ${isoMinute(Date.parse(facts.preparedAt))} with Trailguide.`,
  ].join('\n\n');
}

/** The {{placeholder}} values a pack's template title and body may use, in Markdown or plain text. */
export function placeholderValues(facts: EscalationFacts, format: WrittenFormat, inputsSummary: string): Record<string, string> {
  const w = writer(format);
  const { runbook, search, results } = facts;
  const rows = facts.captures.flatMap((c) => c.rows);

  const values: Record<string, string> = {
    'runbook.id': runbook.id,
    'runbook.title': runbook.title,
    'runbook.step': stepText(runbook),
    'runbook.stepNumber': runbook.stepReached.number === null ? '' : String(runbook.stepReached.number),
    'runbook.stepTitle': runbook.stepReached.title ?? '',
    'runbook.stepsDone': `${runbook.stepsDone} of ${runbook.stepsTotal}`,
    'pack.id': runbook.packId,
    'case.id': facts.case.id,
    'case.status': facts.case.status,
    'case.openedAt': facts.case.openedAt,
    tool: facts.page.adapterName ?? facts.page.tool,
    'adapter.id': facts.page.adapterId ?? '',
    'adapter.name': facts.page.adapterName ?? facts.page.tool,
    'page.url': facts.page.url,
    inputs: facts.case.inputs.map((input) => w.bullet(input.label, input.value)).join('\n'),
    'inputs.summary': inputsSummary,
    eventTypes: search.eventTypes.length > 0 ? search.eventTypes.map(w.code).join(', ') : 'none confirmed',
    timeRange: overallTimeRange(facts),
    'timeRange.from': search.timeRangeApplied?.from ?? '',
    'timeRange.to': search.timeRangeApplied?.to ?? '',
    filters: searchByCapture(facts, w),
    'capture.count': String(results.rowCount),
    'capture.shown': String(results.rowsShown),
    'captures.count': String(results.captureCount),
    'capture.summary': summaryText(facts, w),
    rows: rows.length === 0 ? '' : w.table(rows),
    hash: integrityText(facts, w),
    notes: facts.case.notes.trim() || w.emphasis('No notes.'),
    who: facts.preparedBy,
    when: isoMinute(Date.parse(facts.preparedAt)),
  };
  for (const input of facts.case.inputs) values[`inputs.${input.name}`] = input.value;
  return values;
}

import { CANONICALIZATION, canonicalJson, hashRows } from '../cases/canonical';
import type { CaseDetail } from '../cases/cases';
import type { CapturedRow, CaptureRecord, EscalationRecord } from '../db/records';
import { captureStatements } from '../escalation/applied';
import { stepReached } from '../escalation/facts';
import { NO_REDACTION, redactText, type RedactionOptions } from '../escalation/redact';
import { explanationPhrase, type GlossaryMap } from '../engine/explain';
import type { ReportBranding } from '../schema/report-branding';
import { logoProblem } from '../schema/report-branding';
import type { Runbook } from '../schema/runbook';
import { countOf } from '../plural';
import { html, jsonForScript, toMarkup, trustedMarkup, type Html } from './html';
import { DATA_BLOCK_ID, jqCommand, jqDisagreement, nodeCommand } from './recompute';
import { hiddenWords, hidesAnything, redactReportRows, reportRedaction, type ReportRedaction } from './redaction';
import { REPORT_CSS } from './styles';
import { bothTimes, utcTime, validZone, zoneTime } from './times';

/**
 * The audit report (issue 15): one self-contained HTML file for one case or a
 * period's cases, for a compliance reviewer who has no Trailguide. Pure: the
 * same request gives the same file. No script of its own (only the JSON data
 * block, which browsers don't run), nothing loaded from anywhere (a content
 * security policy says so to the browser too), every value from a page, a
 * person or a pack escaped (html.ts).
 *
 * Each capture's rows are printed as a table and embedded in the data block,
 * `{ captures: [ { hash, rows, … } ] }`, where `hash` is the SHA-256 of the
 * canonical JSON of exactly those `rows` — so a reviewer can recompute it from
 * the file. When the report hides values (redaction.ts), `hash` covers the rows
 * as shown, and `capturedHash` keeps the fingerprint taken at capture time
 * (of the full rows, which stay only in the agent's History).
 */
export interface ReportCase {
  detail: CaseDetail;
  /** `outcomes` lets the report say what a branching runbook's outcome means, beside its words. */
  runbook?: (Pick<Runbook, 'title' | 'steps' | 'inputs'> & Partial<Pick<Runbook, 'outcomes'>>) | null;
  glossary?: GlossaryMap;
  adapterName?: string | null;
  branding?: ReportBranding | null;
}

export interface ReportRequest {
  cases: readonly ReportCase[];
  /** A period report: the History filters in words ("Runbook: …"). Absent for one case. */
  period?: readonly { label: string; value: string }[] | null;
  preparedBy?: string;
  now?: number;
  /** IANA zone the reviewer reads times in; UTC when absent or unknown. */
  timeZone?: string;
  /** Settings: what is hidden before sharing by default. */
  defaultRedaction?: RedactionOptions;
}

export interface ReportCaptureData {
  /** SHA-256 of the canonical JSON of `rows` below. */
  hash: string;
  rows: CapturedRow[];
  label: string;
  caseId: string;
  captureId: string;
  capturedAt: string;
  rowCount: number;
  /** True when the report hides some values of these rows. */
  redacted: boolean;
  /** Only when redacted: the fingerprint taken at capture time, of the full rows. */
  capturedHash?: string;
}

export interface ReportData {
  format: 'trailguide-report';
  version: 1;
  generatedAt: string;
  timeZone: string;
  canonicalization: string;
  captures: ReportCaptureData[];
}

export interface BuiltReport {
  html: string;
  fileName: string;
  data: ReportData;
}

export const REPORT_FORMAT = 'trailguide-report';

const STATUS_WORDS: Record<string, string> = {
  open: 'Still open: no outcome recorded yet',
  escalated: 'Escalated to engineering',
  closed: 'Closed',
};
const STEP_WORDS: Record<string, string> = { done: 'done', failed: 'could not be done', todo: 'not done' };

function slugPart(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'case';
}

export function reportFileName(request: Pick<ReportRequest, 'cases' | 'period' | 'now'>): string {
  const day = new Date(request.now ?? Date.now()).toISOString().slice(0, 10);
  const first = request.cases[0]?.detail.case;
  if (request.cases.length === 1 && first && !request.period) return `trailguide-report-${slugPart(first.runbookId)}-${day}-${first.id.slice(0, 8)}.html`;
  return `trailguide-report-${request.cases.length}-cases-${day}.html`;
}

interface PreparedCapture {
  capture: CaptureRecord;
  rows: CapturedRow[];
  hash: string;
  redacted: boolean;
  index: number;
}

interface PreparedCase {
  input: ReportCase;
  number: number;
  redaction: ReportRedaction;
  captures: PreparedCapture[];
}

function eventMeaning(code: string, glossary: GlossaryMap | undefined): string {
  const entry = code.trim() ? glossary?.get(code.trim().toLowerCase()) : undefined;
  if (!entry) return code.trim() ? 'not in the team’s glossary' : '';
  const text = explanationPhrase(entry).text;
  return text ? text[0]!.toUpperCase() + text.slice(1) : '';
}

/** A row's time text as the page showed it, when the row has no time Trailguide could read. */
function rawTime(row: CapturedRow): string {
  const key = Object.keys(row.raw).find((k) => /time|date|when/i.test(k));
  return key ? row.raw[key]! : '';
}

function timeCells(row: CapturedRow, zone: string): Html {
  const utc = row.time ? utcTime(row.time) : null;
  if (!row.time || !utc) {
    const shown = rawTime(row) || row.time || '';
    return html`<td class="time" colspan="${zone === 'UTC' ? 1 : 2}">${shown ? `“${shown}” (not read as a time)` : 'no time shown'}</td>`;
  }
  return zone === 'UTC' ? html`<td class="time">${utc}</td>` : html`<td class="time">${zoneTime(row.time, zone)}</td><td class="time">${utc}</td>`;
}

function rowsTable(prepared: PreparedCapture, zone: string, glossary: GlossaryMap | undefined): Html {
  const zoneHead = zone === 'UTC' ? html`<th scope="col">Time (UTC)</th>` : html`<th scope="col">Time (${zone})</th><th scope="col">Time (UTC)</th>`;
  return html`<table class="rows" data-testid="report-rows">
<thead><tr>${zoneHead}<th scope="col">Actor</th><th scope="col">Event</th><th scope="col">Target</th><th scope="col">IP</th><th scope="col">Result</th></tr></thead>
<tbody data-capture-index="${prepared.index}">
${prepared.rows.map(
  (row, i) =>
    html`<tr data-testid="report-row" data-row="${i}">${timeCells(row, zone)}<td data-f="actor">${row.actor}</td><td><code data-f="action">${row.action}</code><span class="meaning">${eventMeaning(row.action, glossary)}</span></td><td data-f="target">${row.target}</td><td data-f="ip">${row.ip}</td><td data-f="result">${row.result}</td></tr>\n`,
)}</tbody>
</table>`;
}

function captureSection(prepared: PreparedCapture, item: PreparedCase, zone: string, fileName: string, mask: (text: string) => string): Html {
  const { capture } = prepared;
  const number = item.captures.indexOf(prepared) + 1;
  const record = item.input.detail.case;
  const tool = item.input.adapterName || record.tool;
  // The same statements, in the same words, as the escalation and History (applied.ts).
  const statements = captureStatements(capture);
  const disagreement = jqDisagreement(prepared.rows);
  return html`<section class="capture" id="capture-${prepared.index + 1}" data-testid="report-capture" data-capture-index="${prepared.index}">
<div class="capture-head">
<h4>Capture ${number}: ${countOf(capture.rowCount, 'row')} from ${tool}</h4>
<dl class="facts">
<dt>Page</dt><dd>${mask(capture.sourceUrl) || 'not recorded'}</dd>
<dt>Captured</dt><dd>${bothTimes(capture.capturedAt, zone)}</dd>
<dt>Runbook step</dt><dd>${capture.stepIndex + 1}</dd>
${statements.map((s) => html`<dt>${s.label}</dt><dd data-kind="${s.kind}">${mask(s.value)}</dd>`)}
<dt>SHA-256</dt><dd><code class="hash" data-testid="report-hash" data-capture-index="${prepared.index}">${prepared.hash}</code><br><span class="muted">Fingerprint of the rows below (item ${prepared.index + 1} in the data block). ${
    disagreement ? `Recompute it with the node command in the appendix: the jq one does not work here because ${disagreement}.` : 'Recompute it with either command in the appendix.'
  }</span></dd>
${
  prepared.redacted
    ? html`<dt>Captured as</dt><dd><code class="hash">${capture.hash}</code><br><span class="muted">The fingerprint Trailguide took when it captured the full rows. Some values are hidden here, so it can only be checked against the agent’s own copy in Trailguide’s History.</span></dd>`
    : ''
}
</dl>
</div>
${prepared.redacted ? html`<p class="hidden-note" data-testid="report-hidden">Some values in this capture are hidden (see “Hidden in this report” above).</p>` : ''}
${prepared.rows.length === 0 ? html`<p class="muted">The console showed no rows for this search.</p>` : rowsTable(prepared, zone, item.input.glossary)}
</section>`;
}

/**
 * A branching runbook's way through the case (issue 18): each question asked,
 * the answer and who gave it, the steps the answers led through, and the
 * outcome reached in the runbook's own words. Only when a question was answered.
 */
function pathSection(item: PreparedCase, titles: readonly (string | undefined)[], zone: string, mask: (text: string) => string): Html {
  const { runbook } = item.input;
  const path = item.input.detail.case.path;
  if (!path || path.answers.length === 0) return html``;
  const asked = new Map(path.answers.map((a) => [a.step, a.stepTitle]));
  const stepName = (index: number) => {
    const title = titles[index] ?? asked.get(index);
    return title ? `${index + 1}, “${title}”` : `${index + 1}`;
  };
  const outcome = path.outcome === null ? undefined : runbook?.outcomes?.find((o) => o.when === path.outcome);
  const last = path.steps[path.steps.length - 1];
  return html`<div class="path" data-testid="report-path">
<h4>Questions asked and the path taken</h4>
<p>This runbook branches: the answers below decided which steps came next.</p>
<ol class="path-answers">
${path.answers.map(
  (a) =>
    html`<li data-testid="report-path-answer" data-decided-by="${a.decidedBy}">Step ${stepName(a.step)} asked: “${mask(a.question)}” Answer: <strong>${mask(a.answerText)}</strong>. ${
      a.decidedBy === 'rows'
        ? `Decided from the captured rows${a.because ? `: ${mask(a.because)}` : ' (the condition that held was not recorded)'}.`
        : 'Chosen by the agent.'
    } <span class="muted">(${bothTimes(a.at, zone)})</span></li>
`,
)}</ol>
<p data-testid="report-path-steps">Steps on the path, in order: ${path.steps.length ? path.steps.map((index) => `Step ${stepName(index)}`).join(' → ') : 'none recorded'}.</p>
<p data-testid="report-path-outcome">${
    path.outcome === null
      ? `No outcome was reached${last === undefined ? '' : `: the path stops at step ${last + 1}`}.`
      : html`Outcome reached: <strong>${mask(path.outcome)}</strong>${outcome?.meaning.trim() ? html`. ${mask(outcome.meaning.trim())}` : ''}${outcome?.escalate ? ' The runbook says to escalate this outcome.' : ''}`
  }</p>
</div>`;
}

function escalationLine(e: EscalationRecord, zone: string, mask: (text: string) => string): Html {
  const how =
    e.status === 'opened'
      ? `opened as a ${e.target ?? 'ticket'} ticket`
      : e.status === 'copied'
        ? 'copied to be sent (by chat, e-mail or a ticket)'
        : 'draft only: not sent';
  return html`<li data-testid="report-escalation" data-status="${e.status}">“${mask(e.title) || 'Escalation'}”: ${how}, ${bothTimes(e.updatedAt, zone)}</li>`;
}

function caseSection(item: PreparedCase, request: ReportRequest, zone: string, fileName: string): Html {
  const { detail, runbook } = item.input;
  const record = detail.case;
  const mask = (text: string) => redactText(text, item.redaction.options);
  const labels = new Map(runbook?.inputs.map((i) => [i.name, i.label]) ?? []);
  const inputs = Object.entries(record.inputs).filter(([, value]) => value !== '');
  const titles = runbook?.steps.map((s) => s.title) ?? [];
  const reached = stepReached(record.steps, titles);
  const stepCount = runbook?.steps.length ?? record.steps.length;
  const hidden = hiddenWords(item.redaction.options);
  const why =
    item.redaction.source === 'escalations'
      ? 'the same as what the agent hid in this case’s escalation before sending it.'
      : item.redaction.source === 'settings'
        ? 'what Trailguide’s settings hide by default before anything is shared (this case has no escalation that recorded its own choice).'
        : 'what the agent hid in this case’s escalations, plus what Trailguide’s settings hide by default (an older escalation did not record its choice).';
  const heading = request.cases.length > 1 ? html`Case ${item.number}: ${record.runbookTitle}` : html`${record.runbookTitle}`;
  return html`<section class="case" id="case-${item.number}" data-testid="report-case" data-case-id="${record.id}">
<h2>${heading}</h2>
<h3>Scope</h3>
<dl class="facts">
${inputs.length ? inputs.map(([name, value]) => html`<dt>${labels.get(name) ?? name}</dt><dd>${mask(value)}</dd>`) : html`<dt>Asked about</dt><dd>No inputs were given.</dd>`}
<dt>Tool</dt><dd>${item.input.adapterName || record.tool}</dd>
<dt>Page</dt><dd>${mask(record.pageUrl) || 'not recorded'}</dd>
<dt>Case opened</dt><dd>${bothTimes(record.createdAt, zone)}</dd>
<dt>Last changed</dt><dd>${bothTimes(record.updatedAt, zone)}</dd>
</dl>
${hidesAnything(item.redaction.options) ? html`<div class="hidden-note" data-testid="report-hidden-summary"><strong>Hidden in this report:</strong> ${hidden.join('; ')}. This is ${why} The fingerprints printed here are of the rows as shown, so they can be checked from this file.</div>` : ''}
<h3>Method</h3>
<p>Runbook “${record.runbookTitle}” (pack ${record.packId}). ${
    reached.number === null ? 'No step was marked done.' : `Step reached: ${reached.number} of ${stepCount}${reached.title ? `, “${reached.title}”` : ''}.`
  }</p>
<ol class="steps">
${Array.from({ length: Math.max(stepCount, record.steps.length) }, (_, i) => {
  const state = record.steps[i] ?? 'todo';
  return html`<li data-state="${state}">${titles[i] ?? `Step ${i + 1}`} <span class="state state-${state}">${STEP_WORDS[state] ?? state}</span></li>`;
})}
</ol>
${pathSection(item, titles, zone, mask)}
<h3>Evidence</h3>
${item.captures.length === 0 ? html`<p class="muted">Nothing was captured in this case.</p>` : item.captures.map((c) => captureSection(c, item, zone, fileName, mask))}
<h3>Agent’s notes</h3>
${record.notes.trim() ? html`<div class="notes" data-testid="report-notes">${mask(record.notes)}</div>` : html`<p class="muted">No notes.</p>`}
<h3>Outcome</h3>
<p data-testid="report-outcome">${STATUS_WORDS[record.status] ?? record.status}</p>
<h3>Escalations</h3>
${detail.escalations.length ? html`<ul>${detail.escalations.map((e) => escalationLine(e, zone, mask))}</ul>` : html`<p class="muted">None.</p>`}
</section>`;
}

function cover(branding: ReportBranding | null, title: Html, subtitle: Html): Html {
  const logo = branding?.logo && logoProblem(branding.logo) === null ? branding.logo : null;
  const paragraphs = (branding?.cover ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return html`<header class="cover">
${logo ? html`<img src="${logo}" alt="${branding?.logoAlt ?? ''}" data-testid="report-logo">` : ''}
<div><h1 data-testid="report-title">${title}</h1><p class="muted">${subtitle}</p>
${paragraphs.length ? html`<div class="cover-text" data-testid="report-cover">${paragraphs.map((p) => html`<p>${p}</p>`)}</div>` : ''}</div>
</header>`;
}

function appendix(fileName: string, captures: readonly PreparedCapture[]): Html {
  const jqFails = captures.some((c) => jqDisagreement(c.rows) !== null);
  return html`<section class="appendix" id="verify" data-testid="report-appendix">
<h2>Appendix: how to check the fingerprints</h2>
<p>Every capture’s rows are stored in this file, word for word, in a data block at its end (the element <code>script</code> of type <code>application/json</code>, which browsers do not run). Its “hash” is the SHA-256 of those rows written as canonical JSON: ${CANONICALIZATION} If a single character of a row were changed, the recomputed fingerprint would differ from the printed one.</p>
<p>Save this file as <code>${fileName}</code>, open a terminal in its folder and run one of these (Linux or macOS; on Windows, Git Bash or WSL).</p>
<h3>With jq (one capture: item 1 is <code>.captures[0]</code>)</h3>
<pre class="command">${jqCommand(fileName, 0)}</pre>
<p class="muted">The output must equal that capture’s printed SHA-256. ${
    jqFails
      ? 'In this file some rows hold characters jq writes differently (see each capture), so use the node command for those.'
      : 'jq writes the same canonical JSON for every row in this file.'
  } jq differs from the canonical form only for a DEL character (U+007F), a broken (lone surrogate) character, or column names mixing emoji with characters from U+E000 to U+FFFF.</p>
<h3>With Node.js (every capture at once, works for any content)</h3>
<pre class="command">${nodeCommand(fileName)}</pre>
<p class="muted">Each line shows a capture’s number, the recomputed fingerprint and whether it matches the one stored beside the rows. Trailguide’s options page also checks a report: History → Verify a report.</p>
</section>`;
}

export async function buildReport(request: ReportRequest): Promise<BuiltReport> {
  const now = request.now ?? Date.now();
  const zone = validZone(request.timeZone);
  const fileName = reportFileName(request);
  let index = 0;
  const cases: PreparedCase[] = [];
  for (const [i, input] of request.cases.entries()) {
    const redaction = reportRedaction(input.detail.escalations, request.defaultRedaction ?? NO_REDACTION);
    const captures: PreparedCapture[] = [];
    for (const capture of [...input.detail.captures].sort((a, b) => a.capturedAt - b.capturedAt)) {
      const rows = redactReportRows(capture.rows, redaction.options);
      const redacted = canonicalJson(rows) !== canonicalJson(capture.rows);
      captures.push({ capture, rows, redacted, hash: redacted ? await hashRows(rows) : capture.hash, index: index++ });
    }
    cases.push({ input, number: i + 1, redaction, captures });
  }
  const all = cases.flatMap((c) => c.captures);
  const data: ReportData = {
    format: REPORT_FORMAT,
    version: 1,
    generatedAt: new Date(now).toISOString(),
    timeZone: zone,
    canonicalization: CANONICALIZATION,
    captures: cases.flatMap((item) =>
      item.captures.map((c, n) => ({
        hash: c.hash,
        rows: c.rows,
        label: `${request.cases.length > 1 ? `Case ${item.number}, capture` : 'Capture'} ${n + 1} (${item.input.detail.case.runbookTitle}, ${countOf(c.capture.rowCount, 'row')})`,
        caseId: item.input.detail.case.id,
        captureId: c.capture.id,
        capturedAt: new Date(c.capture.capturedAt).toISOString(),
        rowCount: c.capture.rowCount,
        redacted: c.redacted,
        ...(c.redacted ? { capturedHash: c.capture.hash } : {}),
      })),
    ),
  };

  const single = request.cases.length === 1 && !request.period;
  const firstCase = cases[0];
  const title = single && firstCase ? html`Audit report: ${firstCase.input.detail.case.runbookTitle}` : html`Audit report: ${countOf(request.cases.length, 'case')}`;
  const preparedBy = request.preparedBy?.trim() || 'a Trailguide user (no name set in Settings)';
  const subtitle = html`Prepared by ${preparedBy} on ${bothTimes(now, zone)} with Trailguide. Times are shown in ${zone}${zone === 'UTC' ? '' : ' and in UTC'}.`;
  const branding = request.cases.find((c) => c.branding)?.branding ?? null;

  const scope = request.period
    ? html`<section class="period" data-testid="report-period"><h3>Period and filters</h3><dl class="facts">${
        request.period.length ? request.period.map((p) => html`<dt>${p.label}</dt><dd>${p.value}</dd>`) : html`<dt>Cases</dt><dd>Every case in History (no filter).</dd>`
      }<dt>Cases in this report</dt><dd>${request.cases.length}</dd></dl></section>`
    : '';
  const toc =
    request.cases.length > 1
      ? html`<nav class="toc" data-testid="report-toc" aria-label="Contents"><h3>Contents</h3><ol>${cases.map(
          (c) =>
            html`<li><a href="#case-${c.number}">${c.input.detail.case.runbookTitle}</a> <span class="muted">(${bothTimes(c.input.detail.case.createdAt, zone)}, ${countOf(c.captures.length, 'capture')})</span></li>`,
        )}<li><a href="#verify">Appendix: how to check the fingerprints</a></li></ol></nav>`
      : '';

  const document = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Trailguide">
<title>${title}</title>
<style>${trustedMarkup(REPORT_CSS)}</style>
</head>
<body>
${cover(branding, title, subtitle)}
${scope}
${toc}
${cases.map((item) => caseSection(item, request, zone, fileName))}
${appendix(fileName, all)}
<footer class="muted">Made by Trailguide, ${utcTime(now)}. This file loads nothing from the network and runs no script.</footer>
<script type="application/json" id="${DATA_BLOCK_ID}">
${jsonForScript(data)}
</script>
</body>
</html>
`;
  return { html: toMarkup(document), fileName, data };
}

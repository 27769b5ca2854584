import { readVisibleRows } from '../engine/capture';
import { collectAdapter, readControlValue } from '../engine/collect';
import { insertStep } from '../engine/insert';
import { defaultLabel, type FillStep } from '../engine/plan';
import { findAll, findFirst } from '../engine/query';
import type { Adapter, OpenTarget } from '../schema/adapter';
import { codesSeen, knownCodesOf } from './meanings';
import type { LiveTestReport } from './messages';
import { flashOutlines, type OutlineGroup } from './outline';
import { headingDoubts } from './heading-sense';
import { judgeColumns } from './plausibility';

/**
 * "Test live": runs a draft adapter through the same engines a runbook uses —
 * probe (collect), a read of the visible rows (capture) and a fill round trip
 * (a sample typed into the search box, then the old value put back, without
 * submitting) — and outlines on the page what it found. Rows found are not enough:
 * each column's values are judged (./plausibility.ts), so a time column that reads
 * nothing or an event column that reads a reason text fails the test by name.
 */
const FILL_ORDER = ['text', 'actor', 'target'];

export async function testAdapterLive(doc: Document, adapter: Adapter, sample: string): Promise<LiveTestReport> {
  const problems: string[] = [];
  const probe = collectAdapter(doc, adapter);
  for (const field of probe.fields) {
    // A control taught behind its opener (a magnifier, a menu) is folded away until clicked:
    // found if its first opener is on the page.
    if (!field.found && !behindOpener(doc, adapter.fields[field.field]?.dom?.open)) problems.push(`I couldn't find the ${(adapter.fields[field.field]?.label ?? defaultLabel(field.field)).toLowerCase()} on the page any more. Point at it again.`);
  }
  if (adapter.submit?.selectors && !probe.submit.found && !behindOpener(doc, adapter.submit.open)) problems.push("I couldn't find the search button any more. Point at it again.");

  const { rows, warnings } = readVisibleRows(doc, adapter);
  if (rows.length === 0) problems.push("I couldn't find any result rows. Make sure the page shows some results, then point at one row again.");

  const fill = await fillRoundTrip(doc, adapter, sample);
  if (fill && !fill.ok) problems.push(fill.message ?? `Typing into the ${fill.field} box didn't work.`);

  const groups: OutlineGroup[] = [];
  const rowElements = adapter.results ? findAll(doc, adapter.results.row).elements : [];
  if (rowElements.length > 0) groups.push({ elements: rowElements, tone: 'found', label: `${rowElements.length} rows` });
  for (const [name, field] of Object.entries(adapter.fields)) {
    const hit = field.dom ? findFirst(doc, field.dom.selectors) : null;
    if (hit && !groups.some((g) => g.elements.includes(hit.element))) groups.push({ elements: [hit.element], tone: 'picked', label: field.label ?? defaultLabel(name) });
  }
  const submit = adapter.submit?.selectors ? findFirst(doc, adapter.submit.selectors) : null;
  if (submit) groups.push({ elements: [submit.element], tone: 'picked', label: 'Search button' });
  flashOutlines(doc, groups, 8_000);

  const judged = judgeColumns({ rows, columns: Object.keys(adapter.results?.columns ?? {}), knownCodes: knownCodesOf(adapter), now: new Date() });
  // Values can't tell every wrong pick (a target of e-mails read as the person): its heading can.
  const columns = headingDoubts(judged, adapter.results?.columns ?? {});
  const eventColumn = columns.find((c) => c.column === 'action');
  const first = rows[0];
  return {
    ok: rows.length > 0 && problems.length === 0 && columns.every((c) => c.verdict !== 'wrong'),
    rowCount: rows.length,
    ...(first ? { firstRow: { time: first.time, actor: first.actor, action: first.action, target: first.target } } : {}),
    fields: probe.fields.map((f) => ({ field: f.field, found: f.found, ...(f.selectorUsed ? { selectorUsed: f.selectorUsed } : {}) })),
    ...(fill ? { fill } : {}),
    columns,
    // Meanings are taught for codes the event column really reads, not for whatever a wrong pick read.
    codes: eventColumn && eventColumn.verdict !== 'wrong' ? codesSeen(rows) : [],
    problems,
    warnings,
  };
}

async function fillRoundTrip(doc: Document, adapter: Adapter, sample: string): Promise<LiveTestReport['fill']> {
  const name = FILL_ORDER.find((f) => adapter.fields[f]?.dom?.kind === 'text') ?? Object.keys(adapter.fields).find((f) => adapter.fields[f]?.dom?.kind === 'text');
  const dom = name ? adapter.fields[name]?.dom : undefined;
  if (!name || !dom) return undefined;
  const label = (adapter.fields[name]?.label ?? defaultLabel(name)).toLowerCase();
  const hit = findFirst(doc, dom.selectors);
  // Folded behind its opener: typing is not tried here (it is, when a runbook fills it), and not claimed.
  if (!hit && behindOpener(doc, dom.open)) return undefined;
  if (!hit) return { field: label, ok: false, restored: false, message: `I couldn't find the ${label} box to try typing into it.` };
  const original = readControlValue(hit.element);
  const step: FillStep = { fields: [name], label, kind: dom.kind, selectors: [...dom.selectors], value: sample };
  const typed = await insertStep(doc, step, { findTimeoutMs: 500 });
  const restored = await insertStep(doc, { ...step, value: original }, { findTimeoutMs: 500 });
  if (!typed.ok) return { field: label, ok: false, restored: restored.ok, message: `Typing into the ${label} box didn't stick. Point at the box itself (where the cursor goes) again.` };
  return { field: label, ok: true, restored: restored.ok, ...(restored.ok ? {} : { message: `I typed into the ${label} box but couldn't put back what was there ("${original}") — please check it.` }) };
}

/** Whether a control's first opener (the icon or menu clicked to show it) is on the page. */
function behindOpener(doc: Document, open: readonly OpenTarget[] | undefined): boolean {
  const first = open?.[0];
  if (!first) return false;
  return findFirst(doc, Array.isArray(first) ? first : first.selectors) !== null;
}

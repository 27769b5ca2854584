import { readControlValue } from '../engine/collect';
import { findAll } from '../engine/query';
import {
  cellFacts,
  elementFacts,
  fieldKind,
  nodeFacts,
  resolveCell,
  resolveControl,
  resolveRow,
  rowFacts,
  testCells,
  testRows,
  testSingle,
} from './describe';
import type { PickedElement, PickReply } from './messages';
import { recogniseWidget } from './widgets';
import { acceptOther, dateBoxField } from './accept';
import { headerPick } from './by-header';
import { lastingCellSelectors } from './survive';
import { createOutlines, flashOutlines, OUTLINE_TAG } from './outline';
import { isCellRole, ROLE_INFO, type BuilderRole } from './roles';
import { afterRowPick, rowClassOffer } from './two-element-pick';
import { dayHeadingFor } from './time-heading';
import { anchorCandidates, confirmCandidates, proposeCellSelectors, proposeRowSelectors, proposeSelectors, timeAttribute, type Candidate } from './selectors';

/**
 * The picker: after the panel asks, the next click on the page is swallowed
 * (capture phase, before the page's own handlers) and described instead of
 * acted on. While waiting, the element under the pointer is outlined.
 */
export interface PickRequest {
  role: BuilderRole;
  prompt: string;
  rowSelectors?: string[] | undefined;
  timeoutMs: number;
}

const active = new WeakMap<Document, () => void>();
/** Events of one click, all swallowed so the page never sees it. */
const SWALLOWED = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu'] as const;

/** Stops a pick that is waiting for a click; true if there was one. */
export function cancelPick(doc: Document): boolean {
  const cancel = active.get(doc);
  cancel?.();
  return cancel !== undefined;
}

export function pickElement(doc: Document, request: PickRequest): Promise<PickReply> {
  cancelPick(doc);
  const win = doc.defaultView ?? window;
  return new Promise((resolve) => {
    const outlines = createOutlines(doc, { picking: true });
    outlines.banner(request.prompt);
    let finished = false;
    const timer = setTimeout(() => finish({ type: 'exec:pick', picked: null, message: 'Nothing was picked — Trailguide stopped waiting for your click. Click the step again to retry.' }), request.timeoutMs);

    const targetOf = (event: Event): Element | null => {
      const first = event.composedPath()[0];
      if (!(first instanceof win.Element) || first.closest(OUTLINE_TAG)) return null;
      return first;
    };
    const meant = (target: Element): Element => {
      if (request.role === 'row') return resolveRow(target);
      if (isCellRole(request.role)) return resolveCell(target);
      if (request.role === 'submit' || request.role === 'next') return resolveControl(target, 'button');
      return recogniseWidget(target)?.element ?? resolveControl(target, 'field');
    };
    const onMove = (event: Event) => {
      const target = targetOf(event);
      if (target) outlines.show([{ elements: [meant(target)], tone: 'hover', label: ROLE_INFO[request.role].title }]);
    };
    const onEvent = (event: Event) => {
      if (!targetOf(event)) return;
      event.preventDefault();
      event.stopPropagation();
      event.stopImmediatePropagation();
      if (event.type !== 'click' || (event as MouseEvent).button !== 0) return;
      const target = targetOf(event)!;
      let reply: PickReply;
      try {
        reply = describePick(doc, target, request);
      } catch {
        reply = { type: 'exec:pick', picked: null, message: "Trailguide couldn't make sense of that element. Try clicking right on it again." };
      }
      finish(reply);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      finish({ type: 'exec:pick', picked: null, message: 'Stopped pointing. Nothing was picked.' });
    };

    win.addEventListener('mousemove', onMove, true);
    for (const type of SWALLOWED) win.addEventListener(type, onEvent, true);
    win.addEventListener('keydown', onKey, true);
    active.set(doc, () => finish({ type: 'exec:pick', picked: null, message: 'Stopped pointing. Nothing was picked.' }));

    function finish(reply: PickReply) {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      win.removeEventListener('mousemove', onMove, true);
      win.removeEventListener('keydown', onKey, true);
      // "click" ends a click's events, so nothing of it is left for the page to see.
      for (const type of SWALLOWED) win.removeEventListener(type, onEvent, true);
      outlines.remove();
      active.delete(doc);
      resolve(reply);
    }
  });
}

const MAX_SELECTORS = 4;

/** How the person would name the element: its label, placeholder or text (also ./recheck-page.ts's identity of a control). */
export function nameOf(el: Element): string {
  const aria = el.getAttribute('aria-label');
  if (aria) return aria;
  // A widget's field named by its visible label (MUI's section group, many comboboxes).
  const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .map((id) => (id ? el.ownerDocument.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() : ''))
    .filter(Boolean)
    .join(' ');
  if (labelledBy) return labelledBy;
  const labels = (el as HTMLInputElement).labels;
  const labelText = labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim();
  if (labelText) return labelText;
  const placeholder = el.getAttribute('placeholder');
  if (placeholder) return placeholder;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text) return text.slice(0, 60);
  return el.getAttribute('name') ?? el.tagName.toLowerCase();
}

function picked(role: BuilderRole, el: Element, confirmed: Candidate[], extra: Partial<PickedElement> = {}): PickedElement {
  const isField = ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName);
  return {
    role,
    selectors: confirmed.map((c) => c.selector),
    kinds: confirmed.map((c) => c.kind),
    label: nameOf(el).slice(0, 80),
    sample: (isField ? readControlValue(el) : (el.textContent ?? '').replace(/\s+/g, ' ').trim()).slice(0, 80),
    facts: elementFacts(el),
    ...extra,
  };
}

const fail = (message: string): PickReply => ({ type: 'exec:pick', picked: null, message });

/** Turns the clicked element into selectors for the role, checked against this page. */
export function describePick(doc: Document, target: Element, request: PickRequest): PickReply {
  const role = request.role;
  if (role === 'row') {
    const row = resolveRow(target);
    const confirmed = confirmCandidates(proposeRowSelectors(rowFacts(row)), testRows(doc, row), 'many', MAX_SELECTORS);
    if (confirmed.length === 0) return fail("I couldn't tell the result rows apart from the rest of the page. Click on the text of one row.");
    const rowCount = findAll(doc, [confirmed[0]!.selector]).elements.length;
    const facts = elementFacts(row);
    const anchor = anchorCandidates(facts.ancestors)[0];
    // The nearest labelled ancestor (the grid, the table) marks the page in the adapter's fingerprint.
    let containerEl: Element | null = row.parentElement;
    for (let i = 0; anchor && i < anchor.depth && containerEl; i++) containerEl = containerEl.parentElement;
    const container = containerEl ? confirmCandidates(proposeSelectors(elementFacts(containerEl)), testSingle(doc, containerEl), 'single', 3).map((c) => c.selector) : [];
    flashOutlines(doc, [{ elements: findAll(doc, [confirmed[0]!.selector]).elements, tone: 'picked', label: `${rowCount} result rows` }], 2_500);
    return { type: 'exec:pick', picked: picked(role, row, confirmed, { rowCount, container }) };
  }

  if (isCellRole(role)) {
    if (!request.rowSelectors) return fail('Point at a result row first, then at its cells.');
    const rows = findAll(doc, request.rowSelectors).elements;
    const row = rows.find((r) => r.contains(target));
    if (!row) {
      // In the line right after a row (Redmine's <dd> under its <dt>): found from that row (./next-sibling.ts).
      const after = afterRowPick(rows, target, MAX_SELECTORS);
      if (!after) return fail(`That isn't inside one of the result rows. ${ROLE_INFO[role].prompt}`);
      if (after.confirmed.length === 0) return fail("I couldn't find that in the line under the other rows too. Try clicking the same thing under another row.");
      flashOutlines(doc, [{ elements: [after.cell], tone: 'picked', label: ROLE_INFO[role].title }], 2_000);
      return { type: 'exec:pick', picked: picked(role, after.cell, after.confirmed) };
    }
    const cell = resolveCell(target);
    // Text straight in the row, not in an element of its own: the row is probably a sentence.
    // The row's icon for the event type, and the row's style name says the type: read it from there (./class-values.ts).
    const iconOffer = cell === row && role === 'col-action' ? rowClassOffer(rows, row, null) : null;
    if (iconOffer) {
      flashOutlines(doc, [{ elements: [row], tone: 'picked', label: ROLE_INFO[role].title }], 2_000);
      return { type: 'exec:pick', picked: picked(role, row, [{ selector: ':scope', kind: 'class' }], { attr: 'class', pattern: iconOffer.pattern, sample: iconOffer.here ?? '', classOffer: iconOffer }) };
    }
    if (cell === row) return fail('That part of the row is not a separate box, so Trailguide can’t point at it alone. If each row reads like a sentence, press “The rows are sentences” under the steps and select the words instead.');
    const facts = cellFacts(row, cell);
    // Tried on a copy with the columns moved first: a selector that then reads another column is not offered (./survive.ts).
    const confirmed = lastingCellSelectors(proposeCellSelectors(facts), rows, row, (candidates) => confirmCandidates(candidates, testCells(rows, row, cell), 'many', MAX_SELECTORS));
    if (confirmed.length === 0) return fail("I couldn't find that cell in the other rows too. Try clicking the same column in another row.");
    const attr = role === 'col-time' ? timeAttribute(nodeFacts(cell)) : undefined;
    // Under a header row, the column is kept by its header's text: moving columns moves nothing.
    const byHeader = headerPick(rows, row, cell, MAX_SELECTORS);
    flashOutlines(doc, [{ elements: [cell], tone: 'picked', label: ROLE_INFO[role].title }], 2_000);
    // A time of day under a day heading: the day is read from the heading (./time-heading.ts).
    const heading = role === 'col-time' && !attr ? dayHeadingFor(rows, cell.textContent ?? '', rows.slice(0, 200).map((r) => r.querySelector(confirmed[0]!.selector)?.textContent ?? '')) : undefined;
    // Words that don't repeat for the event type, while the row's style name does: offered instead (./class-values.ts).
    const classOffer = role === 'col-action' ? rowClassOffer(rows, row, byHeader ? null : confirmed[0]!.selector) : null;
    return {
      type: 'exec:pick',
      picked: picked(role, cell, confirmed, { cellIndex: facts.steps[0]?.nthChild ?? 1, ...(attr ? { attr } : {}), ...(byHeader ?? {}), ...(heading ?? {}), ...(classOffer ? { classOffer } : {}) }),
    };
  }

  const wantsButton = role === 'submit' || role === 'next';
  // A widget a library strategy knows (a picker's section, a react-select's control, a chip): its own control and way of writing.
  const widget = wantsButton ? null : recogniseWidget(target);
  const el = widget?.element ?? resolveControl(target, wantsButton ? 'button' : 'field');
  if (!widget && !wantsButton && !el.matches('input, select, textarea, [role="combobox"], [contenteditable="true"], [contenteditable=""]')) {
    // Not a box: a list of links or buttons is taken as a list; anything else gets words on what to do instead (./accept.ts).
    const other = acceptOther(doc, target, role, ROLE_INFO[role].prompt);
    if ('problem' in other) return fail(other.problem);
    flashOutlines(doc, [{ elements: [other.element], tone: 'picked', label: ROLE_INFO[role].title }], 2_000);
    return { type: 'exec:pick', picked: picked(role, other.element, other.confirmed, other.extra) };
  }
  const confirmed = confirmCandidates(proposeSelectors(elementFacts(el)), testSingle(doc, el), 'single', MAX_SELECTORS);
  if (confirmed.length === 0) return fail("I couldn't find a way to point at that element again. Try clicking right on it.");
  flashOutlines(doc, [{ elements: [el], tone: 'picked', label: ROLE_INFO[role].title }], 2_000);
  return {
    type: 'exec:pick',
    picked: picked(role, el, confirmed, wantsButton ? {} : { field: widget?.field ?? dateBoxField(el, role) ?? fieldKind(el, role === 'since' || role === 'until') }),
  };
}

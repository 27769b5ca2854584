import { readControlValue } from '../engine/collect';
import { isShowing } from '../engine/gestures';
import { elementFacts, fieldKind, rowFacts, testRows, testSingle } from './describe';
import { OUTLINE_TAG } from './outline';
import type { GestureKey, RecordedEffect, RecordedEvent, RecordedTarget, Recording } from './record';
import { confirmCandidates, looksGenerated, proposeRowSelectors, proposeSelectors } from './selectors';
import { recogniseWidget } from './widgets';

/**
 * The page side of "Show me" (./record.ts): while the panel records, every click, every bit of
 * typing and Enter/Escape/arrow keys on the page are written down — and, unlike the picker,
 * let through, so the console reacts as it always does. Each element is described when it is
 * used (selectors from ./selectors.ts, checked against the page at that moment), since menus
 * and popovers are gone by the time the person presses Done. Runs inside the injected executor.
 */
const CLICKABLE =
  'a[href], button, [role="button"], [role="link"], [role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"], [role="option"], [role="tab"], [role="checkbox"], [role="radio"], [role="switch"], summary, label, li, input, select, textarea';
/** An item of a list is one of these among alike siblings. */
const ITEM_TAGS = new Set(['A', 'BUTTON', 'LI']);
const ITEM_ROLES = new Set(['menuitem', 'menuitemradio', 'menuitemcheckbox', 'option', 'tab', 'link', 'button', 'radio']);
const KEYS = new Set<GestureKey>(['Enter', 'Escape', 'ArrowDown', 'ArrowUp']);
/** Boxes whose typing is recorded. Never a password box: what is typed there is not written down. */
const TEXT_INPUT = /^(|text|search|email|url|tel|number|date|datetime-local|time|month|week)$/;
const MAX_SELECTORS = 4;
const MAX_EVENTS = 40;

interface Session {
  events: RecordedEvent[];
  /** The live elements behind item clicks, read again when the recording ends. */
  items: Map<RecordedEvent, { element: Element; siblings: Element[] }>;
  added: Set<Node>;
  /** The first element whose aria-busy the page changed while recording (its search running). */
  busy: Element | null;
  lastInputAt: number | null;
  lastTyped: Extract<RecordedEvent, { type: 'type' }> | null;
  typedElement: Element | null;
  stop: () => void;
}

const sessions = new WeakMap<Document, Session>();

function nameOf(el: Element): string {
  const aria = el.getAttribute('aria-label') ?? el.getAttribute('title');
  if (aria) return aria.trim();
  const labels = (el as HTMLInputElement).labels;
  const labelText = labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim();
  if (labelText) return labelText;
  const placeholder = el.getAttribute('placeholder');
  if (placeholder) return placeholder;
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
}

/** Alike siblings: same tag and role, two or more. */
function alike(el: Element): Element[] {
  const parent = el.parentElement;
  if (!parent) return [el];
  const role = el.getAttribute('role');
  return Array.from(parent.children).filter((s) => s.tagName === el.tagName && s.getAttribute('role') === role);
}

/**
 * One of a list's items: a link, button, entry or menu item among alike siblings that make up
 * most of its parent — not a control with a name of its own (an id written by hand: "Apply"
 * next to "Add filter" is two buttons, not a list).
 */
export function isItem(el: Element): boolean {
  const role = el.getAttribute('role') ?? '';
  if (!(ITEM_TAGS.has(el.tagName) || ITEM_ROLES.has(role))) return false;
  if (el.id && !looksGenerated(el.id)) return false;
  const siblings = alike(el);
  return siblings.length >= 2 && siblings.length >= (el.parentElement?.children.length ?? 0) * 0.6;
}

function single(doc: Document, el: Element): string[] {
  return confirmCandidates(proposeSelectors(elementFacts(el)), testSingle(doc, el), 'single', MAX_SELECTORS).map((c) => c.selector);
}

function isTextControl(el: Element): boolean {
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName === 'INPUT') return TEXT_INPUT.test((el.getAttribute('type') ?? '').toLowerCase());
  return (el as HTMLElement).isContentEditable || el.getAttribute('role') === 'combobox';
}

/** The element as the recording keeps it, described now (it may be gone when Done is pressed). */
export function describeTarget(doc: Document, el: Element): RecordedTarget {
  const target: RecordedTarget = { selectors: single(doc, el), label: nameOf(el).slice(0, 80), tag: el.tagName.toLowerCase() };
  if (isTextControl(el)) {
    const widget = recogniseWidget(el);
    const kind = widget?.field ?? fieldKind(el, /date|from|until|since|to\b/i.test(`${el.getAttribute('type') ?? ''} ${target.label}`));
    target.field = { kind: kind.kind, format: kind.format, ...('confirm' in kind && kind.confirm ? { confirm: kind.confirm } : {}), ...('family' in kind ? { family: kind.family } : {}) };
  }
  if (isItem(el)) {
    const list = el.parentElement!;
    const items = confirmCandidates(proposeRowSelectors(rowFacts(el)), testRows(doc, el), 'many', MAX_SELECTORS)
      .filter((c) => {
        // Only selectors that find this list's items, not another menu's.
        try {
          return Array.from(doc.querySelectorAll(c.selector)).every((found) => list.contains(found));
        } catch {
          return false;
        }
      })
      .map((c) => c.selector);
    target.item = {
      list: single(doc, list),
      items,
      value: el.getAttribute('data-value') ?? '',
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
      marked: false,
    };
  }
  return target;
}

/** How the page marks the chosen one of `siblings` now: aria, else a class only the chosen item has. */
function chosenMarker(doc: Document, item: Element, siblings: readonly Element[], list: readonly string[]): { marked: boolean; selected?: string[] } {
  const aria = ['aria-current', 'aria-pressed', 'aria-selected', 'aria-checked'];
  if (siblings.some((s) => aria.some((a) => s.hasAttribute(a)))) return { marked: true };
  const own = Array.from(item.classList).filter((c) => /^[a-zA-Z_-][\w-]*$/.test(c) && siblings.every((s) => s === item || !s.classList.contains(c)));
  const root = list[0];
  for (const cls of own) {
    const selector = `${root ? `${root} ` : ''}${item.tagName.toLowerCase()}.${cls}`;
    try {
      const found = Array.from(doc.querySelectorAll(selector));
      if (found.length === 1 && found[0] === item) return { marked: true, selected: [selector] };
    } catch {
      /* a class that isn't a valid selector: try the next */
    }
  }
  return { marked: false };
}

/** Elements added or changed while recording that read one of `values` (a chip "Actor is alice"), outside result rows. */
function effects(doc: Document, session: Session, values: readonly string[]): RecordedEffect[] {
  const wanted = values.map((v) => v.trim().toLowerCase()).filter(Boolean);
  if (wanted.length === 0) return [];
  const changed = [...session.added].filter((n): n is Element => n.nodeType === 1 && (n as Element).isConnected);
  const out: RecordedEffect[] = [];
  const seen = new Set<Element>();
  for (const root of changed) {
    for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
      if (seen.has(el) || out.length >= 12) continue;
      seen.add(el);
      if (el.closest(`${OUTLINE_TAG}, tbody, [role="row"], script, style, input, textarea, select`) || !isShowing(el)) continue;
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (!text || text.length > 160 || !wanted.some((w) => text.toLowerCase().includes(w))) continue;
      const selectors = single(doc, el);
      if (selectors.length > 0) out.push({ selectors, text });
    }
  }
  return out;
}

/**
 * "Trailguide is watching…" at the bottom of the page, out of the way of the controls being
 * shown (a console's search and filters sit at the top). Like the picker's outlines: a closed
 * shadow root the page can't read, that ignores the pointer. Marked data-recording for tests.
 */
function watchingBanner(doc: Document, text: string): Element {
  const host = doc.createElement(OUTLINE_TAG);
  host.setAttribute('data-recording', '');
  host.setAttribute('style', 'all: initial; position: fixed; left: 0; right: 0; bottom: 16px; display: flex; justify-content: center; pointer-events: none; z-index: 2147483647;');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `.banner { max-width: 70vw; padding: 10px 16px; border-radius: 999px; background: #7f1d1d; color: #fff;
    font: 15px/1.35 system-ui, sans-serif; box-shadow: 0 6px 20px rgba(0,0,0,.3); }
    .dot { display: inline-block; width: 9px; height: 9px; margin-right: 8px; border-radius: 50%; background: #fca5a5; }`;
  const banner = doc.createElement('div');
  banner.className = 'banner';
  const dot = doc.createElement('span');
  dot.className = 'dot';
  banner.append(dot, text);
  root.append(style, banner);
  doc.documentElement.append(host);
  return host;
}

export function startRecording(doc: Document, prompt: string): { started: boolean } {
  stopSession(doc);
  const win = doc.defaultView ?? window;
  const banner = watchingBanner(doc, prompt);

  const session: Session = {
    events: [],
    items: new Map(),
    added: new Set(),
    busy: null,
    lastInputAt: null,
    lastTyped: null,
    typedElement: null,
    stop: () => undefined,
  };
  const ours = (node: Node | null) => !!node && (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest(OUTLINE_TAG) != null;
  const push = (event: RecordedEvent) => {
    if (session.events.length < MAX_EVENTS) session.events.push(event);
  };
  const targetOf = (event: Event): Element | null => {
    const first = event.composedPath()[0];
    return first instanceof win.Element && !ours(first) ? first : null;
  };

  const onClick = (event: MouseEvent) => {
    if (event.button !== 0) return;
    const target = targetOf(event);
    if (!target) return;
    const el = target.closest(CLICKABLE) ?? target;
    // Clicking into a box only puts the cursor there; what is typed is recorded.
    if (isTextControl(el) || (el.tagName === 'LABEL' && (el as HTMLLabelElement).control && isTextControl((el as HTMLLabelElement).control!))) return;
    const recorded: RecordedEvent = { type: 'click', target: describeTarget(doc, el) };
    if (recorded.target.item) session.items.set(recorded, { element: el, siblings: alike(el) });
    push(recorded);
    session.lastTyped = null;
  };
  const onInput = (event: Event) => {
    const target = targetOf(event);
    const el = target ? (target.closest('input, textarea, select, [contenteditable]') ?? target) : null;
    if (!el || !isTextControl(el)) return;
    const value = el.tagName === 'SELECT' ? ((el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '').trim() : readControlValue(el);
    const last = session.events[session.events.length - 1];
    // Leaving the box fires "change" with the same text: nothing new was typed.
    if (last?.type === 'type' && session.typedElement === el && last.value === value.slice(0, 200)) return;
    session.lastInputAt = performance.now();
    if (last?.type === 'type' && session.typedElement === el) {
      last.value = value.slice(0, 200);
      delete last.changedAfterMs;
      session.lastTyped = last;
      return;
    }
    const typed: Extract<RecordedEvent, { type: 'type' }> = { type: 'type', target: describeTarget(doc, el), value: value.slice(0, 200) };
    session.typedElement = el;
    session.lastTyped = typed;
    push(typed);
  };
  const onKey = (event: KeyboardEvent) => {
    if (!KEYS.has(event.key as GestureKey) || !targetOf(event)) return;
    push({ type: 'press', key: event.key as GestureKey });
    session.lastTyped = null;
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (ours(record.target)) continue;
      // An element whose aria-busy came and went (the observer may see it only once it is back to false).
      if (record.type === 'attributes' && record.attributeName === 'aria-busy' && !session.busy) {
        session.busy = record.target as Element;
      }
      for (const node of Array.from(record.addedNodes)) if (!ours(node)) session.added.add(node);
      if (record.type === 'characterData' && record.target.parentElement) session.added.add(record.target.parentElement);
      if (record.type === 'childList' && record.addedNodes.length > 0 && record.target.nodeType === 1) session.added.add(record.target);
      // The page answering the typing, with no Enter and no click: a search as you type.
      const typed = session.lastTyped;
      if (typed && typed.changedAfterMs === undefined && session.lastInputAt !== null && !(session.typedElement?.contains(record.target) ?? false)) {
        typed.changedAfterMs = Math.round(performance.now() - session.lastInputAt);
      }
    }
  });
  observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class', 'hidden', 'aria-busy', 'aria-expanded', 'style'] });

  win.addEventListener('click', onClick, true);
  win.addEventListener('input', onInput, true);
  win.addEventListener('change', onInput, true);
  win.addEventListener('keydown', onKey, true);
  session.stop = () => {
    observer.disconnect();
    win.removeEventListener('click', onClick, true);
    win.removeEventListener('input', onInput, true);
    win.removeEventListener('change', onInput, true);
    win.removeEventListener('keydown', onKey, true);
    banner.remove();
  };
  sessions.set(doc, session);
  return { started: true };
}

function stopSession(doc: Document): Session | null {
  const session = sessions.get(doc);
  if (!session) return null;
  sessions.delete(doc);
  session.stop();
  return session;
}

/** Ends the recording: each list item's chosen marker as the page shows it now, and what reads the value. */
export function stopRecording(doc: Document): { recording: Recording | null } {
  const session = stopSession(doc);
  if (!session) return { recording: null };
  const values: string[] = [];
  for (const event of session.events) {
    if (event.type === 'type') values.push(event.value);
    const live = session.items.get(event);
    if (event.type === 'click' && event.target.item) {
      values.push(event.target.item.text);
      if (live) Object.assign(event.target.item, chosenMarker(doc, live.element, live.siblings, event.target.item.list));
    }
  }
  const busy = session.busy?.isConnected ? single(doc, session.busy).map((selector) => `${selector}[aria-busy="true"]`) : [];
  return { recording: { events: session.events, effects: effects(doc, session, values.slice(-1)), ...(busy.length > 0 ? { busy } : {}) } };
}

/** Stops a recording under way without keeping it; true if there was one. */
export function cancelRecording(doc: Document): boolean {
  return stopSession(doc) !== null;
}

import { findFirst, waitForElement } from './query';

/**
 * "Where do I click" spotlight: an outline around an element and a short bubble,
 * drawn inside a closed shadow root so the page can neither style nor read it.
 * The bubble only ever holds guidance from the runbook, never captured data.
 */
export interface HighlightOptions {
  /** Runbook guidance shown beside the element. */
  message?: string;
  /** How long to wait for an element that renders late. */
  waitMs?: number;
  /** How long the spotlight stays unless clicked away or dismissed with Escape. */
  showMs?: number;
  /** Words for the element in messages ("the search box"). */
  label?: string;
  signal?: AbortSignal;
}

export interface HighlightResult {
  ok: boolean;
  selectorUsed?: string;
  message?: string;
}

export const HIGHLIGHT_TAG = 'trailguide-spotlight';
const PAD = 4;
const hosts = new WeakMap<Document, () => void>();

export async function highlightElement(doc: Document, selectors: readonly string[], options: HighlightOptions = {}): Promise<HighlightResult> {
  const waitMs = options.waitMs ?? 5_000;
  const label = options.label ?? 'that part of the page';
  const hit = await waitForElement(doc, () => findFirst(doc, selectors), waitMs, options.signal);
  if (!hit) {
    const seconds = Math.round(waitMs / 1_000);
    const waited = seconds >= 1 ? ` after waiting ${seconds} ${seconds === 1 ? 'second' : 'seconds'}` : '';
    return {
      ok: false,
      message: `I couldn't find ${label} on this page${waited}. It may be on another page or behind a menu — look for it yourself.`,
    };
  }
  showSpotlight(hit.element, options.message ?? 'Here it is.', options.showMs ?? 8_000);
  return { ok: true, selectorUsed: hit.selectorUsed };
}

/** Removes the spotlight from a document, if one is showing. */
export function clearHighlight(doc: Document): void {
  hosts.get(doc)?.();
}

function showSpotlight(element: Element, message: string, showMs: number): void {
  const doc = element.ownerDocument;
  const win = doc.defaultView ?? window;
  clearHighlight(doc);
  if (typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'smooth' });

  const host = doc.createElement(HIGHLIGHT_TAG);
  host.setAttribute('style', 'all: initial; position: fixed; inset: 0; pointer-events: none; z-index: 2147483647;');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `
    .box { position: fixed; border: 3px solid #f59e0b; border-radius: 6px; box-shadow: 0 0 0 9999px rgba(15, 23, 42, 0.35); transition: all 120ms ease-out; }
    .bubble { position: fixed; max-width: 320px; padding: 8px 12px; border-radius: 8px; background: #111827; color: #fff;
      font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.3); }
    .hint { display: block; margin-top: 4px; font-size: 12px; opacity: 0.75; }`;
  const box = doc.createElement('div');
  box.className = 'box';
  const bubble = doc.createElement('div');
  bubble.className = 'bubble';
  bubble.setAttribute('role', 'status');
  bubble.textContent = message.slice(0, 500);
  const hint = doc.createElement('span');
  hint.className = 'hint';
  hint.textContent = 'Click anywhere or press Esc to close.';
  bubble.append(hint);
  root.append(style, box, bubble);
  doc.documentElement.append(host);

  let frame = 0;
  const place = () => {
    frame = 0;
    if (!element.isConnected) return remove();
    const rect = element.getBoundingClientRect();
    Object.assign(box.style, {
      top: `${rect.top - PAD}px`,
      left: `${rect.left - PAD}px`,
      width: `${rect.width + PAD * 2}px`,
      height: `${rect.height + PAD * 2}px`,
    });
    const below = rect.bottom + PAD + 8;
    const roomBelow = win.innerHeight - below > 80;
    Object.assign(bubble.style, {
      top: roomBelow ? `${below}px` : `${Math.max(8, rect.top - PAD - 8 - 64)}px`,
      left: `${Math.max(8, Math.min(rect.left, win.innerWidth - 336))}px`,
    });
  };
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame ? win.requestAnimationFrame(place) : (setTimeout(place, 16) as unknown as number);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') remove();
  };
  const timer = setTimeout(remove, showMs);
  doc.addEventListener('click', remove, true);
  doc.addEventListener('keydown', onKey, true);
  doc.addEventListener('scroll', schedule, true);
  win.addEventListener('resize', schedule);
  place();

  function remove() {
    clearTimeout(timer);
    if (frame && win.cancelAnimationFrame) win.cancelAnimationFrame(frame);
    doc.removeEventListener('click', remove, true);
    doc.removeEventListener('keydown', onKey, true);
    doc.removeEventListener('scroll', schedule, true);
    win.removeEventListener('resize', schedule);
    host.remove();
    if (hosts.get(doc) === remove) hosts.delete(doc);
  }
  hosts.set(doc, remove);
}

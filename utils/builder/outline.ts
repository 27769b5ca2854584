import { clipBox, clippingAncestors } from './outline-clip';

/**
 * Outlines drawn over the page while teaching: the element under the pointer,
 * the element just picked, what a live test found. Drawn in a closed shadow
 * root that ignores the pointer, so the page can neither read nor style it and
 * clicks go through to the page as usual. Only labels chosen by the builder are
 * shown — never captured data.
 */
export type OutlineTone = 'hover' | 'picked' | 'found';

export interface OutlineGroup {
  elements: readonly Element[];
  tone: OutlineTone;
  /** Shown on the group's first box. */
  label?: string;
}

export interface Outlines {
  show(groups: readonly OutlineGroup[]): void;
  banner(text: string | null): void;
  remove(): void;
}

export const OUTLINE_TAG = 'trailguide-builder-overlay';
const COLORS: Record<OutlineTone, string> = { hover: '#2563eb', picked: '#0f766e', found: '#d97706' };
const MAX_BOXES = 60;

export function createOutlines(doc: Document, { picking = false }: { picking?: boolean } = {}): Outlines {
  const win = doc.defaultView ?? window;
  const host = doc.createElement(OUTLINE_TAG);
  // Marks "waiting for a click" (tests wait for it before clicking the page).
  if (picking) host.setAttribute('data-picking', '');
  host.setAttribute('style', 'all: initial; position: fixed; inset: 0; pointer-events: none; z-index: 2147483647;');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `
    .box { position: fixed; border: 2px solid; border-radius: 4px; pointer-events: none; }
    .tag { position: absolute; top: -20px; left: -2px; padding: 1px 6px; border-radius: 4px 4px 4px 0; color: #fff;
      font: 600 11px/16px system-ui, sans-serif; white-space: nowrap; }
    .banner { position: fixed; top: 12px; left: 50%; transform: translateX(-50%); max-width: 70vw; padding: 10px 16px;
      border-radius: 999px; background: #111827; color: #fff; font: 15px/1.35 system-ui, sans-serif;
      box-shadow: 0 6px 20px rgba(0,0,0,.3); }
    .banner small { opacity: .75; margin-left: 8px; }`;
  const layer = doc.createElement('div');
  const banner = doc.createElement('div');
  banner.className = 'banner';
  banner.hidden = true;
  root.append(style, layer, banner);
  doc.documentElement.append(host);

  let tracked: { element: Element; box: HTMLElement; clips: Element[] }[] = [];
  let frame = 0;
  const place = () => {
    frame = 0;
    for (const { element, box, clips } of tracked) {
      // Only the part a person can see: not past a scrolling card, nor over the panel.
      const rect = element.getBoundingClientRect();
      const seen = rect.width === 0 ? null : clipBox(rect, clips.map((clip) => clip.getBoundingClientRect()));
      box.hidden = !element.isConnected || !seen;
      if (!seen) continue;
      Object.assign(box.style, { top: `${seen.top - 3}px`, left: `${seen.left - 3}px`, width: `${seen.right - seen.left + 6}px`, height: `${seen.bottom - seen.top + 6}px` });
    }
  };
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(place);
  };
  win.addEventListener('scroll', schedule, true);
  win.addEventListener('resize', schedule);

  return {
    show(groups) {
      layer.replaceChildren();
      tracked = groups.flatMap(({ elements, tone, label }) =>
        elements.slice(0, MAX_BOXES).map((element, i) => {
          const box = doc.createElement('div');
          box.className = 'box';
          box.style.borderColor = COLORS[tone];
          box.style.background = tone === 'hover' ? 'rgba(37, 99, 235, 0.08)' : 'transparent';
          if (label && i === 0) {
            const tag = doc.createElement('span');
            tag.className = 'tag';
            tag.style.background = COLORS[tone];
            tag.textContent = label.slice(0, 80);
            box.append(tag);
          }
          layer.append(box);
          return { element, box, clips: clippingAncestors(element) };
        }),
      );
      place();
    },
    banner(text) {
      banner.hidden = text === null;
      banner.replaceChildren();
      if (text === null) return;
      const hint = doc.createElement('small');
      hint.textContent = 'Esc to stop';
      banner.append(text, hint);
    },
    remove() {
      if (frame) win.cancelAnimationFrame(frame);
      win.removeEventListener('scroll', schedule, true);
      win.removeEventListener('resize', schedule);
      host.remove();
    },
  };
}

const timed = new WeakMap<Document, { outlines: Outlines; timer: ReturnType<typeof setTimeout> }>();

/** Shows outlines for a while, replacing any shown this way before. */
export function flashOutlines(doc: Document, groups: readonly OutlineGroup[], ms = 6_000): void {
  clearFlash(doc);
  const outlines = createOutlines(doc);
  outlines.show(groups);
  timed.set(doc, { outlines, timer: setTimeout(() => clearFlash(doc), ms) });
}

export function clearFlash(doc: Document): void {
  const old = timed.get(doc);
  if (!old) return;
  clearTimeout(old.timer);
  old.outlines.remove();
  timed.delete(doc);
}

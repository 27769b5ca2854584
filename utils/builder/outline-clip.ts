/**
 * An outline shows only the part of its element a person can see: a row of a table wider than
 * its card (the demo console's, with the panel docked beside it) is cut off by the card's
 * scrolling, and its outline must not run on past the card and over the panel's text.
 */
export interface Box {
  top: number;
  left: number;
  right: number;
  bottom: number;
}

const CUTS = new Set(['hidden', 'auto', 'scroll', 'clip', 'overlay']);

/** The ancestors that cut off what overflows them (overflow hidden, auto, scroll…), nearest first. */
export function clippingAncestors(element: Element): Element[] {
  const win = element.ownerDocument.defaultView;
  const found: Element[] = [];
  if (!win) return found;
  for (let at = element.parentElement; at && at !== element.ownerDocument.documentElement; at = at.parentElement) {
    const style = win.getComputedStyle(at);
    if ([style.overflow, style.overflowX, style.overflowY].some((value) => (value ?? '').split(' ').some((part) => CUTS.has(part)))) found.push(at);
  }
  return found;
}

/** `rect` cut to every box in `clips`; null when nothing of it is left to see. */
export function clipBox(rect: Box, clips: readonly Box[]): Box | null {
  let box = { top: rect.top, left: rect.left, right: rect.right, bottom: rect.bottom };
  for (const clip of clips) {
    box = { top: Math.max(box.top, clip.top), left: Math.max(box.left, clip.left), right: Math.min(box.right, clip.right), bottom: Math.min(box.bottom, clip.bottom) };
  }
  return box.right > box.left && box.bottom > box.top ? box : null;
}

/**
 * Lays the console out in the width beside the docked panel, and gives it back whole.
 *
 * The panel is a fixed frame at the right edge; the page is narrowed by a right margin
 * on its root element, so everything in the page's flow (sticky headers included)
 * reflows into the space left. What the margin cannot reach is moved one element at a
 * time: `position: fixed` elements (headers, drawers, toasts) are laid out against the
 * viewport, and `width: 100vw` blocks against the viewport's width, so both would
 * still run under the panel. Every change is an inline `!important` property whose
 * previous value is kept and put back on release — nothing else on the page is touched
 * and the page keeps its own scrolling (the window still scrolls, nothing is wrapped).
 */
export interface PageDock {
  /** Narrows the page for a panel `width` px wide (0: the page gets its full width). */
  setWidth(width: number): void;
  /** Gives the page back exactly as it was. */
  release(): void;
}

/** The narrowest page worth docking beside: below it the panel floats over the page as before. */
export const MIN_PAGE_WIDTH = 320;
/** Subtrees that never hold a fixed layout element and can be large: skipped when scanning. */
// (tagName: upper case for HTML elements, as written for SVG ones.)
const SKIP = new Set(['TBODY', 'svg', 'SELECT', 'PRE', 'CODE', 'TRAILGUIDE-PANEL']);
/** Mutations come in bursts: look at the new elements at most once per this many ms. */
const RESCAN_EVERY_MS = 100;

type Saved = Map<string, [value: string, priority: string]>;

export function createPageDock(doc: Document = document): PageDock {
  const win = doc.defaultView ?? window;
  const root = doc.documentElement;
  const saved = new Map<HTMLElement, Saved>();
  /** The panel's width as asked for, and the width the page actually gives up (0: not docked). */
  let wanted = 0;
  let width = 0;
  let observer: MutationObserver | undefined;
  let pending = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const set = (el: HTMLElement, prop: string, value: string) => {
    let props = saved.get(el);
    if (!props) saved.set(el, (props = new Map()));
    if (!props.has(prop)) props.set(prop, [el.style.getPropertyValue(prop), el.style.getPropertyPriority(prop)]);
    el.style.setProperty(prop, value, 'important');
  };

  const unset = (el: HTMLElement, prop: string) => {
    const old = saved.get(el)?.get(prop);
    if (!old) return;
    if (old[0]) el.style.setProperty(prop, old[0], old[1]);
    else el.style.removeProperty(prop);
    saved.get(el)?.delete(prop);
  };

  const restore = () => {
    for (const [el, props] of saved) {
      for (const [prop, [value, priority]] of props) {
        if (value) el.style.setProperty(prop, value, priority);
        else el.style.removeProperty(prop);
      }
      if (el.getAttribute('style') === '') el.removeAttribute('style');
    }
    saved.clear();
  };

  /** The x where the panel begins (the viewport's width without its scroll bar, minus the panel). */
  const edge = () => root.clientWidth - width;

  /** Moves one element out from under the panel, if it is laid out against the viewport. */
  const fit = (el: HTMLElement) => {
    if (saved.has(el)) return;
    const style = win.getComputedStyle(el);
    if (style.display === 'none') return;
    const limit = edge();
    if (style.position === 'fixed') {
      const box = el.getBoundingClientRect();
      if (box.right <= limit + 0.5 || box.width === 0) return;
      // Anchored to the right (drawers, right-hand toasts, full-width bars): move the anchor.
      // Compared in the same task, so an animation running on it cannot fool the test.
      const right = Number.parseFloat(style.right);
      if (Number.isFinite(right)) {
        set(el, 'right', `${right + width}px`);
        if (el.getBoundingClientRect().right < box.right - 0.5) return;
        unset(el, 'right');
      }
      // Placed by its left and width instead: no wider than the space left.
      set(el, 'max-width', `${Math.max(0, limit - Math.max(0, box.left))}px`);
      return;
    }
    if (style.position === 'absolute' || style.position === 'sticky') return;
    // A block as wide as the whole viewport (`100vw`) while the page is narrower.
    const w = Number.parseFloat(style.width);
    if (w >= root.clientWidth - 0.5 && w > limit + 0.5) set(el, 'max-width', '100%');
  };

  const scan = (from: Element) => {
    if (from instanceof win.HTMLElement && !SKIP.has(from.tagName)) fit(from);
    const walker = doc.createTreeWalker(from, NodeFilter.SHOW_ELEMENT, {
      acceptNode: (node) => (SKIP.has((node as Element).tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node instanceof win.HTMLElement) fit(node);
  };

  const layOut = () => {
    restore();
    width = wanted > 0 && root.clientWidth - wanted >= MIN_PAGE_WIDTH ? Math.round(wanted) : 0;
    if (width > 0) {
      set(root, 'margin-right', `${width}px`);
      // A page whose root sets its own width would otherwise keep it under the panel.
      set(root, 'width', 'auto');
      set(root, 'max-width', 'none');
      if (doc.body) scan(doc.body);
      fitOverflow();
    }
  };

  /**
   * Content wider than the space left (a table with a fixed minimum width) runs past the
   * page's edge. As in a narrower window, it must scroll into view: the root is made as
   * wide as that content, so the window scrolls far enough to bring it out from under the panel.
   */
  const fitOverflow = () => {
    const body = doc.body;
    if (!body) return;
    unset(root, 'min-width');
    const contentRight = body.getBoundingClientRect().left + win.scrollX + body.scrollWidth;
    if (contentRight > edge() + win.scrollX + 1) set(root, 'min-width', `${Math.ceil(contentRight)}px`);
  };

  const rescanPending = () => {
    timer = undefined;
    const targets = [...pending];
    pending = new Set();
    for (const target of targets) if (target.isConnected) scan(target);
    fitOverflow();
  };

  const watch = () => {
    if (observer || typeof MutationObserver === 'undefined') return;
    observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') {
          const target = record.target as HTMLElement;
          // Our own inline changes come back as style mutations: leave those elements be.
          if (!(record.attributeName === 'style' && saved.has(target))) pending.add(target);
        } else for (const node of record.addedNodes) if (node.nodeType === 1) pending.add(node as Element);
      }
      if (pending.size > 0) timer ??= setTimeout(rescanPending, RESCAN_EVERY_MS);
    });
    observer.observe(doc.body ?? root, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'open'] });
    win.addEventListener('resize', onResize);
  };

  const unwatch = () => {
    observer?.disconnect();
    observer = undefined;
    if (timer) clearTimeout(timer);
    timer = undefined;
    pending.clear();
    win.removeEventListener('resize', onResize);
  };

  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  function onResize() {
    if (resizeTimer) clearTimeout(resizeTimer);
    resizeTimer = setTimeout(layOut, RESCAN_EVERY_MS);
  }

  return {
    setWidth(next) {
      wanted = Math.max(0, next);
      layOut();
      // Watched while a panel is asked for, even too wide to dock: a wider window may fit it.
      if (wanted > 0) watch();
      else unwatch();
    },
    release() {
      wanted = width = 0;
      unwatch();
      restore();
    },
  };
}

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
  /** Counts layouts, so a scan put off to after the next frame is dropped when a newer layout came first. */
  let turns = 0;

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
      for (const prop of props.keys()) unset(el, prop);
      if (el.getAttribute('style') === '') el.removeAttribute('style');
    }
    saved.clear();
  };

  /** The x where the panel begins (the viewport's width without its scroll bar, minus the panel). */
  const edge = () => root.clientWidth - width;

  /**
   * Calls `visit` for each element in `from` and below, but inside the subtrees skipped (SKIP). The walk
   * steps over a skipped subtree itself: a walker's filter would call back into script for every node.
   */
  const each = (from: Element[], visit: (el: HTMLElement) => void) => {
    for (const top of from) {
      // NodeFilter's SHOW_ELEMENT, as a number: the content script ships every byte.
      const walker = doc.createTreeWalker(top, 1);
      for (let node: Node | null = top; node; ) {
        if (SKIP.has((node as Element).tagName)) {
          // Past the subtree: the next sibling of it or of the nearest ancestor that has one (null back at `top`).
          node = null;
          while (!(node = walker.nextSibling()) && walker.parentNode());
        } else {
          if (node instanceof win.HTMLElement) visit(node);
          node = walker.nextNode();
        }
      }
    }
  };

  /**
   * Moves what is laid out against the viewport out from under the panel, in `from` and below:
   * `position: fixed` elements (anchored right: the anchor moves; otherwise no wider than the
   * space left) and blocks as wide as the viewport (`100vw`). All reads first, against one
   * layout of the page at its new width, then all writes, then one read to check the moved
   * anchors — never a read after each write, which would lay the page out once per element
   * (docs/performance.md, CPU on a recognised console).
   */
  const scan = (from: Element[]) => {
    const limit = edge();
    const viewport = root.clientWidth;
    /** Fixed elements under the panel: their `right` (NaN, which equals nothing: placed by their left) and box. */
    const under: [el: HTMLElement, right: number, box: DOMRect][] = [];
    const wide: HTMLElement[] = [];
    const look = (el: HTMLElement) => {
      if (saved.has(el)) return;
      const style = win.getComputedStyle(el);
      if (style.display === 'none') return;
      if (style.position === 'fixed') {
        const box = el.getBoundingClientRect();
        if (box.right > limit + 0.5 && box.width > 0) under.push([el, parseFloat(style.right), box]);
      } else if (style.position !== 'absolute' && style.position !== 'sticky') {
        const w = parseFloat(style.width);
        if (w >= viewport - 0.5 && w > limit + 0.5) wide.push(el);
      }
    };
    each(from, look);
    for (const el of wide) set(el, 'max-width', '100%');
    // Anchored to the right (drawers, right-hand toasts, full-width bars): move the anchor …
    for (const [el, right] of under) if (right === right) set(el, 'right', `${right + width}px`);
    // … kept where the element did move left (read in the same task, so an animation running on
    // it cannot fool the test); otherwise placed by its left and width: no wider than the space left.
    for (const [el, right, box] of under) {
      if (right === right && el.getBoundingClientRect().right < box.right - 0.5) continue;
      unset(el, 'right');
      set(el, 'max-width', `${Math.max(0, limit - Math.max(0, box.left))}px`);
    }
    fitOverflow();
  };

  /**
   * Runs `then` in the browser's next frame, once it has computed the page's style and layout
   * and before it paints: a ResizeObserver's first callback. Reads there cost next to nothing
   * (nothing is dirty: made mid-parse, the first read made the browser compute the style of
   * the page parsed so far inside our call), and what is changed there is laid out again
   * before that same paint — a fixed element moved there moves in the frame the panel appears
   * in (no layout shift). A hidden tab has no frames: it waits until the tab is shown.
   */
  const afterLayout = (then: () => void) => {
    const observer = new win.ResizeObserver(() => {
      observer.disconnect();
      then();
    });
    observer.observe(root);
  };

  const layOut = () => {
    const turn = ++turns;
    restore();
    // The window's width decides whether to dock (no layout needed: the scroll bar's few pixels
    // do not change the answer). Only writes here; every read waits for the frame's own layout.
    width = wanted > 0 && win.innerWidth - wanted >= MIN_PAGE_WIDTH ? Math.round(wanted) : 0;
    if (width > 0) {
      set(root, 'margin-right', `${width}px`);
      // A page whose root sets its own width would otherwise keep it under the panel.
      set(root, 'width', 'auto');
      set(root, 'max-width', 'none');
      afterLayout(() => turn === turns && width > 0 && doc.body && scan([doc.body]));
    }
  };

  /**
   * Content wider than the space left (a table with a fixed minimum width) runs past the
   * page's edge. As in a narrower window, it must scroll into view: the root is made as
   * wide as that content, so the window scrolls far enough to bring it out from under the panel.
   */
  function fitOverflow() {
    const body = doc.body;
    if (!body) return;
    unset(root, 'min-width');
    const contentRight = body.getBoundingClientRect().left + win.scrollX + body.scrollWidth;
    if (contentRight > edge() + win.scrollX + 1) set(root, 'min-width', `${Math.ceil(contentRight)}px`);
  }

  const rescanPending = () => {
    timer = undefined;
    if (!observer) return; // released (or folded) before the frame came
    const targets = [...pending];
    pending = new Set();
    // Not those gone, nor those inside a subtree the scan skips (rows added to a table).
    scan(targets.filter((target) => target.isConnected && !target.parentElement?.closest('tbody,pre,code,select,svg')));
  };

  const watch = () => {
    if (observer) return;
    observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') {
          const target = record.target as HTMLElement;
          // Our own inline changes come back as style mutations: leave those elements be.
          if (!(record.attributeName === 'style' && saved.has(target))) pending.add(target);
        } else for (const node of record.addedNodes) if (node.nodeType === 1) pending.add(node as Element);
      }
      if (pending.size > 0) timer ??= setTimeout(() => afterLayout(rescanPending), RESCAN_EVERY_MS);
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

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageDock } from '../../utils/page-dock';
import { clampPanelWidth, createPanelHost } from '../../utils/panel-host';

// @vitest-environment happy-dom

// happy-dom lays nothing out: the viewport's width and the boxes that matter are given by hand.
function viewportWidth(width: number) {
  Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, get: () => width });
  // The window's width (with no scroll bar here): what the dock reads to decide, without a layout.
  Object.defineProperty(window, 'innerWidth', { configurable: true, get: () => width });
}

/** A box whose right edge is `right` until its inline `right` is set, then moves left by that much. */
function rightAnchoredBox(el: HTMLElement, viewport: number, boxWidth: number) {
  el.getBoundingClientRect = () => {
    const shift = Number.parseFloat(el.style.getPropertyValue('right') || '0');
    const right = viewport - shift;
    return { left: right - boxWidth, right, top: 0, bottom: 100, width: boxWidth, height: 100, x: right - boxWidth, y: 0, toJSON: () => ({}) };
  };
}

/**
 * The browser's next frame, up to its layout: happy-dom has no frames, and its ResizeObserver does
 * nothing. This one keeps the observers a test made; `layoutDone()` calls back each that observes
 * something, as the browser does once it has laid the page out (before it paints).
 */
const observers = new Set<{ callback: ResizeObserverCallback; self: ResizeObserver; observing: boolean }>();
class FrameResizeObserver {
  private readonly entry;
  constructor(callback: ResizeObserverCallback) {
    this.entry = { callback, self: this as unknown as ResizeObserver, observing: false };
    observers.add(this.entry);
  }
  observe() {
    this.entry.observing = true;
  }
  unobserve() {
    this.entry.observing = false;
  }
  disconnect() {
    this.entry.observing = false;
    observers.delete(this.entry);
  }
}
function layoutDone() {
  for (const entry of [...observers]) if (entry.observing) entry.callback([], entry.self);
}

describe('docking the page beside the panel', () => {
  const original = window.ResizeObserver;
  beforeEach(() => {
    viewportWidth(1280);
    document.body.innerHTML = '';
    document.documentElement.removeAttribute('style');
    observers.clear();
    window.ResizeObserver = FrameResizeObserver as unknown as typeof ResizeObserver;
  });
  afterEach(() => {
    for (const el of document.querySelectorAll('trailguide-panel')) el.remove();
    window.ResizeObserver = original;
  });

  it("narrows the page by the panel's width and gives back the root's own style exactly", () => {
    document.documentElement.setAttribute('style', 'width: 90%; color: red');
    const dock = createPageDock();
    dock.setWidth(400);
    const root = document.documentElement.style;
    expect(root.getPropertyValue('margin-right')).toBe('400px');
    expect(root.getPropertyPriority('margin-right')).toBe('important');
    expect(root.getPropertyValue('width')).toBe('auto');
    dock.setWidth(460);
    expect(root.getPropertyValue('margin-right')).toBe('460px');
    dock.release();
    expect(root.getPropertyValue('margin-right')).toBe('');
    expect(root.getPropertyValue('width')).toBe('90%');
    expect(root.getPropertyValue('color')).toBe('red');
    dock.setWidth(400);
    dock.setWidth(0); // folded: whole again
    expect(root.getPropertyValue('margin-right')).toBe('');
    expect(root.getPropertyValue('width')).toBe('90%');
    dock.release();
  });

  it('leaves a root without a style attribute without one after release', () => {
    const dock = createPageDock();
    dock.setWidth(400);
    dock.release();
    expect(document.documentElement.hasAttribute('style')).toBe(false);
  });

  it('moves a fixed, right-anchored element (a drawer) out from under the panel once the frame is laid out, before it is painted; and back', () => {
    const drawer = document.createElement('aside');
    drawer.style.position = 'fixed';
    drawer.style.right = '0px';
    drawer.style.width = '300px';
    drawer.textContent = 'Event details';
    document.body.append(drawer);
    rightAnchoredBox(drawer, 1280, 300);
    const dock = createPageDock();
    dock.setWidth(400);
    // Only writes before the frame: the margin at once, nothing read (no style or layout forced mid-parse).
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('400px');
    expect(drawer.style.getPropertyValue('right')).toBe('0px');
    // In the frame's own layout step (a ResizeObserver's callback), before its paint: the drawer moves in the frame the panel appears in.
    layoutDone();
    expect(drawer.style.getPropertyValue('right')).toBe('400px');
    expect(drawer.style.getPropertyValue('max-width')).toBe('');
    dock.release();
    expect(drawer.style.getPropertyValue('right')).toBe('0px');
    expect(drawer.style.getPropertyPriority('right')).toBe('');
  });

  it('fits a block as wide as the viewport in the same step, but nothing inside the subtrees it skips; not after release', () => {
    const banner = document.createElement('div');
    banner.style.width = '1280px';
    const table = document.createElement('table');
    const body = table.appendChild(document.createElement('tbody'));
    const row = body.appendChild(document.createElement('tr'));
    row.style.width = '1280px';
    document.body.append(banner, table);
    const dock = createPageDock();
    dock.setWidth(400);
    expect(banner.style.getPropertyValue('max-width')).toBe('');
    layoutDone();
    expect(banner.style.getPropertyValue('max-width')).toBe('100%');
    expect(row.style.getPropertyValue('max-width')).toBe(''); // a table's rows are never scanned
    dock.release();
    expect(banner.style.getPropertyValue('max-width')).toBe('');
    // A scan put off by a layout that was released before the frame does nothing.
    dock.setWidth(400);
    dock.release();
    layoutDone();
    expect(banner.style.getPropertyValue('max-width')).toBe('');
    expect(document.documentElement.hasAttribute('style')).toBe(false);
  });

  it('looks at elements the page adds later in a later frame, and not once released', async () => {
    const dock = createPageDock();
    dock.setWidth(400);
    layoutDone();
    const toasts = document.createElement('div');
    toasts.style.position = 'fixed';
    toasts.style.right = '0px';
    toasts.textContent = 'Saved';
    rightAnchoredBox(toasts, 1280, 300);
    document.body.append(toasts);
    // The mutations are gathered for a while, then looked at in the next frame's layout step.
    await vi.waitFor(() => expect([...observers].some((entry) => entry.observing)).toBe(true));
    expect(toasts.style.getPropertyValue('right')).toBe('0px');
    layoutDone();
    expect(toasts.style.getPropertyValue('right')).toBe('400px');
    const late = document.createElement('div');
    late.style.position = 'fixed';
    late.style.right = '0px';
    rightAnchoredBox(late, 1280, 300);
    document.body.append(late);
    await vi.waitFor(() => expect([...observers].some((entry) => entry.observing)).toBe(true));
    dock.release();
    // (Content wider than the window: a scan would widen the root to it.)
    Object.defineProperty(document.body, 'scrollWidth', { configurable: true, get: () => 1500 });
    layoutDone();
    delete (document.body as { scrollWidth?: number }).scrollWidth;
    expect(late.style.getPropertyValue('right')).toBe('0px');
    expect(document.documentElement.hasAttribute('style')).toBe(false);
  });

  it('does not dock where too little of the page would be left (the panel floats as before)', () => {
    viewportWidth(600);
    const dock = createPageDock();
    dock.setWidth(400);
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('');
    dock.release();
  });
});

describe('the panel width and its grip', () => {
  it('clamps widths to 280–600 px and falls back to 400 px for anything that is not a number', () => {
    expect(clampPanelWidth(100)).toBe(280);
    expect(clampPanelWidth(9000)).toBe(600);
    expect(clampPanelWidth(433.4)).toBe(433);
    expect(clampPanelWidth('500')).toBe(400);
    expect(clampPanelWidth(Number.NaN)).toBe(400);
  });

  it('resizes with the arrow keys, Home and End, and reports each resize to be remembered', () => {
    viewportWidth(1280);
    const roots: ShadowRoot[] = [];
    const original = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      const root = original.call(this, init);
      roots.push(root);
      return root;
    };
    const onResized = vi.fn();
    const host = createPanelHost('about:blank#adapter=a', true, true, { width: 420, onResized });
    Element.prototype.attachShadow = original;
    const grip = roots[0]!.querySelector<HTMLElement>('[role=separator]')!;
    const frame = roots[0]!.querySelector('iframe')!;
    expect(frame.style.width).toBe('420px');
    // The page gives up the frame's width and the grip's 6 px strip beside it.
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('426px');
    const press = (key: string, shiftKey = false) => grip.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true }));
    press('ArrowLeft');
    expect(host.width()).toBe(440);
    expect(grip.getAttribute('aria-valuenow')).toBe('440');
    expect(onResized).toHaveBeenLastCalledWith(440);
    press('ArrowRight', true);
    expect(host.width()).toBe(360);
    press('End');
    expect(frame.style.width).toBe('600px');
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('606px');
    press('Home');
    expect(host.width()).toBe(280);
    host.setOpen(false); // folded: the page is whole again
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('');
    host.setOpen(true);
    host.remove();
    expect(document.documentElement.hasAttribute('style')).toBe(false);
  });
});

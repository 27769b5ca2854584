import { createPageDock } from './page-dock';

/**
 * The panel's frame on the page: an extension-page iframe inside a closed shadow
 * root, so the page's scripts can neither style nor read it (DESIGN.md §3.2).
 * Open, it is docked: the page is narrowed to the width left beside it (page-dock.ts),
 * and a grip along its left edge resizes it (drag, or the arrow keys once focused).
 * Collapsed, the same iframe shrinks to a small tab that holds the reopen button, and
 * the page gets its full width back.
 */
export interface PanelHost {
  setOpen(open: boolean): void;
  isOpen(): boolean;
  /** Shows a frame that was started hidden; nothing happens if it is already shown. */
  reveal(): void;
  isRevealed(): boolean;
  /** The open panel's width in px (clamped to PANEL_MIN_WIDTH–PANEL_MAX_WIDTH). */
  setWidth(width: number): void;
  width(): number;
  remove(): void;
}

export const PANEL_MIN_WIDTH = 280;
export const PANEL_MAX_WIDTH = 600;
export const PANEL_DEFAULT_WIDTH = 400;
/**
 * The grip is a strip of its own left of the frame, never on top of it: the panel pauses
 * copy and open while anything covers its frame (components/escalation/visibility.ts).
 */
const GRIP_WIDTH = 6;
/** One arrow key press on the grip; with Shift, four. */
const KEY_STEP = 20;

export function clampPanelWidth(width: unknown): number {
  // Number.isFinite is false for anything that is not a number.
  const n = Number.isFinite(width) ? Math.round(width as number) : PANEL_DEFAULT_WIDTH;
  return Math.min(PANEL_MAX_WIDTH, Math.max(PANEL_MIN_WIDTH, n));
}

export interface PanelHostOptions {
  /** The width remembered for this site. */
  width?: number;
  /** Called once a resize ends (drag released, key pressed) with the new width, to remember it. */
  onResized?: (width: number) => void;
}

const HOST_TAG = 'trailguide-panel';
const STYLE =
  ':host{all:initial}' +
  'iframe{position:fixed;z-index:2147483647;border:0;background:transparent;color-scheme:normal;right:0}' +
  'iframe.open{top:0;max-width:100vw;height:100vh}' +
  'iframe.closed{top:calc(50vh - 70px);width:44px;height:140px;box-shadow:-2px 2px 10px #0f172a33;border-radius:8px 0 0 8px}' +
  'iframe.pending{visibility:hidden}' +
  'iframe.dragging{pointer-events:none}' +
  '.grip{position:fixed;z-index:2147483647;top:0;height:100vh;width:6px;cursor:ew-resize;outline:none;touch-action:none;background:#f1f5f9}' +
  '.grip::after{content:"";position:absolute;top:calc(50% - 24px);left:1px;width:4px;height:48px;border-radius:2px;background:#94a3b8;opacity:.5}' +
  '.grip:hover::after,.grip.dragging::after{opacity:1}' +
  '.grip:focus-visible::after{opacity:1;background:#0f766e;box-shadow:0 0 0 2px #fff,0 0 0 4px #0f766e}' +
  '.grip.closed,.grip.pending{display:none}';

/**
 * `revealed: false` starts the frame hidden (not painted, not clickable, out of the
 * tab order and the accessibility tree, and the page not narrowed): the panel's process
 * starts and renders while the page is still loading, and `reveal()` shows it once the
 * page is recognised.
 */
export function createPanelHost(src: string, initiallyOpen: boolean, revealed = true, options: PanelHostOptions = {}): PanelHost {
  // Exactly one panel per tab, whatever happened before (e.g. an orphaned host).
  for (const old of document.querySelectorAll(HOST_TAG)) old.remove();
  const host = document.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.title = 'Trailguide';
  frame.allow = 'clipboard-write';
  const grip = document.createElement('div');
  grip.tabIndex = 0;
  const gripAttributes = {
    role: 'separator',
    'aria-orientation': 'vertical',
    'aria-label': 'Resize the Trailguide panel',
    'aria-valuemin': `${PANEL_MIN_WIDTH}`,
    'aria-valuemax': `${PANEL_MAX_WIDTH}`,
  };
  for (const [name, value] of Object.entries(gripAttributes)) grip.setAttribute(name, value);
  const dock = createPageDock();
  let open = initiallyOpen;
  let shown = revealed;
  let width = clampPanelWidth(options.width);
  let dragging = false;
  const paint = () => {
    const state = `${open ? 'open' : 'closed'}${shown ? '' : ' pending'}${dragging ? ' dragging' : ''}`;
    frame.className = state;
    grip.className = `grip ${state}`;
    frame.style.width = open ? `${width}px` : '';
    grip.style.right = `${width}px`;
    grip.setAttribute('aria-valuenow', `${width}`);
    dock.setWidth(open && shown ? width + GRIP_WIDTH : 0);
  };
  const resize = (next: number, done: boolean) => {
    const clamped = clampPanelWidth(next);
    if (clamped !== width) {
      width = clamped;
      paint();
    }
    if (done) options.onResized?.(width);
  };

  // Dragging: the grip keeps the pointer (capture) even over the frame, which would swallow it.
  let startX = 0;
  let startWidth = width;
  let frameRequest = 0;
  grip.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    event.preventDefault(); // no text selection while dragging; so focus the grip by hand
    grip.focus();
    grip.setPointerCapture(event.pointerId);
    dragging = true;
    startX = event.clientX;
    startWidth = width;
    paint();
  });
  grip.addEventListener('pointermove', (event) => {
    if (!dragging) return;
    const x = event.clientX;
    cancelAnimationFrame(frameRequest);
    frameRequest = requestAnimationFrame(() => resize(startWidth + (startX - x), false));
  });
  const endDrag = (event: PointerEvent) => {
    if (!dragging) return;
    dragging = false;
    cancelAnimationFrame(frameRequest);
    resize(startWidth + (startX - event.clientX), true);
    paint();
  };
  grip.addEventListener('pointerup', endDrag);
  grip.addEventListener('pointercancel', endDrag);
  grip.addEventListener('keydown', (event) => {
    const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP;
    const next =
      event.key === 'ArrowLeft' ? width + step
      : event.key === 'ArrowRight' ? width - step
      : event.key === 'Home' ? PANEL_MIN_WIDTH
      : event.key === 'End' ? PANEL_MAX_WIDTH
      : undefined;
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation(); // the console's own shortcuts do not see the keys meant for the grip
    resize(next, true);
  });

  root.append(style, frame, grip);
  document.documentElement.append(host);
  paint();
  return {
    setOpen(next) {
      open = next;
      paint();
    },
    isOpen: () => open,
    reveal() {
      shown = true;
      paint();
    },
    isRevealed: () => shown,
    setWidth(next) {
      resize(next, false);
    },
    width: () => width,
    remove: () => {
      dock.release();
      host.remove();
    },
  };
}

const NOTICE_TAG = 'trailguide-reconnect';
// (Written compact: the content script ships these bytes as they are.)
const NOTICE_STYLE =
  ':host{all:initial}div{position:fixed;z-index:2147483647;right:12px;bottom:12px;max-width:320px;padding:12px 14px;' +
  'font:14px/1.4 system-ui,sans-serif;color:#0f172a;background:#fff;border:1px solid #cbd5e1;' +
  'border-radius:8px;box-shadow:0 6px 24px #0f172a2e}button{font:inherit;margin:8px 8px 0 0;padding:4px 10px;cursor:pointer}';

/**
 * Shown by a content script that the browser cut off from the extension (after an
 * update or reload): the panel is gone, and reloading the page brings it back.
 * It holds no data, only this sentence and two buttons.
 */
export function showReconnectNotice(): void {
  for (const old of document.querySelectorAll(NOTICE_TAG)) old.remove();
  const host = document.createElement(NOTICE_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = NOTICE_STYLE;
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.textContent = 'Trailguide was updated or restarted, so its panel closed. Reload this page to bring it back.';
  const reload = document.createElement('button');
  reload.textContent = 'Reload page';
  reload.addEventListener('click', () => location.reload());
  const dismiss = document.createElement('button');
  dismiss.textContent = 'Not now';
  dismiss.addEventListener('click', () => host.remove());
  box.append(document.createElement('br'), reload, dismiss);
  root.append(style, box);
  document.documentElement.append(host);
}

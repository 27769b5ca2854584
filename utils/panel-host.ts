/**
 * The panel's frame on the page: an extension-page iframe inside a closed shadow
 * root, so the page's scripts can neither style nor read it (DESIGN.md §3.2).
 * Collapsed, the same iframe shrinks to a small tab that holds the reopen button.
 */
export interface PanelHost {
  setOpen(open: boolean): void;
  isOpen(): boolean;
  /** Shows a frame that was started hidden; nothing happens if it is already shown. */
  reveal(): void;
  isRevealed(): boolean;
  remove(): void;
}

const HOST_TAG = 'trailguide-panel';
const STYLE = `
:host { all: initial; }
iframe {
  position: fixed; z-index: 2147483647; border: 0; background: transparent;
  color-scheme: normal; right: 0;
}
iframe.open { top: 0; width: 400px; max-width: 100vw; height: 100vh;
  box-shadow: -6px 0 24px rgba(15, 23, 42, 0.18); }
iframe.closed { top: calc(50vh - 70px); width: 44px; height: 140px;
  box-shadow: -2px 2px 10px rgba(15, 23, 42, 0.2); border-radius: 8px 0 0 8px; }
iframe.pending { visibility: hidden; }
`;

/**
 * `revealed: false` starts the frame hidden (not painted, not clickable, out of the
 * tab order and the accessibility tree): the panel's process starts and renders
 * while the page is still loading, and `reveal()` shows it once the page is recognised.
 */
export function createPanelHost(src: string, initiallyOpen: boolean, revealed = true): PanelHost {
  // Exactly one panel per tab, whatever happened before (e.g. an orphaned host).
  for (const old of document.querySelectorAll(HOST_TAG)) old.remove();
  const host = document.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.title = 'Trailguide';
  frame.setAttribute('allow', 'clipboard-write');
  let open = initiallyOpen;
  let shown = revealed;
  const paint = () => (frame.className = `${open ? 'open' : 'closed'}${shown ? '' : ' pending'}`);
  paint();
  root.append(style, frame);
  document.documentElement.append(host);
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
    remove: () => host.remove(),
  };
}

const NOTICE_TAG = 'trailguide-reconnect';
const NOTICE_STYLE = `
:host { all: initial; }
div { position: fixed; z-index: 2147483647; right: 12px; bottom: 12px; max-width: 320px; padding: 12px 14px;
  font: 14px/1.4 system-ui, sans-serif; color: #0f172a; background: #fff; border: 1px solid #cbd5e1;
  border-radius: 8px; box-shadow: 0 6px 24px rgba(15, 23, 42, 0.18); }
button { font: inherit; margin: 8px 8px 0 0; padding: 4px 10px; cursor: pointer; }
`;

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

import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

/**
 * The only script on pages of the built-in hosts where no adapter's address fits
 * (wxt.config.ts lists it; the detector itself is listed only for the adapters'
 * addresses). It touches no extension API until the page moves within itself —
 * merely asking for `chrome.runtime` costs milliseconds on every page load — and
 * then tells the background, which brings the detector if an adapter's address
 * fits now (single-page consoles move into their audit log without a reload).
 */
type Messenger = { runtime?: { sendMessage?: (message: object) => unknown } };

export default defineUnlistedScript(() => {
  let last = location.href;
  const moved = () => {
    if (location.href === last) return;
    last = location.href;
    try {
      const api = ((globalThis as { browser?: Messenger }).browser ?? (globalThis as { chrome?: Messenger }).chrome)?.runtime;
      void Promise.resolve(api?.sendMessage?.({ type: 'page:navigated' })).catch(() => undefined);
    } catch {
      // Cut off from the extension (updated or removed): nothing to tell.
    }
  };
  addEventListener('popstate', moved);
  addEventListener('hashchange', moved);
  // The Navigation API (Chromium) reports pushState at once; elsewhere, a cheap poll.
  const navigation = (window as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('currententrychange', moved);
  else setInterval(moved, 1_000);
});
